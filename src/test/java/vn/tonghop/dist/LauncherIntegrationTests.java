package vn.tonghop.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

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

}
