package vn.tonghop.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher the build puts beside {@code tonghop.jar}, run for real: it is there and
 * executable, Java accepts its options, and the JVM runs with them.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIntegrationTests {

	@Test
	void theBuiltLauncherStartsTonghopWithTheQuickCompilerAndTheParallelCollector() throws Exception {
		String property = System.getProperty("tonghop.launcher");
		assertThat(property).as("set by the build (failsafe)").isNotNull();
		Path launcher = Paths.get(property);
		assertThat(launcher).isExecutable();
		assertThat(launcher.resolveSibling("tonghop.cmd")).exists();
		ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true);
		builder.environment().remove("TONGHOP_JVM_DEFAULTS");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("JAVA_OPTS", "-XX:+PrintFlagsFinal");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).containsPattern("(?m)^tonghop \\S+$")
			.containsPattern("intx TieredStopAtLevel\\s+= 1 ")
			.containsPattern("bool UseParallelGC\\s+= true ");
		assertThat(Files.size(launcher.resolveSibling("tonghop.jar"))).isPositive();
	}

	/**
	 * A copy of the launcher and the jar, run twice on the sample returns: the first run
	 * unpacks the jar and saves the class archive, the second starts from it (Java with
	 * -Xshare:on refuses to start when the archive cannot be used), and both consolidate
	 * the same figures.
	 */
	@Test
	void theFirstRunSavesAClassArchiveThatTheNextRunStartsFrom(@TempDir Path temp) throws Exception {
		Path folder = Files.createDirectories(temp.resolve("cài đặt"));
		Path launcher = copyOfTheBuiltLauncher(folder);
		Path input = Path.of(LauncherIntegrationTests.class.getResource("/fixtures/samples-2026/input").toURI());
		String first = run(launcher, Map.of(), "run", "--input", input.toString(), "--year", "2026", "--output",
				temp.resolve("out-1").toString(), "--data-dir", temp.resolve("data-1").toString());
		assertThat(folder.resolve("tonghop-cds/tonghop.jsa")).as(first).isNotEmptyFile();
		assertThat(folder.resolve("tonghop-cds.lock")).doesNotExist();
		String second = run(launcher, Map.of("JAVA_OPTS", "-Xshare:on"), "run", "--input", input.toString(), "--year",
				"2026", "--output", temp.resolve("out-2").toString(), "--data-dir", temp.resolve("data-2").toString());
		assertThat(temp.resolve("out-2/2026/by-province.csv"))
			.hasSameTextualContentAs(temp.resolve("out-1/2026/by-province.csv"), StandardCharsets.UTF_8);
		assertThat(second).contains("== Tổng hợp năm 2026 (xong) ==");
	}

	/**
	 * Regression: {@code generate} writes its forms on the pool threads of a parallel
	 * stream; the first of them to reach POI made the Log4j API pick its provider, which
	 * the packaged jar's classes were not visible to from there: an ERROR line and a
	 * stack trace on the terminal. The command prints its one line, nothing else.
	 */
	@Test
	void generatesWithNothingButItsLine(@TempDir Path temp) throws Exception {
		Path launcher = copyOfTheBuiltLauncher(Files.createDirectories(temp.resolve("bin")));
		String output = run(launcher, Map.of("TONGHOP_CDS", "0"), "generate", "--count", "40", "--year", "2026",
				"--output", temp.resolve("bao-cao").toString(), "--findings", "30", "--xls", "20", "--writers", "30");
		assertThat(output.strip()).as(output).startsWith("Đã ghi 40 báo cáo vào ");
		assertThat(output.strip().lines()).as(output).hasSize(1);
	}

	/**
	 * Regression: a first run that stopped at once (here a folder that does not exist)
	 * saved an archive of the few classes it had loaded, and every later run started from
	 * it, a second slower at 50 returns; the archive now comes from the first run that
	 * completes.
	 */
	@Test
	void aRunThatFailsSavesNoClassArchive(@TempDir Path temp) throws Exception {
		Path folder = Files.createDirectories(temp.resolve("bin"));
		Path launcher = copyOfTheBuiltLauncher(folder);
		String[] failing = { "run", "--input", temp.resolve("không có").toString(), "--year", "2026", "--output",
				temp.resolve("out-0").toString(), "--data-dir", temp.resolve("data-0").toString() };
		Process failed = start(launcher, Map.of(), failing);
		String output = new String(failed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(failed.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(failed.exitValue()).as(output).isNotZero();
		assertThat(folder.resolve("tonghop-cds/tonghop.jsa")).as(output).doesNotExist();
		assertThat(folder.resolve("tonghop-cds.lock")).doesNotExist();
		Path input = Path.of(LauncherIntegrationTests.class.getResource("/fixtures/samples-2026/input").toURI());
		String completed = run(launcher, Map.of(), "run", "--input", input.toString(), "--year", "2026", "--output",
				temp.resolve("out-1").toString(), "--data-dir", temp.resolve("data-1").toString());
		assertThat(folder.resolve("tonghop-cds/tonghop.jsa")).as(completed).isNotEmptyFile();
	}

	/**
	 * Regression (issue 23, item 6): without a UTF-8 locale ({@code LC_ALL=C}, or
	 * {@code env -i} as cron and bare containers run it) Java could not name Vietnamese
	 * folders and files: {@code --input "hộp thư"} was refused as {@code h???p th??}, the
	 * feedback step failed with InvalidPathException, and the summary printed
	 * {@code T?p ?? ??c}. The launcher runs Java in a UTF-8 locale of the machine's.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "LC_ALL=C", "env -i" })
	void runsOnVietnameseNamesWithoutAUtf8Locale(String how, @TempDir Path temp) throws Exception {
		Path launcher = copyOfTheBuiltLauncher(Files.createDirectories(temp.resolve("bin")));
		Path inbox = temp.resolve("hộp thư");
		try (var files = Files.walk(Path.of("input-samples/2026"))) {
			for (Path file : files.toList()) {
				Path copy = inbox.resolve(Path.of("input-samples/2026").relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
		Path output = temp.resolve("kết quả");
		Map<String, String> environment = how.equals("env -i") ? null : Map.of("LC_ALL", "C", "LANG", "C");
		String printed = run(launcher, environment, "run", "--input", inbox.toString(), "--year", "2026", "--output",
				output.toString(), "--data-dir", temp.resolve("dữ liệu").toString());

		assertThat(printed).contains("Tệp đã đọc: 26").contains("Tình trạng tệp:").doesNotContain("T?p");
		assertThat(Files.readString(output.resolve("2026/files.csv")))
			.contains("Thư điện tử nhận về/CĐCS Công ty Than Bình Minh.xlsx")
			.doesNotContain("\uFFFD");
		try (var copies = Files.list(output.resolve("2026/phan-hoi"))) {
			assertThat(copies.map((copy) -> copy.getFileName().toString()))
				.anyMatch((name) -> name.startsWith("Thư điện tử nhận về__"));
		}
	}

	/**
	 * A second run on a data folder that another run is using is refused from the other
	 * run's note before logging and the command line's parser start (they took most of
	 * the 0.9-1.5 s such a refusal took beside a busy run; bench/lock.sh measures it):
	 * neither logback nor the parser's model of the commands is loaded.
	 */
	@Test
	void aSecondRunIsRefusedBeforeLoggingAndTheCommandLineStart(@TempDir Path temp) throws Exception {
		Path launcher = copyOfTheBuiltLauncher(Files.createDirectories(temp.resolve("bin")));
		Path data = Files.createDirectories(temp.resolve("dữ liệu"));
		Process other = new ProcessBuilder("sleep", "120").start();
		try {
			// a run's note gives the second its process started in, not before the
			// process
			Files.writeString(data.resolve(vn.tonghop.job.RunLock.NOTE), vn.tonghop.job.RunLock.host() + "\n"
					+ other.pid() + "\n" + java.time.LocalDateTime.now().plusSeconds(1).withNano(0) + "\n");
			Process refused = start(launcher, Map.of("TONGHOP_CDS", "0", "JAVA_OPTS", "-verbose:class"), "run",
					"--input", temp.toString(), "--year", "2026", "--output", temp.resolve("out").toString(),
					"--data-dir", data.toString());
			String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(refused.exitValue()).isEqualTo(3);
			assertThat(output).contains("Một lần chạy khác đang dùng cơ sở dữ liệu " + data)
				.contains("tiến trình " + other.pid())
				.contains("vn.tonghop.cli.EarlyRefusal")
				.doesNotContain("ch.qos.logback")
				// checking TonghopMain loads a few of picocli's classes, not its command
				// model
				.doesNotContain("picocli.CommandLine$Model");
		}
		finally {
			other.destroy();
			other.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** The launcher and the jar the build made, copied into {@code folder}. */
	private static Path copyOfTheBuiltLauncher(Path folder) throws Exception {
		Path built = Paths.get(System.getProperty("tonghop.launcher"));
		Path launcher = Files.copy(built, folder.resolve("tonghop"), StandardCopyOption.COPY_ATTRIBUTES);
		Files.copy(built.resolveSibling("tonghop.jar"), folder.resolve("tonghop.jar"));
		return launcher;
	}

	private static String run(Path launcher, Map<String, String> environment, String... arguments) throws Exception {
		Process process = start(launcher, environment, arguments);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	/**
	 * The launcher started with {@code environment} added to this one's, or alone (null).
	 */
	private static Process start(Path launcher, Map<String, String> environment, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(launcher.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (environment == null) {
			// as env -i runs it: nothing but where Java is
			builder.environment().clear();
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
			builder.environment().put("TONGHOP_CDS", "0");
			return builder.start();
		}
		builder.environment().remove("TONGHOP_JVM_DEFAULTS");
		builder.environment().remove("TONGHOP_CDS");
		builder.environment().remove("JAVA_OPTS");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(environment);
		return builder.start();
	}

}
