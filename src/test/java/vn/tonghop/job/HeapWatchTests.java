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

}
