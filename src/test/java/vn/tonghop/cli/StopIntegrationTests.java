package vn.tonghop.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.FileSystemUtils;

import vn.tonghop.TestDatabase;
import vn.tonghop.samples.SyntheticReturns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Issue 23, item 7: {@code tonghop run} stopped by SIGTERM or SIGINT (Ctrl-C) in the
 * ingest or in the consolidation. It said "Lỗi: HikariDataSource … has been closed" and,
 * in the consolidation, some 600 lines of stack traces (Spring Boot's shutdown hook
 * closed the application under the running job); SIGINT said nothing. Now: exit status
 * 143 or 130, one line on stderr saying the run was stopped and that the same command
 * resumes it, no stack trace; and the same command run again ends with exactly the totals
 * of an uninterrupted run. Each signal is sent once the process has logged the point
 * named (its first stored chunk, a step of the consolidation). The job then stops after
 * the chunk or step at hand and the run again restarts it; or, when
 * {@code tonghop.stop-wait} is over first (here none), it is left as a killed run is, and
 * the run again recovers it, then restarts it.
 */
@EnabledOnOs(OS.LINUX)
class StopIntegrationTests {

	static final int YEAR = 2026;

	@TempDir
	static Path work;

	static Path input;

	static RunTotals reference;

	@BeforeAll
	static void uninterruptedRun() throws Exception {
		input = work.resolve("hộp thư đến");
		FileSystemUtils.copyRecursively(InputSamplesIntegrationTests.SAMPLES.resolve(Integer.toString(YEAR)),
				input.resolve("mẫu"));
		SyntheticReturns.write(input.resolve("sinh ra"), 50, YEAR, 11);
		Path output = work.resolve("reference-output");
		Path data = work.resolve("reference-data");
		Runs.Result run = Runs.tonghop("run", "--input", input.toString(), "--year", Integer.toString(YEAR),
				"--data-dir", data.toString(), "--output", output.toString());
		assertThat(run.status()).as(run.out() + run.err()).isZero();
		reference = RunTotals.of(data, output, YEAR);
	}

	/** Where the signal is sent: once a line of the log says so. */
	record StopPoint(String description, Predicate<String> line) {

		@Override
		public String toString() {
			return this.description;
		}

	}

	static final StopPoint FIRST_CHUNK = new StopPoint("ingest, after its first stored chunk",
			(line) -> CrashRecoveryIntegrationTests.STORED.matcher(line).find());

	static final StopPoint ROLLUPS = new StopPoint("consolidation, roll-ups",
			(line) -> line.matches(".*bước 3/\\d+:.*"));

	static Stream<Arguments> stops() {
		// a minute: the job stops (after the chunk or step at hand), however slow the
		// machine; none: the process exits at once, leaving the job as a killed run
		return Stream.of(Arguments.of("TERM", 143, FIRST_CHUNK, "60s"), Arguments.of("INT", 130, FIRST_CHUNK, "60s"),
				Arguments.of("TERM", 143, ROLLUPS, "60s"), Arguments.of("INT", 130, ROLLUPS, "60s"),
				Arguments.of("TERM", 143, FIRST_CHUNK, "0s"));
	}

