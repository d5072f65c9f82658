package vn.tonghop.cli;

import java.sql.SQLException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;

import vn.tonghop.TonghopApplication;
import vn.tonghop.TonghopProperties;
import vn.tonghop.console.ConsoleConfiguration;
import vn.tonghop.console.ConsoleSettings;
import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunLock;
import vn.tonghop.job.RunSummary;
import vn.tonghop.serve.ServeConfiguration;
import vn.tonghop.serve.ServeSettings;
import vn.tonghop.store.DamagedStoreException;
import vn.tonghop.store.RunCounter;

/**
 * Starts the Spring application for a command; the command line is not passed on. Every
 * command but {@code serve} runs without a web server.
 */
final class Spring {

	/** The packages of the auto-configuration modules that only {@code serve} uses. */
	private static final List<String> SERVE_ONLY = List.of("org.springframework.boot.actuate.",
			"org.springframework.boot.micrometer.", "org.springframework.boot.health.",
			"org.springframework.boot.jackson.", "org.springframework.boot.http.converter.",
			"org.springframework.boot.webmvc.", "org.springframework.boot.tomcat.",
			"org.springframework.boot.servlet.");

	/** The auto-configurations of the console only: security and the pages. */
	private static final List<String> CONSOLE_ONLY = List.of("org.springframework.boot.security.",
			"org.springframework.boot.thymeleaf.");

	private static final Log logger = LogFactory.getLog(Spring.class);

	private Spring() {
	}

	/**
	 * What a job command does once the application is up; returns its exit status. It
	 * prints to {@code out}, which goes quiet once the run is asked to stop.
	 */
	@FunctionalInterface
	interface Work {

		int run(BatchRunner runner, RunSummary summary, PrintStream out) throws Exception;

	}

	/**
	 * Runs a job command holding the {@link RunLock} of the database: when another run
	 * holds it, fails with {@link RunLock.Busy} before any job starts. SIGTERM or Ctrl-C
	 * stops the job and ends the command as {@link Stopping} says: Spring Boot's shutdown
	 * hook, which closed the application under the running job, is off.
	 */
	static int run(DatabaseOptions database, Work work) throws Exception {
		// another run of this data folder: refused at once, before the application starts
		RunLock.refuseWhileRunning(where(database));
		try (Stopping stopping = Stopping.install()) {
			try {
				int status;
				try (ConfigurableApplicationContext context = start(database, false)) {
					stopping.watch(context.getBean(BatchRunner.class),
							context.getBean(TonghopProperties.class).stopWait());
					try {
						status = counted(context, database, (started) -> {
							try (RunLock lock = RunLock.acquire(started.getBean(DataSource.class), where(database))) {
								return work.run(started.getBean(BatchRunner.class), started.getBean(RunSummary.class),
										stopping.out(System.out));
							}
						});
					}
					finally {
						stopping.unwatch();
					}
				}
				return stopping.requested() ? stopping.status() : status;
			}
			catch (Exception ex) {
				if (!stopping.requested()) {
					throw ex;
				}
				// what stopping the job broke; the stop's line says it for people
				logger.debug("Lần chạy kết thúc khi đang dừng", ex);
				return stopping.status();
			}
		}
	}

	/**
	 * What a command that needs the database but runs no job does; returns its exit
	 * status.
	 */
	@FunctionalInterface
	interface ContextWork {

		int run(ConfigurableApplicationContext context) throws Exception;

	}

	/**
	 * Runs a command that opens the database, counted ({@link #counted}).
	 */
	static int inContext(DatabaseOptions database, ContextWork work) throws Exception {
		try (ConfigurableApplicationContext context = start(database, true)) {
			return counted(context, database, work);
		}
	}

