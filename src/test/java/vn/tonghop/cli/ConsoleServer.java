package vn.tonghop.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import picocli.CommandLine;
import vn.tonghop.TestDatabase;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.Role;
import vn.tonghop.job.RunLock;
import vn.tonghop.report.YearOutputs;

/**
 * {@code tonghop serve} with its console, started as the command line does in this JVM on
 * random ports, on a copy of the 2026 sample returns ({@code input-samples/2026}), which
 * it ingests and consolidates at once ({@code --now}); {@link #start} returns once that
 * run has published its outputs. It has three users besides the first administrator:
 * {@link #ADMIN}, an ANALYST of Đồng Nai ({@link #DONG_NAI}) and one of Hà Nội
 * ({@link #HA_NOI}), each with the password {@link #PASSWORD}. For the console's tests:
 * MockMvc on the running application ({@link #mockMvc}, {@link #as}) and a browser on
 * {@link #url}.
 */
public final class ConsoleServer implements AutoCloseable {

	public static final String ADMIN = "quantri";

	public static final String DONG_NAI = "phantich.dongnai";

	public static final String HA_NOI = "phantich.hanoi";

	public static final String PASSWORD = "Mat-khau-thu-2026";

	/** The 2025 codes of Đồng Nai and Hà Nội. */
	public static final String DONG_NAI_CODE = "75";

	public static final String HA_NOI_CODE = "01";

	public static final int YEAR = 2026;

	private final ConfigurableApplicationContext context;

	private final Path work;

	private final Path inbox;

	private final Path output;

	private ConsoleServer(ConfigurableApplicationContext context, Path work, Path inbox, Path output) {
		this.context = context;
		this.work = work;
		this.inbox = inbox;
		this.output = output;
	}

	/**
	 * Starts the console on a copy of the sample returns in {@code work}, with
	 * {@code options} added to the command line, and waits for its first run.
	 */
	public static ConsoleServer start(Path work, String... options) throws Exception {
		Path inbox = ConsolidationIntegrationTests.sameTimes(Path.of("input-samples/2026"),
				work.resolve("Hộp thư/báo cáo 2026"));
		return start(work, inbox, options);
	}

	/** Starts the console on the returns of {@code inbox}. */
	public static ConsoleServer start(Path work, Path inbox, String... options) throws Exception {
		Path data = work.resolve("dữ liệu");
		Path output = work.resolve("kết quả");
		List<String> args = new ArrayList<>(List.of("--input", inbox.toString(), "--year", String.valueOf(YEAR),
				"--output", output.toString(), "--port", "0", "--console-port", "0", "--log-file",
				work.resolve("nhật ký/tonghop.log").toString(), "--now", "--cron", "0 0 0 1 1 *"));
		if (TestDatabase.postgresql()) {
			// the data folder holds the unions' uploads, with a database on a server too
			args.addAll(List.of("--db", TestDatabase.url(data), "--data-dir", data.toString()));
		}
		else {
			args.addAll(List.of("--data-dir", data.toString()));
		}
		args.addAll(List.of(options));
		ServeCommand command = new ServeCommand();
		new CommandLine(command).parseArgs(args.toArray(String[]::new));
		ConsoleServer server = new ConsoleServer(command.start(), work, inbox, output);
		server.awaitRun();
		ConsoleUsers users = server.bean(ConsoleUsers.class);
		users.create(ADMIN, "Nguyễn Quản Trị", Role.ADMIN, Set.of(), PASSWORD, false);
		users.create(DONG_NAI, "Lê Thị Đồng Nai", Role.ANALYST, Set.of(DONG_NAI_CODE), PASSWORD, false);
		users.create(HA_NOI, "Trần Văn Hà Nội", Role.ANALYST, Set.of(HA_NOI_CODE), PASSWORD, false);
		return server;
	}

	/** Waits until no run holds the database and the year's outputs are published. */
	public void awaitRun() throws Exception {
		Path manifest = this.output.resolve(String.valueOf(YEAR)).resolve(YearOutputs.MANIFEST);
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(manifest) && !RunLock.held(bean(DataSource.class))) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the console's first run did not end within 3 minutes");
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/** The console's port. */
	public int port() {
		return this.context.getEnvironment().getProperty("local.server.port", Integer.class);
	}

	/** The metrics' port, on 127.0.0.1. */
	public int metricsPort() {
		return this.context.getEnvironment().getProperty("local.management.port", Integer.class);
	}

	/** The address of a console page, e.g. {@code url("/files")}. */
	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	/** MockMvc on the running console, with Spring Security's filters. */
	public MockMvc mockMvc() {
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.context)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.build();
	}

	/** A request made as a user signed in (her details as the console loads them). */
	public RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(bean(UserDetailsService.class).loadUserByUsername(username));
	}

	public Path work() {
		return this.work;
	}

	public Path inbox() {
		return this.inbox;
	}

	/** The output folder; the year's outputs are in {@code output().resolve("2026")}. */
	public Path output() {
		return this.output;
	}

	/** The database's tables, for a test that wants to know what is stored. */
	public List<Map<String, Object>> query(String sql, Object... arguments) {
		return new org.springframework.jdbc.core.JdbcTemplate(bean(DataSource.class)).queryForList(sql, arguments);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
