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
		assertThat(second).contains("COMPLETED");
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

	private static Process start(Path launcher, Map<String, String> environment, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(launcher.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().remove("TONGHOP_JVM_DEFAULTS");
		builder.environment().remove("TONGHOP_CDS");
		builder.environment().remove("JAVA_OPTS");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(environment);
		return builder.start();
	}

}