	@ParameterizedTest(name = "SIG{0} in the {2}, tonghop.stop-wait {3}")
	@MethodSource("stops")
	void aStopSaysSoInOneLineAndTheSameCommandResumesIt(String signal, int status, StopPoint point, String wait,
			@TempDir Path here) throws Exception {
		assumeFalse(ignored(signal), "SIG" + signal + " is ignored by this JVM, and so by the processes it starts"
				+ " (a test run started in the background of a script)");
		Path data = here.resolve("data");
		Path output = here.resolve("output");
		Stopped stopped = stopped(signal, point, wait, data, output);

		String shown = "stdout:\n" + stopped.out() + "\nstderr:\n" + stopped.err() + "\nexecutions: "
				+ executions(data);
		assertThat(stopped.reached()).as("stop point '%s' reached; %s", point, shown).isTrue();
		assertThat(stopped.status()).as(shown).isEqualTo(status);
		assertThat(stopped.err().lines().toList()).as(shown)
			.containsExactly("Đã dừng lần chạy theo yêu cầu (SIG" + signal
					+ "); chạy lại đúng lệnh này để chạy tiếp từ chỗ đã dừng.");
		assertThat((stopped.out() + stopped.err()).lines()).as(shown)
			.noneMatch((line) -> line.contains("Exception") || line.contains("Lỗi") || line.strip().startsWith("at vn.")
					|| line.strip().startsWith("at org."));
		boolean waited = !wait.equals("0s");
		// waiting, the job stopped after the chunk or step at hand; not, it was left
		// running as the process ended
		assertThat(Runs.count(data, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STOPPED'")).as(shown)
			.isEqualTo(waited ? 1 : 0);
		assertThat(stopped.out()).as("no summary of the stopped job; " + shown)
			.doesNotContain((point == FIRST_CHUNK) ? "== Nhận" : "== Tổng hợp");

		Runs.Result rerun = Runs.tonghop("run", "--input", input.toString(), "--year", Integer.toString(YEAR),
				"--data-dir", data.toString(), "--output", output.toString());

		String context = "SIG" + signal + ", " + point + "; " + rerun.out() + rerun.err();
		assertThat(rerun.status()).as(context).isZero();
		assertThat(rerun.out()).as(context)
			.contains(waited ? "trước đó chưa xong (đã dừng)" : "trước đó chưa xong (tiến trình đã bị dừng đột ngột)");
		RunTotals.of(data, output, YEAR).assertSameAs(reference, context);
	}

	/** What a stopped process printed, and how it ended. */
	record Stopped(boolean reached, int status, String out, String err) {
	}

	/**
	 * Runs {@code tonghop run} in its own JVM and sends it {@code signal} once it has
	 * logged the stop point's line.
	 */
	private static Stopped stopped(String signal, StopPoint point, String wait, Path data, Path output)
			throws Exception {
		ProcessBuilder builder = new ProcessBuilder();
		builder.environment().put("TONGHOP_STOP_WAIT", wait);
		builder.environment().put("TONGHOP_CHUNK_SIZE", "5");
		builder.environment().put("TONGHOP_INGEST_THREADS", "3");
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
						// the line of each stored chunk, without the rest of the
						// package's debug
						// log
						"-Dlogging.level.vn.tonghop.job.IngestProgress=DEBUG",
						"-Dlogging.level.vn.tonghop.job.BatchRunner="
								+ System.getProperty("tonghop.stop.debug", "INFO"),
						"-Dlogging.level.vn.tonghop.cli=" + System.getProperty("tonghop.stop.debug", "INFO"), "-cp",
						System.getProperty("java.class.path"), TonghopMain.class.getName(), "run", "--input",
						input.toString(), "--year", Integer.toString(YEAR), "--output", output.toString()));
		if (TestDatabase.postgresql()) {
			command.addAll(List.of("--db", TestDatabase.url(data)));
			builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
		}
		else {
			command.addAll(List.of("--data-dir", data.toString()));
		}
		Process process = builder.command(command).start();
		List<String> out = Collections.synchronizedList(new ArrayList<>());
		List<String> err = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch reached = new CountDownLatch(1);
		Thread outReader = reader(process.getInputStream(), out, point.line(), reached);
		Thread errReader = reader(process.getErrorStream(), err, (line) -> false, reached);
		boolean atPoint = reached.await(120, TimeUnit.SECONDS);
		if (atPoint) {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
			assertThat(kill.waitFor()).isZero();
		}
		boolean ended = process.waitFor(120, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		outReader.join(10_000);
		errReader.join(10_000);
		RunTotals.awaitSessionsEnded(data);
		assertThat(ended).as("ended within two minutes of SIG%s; stdout:%n%s", signal, String.join("\n", out)).isTrue();
		return new Stopped(atPoint, process.exitValue(), String.join("\n", out), String.join("\n", err));
	}

	/** The job and step executions with their status, for a failure's message. */
	private static String executions(Path data) throws Exception {
		StringBuilder executions = new StringBuilder();
		try (java.sql.Connection connection = TestDatabase.connect(data);
				java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery("SELECT e.JOB_EXECUTION_ID, e.STATUS, s.STEP_NAME,"
						+ " s.STATUS FROM BATCH_JOB_EXECUTION e LEFT JOIN BATCH_STEP_EXECUTION s"
						+ " ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID ORDER BY 1, s.STEP_EXECUTION_ID")) {
			while (rs.next()) {
				executions.append(rs.getLong(1))
					.append(' ')
					.append(rs.getString(2))
					.append(' ')
					.append(rs.getString(3))
					.append(' ')
					.append(rs.getString(4))
					.append("; ");
			}
		}
		return executions.toString();
	}

	private static Thread reader(InputStream stream, List<String> lines, Predicate<String> point,
			CountDownLatch reached) {
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					lines.add(line);
					if (point.test(line)) {
						reached.countDown();
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		});
		reader.start();
		return reader;
	}

	/**
	 * Whether this JVM ignores the signal (SigIgn in /proc/self/status), which the
	 * processes it starts inherit.
	 */
	private static boolean ignored(String signal) throws IOException {
		int number = signal.equals("INT") ? 2 : 15;
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("SigIgn:")) {
				long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
				return (mask & (1L << (number - 1))) != 0;
			}
		}
		return false;
	}

}
