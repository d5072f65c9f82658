package vn.tonghop.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
		Path launcher = Paths.get(System.getProperty("tonghop.launcher"));
		Path script = launcher.getParent().getParent().resolve("bench/benchmark.sh");
		assertThat(script).isExecutable();
		ProcessBuilder builder = new ProcessBuilder(script.toString(), "12", "12").redirectErrorStream(true);
		builder.environment().put("TMPDIR", temp.toString());
		builder.environment().put("LIVE_SECONDS", "0");
		builder.environment().remove("INPUTS");
		builder.environment().remove("JAVA_OPTS");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment()
			.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Matcher line = Pattern
			.compile("(?m)^N=12 returns .*: [0-9.]+ s end to end, [0-9]+ returns/s .*accepted (\\d+),")
			.matcher(output);
		int runs = 0;
		while (line.find()) {
			assertThat(line.group(1)).as(output).isEqualTo("12");
			runs++;
		}
		assertThat(runs).as(output).isEqualTo(2);
		assertThat(output).doesNotContain("warning:").contains("ingest job").contains("bước readReturnFilesStep");
		if (Files.isExecutable(Path.of("/usr/bin/time"))) {
			assertThat(output).as(output)
				.containsPattern("peak RSS [0-9]+ MB, CPU [0-9.]+ s user \\+ [0-9.]+ s system");
		}
		try (var left = Files.list(temp)) {
			assertThat(left).as("the benchmark's work folder is removed").isEmpty();
		}
	}

}
