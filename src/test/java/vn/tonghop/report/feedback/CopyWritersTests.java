package vn.tonghop.report.feedback;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyWritersTests {

	@Test
	void smallCopiesAreWrittenSideBySide() {
		CyclicBarrier both = new CyclicBarrier(2);
		try (CopyWriters writers = new CopyWriters(2)) {
			for (int i = 0; i < 2; i++) {
				// each returns only once the other has started too
				writers.add(() -> both.await(10, TimeUnit.SECONDS) >= 0, false);
			}
			assertThat(writers.finish()).containsExactly(true, true);
		}
	}

	@Test
	void aLargeCopyIsWrittenAloneAndTheResultsComeInTheOrderGiven() {
		AtomicInteger running = new AtomicInteger();
		List<Integer> besideLarge = new CopyOnWriteArrayList<>();
		AtomicInteger most = new AtomicInteger();
		try (CopyWriters writers = new CopyWriters(3)) {
			for (int i = 0; i < 30; i++) {
				boolean large = i % 5 == 2;
				int n = i;
				writers.add(() -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					try {
						for (int look = 0; look < 10; look++) {
							if (large) {
								besideLarge.add(running.get());
							}
							Thread.sleep(2);
						}
						return n % 3 != 0;
					}
					finally {
						running.decrementAndGet();
					}
				}, large);
			}
			List<Boolean> written = writers.finish();

			assertThat(written).hasSize(30);
			for (int i = 0; i < 30; i++) {
				assertThat(written.get(i)).as("copy " + i).isEqualTo(i % 3 != 0);
			}
		}
		assertThat(besideLarge).hasSize(60).containsOnly(1);
		assertThat(most.get()).as("small copies at the same time").isGreaterThan(1);
	}

	@Test
	void aCopyThatFailsFailsTheBatchOnceTheOthersHaveEnded() {
		AtomicInteger ended = new AtomicInteger();
		try (CopyWriters writers = new CopyWriters(2)) {
			writers.add(() -> {
				throw new UncheckedIOException(new java.io.IOException("disk full"));
			}, false);
			for (int i = 0; i < 5; i++) {
				writers.add(() -> {
					Thread.sleep(5);
					return ended.incrementAndGet() > 0;
				}, false);
			}
			assertThatThrownBy(writers::finish).isInstanceOf(UncheckedIOException.class)
				.hasMessageContaining("disk full");
			assertThat(ended.get()).isEqualTo(5);
			// the next batch starts afresh
			writers.add(() -> true, true);
			assertThat(writers.finish()).containsExactly(true);
		}
	}

}
