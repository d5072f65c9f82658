package vn.tonghop.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HeapWatchTests {

	@Test
	void heapStillInUseAfterACollectionIsAtMostThePeakAndCountsWhatIsKeptAlive() throws Exception {
		HeapWatch.start();
		// 32 MB kept alive across a collection
		byte[][] kept = new byte[32][];
		for (int i = 0; i < kept.length; i++) {
			kept[i] = new byte[1024 * 1024];
		}
		System.gc();
		for (int i = 0; i < 100 && HeapWatch.peakAfterGcBytes() < 32L * 1024 * 1024; i++) {
			// the notification comes on another thread
			Thread.sleep(20);
		}
		assertThat(HeapWatch.peakAfterGcBytes()).isGreaterThanOrEqualTo(32L * 1024 * 1024)
			.isLessThanOrEqualTo(HeapWatch.peakBytes());
		assertThat(kept[31]).hasSize(1024 * 1024);
	}

	@Test
	void theLiveHeapCountsWhatIsKeptAliveAndNotTheGarbage() throws Exception {
		HeapWatch.start();
		// 48 MB kept alive, 200 MB made garbage
		byte[][] kept = new byte[48][];
		for (int i = 0; i < kept.length; i++) {
			kept[i] = new byte[1024 * 1024];
		}
		long garbage = 0;
		for (int i = 0; i < 200; i++) {
			garbage += new byte[1024 * 1024].length;
		}
		HeapWatch.measureLive();
		for (int i = 0; i < 100 && HeapWatch.peakLiveBytes() < 48L * 1024 * 1024; i++) {
			// the notification comes on another thread
			Thread.sleep(20);
		}
		assertThat(HeapWatch.peakLiveBytes()).isGreaterThanOrEqualTo(48L * 1024 * 1024)
			.isLessThan((48L + 60) * 1024 * 1024);
		assertThat(kept[47]).hasSize(1024 * 1024);
		assertThat(garbage).isPositive();
	}

	/**
	 * The parallel collector answers a request for a full collection with a young
	 * collection first, for the same cause: the heap after it still holds the old
	 * generation's garbage and is not the live heap.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "-XX:+UseParallelGC", "-XX:+UseG1GC", "-XX:+UseSerialGC" })
	void theLiveHeapLeavesOutGarbageInTheOldGenerationWithEveryCollector(String collector) throws Exception {
		Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
				collector, "-Xmx256m", "-Xmn8m", "-cp", System.getProperty("java.class.path"),
				HeapWatchProbe.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		Matcher measured = Pattern.compile("live=(\\d+) kept=(\\d+) dropped=(\\d+)").matcher(output);
		assertThat(measured.find()).as(output).isTrue();
		long live = Long.parseLong(measured.group(1));
		assertThat(Long.parseLong(measured.group(3))).as("dropped").isEqualTo(64L * 1024 * 1024);
		assertThat(live).as(output)
			.isGreaterThanOrEqualTo(Long.parseLong(measured.group(2)))
			.isLessThan(48L * 1024 * 1024);
	}

}
