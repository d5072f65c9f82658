package vn.tonghop.console;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the server is up, where the console is and how to sign in. */
@Component
class ConsoleStarted {

	private static final Log logger = LogFactory.getLog(ConsoleStarted.class);

	private final ConsoleSettings settings;

	private final Environment environment;

	ConsoleStarted(ConsoleSettings settings, Environment environment) {
		this.settings = settings;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		logger.info("Bảng điều khiển: " + address() + " (đăng nhập bằng tài khoản do quản trị viên tạo,"
				+ " hoặc bằng tài khoản admin với mật khẩu dùng một lần in ở lần khởi động đầu).");
	}

	/** The console's address as a browser on this machine reaches it. */
	String address() {
		String host = this.settings.address();
		if ("0.0.0.0".equals(host) || "::".equals(host)) {
			host = "127.0.0.1";
		}
		if (host.contains(":")) {
			host = "[" + host + "]";
		}
		return "http://" + host + ":" + this.environment.getProperty("local.server.port") + "/";
	}

}
