package vn.tonghop.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.support.CronExpression;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.TonghopProperties;
import vn.tonghop.console.ConsoleSettings;
import vn.tonghop.serve.ServeSettings;

/**
 * {@code tonghop serve}: stays up and runs the {@code run} job on a cron schedule, with
 * its metrics on 127.0.0.1 and a rolling log file, until stopped (SIGTERM, Ctrl-C). Each
 * option overrides its key under {@code tonghop.serve} in the configuration; everything
 * is checked before the application starts.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Chạy liên tục: nhận báo cáo rồi tổng hợp theo lịch, như tonghop run mỗi đêm.",
				"Ghi nhật ký vào tệp xoay vòng; số liệu đo tại http://127.0.0.1:PORT/actuator/ (health, metrics,"
						+ " prometheus). Dừng bằng Ctrl-C hoặc SIGTERM: lần chạy đang dở được chạy xong trước.",
				"Mỗi tuỳ chọn thay cho khoá tonghop.serve.* cùng tên trong application.yml"
						+ " hoặc biến môi trường TONGHOP_SERVE_*." })
class ServeCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--input", paramLabel = "DIR",
			description = "Thư mục hộp thư (kể cả thư mục con); mặc định: tonghop.serve.input.")
	Path input;

	@Option(names = "--year", paramLabel = "Y", description = "Năm tổng hợp; mặc định: tonghop.serve.year.")
	Integer year;

	@Option(names = "--output", paramLabel = "DIR",
			description = "Thư mục kết quả; các tệp nằm trong DIR/Y/ (mặc định: tonghop.serve.output, output).")
	Path output;

	@Option(names = "--cron", paramLabel = "CRON",
			description = "Lịch chạy, biểu thức cron 6 trường: giây phút giờ ngày tháng thứ"
					+ " (mặc định: tonghop.serve.cron, \"0 0 2 * * *\" là 2 giờ sáng mỗi ngày).")
	String cron;

	@Option(names = "--zone", paramLabel = "ZONE",
			description = "Múi giờ của lịch (mặc định: tonghop.serve.zone, Asia/Ho_Chi_Minh).")
	String zone;

	@Option(names = "--port", paramLabel = "PORT",
			description = "Cổng số liệu đo, chỉ trên 127.0.0.1; 0 là một cổng trống bất kỳ"
					+ " (mặc định: tonghop.serve.port, 8719).")
	Integer port;

	@Option(names = "--log-file", paramLabel = "FILE",
			description = "Tệp nhật ký, xoay vòng mỗi ngày và khi quá 10 MB, giữ 30 ngày"
					+ " (mặc định: tonghop.serve.log-file, logs/tonghop.log).")
	Path logFile;

	@Option(names = "--console-address", paramLabel = "ADDRESS",
			description = "Địa chỉ của bảng điều khiển web; 127.0.0.1 là chỉ máy này, 0.0.0.0 là mọi địa chỉ"
					+ " (mặc định: tonghop.console.address, 127.0.0.1).")
	String consoleAddress;

	@Option(names = "--console-port", paramLabel = "PORT",
			description = "Cổng của bảng điều khiển web; 0 là một cổng trống bất kỳ"
					+ " (mặc định: tonghop.console.port, 8080).")
	Integer consolePort;

	@Option(names = "--no-console",
			description = "Không mở bảng điều khiển web, chỉ chạy theo lịch (hoặc tonghop.console.enabled=false).")
	boolean noConsole;

	@Option(names = "--now", description = "Chạy ngay một lần khi khởi động, rồi theo lịch (để kiểm tra cài đặt).")
	boolean now;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		ConfigurableApplicationContext context = start();
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		if (context.isActive()) {
			// until SIGTERM or Ctrl-C: Spring Boot's shutdown hook closes the context
			closed.await();
		}
		return 0;
	}

	/**
	 * Checks the options and the configuration, then starts the application, which runs
	 * the schedule until it is closed.
	 * @throws CommandLine.ParameterException when an option or setting is wrong
	 */
	ConfigurableApplicationContext start() {
		TonghopProperties.Serve configured = configured();
		Path input = given(this.input, configured.input(), "--input", "input");
		Integer year = given(this.year, configured.year(), "--year", "year");
		Path output = (this.output != null) ? this.output : configured.output();
		String cron = (this.cron != null) ? this.cron : configured.cron();
		String zone = (this.zone != null) ? this.zone : configured.zone();
		int port = (this.port != null) ? this.port : configured.port();
		Path logFile = (this.logFile != null) ? this.logFile : configured.logFile();

		Arguments.requireExisting(this.spec, input, label(this.input, "--input", "input"));
		if (year < 2000 || year > 2100) {
			throw bad(label(this.year, "--year", "year") + " " + year + ": năm phải trong khoảng 2000–2100");
		}
		ZoneId zoneId = zone(zone, label(this.zone, "--zone", "zone"));
		cron(cron, zoneId, label(this.cron, "--cron", "cron"));
		if (port < 0 || port > 65535) {
			throw bad(label(this.port, "--port", "port") + " " + port + ": cổng phải trong khoảng 0–65535");
		}
		logFile = logFile(logFile, label(this.logFile, "--log-file", "log-file"));
		Arguments.requireFederationProvince(this.spec);
		ConsoleSettings console = console();

		boolean embedded = this.database.jdbcUrl == null || this.database.jdbcUrl.startsWith("jdbc:h2:file:");
		ServeSettings settings = new ServeSettings(absolute(input), year, absolute(output), cron, zoneId,
				Spring.where(this.database), logFile, this.now, embedded,
				this.database.dataDir.toAbsolutePath().normalize());
		return Spring.serve(this.database, settings, port, console);
	}

	/**
	 * The {@code tonghop.serve} settings as the application will see them: from
	 * {@code application.yml}, the other configuration files and the environment.
	 */
	private TonghopProperties.Serve configured() {
		return Settings.bind(this.spec, "tonghop.serve", TonghopProperties.Serve.class);
	}

	private <T> T given(T option, T configured, String name, String key) {
		if (option != null) {
			return option;
		}
		if (configured == null) {
			throw bad("thiếu " + name + " (hoặc tonghop.serve." + key + ", biến môi trường " + variable(key)
					+ ", trong cấu hình)");
		}
		return configured;
	}

	private ZoneId zone(String zone, String label) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw bad(label + " \"" + zone + "\": không có múi giờ này (ví dụ: Asia/Ho_Chi_Minh)");
		}
	}

	private void cron(String cron, ZoneId zone, String label) {
		CronExpression expression;
		try {
			expression = CronExpression.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			throw bad(label + " \"" + cron + "\": không phải biểu thức cron hợp lệ; cần 6 trường"
					+ " giây phút giờ ngày tháng thứ, ví dụ \"0 0 2 * * *\" là 2 giờ sáng mỗi ngày");
		}
		if (expression.next(ZonedDateTime.now(zone)) == null) {
			throw bad(label + " \"" + cron + "\": lịch này không bao giờ đến lượt chạy");
		}
	}

	/** The log file, absolute, with its folder made. */
	private Path logFile(Path logFile, String label) {
		Path file = absolute(logFile);
		if (Files.isDirectory(file)) {
			throw bad(label + " " + logFile + ": đây là một thư mục, cần đường dẫn của một tệp");
		}
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException ex) {
			throw bad(label + " " + logFile + ": không tạo được thư mục " + file.getParent());
		}
		return file;
	}

	/**
	 * The console's address and port from the options and the {@code tonghop.console}
	 * settings; null when there is no console.
	 */
	private ConsoleSettings console() {
		TonghopProperties.Console configured = Settings.bind(this.spec, "tonghop.console",
				TonghopProperties.Console.class);
		if (this.noConsole || !configured.enabled()) {
			return null;
		}
		String address = (this.consoleAddress != null) ? this.consoleAddress : configured.address();
		String addressLabel = (this.consoleAddress != null) ? "--console-address" : "tonghop.console.address";
		try {
			InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw bad(addressLabel + " " + address + ": không phải địa chỉ của máy này (ví dụ: 127.0.0.1, 0.0.0.0)");
		}
		int port = (this.consolePort != null) ? this.consolePort : configured.port();
		if (port < 0 || port > 65535) {
			throw bad(((this.consolePort != null) ? "--console-port" : "tonghop.console.port") + " " + port
					+ ": cổng phải trong khoảng 0–65535");
		}
		return new ConsoleSettings(address, port, configured.sessionTimeout(), configured.behindProxy());
	}

	/** The option when given, otherwise the configuration key. */
	private static String label(Object option, String name, String key) {
		return (option != null) ? name : "tonghop.serve." + key;
	}

	private static String variable(String key) {
		return "TONGHOP_SERVE_" + key.replace("-", "_").toUpperCase(Locale.ROOT);
	}

	private static Path absolute(Path path) {
		return path.toAbsolutePath().normalize();
	}

	private CommandLine.ParameterException bad(String message) {
		return new CommandLine.ParameterException(this.spec.commandLine(), message);
	}

}
