package vn.tonghop.logging;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.logging.log4j.util.ProviderUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.normalise.LegacyText;
import vn.tonghop.read.ReadLimits;
import vn.tonghop.read.WorkbookReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CPU of reading {@code .xls} returns as a run reads them, with the Log4j API provider in
 * use: run with {@code -Dtest=EagerLevelLoggingBenchmarkTests -Dbenchmark=true}, and
 * {@code -Dlog4j.provider=org.apache.logging.slf4j.SLF4JProvider} for log4j-to-slf4j's
 * own (a system property wins over {@code log4j2.component.properties}). It prints the
 * numbers and asserts no timing. Some rounds take several times the others: the page
 * faults of the heap surefire's JVM grows meanwhile (with {@code -Xms512m -Xmx512m
 * -XX:+AlwaysPreTouch} every round is alike), hence the median.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class EagerLevelLoggingBenchmarkTests {

	private static final int FILES = 300;

	private static final int WARM_UP = 5;

	private static final int ROUNDS = 10;

	@TempDir
	Path dir;

	@Test
	void cpuPerXls() throws Exception {
		List<String> samples = List.of("form-libreoffice.xls", "form-tcvn3-2024.xls");
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < FILES; i++) {
			Path file = this.dir.resolve("return-" + i + ".xls");
			try (InputStream in = getClass().getResourceAsStream("/samples/" + samples.get(i % samples.size()))) {
				Files.copy(in, file);
			}
			files.add(file);
		}
		WorkbookReader reader = new WorkbookReader(LegacyText.load(), ReadLimits.DEFAULT);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int pass = 0; pass < WARM_UP; pass++) {
			read(reader, files);
		}
		long[] rounds = new long[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			long start = threads.getCurrentThreadCpuTime();
			read(reader, files);
			rounds[round] = threads.getCurrentThreadCpuTime() - start;
		}
		String each = Arrays.stream(rounds)
			.mapToObj((cpu) -> String.valueOf(cpu / 1_000_000))
			.collect(Collectors.joining(" "));
		Arrays.sort(rounds);
		System.out.printf(
				"Log4j API provider %s: %d .xls read a round, CPU ms a round [%s]; a file: median %.3f ms,"
						+ " best %.3f ms%n",
				ProviderUtil.getProvider().getClass().getName(), FILES, each, rounds[ROUNDS / 2] / 1e6 / FILES,
				rounds[0] / 1e6 / FILES);
	}

	private static void read(WorkbookReader reader, List<Path> files) throws Exception {
		for (Path file : files) {
			byte[] content = WorkbookReader.readIfSmall(file, Files.size(file));
			WorkbookReader.Format format = WorkbookReader.detect(file, content);
			assertThat(reader.readReturnSheet(file, format, content).name()).isNotEmpty();
		}
	}

}
