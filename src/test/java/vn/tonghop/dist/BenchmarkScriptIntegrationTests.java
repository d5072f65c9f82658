package vn.tonghop.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code bench/benchmark.sh} run for real on a few returns, against the built launcher:
 * it prints a line of numbers for each count, and each measured run starts from a fresh
 * database, also when a count is given twice (the second run used to find its returns
 * already stored, and accepted none).
 */
@DisabledOnOs(OS.WINDOWS)
class BenchmarkScriptIntegrationTests {

	@Test
	void eachRunStartsFromAFreshDatabase(@TempDir Path temp) throws Exception {
		// the embedded H2 whichever database the integration tests are run against: once
		assumeFalse(TestDatabase.postgresql(), "the H2 run of the integration tests");
		String output = benchmark(temp, Map.of(), "12", "12");
		assertThat(runs(output, "H2")).as(output).isEqualTo(2);
		assertThat(output).doesNotContain("warning:").contains("ingest job").contains("bước readReturnFilesStep");
		if (Files.isExecutable(Path.of("/usr/bin/time"))) {
			assertThat(output).as(output)
				.containsPattern("peak RSS [0-9]+ MB, CPU [0-9.]+ s user \\+ [0-9.]+ s system");
		}
		// left: only the time it removed its work folder, which the next benchmark waits
		// on (bench/settle.sh)
		try (var left = Files.list(temp)) {
			assertThat(left.map((file) -> file.getFileName().toString())).as("the benchmark's work folder is removed")
				.containsExactly("tonghop-bench.deleted");
		}
		long deleted = Long.parseLong(Files.readString(temp.resolve("tonghop-bench.deleted")).strip());
		assertThat(deleted).isCloseTo(System.currentTimeMillis() / 1000, within(300L));
	}

	/**
	 * {@code bench/realistic.sh}: a pair of runs, clean and realistic, with their times,
	 * the realistic run's feedback copies, the ratio and its median; with
	 * {@code /usr/bin/time}, their CPU times and ratio too.
	 */
	@Test
	void theRealisticPairsPrintTheirTimesAndRatios(@TempDir Path temp) throws Exception {
		assumeFalse(TestDatabase.postgresql(), "the H2 run of the integration tests");
		String output = script(temp, "bench/realistic.sh", Map.of("PAIRS", "1", "SETTLE_SECONDS", "0"), "20");
		boolean cpu = Files.isExecutable(Path.of("/usr/bin/time"));
		Matcher pair = Pattern
			.compile("cặp 1: sạch ([0-9.]+) s, thực tế ([0-9.]+) s \\(([0-9]+) bản phản hồi\\), "
					+ "tỉ lệ ([0-9.]+)(\n  CPU: sạch ([0-9.]+) s, thực tế ([0-9.]+) s, tỉ lệ ([0-9.]+))?\n")
			.matcher(output);
		assertThat(pair.find()).as(output).isTrue();
		double clean = Double.parseDouble(pair.group(1));
		double realistic = Double.parseDouble(pair.group(2));
		assertThat(clean).isPositive();
		assertThat(Integer.parseInt(pair.group(3))).as("feedback copies of the realistic returns").isPositive();
		assertThat(Double.parseDouble(pair.group(4))).isCloseTo(realistic / clean, within(0.01));
		assertThat(pair.group(5) != null).as(output).isEqualTo(cpu);
		if (cpu) {
			double cpuRatio = Double.parseDouble(pair.group(7)) / Double.parseDouble(pair.group(6));
			assertThat(Double.parseDouble(pair.group(8))).isCloseTo(cpuRatio, within(0.01));
		}
		assertThat(output).as(output)
			.containsPattern("Trung vị \\(1 cặp, N=20, -Xmx256m\\): sạch " + Pattern.quote(pair.group(1))
					+ " s, thực tế " + Pattern.quote(pair.group(2)) + " s, tỉ lệ [0-9.]+"
					+ (cpu ? "\n  CPU: tỉ lệ " + Pattern.quote(pair.group(8)) : "") + "\n");
		try (var left = Files.list(temp)) {
			assertThat(left.map((file) -> file.getFileName().toString())).as("the benchmark's work folder is removed")
				.containsExactly("tonghop-bench.deleted");
		}
	}