	/**
	 * Does a command's work on an open database: with the embedded H2, a database older
	 * than its last run stops it before any work ({@link RunCounter#check}), and the
	 * command is counted when it ends ({@link RunCounter#advance}).
	 */
	private static int counted(ConfigurableApplicationContext context, DatabaseOptions database, ContextWork work)
			throws Exception {
		RunCounter counter = RunCounter.of(context.getBean(DataSource.class), url(database));
		if (counter != null) {
			counter.check();
		}
		try {
			return work.run(context);
		}
		finally {
			if (counter != null) {
				counter.advance();
			}
		}
	}

	/**
	 * 0 when the job completed, 1 when it failed; a job that failed because what is
	 * stored is damaged says so, each damage in one line on the standard error
	 * ({@link #sayDamaged}).
	 */
	static int status(JobExecution execution) {
		sayDamaged(execution);
		return (execution.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
	}

	/**
	 * Prints, once each, the lines of the {@link DamagedStoreException}s that failed the
	 * job's steps: the flows of a consolidation may each meet the same damaged return.
	 * Their stack traces are at DEBUG ({@code DamagedStoreLogFilter}).
	 */
	static void sayDamaged(JobExecution execution) {
		if (execution == null) {
			return;
		}
		Set<String> said = new LinkedHashSet<>();
		for (Throwable failure : execution.getAllFailureExceptions()) {
			DamagedStoreException damaged = DamagedStoreException.in(failure);
			if (damaged != null && said.add(damaged.getMessage())) {
				System.err.println(damaged.getMessage());
				logger.debug(damaged.getMessage(), failure);
			}
		}
	}

	/**
	 * The application of a command without a web server; {@code shutdownHook}: whether
	 * Spring Boot's shutdown hook closes it (the job commands have {@link Stopping}
	 * instead).
	 */
	private static ConfigurableApplicationContext start(DatabaseOptions database, boolean shutdownHook) {
		SpringApplication application = new SpringApplication(TonghopApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(shutdownHook);
		String url = url(database);
		if (!shutdownHook) {
			url = keptOpenAtExit(url, database);
		}
		return start(application, database, url, Map.of("spring.autoconfigure.exclude", serveOnly()));
	}

	/**
	 * The URL of an embedded H2 database that stays open while the JVM exits until its
	 * last connection closes: H2's own shutdown hook would otherwise close it at once,
	 * under the job that a stop lets end. A URL that says otherwise is kept.
	 */
	private static String keptOpenAtExit(String url, DatabaseOptions database) {
		boolean embedded = database.jdbcUrl == null || database.jdbcUrl.startsWith("jdbc:h2:file:");
		return (embedded && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT"))
				? url + ";DB_CLOSE_ON_EXIT=FALSE" : url;
	}

	/**
	 * The auto-configurations only {@code serve} needs: the web server, the actuator, the
	 * metrics and what they bring along. The other commands leave them out, so that they
	 * start as fast as they did before {@code serve} came.
	 */
	private static String serveOnly() {
		return autoConfigurations((name) -> SERVE_ONLY.stream().anyMatch(name::startsWith)
				|| CONSOLE_ONLY.stream().anyMatch(name::startsWith) || name.contains(".health.")
				|| name.contains(".metrics.") || name.endsWith("EndpointAutoConfiguration"));
	}

	/**
	 * The auto-configurations of the console, which {@code serve --no-console} leaves
	 * out.
	 */
	private static String consoleOnly() {
		return autoConfigurations((name) -> CONSOLE_ONLY.stream().anyMatch(name::startsWith));
	}

	/** The auto-configurations whose class names {@code which} keeps, comma-separated. */
	private static String autoConfigurations(Predicate<String> which) {
		List<String> kept = new ArrayList<>();
		for (String name : ImportCandidates.load(AutoConfiguration.class, Spring.class.getClassLoader())) {
			if (which.test(name)) {
				kept.add(name);
			}
		}
		return String.join(",", kept);
	}

	/**
	 * Starts the application of {@code tonghop serve}: the actuator's health, metrics and
	 * prometheus endpoints on 127.0.0.1:{@code port} only, the log of
	 * {@code logback-serve.xml}, and the beans of {@link ServeConfiguration}, which run
	 * the schedule from when the application has started until it closes. With a
	 * {@code console}, the web console ({@link ConsoleConfiguration}) listens on its own
	 * address and port, and the metrics on a server of their own on 127.0.0.1, where no
	 * console page is served.
	 */
	static ConfigurableApplicationContext serve(DatabaseOptions database, ServeSettings settings, int port,
			ConsoleSettings console) {
		SpringApplication application = (console != null)
				? new SpringApplication(TonghopApplication.class, ServeConfiguration.class, ConsoleConfiguration.class)
				: new SpringApplication(TonghopApplication.class, ServeConfiguration.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("serveSettings", settings);
			if (console != null) {
				context.getBeanFactory().registerSingleton("consoleSettings", console);
			}
		});
		Map<String, Object> defaults = new LinkedHashMap<>();
		// a failed start is reported in one line by the command line, as for the other
		// commands
		defaults.put("logging.level.org.springframework.boot.web.server.servlet.context", "ERROR");
		defaults.put("logging.level.org.springframework.boot.diagnostics", "OFF");
		String url = url(database);
		if (settings.embedded()) {
			// between runs the embedded H2 file stays free for other commands (see
			// NightlyRuns): no idle connection refills the pool, and the health check
			// does not open the file
			defaults.put("spring.datasource.hikari.minimum-idle", 0);
			defaults.put("spring.datasource.hikari.idle-timeout", 10_000);
			defaults.put("management.health.db.enabled", false);
			if (!url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
				// H2 closes its databases as soon as the JVM begins to exit, which would
				// fail
				// the run that a SIGTERM lets finish; it closes with the last connection
				// instead
				url = url + ";DB_CLOSE_ON_EXIT=FALSE";
			}
		}
		List<String> arguments = new ArrayList<>(
				List.of("--management.endpoints.web.exposure.include=health,metrics,prometheus",
						"--logging.config=classpath:logback-serve.xml",
						// forward slashes, which logback takes on every system
						"--tonghop.serve.log-file=" + settings.logFile().toString().replace('\\', '/')));
		if (console != null) {
			defaults.put("spring.messages.basename", ConsoleSettings.MESSAGES);
			defaults.put("spring.messages.fallback-to-system-locale", false);
			defaults.put("spring.thymeleaf.cache", true);
			defaults.put("server.servlet.session.timeout", console.sessionTimeout().toSeconds() + "s");
			defaults.put("server.servlet.session.tracking-modes", "cookie");
			defaults.put("server.servlet.session.cookie.same-site", "lax");
			defaults.put("server.servlet.session.cookie.http-only", true);
			defaults.put("server.error.whitelabel.enabled", false);
			// the registry uploaded on the administration page: a larger file is refused
			// with a message; the request holds the file and a few fields besides. The
			// browser reads the message only once it has sent the whole file: Tomcat
			// reads the rest of a refused upload up to max-swallow-size (2 MB by
			// default), then resets the connection, and the browser shows no page
			defaults.put("spring.servlet.multipart.max-file-size", "20MB");
			defaults.put("spring.servlet.multipart.max-request-size", "21MB");
			defaults.put("server.tomcat.max-swallow-size", "100MB");
			if (console.behindProxy()) {
				// the proxy's X-Forwarded-Proto makes requests secure (secure cookies,
				// HSTS)
				// and its X-Forwarded-For is the client's address in the audit log
				defaults.put("server.forward-headers-strategy", "native");
				defaults.put("server.servlet.session.cookie.secure", true);
			}
			arguments.addAll(List.of("--server.address=" + console.address(), "--server.port=" + console.port(),
					"--management.server.address=127.0.0.1", "--management.server.port=" + port));
		}
		else {
			defaults.put("spring.autoconfigure.exclude", consoleOnly());
			// the actuator on the same server, never on a port of its own (which would
			// listen on every address)
			arguments
				.addAll(List.of("--server.address=127.0.0.1", "--server.port=" + port, "--management.server.port="));
		}
		try {
			return start(application, database, url, defaults, arguments.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			Integer inUse = portInUse(ex);
			if (inUse != null) {
				// no cause: the command line shows the root cause's message
				boolean consolePort = console != null && inUse == console.port();
				throw new IllegalStateException(consolePort ? "Cổng " + inUse + " trên " + console.address()
						+ " của bảng điều khiển đang được dùng (có thể bởi"
						+ " một tonghop serve khác); chọn cổng khác bằng --console-port hoặc" + " TONGHOP_CONSOLE_PORT."
						: "Cổng " + inUse + " trên 127.0.0.1 đang được dùng (có thể bởi một"
								+ " tonghop serve khác); chọn cổng khác bằng --port hoặc TONGHOP_SERVE_PORT.");
			}
			throw ex;
		}
	}

	private static String url(DatabaseOptions database) {
		return (String) database.springProperties().get("spring.datasource.url");
	}

	private static ConfigurableApplicationContext start(SpringApplication application, DatabaseOptions database,
			String url, Map<String, Object> defaults, String... args) {
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		Map<String, Object> properties = new LinkedHashMap<>(defaults);
		properties.putAll(database.springProperties());
		properties.put("spring.datasource.url", url);
		application.setDefaultProperties(properties);
		// the database chosen on the command line wins over application.yml and the
		// environment
		String[] arguments = new String[args.length + 1];
		arguments[0] = "--spring.datasource.url=" + url;
		System.arraycopy(args, 0, arguments, 1, args.length);
		try {
			return application.run(arguments);
		}
		catch (RuntimeException ex) {
			// another process has the embedded H2 file open
			if (RunLock.databaseInUse(ex)) {
				throw new RunLock.Busy(RunLock.busyMessage(where(database)), ex);
			}
			String damaged = (database.jdbcUrl == null) ? h2FileDamaged(ex) : null;
			if (damaged != null) {
				throw new DamagedStoreException("Không mở được cơ sở dữ liệu " + where(database) + "/tonghop.mv.db: tệp"
						+ " bị hỏng hoặc bị cắt cụt (H2: " + damaged + "). Hãy khôi phục bản sao lưu của thư mục "
						+ where(database) + ", hoặc chuyển thư mục đó đi nơi khác rồi nhận lại từ hộp thư vào một"
						+ " thư mục mới: tonghop run --input <hộp thư> --year <năm> --data-dir " + where(database)
						+ " (và nạp lại báo cáo năm trước, danh sách đơn vị nếu đã nạp).", ex);
			}
			throw ex;
		}
	}

	/**
	 * H2's errors for a database file it cannot read: an I/O error (a file cut short ends
	 * before a chunk it names), a damaged record, a file of no H2 version.
	 */
	private static final Set<Integer> H2_FILE_DAMAGED = Set.of(90028, 90030, 90048);

	/**
	 * H2's message when {@code ex} says the embedded database file is damaged; null if
	 * not.
	 */
	private static String h2FileDamaged(Throwable ex) {
		int depth = 0;
		for (Throwable cause = ex; cause != null && depth < 50; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException sql && H2_FILE_DAMAGED.contains(sql.getErrorCode())) {
				String message = String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
				return (sql.getCause() != null && sql.getCause().getMessage() != null)
						? message + "; " + sql.getCause().getMessage().lines().findFirst().orElse("") : message;
			}
		}
		return null;
	}

	private static Integer portInUse(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof PortInUseException inUse) {
				return inUse.getPort();
			}
		}
		return null;
	}

	/**
	 * The database as people know it: the data folder, or the JDBC URL without options.
	 */
	static String where(DatabaseOptions database) {
		if (database.jdbcUrl != null) {
			int options = database.jdbcUrl.indexOf('?');
			return (options < 0) ? database.jdbcUrl : database.jdbcUrl.substring(0, options);
		}
		return DatabaseOptions.where(database.dataDir);
	}

}
