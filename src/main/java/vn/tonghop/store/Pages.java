package vn.tonghop.store;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Elements read from the database a page at a time, each page by a query of its own, so
 * no cursor stays open between pages and the database never holds more than a page (H2
 * keeps a large result whole in memory).
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * The elements of the pages {@code next} gives in turn: a page may be empty (nothing
	 * on it counted, more may follow); null means there are no more pages.
	 */
	public static <T> Iterator<T> iterator(Supplier<List<T>> next) {
		return new Iterator<>() {

			private List<T> page = List.of();

			private int at;

			private boolean done;

			@Override
			public boolean hasNext() {
				while (this.at >= this.page.size() && !this.done) {
					List<T> following = next.get();
					if (following == null) {
						this.done = true;
					}
					else {
						this.page = following;
						this.at = 0;
					}
				}
				return this.at < this.page.size();
			}

			@Override
			public T next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.page.get(this.at++);
			}

		};
	}

	/** The same as a stream. */
	public static <T> Stream<T> stream(Supplier<List<T>> next) {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(next), Spliterator.ORDERED), false);
	}

}
