package vn.tonghop.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.support.CronExpression;

import picocli.CommandLine;
import vn.tonghop.TestDatabase;
import vn.tonghop.job.RunLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code tonghop serve} in this JVM, on the fixture
 * {@code resubmission-and-rejection-2026} (four files: one superseded, one rejected for
 * R08), with an inbox, data folder and log file whose paths have Vietnamese letters and
 * spaces, and the metrics on a free port.
 */
class ServeIntegrationTests {

	/** A schedule that does not come during a test: 29 February, next in 2028. */
	static final String NOT_DURING_THE_TEST = "0 0 0 29 2 *";

	static final Duration PATIENCE = Duration.ofMinutes(3);

	@TempDir
	Path work;

	Path inbox;

	Path data;

	Path output;

	Path logFile;

	ConfigurableApplicationContext serving;

	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeEach
	void inbox() throws Exception {
		this.inbox = ConsolidationIntegrationTests.sameTimes(
				ConsolidationIntegrationTests.resource("/fixtures/resubmission-and-rejection-2026/input"),
				this.work.resolve("Hộp thư/báo cáo 2026"));
		this.data = this.work.resolve("dữ liệu");
		this.output = this.work.resolve("kết quả");
		this.logFile = this.work.resolve("nhật ký/tonghop serve.log");
	}

	@AfterEach
	void stop() {
		if (this.serving != null) {
			this.serving.close();
		}
	}

	/** The inbox, year, output, port, log file and database of these tests. */
	List<String> options() {
		List<String> args = new ArrayList<>(List.of("--input", this.inbox.toString(), "--year", "2026", "--output",
				this.output.toString(), "--port", "0", "--log-file", this.logFile.toString(),
				// the schedule and its metrics; ConsoleIntegrationTests has the console
				"--no-console"));
		if (TestDatabase.postgresql()) {
			args.addAll(List.of("--db", TestDatabase.url(this.data)));
		}
		else {
			args.addAll(List.of("--data-dir", this.data.toString()));
		}
		return args;
	}

	/**
	 * Starts {@code tonghop serve} as the command line does, and returns once the
	 * application is up; in the PostgreSQL run, on the database made for the data folder.
	 */
	void serve(String... options) {
		List<String> args = options();
		args.addAll(List.of(options));
		ServeCommand command = new ServeCommand();
		new CommandLine(command).parseArgs(args.toArray(String[]::new));
		this.serving = command.start();
		this.port = this.serving.getEnvironment().getProperty("local.server.port", Integer.class);
	}

