package vn.tonghop.job;

import org.junit.jupiter.api.Test;

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

}
