package vn.tonghop.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code src/main/dist/tonghop} (copied beside tonghop.jar by the build) run
 * with a stand-in for Java that writes down the arguments it was given: the default
 * options, then JAVA_OPTS, then the jar beside the launcher and the arguments unchanged.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTests {

	static final List<String> DEFAULTS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");

	@TempDir
	Path temp;

	private Path launcher;

	private Path javaHome;

	private Path arguments;

	@BeforeEach
	void launcherInAFolderWithASpaceAndAStandInJava() throws IOException {
		Path folder = Files.createDirectories(this.temp.resolve("cài đặt/tonghop 1"));
		this.launcher = Files.copy(Paths.get("src/main/dist/tonghop"), folder.resolve("tonghop"));
		Files.setPosixFilePermissions(this.launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.writeString(folder.resolve("tonghop.jar"), "the jar with everything");
		Files.setLastModifiedTime(folder.resolve("tonghop.jar"), FileTime.fromMillis(1_700_000_000_000L));
		this.javaHome = Files.createDirectories(this.temp.resolve("java home"));
		this.arguments = this.temp.resolve("arguments.txt");
		Path java = Files.createDirectories(this.javaHome.resolve("bin")).resolve("java");
		// writes down its arguments; unpacks (a jar and lib/) and writes the archive as
		// asked; exits with $EXIT or 3
		Files.writeString(java, """
				#!/bin/sh
				printf '%s\\n' "$@" > "$ARGUMENTS"
				if [ "$1" = -Djarmode=tools ]; then
					eval "destination=\\${$#}"
					mkdir -p "$destination/lib" && echo unpacked > "$destination/tonghop.jar"
					exit 0
				fi
				for argument in "$@"; do
					case $argument in
					-XX:ArchiveClassesAtExit=*) echo archive > "${argument#*=}" ;;
					esac
				done
				exit "${EXIT:-3}"
				""");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	@Test
	void runsTheJarBesideItWithTheDefaultsThenJavaOptsAndTheArgumentsAsGiven() throws Exception {
		Result result = launch(Map.of("JAVA_OPTS", "-Xmx300m -Dtonghop.chunk-size=7", "TONGHOP_CDS", "0"), "run",
				"--input", "hộp thư/Đồng Nai", "--year", "2026", "--output", "a  b");
		List<String> expected = new ArrayList<>(DEFAULTS);
		expected.addAll(List.of("-Xmx300m", "-Dtonghop.chunk-size=7", "-jar",
				this.launcher.getParent().resolve("tonghop.jar").toString(), "run", "--input", "hộp thư/Đồng Nai",
				"--year", "2026", "--output", "a  b"));
		assertThat(result.arguments()).isEqualTo(expected);
		assertThat(result.exitCode()).as("Java's exit code, passed on").isEqualTo(3);
	}

	@Test
	void withoutJavaOptsOnlyTheDefaults() throws Exception {
		Result result = launch(Map.of(), "--version");
		List<String> expected = new ArrayList<>(DEFAULTS);
		expected.addAll(List.of("-jar", this.launcher.getParent().resolve("tonghop.jar").toString(), "--version"));
		assertThat(result.arguments()).isEqualTo(expected);
	}

	@Test
	void tonghopJvmDefaultsReplacesTheDefaultsAndEmptyMeansNone() throws Exception {
		String jar = this.launcher.getParent().resolve("tonghop.jar").toString();
		assertThat(launch(Map.of("TONGHOP_JVM_DEFAULTS", "-XX:+UseSerialGC"), "--version").arguments())
			.containsExactly("-XX:+UseSerialGC", "-jar", jar, "--version");
		assertThat(launch(Map.of("TONGHOP_JVM_DEFAULTS", ""), "--version").arguments()).containsExactly("-jar", jar,
				"--version");
	}

	@Test
	void theFirstRunUnpacksTheJarAndSavesItsClassesWhichLaterCommandsStartFrom() throws Exception {
		Path cds = this.launcher.resolveSibling("tonghop-cds");
		Result first = launch(Map.of("JAVA_OPTS", "-Xmx300m", "EXIT", "0"), "run", "--input", "hộp thư");
		assertThat(first.exitCode()).as("the run's own exit code").isZero();
		assertThat(first.arguments()).startsWith(DEFAULTS.toArray(String[]::new))
			.contains("-Xmx300m", "-Xlog:cds=off")
			.endsWith("-jar", cds.resolve("tonghop.jar").toString(), "run", "--input", "hộp thư");
		assertThat(first.arguments().get(2)).startsWith("-XX:ArchiveClassesAtExit=" + cds.resolve("tonghop.jsa."));
		assertThat(cds.resolve("tonghop.jsa")).hasContent("archive");
		assertThat(cds.resolve("tonghop.jar")).hasContent("unpacked");
		assertThat(this.launcher.getParent()).isDirectoryNotContaining("glob:**/tonghop-cds.*");
		assertThat(cds).isDirectoryNotContaining("glob:**/tonghop.jsa.*");

		Result later = launch(Map.of(), "--version");
		assertThat(later.arguments()).startsWith(DEFAULTS.toArray(String[]::new))
			.contains("-XX:SharedArchiveFile=" + cds.resolve("tonghop.jsa"), "-Xlog:cds=off")
			.endsWith("-jar", cds.resolve("tonghop.jar").toString(), "--version");
		assertThat(launch(Map.of("TONGHOP_CDS", "0"), "--version").arguments()).doesNotContain("-Xlog:cds=off")
			.endsWith("-jar", this.launcher.resolveSibling("tonghop.jar").toString(), "--version");
	}

	@Test
	void aNewerJarRunsAsItIsUntilTheNextRunUnpacksItAgain() throws Exception {
		Path cds = this.launcher.resolveSibling("tonghop-cds");
		launch(Map.of("EXIT", "0"), "run");
		Files.setLastModifiedTime(this.launcher.resolveSibling("tonghop.jar"),
				FileTime.fromMillis(System.currentTimeMillis() + 60_000));
		assertThat(launch(Map.of(), "--version").arguments()).endsWith("-jar",
				this.launcher.resolveSibling("tonghop.jar").toString(), "--version");
		Files.delete(cds.resolve("tonghop.jsa"));
		launch(Map.of("EXIT", "0"), "run");
		assertThat(cds.resolve("tonghop.jsa")).exists();
		assertThat(launch(Map.of(), "--version").arguments()).endsWith("-jar", cds.resolve("tonghop.jar").toString(),
				"--version");
	}

	@Test
	void aRunKilledOrFailedKeepsNoArchiveAndOnlyARunMakesOne() throws Exception {
		Path cds = this.launcher.resolveSibling("tonghop-cds");
		assertThat(launch(Map.of("EXIT", "137"), "run").exitCode()).isEqualTo(137);
		assertThat(cds.resolve("tonghop.jsa")).doesNotExist();
		assertThat(cds).isDirectoryNotContaining("glob:**/tonghop.jsa.*");
		// a run that stopped at once (another run holds the database: 3; bad arguments:
		// 2)
		// loaded few classes: its archive would slow every later command
		for (String status : List.of("1", "2", "3")) {
			assertThat(launch(Map.of("EXIT", status), "run").exitCode()).as("passed on")
				.isEqualTo(Integer.parseInt(status));
			assertThat(cds.resolve("tonghop.jsa")).doesNotExist();
			assertThat(cds).isDirectoryNotContaining("glob:**/tonghop.jsa.*");
		}
		assertThat(launch(Map.of(), "--version").arguments()).endsWith("-jar",
				this.launcher.resolveSibling("tonghop.jar").toString(), "--version");
		assertThat(cds.resolve("tonghop.jsa")).doesNotExist();
		assertThat(this.launcher.resolveSibling("tonghop-cds.lock")).doesNotExist();
	}

	@Test
	void anotherLauncherMakingTheArchiveLeavesThisRunToTheJar() throws Exception {
		Files.createDirectory(this.launcher.resolveSibling("tonghop-cds.lock"));
		assertThat(launch(Map.of(), "run").arguments()).endsWith("-jar",
				this.launcher.resolveSibling("tonghop.jar").toString(), "run");
		assertThat(this.launcher.resolveSibling("tonghop-cds")).doesNotExist();
		assertThat(this.launcher.resolveSibling("tonghop-cds.lock")).as("not this launcher's lock").exists();
	}

	private Result launch(Map<String, String> environment, String... arguments) throws Exception {
		// run from elsewhere, by a relative path: the launcher finds the jar beside
		// itself
		List<String> command = new ArrayList<>(List.of(this.temp.relativize(this.launcher).toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.temp.toFile()).redirectErrorStream(true);
		builder.environment().remove("JAVA_OPTS");
		builder.environment().remove("TONGHOP_JVM_DEFAULTS");
		builder.environment().remove("TONGHOP_CDS");
		builder.environment().remove("EXIT");
		builder.environment().put("JAVA_HOME", this.javaHome.toString());
		builder.environment().put("ARGUMENTS", this.arguments.toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.arguments).as(output).exists();
		List<String> given = Files.readAllLines(this.arguments, StandardCharsets.UTF_8);
		Files.delete(this.arguments);
		return new Result(given, process.exitValue());
	}

	record Result(List<String> arguments, int exitCode) {
	}

}