	@Test
	void withNowItRunsAtOnceAndServesTheCountsOfTheRunOnLocalhost() throws Exception {
		serve("--now", "--cron", NOT_DURING_THE_TEST);

		awaitMetric("tonghop.runs", "outcome:completed", 1);

		// the outputs of `tonghop run`
		Path year = this.output.resolve("2026");
		try (Stream<Path> files = Files
			.list(ConsolidationIntegrationTests.resource("/fixtures/resubmission-and-rejection-2026/expected"))) {
			for (Path expected : files.sorted().toList()) {
				assertThat(Runs.csv(year.resolve(expected.getFileName().toString())))
					.as(expected.getFileName().toString())
					.containsExactlyElementsOf(Runs.csv(expected));
			}
		}
		// files, returns and findings as the database and issues.csv hold them
		assertThat(metric("tonghop.files", "outcome:new")).isEqualTo(4)
			.isEqualTo(count("SELECT COUNT(*) FROM intake_log WHERE outcome = 'NEW'"));
		assertThat(metric("tonghop.files", "outcome:duplicate")).isZero();
		assertThat(metric("tonghop.returns", "status:accepted")).as("superseded ones apart").isEqualTo(2);
		assertThat(metric("tonghop.returns", "status:rejected")).isEqualTo(1);
		assertThat(metric("tonghop.returns", "status:superseded")).isEqualTo(1);
		Map<String, Long> issues = new TreeMap<>();
		for (String rule : Runs.column(Runs.csv(year.resolve("issues.csv")), "rule")) {
			issues.merge(rule, 1L, Long::sum);
		}
		assertThat(issues).containsOnlyKeys("R08", "W06");
		for (Map.Entry<String, Long> rule : issues.entrySet()) {
			assertThat(metric("tonghop.findings", "rule:" + rule.getKey())).as(rule.getKey())
				.isEqualTo(rule.getValue().doubleValue());
		}
		assertThat(metric("tonghop.run.duration", "job:ingest")).isOne();
		assertThat(metric("tonghop.run.duration", "job:consolidate")).isOne();
		assertThat(metric("tonghop.run.last.success", null)).isPositive();
		assertThat(metric("tonghop.run.active", null)).isZero();

		String prometheus = get("/actuator/prometheus").body();
		assertThat(prometheus).contains("tonghop_files_total{outcome=\"new\"} 4.0",
				"tonghop_returns_total{status=\"rejected\"} 1.0", "tonghop_findings_total{rule=\"R08\"} 1.0",
				"tonghop_run_duration_seconds_count{job=\"ingest\",status=\"COMPLETED\"} 1");
		assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
		// no other endpoint
		assertThat(get("/actuator/env").statusCode()).isEqualTo(404);

		// the log file: where the metrics are, and the summary of the run
		String log = Files.readString(this.logFile, StandardCharsets.UTF_8);
		assertThat(
				log)
			.contains("http://127.0.0.1:" + this.port + "/actuator/prometheus",
					"Hộp thư: " + this.inbox.toAbsolutePath().normalize() + "; năm 2026",
					"== Nhận báo cáo năm 2026 (xong) ==", "Tệp đã đọc: 4 (mới 4, trùng 0, không đọc được 0, bỏ qua 0)",
					"Báo cáo: chấp nhận 2, bị từ chối 1, bị thay thế 1", "Phát hiện theo quy tắc: R08×1 W06×1",
					"== Tổng hợp năm 2026 (xong) ==",
					"Lần chạy tới: " + DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")
						.format(CronExpression.parse(NOT_DURING_THE_TEST)
							.next(ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")))) + " (Asia/Ho_Chi_Minh)");
		assertThat(log.lines().filter((line) -> line.contains("== Nhận báo cáo năm 2026"))).hasSize(1);
		assertThat(log).containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} INFO  Tệp đã đọc: 4");

		// on 127.0.0.1 only
		for (InetAddress address : otherLocalAddresses()) {
			assertThat(connects(address)).as("listening on %s", address).isFalse();
		}
		assertThat(connects(InetAddress.getByName("127.0.0.1"))).isTrue();

		this.serving.close();

		assertThat(connects(InetAddress.getByName("127.0.0.1"))).isFalse();
		assertThat(Files.readString(this.logFile, StandardCharsets.UTF_8)).contains("Đã dừng chế độ chạy đêm.");
	}

	@Test
	void aFiringWhileAnotherRunHoldsTheDatabaseIsSkippedAndTheScheduleGoesOn() throws Exception {
		// the database, made by any command
		assertThat(Runs.tonghop("history", "--data-dir", this.data.toString()).status()).isZero();
		RunLock held = RunLock.acquire(new DriverManagerDataSource(TestDatabase.url(this.data),
				TestDatabase.postgresql() ? "postgres" : "", ""), "đang giữ");
		try {
			serve("--cron", "* * * * * *");

			awaitMetric("tonghop.runs", "outcome:skipped", 1);
			assertThat(metric("tonghop.runs", "outcome:completed")).isZero();
			assertThat(Files.readString(this.logFile, StandardCharsets.UTF_8))
				.contains("WARN  Bỏ qua lần chạy này: Một lần chạy khác đang dùng cơ sở dữ liệu");
			assertThat(this.output).doesNotExist();
		}
		finally {
			held.close();
		}

		awaitMetric("tonghop.runs", "outcome:completed", 1);
		assertThat(metric("tonghop.files", "outcome:new")).isEqualTo(4);
		assertThat(this.output.resolve("2026/issues.csv")).exists();
	}

	@Test
	void betweenRunsTheEmbeddedDatabaseIsFreeForAnotherProcess() throws Exception {
		assumeFalse(TestDatabase.postgresql(), "H2 only: PostgreSQL serves many processes");
		serve("--now", "--cron", NOT_DURING_THE_TEST);
		awaitMetric("tonghop.runs", "outcome:completed", 1);

		// as `tonghop trace` or `tonghop history` would, at the analyst's desk
		await("another process opens " + this.data, () -> opensInAnotherProcess(TestDatabase.url(this.data)));
	}

	@Test
	void sigtermLetsTheRunInProgressFinishThenStops() throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path")));
		if (TestDatabase.postgresql()) {
			command.add("-Dspring.datasource.username=postgres");
		}
		command.addAll(List.of(TonghopMain.class.getName(), "serve", "--now", "--cron", NOT_DURING_THE_TEST));
		command.addAll(options());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve("serve.out").toFile())
			.start();
		try {
			await("the run starts", () -> Files.exists(this.logFile)
					&& Files.readString(this.logFile, StandardCharsets.UTF_8).contains("Bắt đầu lần chạy"));

			process.destroy();

			assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("stopped").isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		String log = Files.readString(this.logFile, StandardCharsets.UTF_8);
		assumeTrue(log.contains("Đang dừng: chờ lần chạy đang dở kết thúc"), "the run ended before the signal");
		assertThat(log.substring(log.indexOf("Đang dừng: chờ"))).contains("== Nhận báo cáo năm 2026 (xong) ==",
				"== Tổng hợp năm 2026 (xong) ==", "Đã dừng chế độ chạy đêm.");
		assertThat(log).doesNotContain("thất bại", "ERROR");
		assertThat(this.output.resolve("2026/issues.csv")).exists();
		assertThat(count("SELECT COUNT(*) FROM run_lock")).isZero();
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(2);
	}

	/** The value of a metric, with one tag or none; -1 when there is no such metric. */
	double metric(String name, String tag) throws Exception {
		String query = (tag != null) ? "?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) : "";
		HttpResponse<String> response = get("/actuator/metrics/" + name + query);
		if (response.statusCode() == 404) {
			return -1;
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher value = Pattern.compile("\"statistic\":\"(COUNT|VALUE)\",\"value\":([-0-9.Ee]+|\"NaN\")")
			.matcher(response.body());
		assertThat(value.find()).as(response.body()).isTrue();
		return value.group(2).equals("\"NaN\"") ? Double.NaN : Double.parseDouble(value.group(2));
	}

	void awaitMetric(String name, String tag, double atLeast) throws Exception {
		await(name + " " + tag + " ≥ " + atLeast, () -> metric(name, tag) >= atLeast);
	}

	HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	long count(String sql) throws Exception {
		return Runs.count(this.data, sql);
	}

	static void await(String what, Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.call()) {
			if (System.nanoTime() > deadline) {
				fail("still not true after " + PATIENCE + ": " + what);
			}
			Thread.sleep(200);
		}
	}

	boolean connects(InetAddress address) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, this.port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The addresses of this machine but 127.0.0.1 (link-local IPv6 ones left out). */
	static List<InetAddress> otherLocalAddresses() throws Exception {
		List<InetAddress> addresses = new ArrayList<>();
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp()) {
				continue;
			}
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				boolean linkLocal = address instanceof Inet6Address && address.isLinkLocalAddress();
				if (!linkLocal && !address.getHostAddress().equals("127.0.0.1")) {
					addresses.add(address);
				}
			}
		}
		return addresses;
	}

	/** Whether a separate JVM can open the embedded database now. */
	static boolean opensInAnotherProcess(String url) throws Exception {
		Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), RunLockIntegrationTests.HoldsTheFile.class.getName(), url)
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			return "ready".equals(lines.readLine());
		}
		finally {
			process.getOutputStream().close();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

}
