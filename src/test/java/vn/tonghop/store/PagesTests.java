package vn.tonghop.store;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagesTests {

	@Test
	void givesEachPagesElementsInTurnPassingOverEmptyPagesAndStopsAtNull() {
		Deque<List<Integer>> pages = new ArrayDeque<>(
				Arrays.asList(List.of(1, 2), List.of(), List.of(), List.of(3), List.of(4, 5, 6)));
		int[] asked = new int[1];
		List<Integer> all = Pages.stream(() -> {
			asked[0]++;
			return pages.poll();
		}).toList();
		assertThat(all).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(asked[0]).as("each page asked once, and once more for the end").isEqualTo(6);
	}

	@Test
	void readingAheadGivesTheSameElementsReadingEachPageAfterTheFirstOnItsOwnThread() {
		Deque<List<Integer>> pages = new ArrayDeque<>(
				Arrays.asList(List.of(1, 2), List.of(), List.of(), List.of(3), List.of(4, 5, 6)));
		List<String> threads = new CopyOnWriteArrayList<>();
		List<Integer> all = Pages.streamReadingAhead(() -> {
			threads.add(Thread.currentThread().getName());
			return pages.poll();
		}, "test-read-ahead").toList();
		assertThat(all).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(threads).hasSize(6);
		assertThat(threads.get(0)).isEqualTo(Thread.currentThread().getName());
		assertThat(threads.subList(1, 6)).containsOnly("test-read-ahead");
	}

	@Test
	void readsOnePageAheadAtMost() throws Exception {
		AtomicInteger asked = new AtomicInteger();
		CountDownLatch second = new CountDownLatch(1);
		Iterator<Integer> elements = Pages.streamReadingAhead(() -> {
			int page = asked.incrementAndGet();
			if (page == 2) {
				second.countDown();
			}
			return (page <= 5) ? List.of(page * 10, page * 10 + 1) : null;
		}, "test-read-ahead").iterator();
		assertThat(elements.next()).isEqualTo(10);
		assertThat(second.await(10, TimeUnit.SECONDS)).as("the second page read ahead").isTrue();
		Thread.sleep(100);
		assertThat(asked.get()).as("no third page while the first is taken").isEqualTo(2);
		assertThat(elements.next()).isEqualTo(11);
		assertThat(elements.next()).isEqualTo(20);
	}

	@Test
	void aPageThatFailsReadingAheadFailsTheConsumerAsItWould() {
		AtomicInteger asked = new AtomicInteger();
		Iterator<Integer> elements = Pages.streamReadingAhead(() -> {
			if (asked.incrementAndGet() == 2) {
				throw new IllegalStateException("page 2 unreadable");
			}
			return List.of(asked.get());
		}, "test-read-ahead").iterator();
		assertThat(elements.next()).isEqualTo(1);
		assertThatThrownBy(elements::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("page 2 unreadable");
	}

	@Test
	void noPagesNoElements() {
		Iterator<String> none = Pages.iterator(() -> null);
		assertThat(none.hasNext()).isFalse();
		assertThatThrownBy(none::next).isInstanceOf(NoSuchElementException.class);
	}

	@Test
	void asksForTheNextPageOnlyWhenTheLastIsUsedUp() {
		int[] asked = new int[1];
		Iterator<Integer> elements = Pages.iterator(() -> (asked[0]++ < 2) ? List.of(asked[0]) : null);
		assertThat(elements.next()).isEqualTo(1);
		assertThat(asked[0]).isEqualTo(1);
		assertThat(elements.next()).isEqualTo(2);
		assertThat(elements.hasNext()).isFalse();
		assertThat(elements.hasNext()).isFalse();
		assertThat(asked[0]).as("no page asked for after the end").isEqualTo(3);
	}

}
