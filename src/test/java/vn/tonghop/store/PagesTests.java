package vn.tonghop.store;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

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