	/**
	 * {@code POSTGRESQL=host:port}: each run in a database of its own on that server,
	 * made and dropped by the script.
	 */
	@Test
	void onPostgresqlEachRunHasADatabaseOfItsOwn(@TempDir Path temp) throws Exception {
		assumeTrue(TestDatabase.postgresql(), "the PostgreSQL run of the integration tests");
		assumeTrue(onPath("psql"), "psql");
		String server = TestDatabase.SERVER.replaceAll("^jdbc:postgresql://|/$", "");
		String output = benchmark(temp, Map.of("POSTGRESQL", server, "SPRING_DATASOURCE_USERNAME", "postgres"), "12",
				"12");
		assertThat(runs(output, "PostgreSQL " + server)).as(output).isEqualTo(2);
		assertThat(output).doesNotContain("warning:").contains("bước readReturnFilesStep");
		try (Connection connection = DriverManager.getConnection(TestDatabase.SERVER + "test", "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet left = statement
					.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'tonghop\\_bench\\_%'")) {
			assertThat(left.next()).as("the benchmark's databases are dropped").isFalse();
		}
	}

	/**
	 * A benchmark waits until {@code SETTLE_SECONDS} have passed since the last one
	 * removed its work folder (the disk makes files slowly for minutes after many
	 * deletions), and not when they have.
	 */
	@Test
	void waitsForTheDiskAfterAnotherBenchmarksDeletions(@TempDir Path temp) throws Exception {
		Path stamp = temp.resolve("tonghop-bench.deleted");
		Files.writeString(stamp, System.currentTimeMillis() / 1000 + "\n");
		long start = System.nanoTime();
		String output = settle(temp, "3");
		assertThat(System.nanoTime() - start).as(output).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(2));
		assertThat(output).contains("Chờ thêm").contains("SETTLE_SECONDS=0");
		Files.writeString(stamp, (System.currentTimeMillis() / 1000 - 10) + "\n");
		assertThat(settle(temp, "3")).isEmpty();
		Files.delete(stamp);
		assertThat(settle(temp, "3")).isEmpty();
	}

	/**
	 * Runs bench/settle.sh's wait with that folder as TMPDIR; answers what it printed.
	 */
	private static String settle(Path temp, String seconds) throws Exception {
		Path launcher = Paths.get(System.getProperty("tonghop.launcher"));
		Path script = launcher.getParent().getParent().resolve("bench/settle.sh");
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", ". \"$0\" && settle_disk", script.toString())
			.redirectErrorStream(true);
		builder.environment().put("TMPDIR", temp.toString());
		builder.environment().put("SETTLE_SECONDS", seconds);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static String benchmark(Path temp, Map<String, String> environment, String... counts) throws Exception {
		return script(temp, "bench/benchmark.sh", environment, counts);
	}

	/** Runs a benchmark script of the project with that folder as TMPDIR. */
	private static String script(Path temp, String name, Map<String, String> environment, String... counts)
			throws Exception {
		Path launcher = Paths.get(System.getProperty("tonghop.launcher"));
		Path script = launcher.getParent().getParent().resolve(name);
		assertThat(script).isExecutable();
		List<String> command = new ArrayList<>(List.of(script.toString()));
		command.addAll(List.of(counts));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("TMPDIR", temp.toString());
		builder.environment().put("LIVE_SECONDS", "0");
		for (String variable : List.of("INPUTS", "HEAP", "FINDINGS", "XLS", "WRITERS")) {
			builder.environment().remove(variable);
		}
		builder.environment().remove("JAVA_OPTS");
		builder.environment().remove("POSTGRESQL");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment()
			.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	/** The measured runs of 12 returns on a database, each with all 12 accepted. */
	private static int runs(String output, String database) {
		Matcher line = Pattern
			.compile("(?m)^N=12 returns \\(.*, " + Pattern.quote(database)
					+ "\\): [0-9.]+ s end to end, [0-9]+ returns/s .*accepted (\\d+),")
			.matcher(output);
		int runs = 0;
		while (line.find()) {
			assertThat(line.group(1)).as(output).isEqualTo("12");
			runs++;
		}
		return runs;
	}

	private static boolean onPath(String program) {
		for (String folder : System.getenv("PATH").split(":")) {
			if (Files.isExecutable(Path.of(folder, program))) {
				return true;
			}
		}
		return false;
	}

}
