package vn.tonghop.console.users;

import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first administrator, when the console starts with no user of the federation (the
 * unions' accounts, which {@code tonghop user unions} may have made first, do not count:
 * someone must manage them): {@code admin}, with a one-time password printed once in the
 * log, to be changed at the first sign-in. There is no built-in password.
 * {@code tonghop user add} makes one ahead instead.
 */
@Component
class FirstAdministrator {

	static final String USERNAME = "admin";

	private static final Log logger = LogFactory.getLog(FirstAdministrator.class);

	private final ConsoleUsers users;

	FirstAdministrator(ConsoleUsers users) {
		this.users = users;
	}

	@EventListener(ApplicationReadyEvent.class)
	void makeWhenNone() {
		if (this.users.countFederation() > 0) {
			return;
		}
		String password = ConsoleUsers.oneTimePassword();
		this.users.create(USERNAME, "Quản trị viên", Role.ADMIN, Set.of(), password, true);
		logger.warn("Chưa có người dùng nào của liên đoàn: đã tạo quản trị viên \"" + USERNAME
				+ "\" với mật khẩu dùng một lần " + password
				+ " (chỉ hiện lần này; lần đăng nhập đầu phải đổi mật khẩu).");
	}

}
