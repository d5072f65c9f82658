package vn.tonghop.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.FileSystemUtils;

import vn.tonghop.TestDatabase;
import vn.tonghop.intake.InputFiles;
import vn.tonghop.samples.SyntheticReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process killed (SIGKILL, as {@code kill -9}) in the middle of an ingest or of a
 * consolidation, then {@code tonghop run} again: the outputs and the stored returns are
 * exactly those of a run that was never interrupted, and no half-written or temporary
 * file is left. Each kill lands a random few milliseconds after a chosen point (a stored
 * chunk, the start of a consolidation step); the seed is printed with any failure and can
 * be fixed with {@code -Dtonghop.crash.seed=N}. The killed runs read in three partitions
 * at once, the uninterrupted one in one per core.
 */
class CrashRecoveryIntegrationTests {

	static final int YEAR = 2026;

	static final Pattern STORED = Pattern.compile("Đã lưu (\\d+)/(\\d+) tệp");

	static final long SEED = Long.getLong("tonghop.crash.seed", System.nanoTime());

	@TempDir
	static Path work;

	static Path input;

	static RunTotals reference;

	/** The inbox (the messy samples and generated returns) and an uninterrupted run. */
	@BeforeAll
	static void uninterruptedRun() throws Exception {
		input = work.resolve("hộp thư đến");
		FileSystemUtils.copyRecursively(InputSamplesIntegrationTests.SAMPLES.resolve(Integer.toString(YEAR)),
				input.resolve("mẫu"));
		SyntheticReturns.write(input.resolve("sinh ra"), 50, YEAR, 7);
		Path output = work.resolve("reference-output");
		Path data = work.resolve("reference-data");
		Runs.Result run = Runs.tonghop("run", "--input", input.toString(), "--year", Integer.toString(YEAR),
				"--data-dir", data.toString(), "--output", output.toString());
		assertThat(run.status()).as(run.out() + run.err()).isZero();
		reference = RunTotals.of(data, output, YEAR);
	}

	/** Where the process is killed: after a log line, then a random delay. */
	record KillPoint(String description, Predicate<String> line, int maxDelayMillis) {

		@Override
		public String toString() {
			return this.description;
		}

	}

	static final KillPoint FIRST_CHUNK = new KillPoint("ingest, after its first stored chunk",
			(line) -> STORED.matcher(line).find(), 30);

	static final KillPoint MID_INGEST = new KillPoint("ingest, halfway", CrashRecoveryIntegrationTests::halfway, 60);

	static final KillPoint ROLLUPS = new KillPoint("consolidation, roll-ups", step(3), 20);

	static final KillPoint FEEDBACK = new KillPoint("consolidation, feedback copies", step(6), 150);

	static final KillPoint WORKBOOK = new KillPoint("consolidation, workbook", step(7), 150);

	/** While the outputs are switched in: between the two renames, at best. */
	static final KillPoint PUBLISH = new KillPoint("consolidation, publishing the outputs", step(9), 5);

	static Stream<Arguments> crashes() {
		return Stream.of(Arguments.of(List.of(FIRST_CHUNK)), Arguments.of(List.of(MID_INGEST)),
				Arguments.of(List.of(ROLLUPS)), Arguments.of(List.of(FEEDBACK)), Arguments.of(List.of(WORKBOOK)),
				Arguments.of(List.of(MID_INGEST, WORKBOOK)), Arguments.of(List.of(MID_INGEST, FIRST_CHUNK)),
				Arguments.of(List.of(PUBLISH)));
	}

	@ParameterizedTest(name = "killed: {0}")
	@MethodSource("crashes")
	void killedRunsFinishWithTheTotalsOfAnUninterruptedRun(List<KillPoint> kills, @TempDir Path here) throws Exception {
		Random random = new Random(SEED + kills.toString().hashCode());
		Path data = here.resolve("data");
		Path output = here.resolve("output");
		for (KillPoint kill : kills) {
			killed(kill, random.nextInt(kill.maxDelayMillis() + 1), data, output);
		}
		// for the restart's progress after a kill in the ingest: the files the killed run
		// left stored, fewer than its progress lines said, even none, with the embedded
		// H2, which had not yet written the last second of commits to its file (README,
		// "When a run is killed")
		boolean resumesIngest = kills.equals(List.of(MID_INGEST));
		long storedBefore = resumesIngest ? Runs.count(data, "SELECT COUNT(DISTINCT source_file) FROM intake_log") : 0;

		Runs.Result rerun = Runs.tonghop("run", "--input", input.toString(), "--year", Integer.toString(YEAR),
				"--data-dir", data.toString(), "--output", output.toString());

		String seed = "seed " + SEED + "; " + rerun.out() + rerun.err();
		assertThat(rerun.status()).as(seed).isZero();
		if (resumesIngest) {
			// the restart's progress: the inbox's files, and those the killed run stored
			int files = InputFiles.list(input).size();
			assertThat(rerun.out()).as(seed).contains("Tìm thấy " + files + " tệp trong ");
			Matcher resumed = Pattern.compile("Tiếp tục lần chạy trước: (\\d+) tệp đã lưu trước đó, còn (\\d+) tệp")
				.matcher(rerun.out());
			assertThat(resumed.find()).as("stored before: " + storedBefore + "; " + seed).isEqualTo(storedBefore > 0);
			if (storedBefore > 0) {
				assertThat(Long.parseLong(resumed.group(1))).as(seed).isEqualTo(storedBefore);
				assertThat(Long.parseLong(resumed.group(1)) + Long.parseLong(resumed.group(2))).as(seed)
					.isEqualTo(files);
			}
		}
		RunTotals.of(data, output, YEAR).assertSameAs(reference, seed);
	}

	/**
	 * Runs {@code tonghop run} in its own JVM and kills it {@code delay} ms after the
	 * kill point's line; fails when the run ends before it is killed.
	 */
	private static void killed(KillPoint kill, int delay, Path data, Path output) throws Exception {
		ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true);
		builder.environment().put("LOGGING_LEVEL_VN_TONGHOP_JOB", "DEBUG");
		builder.environment().put("TONGHOP_CHUNK_SIZE", "5");
		// three partitions at once, whatever the machine (the uninterrupted run has one
		// per core): a restart goes on with the partitions it began with
		builder.environment().put("TONGHOP_INGEST_THREADS", "3");
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
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
		List<String> lines = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch reached = new CountDownLatch(1);
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					lines.add(line);
					if (kill.line().test(line)) {
						reached.countDown();
					}
				}
			}
			catch (IOException ex) {
				// the process was killed
			}
		});
		reader.start();
		boolean atPoint = reached.await(120, TimeUnit.SECONDS);
		Thread.sleep(delay);
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
		reader.join(10_000);
		RunTotals.awaitSessionsEnded(data);
		assertThat(atPoint).as("kill point '%s' reached; output:%n%s", kill, String.join("\n", lines)).isTrue();
		assertThat(process.exitValue())
			.as("killed %d ms after '%s' (seed %d), not ended by itself; output:%n%s", delay, kill, SEED,
					String.join("\n", lines))
			.isEqualTo(137);
	}

	private static boolean halfway(String line) {
		Matcher stored = STORED.matcher(line);
		return stored.find() && Integer.parseInt(stored.group(1)) * 2 >= Integer.parseInt(stored.group(2));
	}

	private static Predicate<String> step(int number) {
		return (line) -> line.matches(".*bước " + number + "/\\d+:.*");
	}

}
