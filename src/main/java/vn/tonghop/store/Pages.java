package vn.tonghop.store;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

	/**
	 * The same, each page after the first read on a thread of its own (named
	 * {@code thread}) while the page before it is taken: for a consumer with as much work
	 * on a page as the database has reading it, when a core would otherwise wait. One
	 * page is read ahead at most, and {@code next} is asked for one page at a time, so it
	 * may keep where it is. A page read ahead runs outside the caller's transaction, on a
	 * connection of its own: for data already committed. A failure reading a page comes
	 * out of {@code hasNext}, as it would have.
	 */
	public static <T> Stream<T> streamReadingAhead(Supplier<List<T>> next, String thread) {
		return stream(new ReadAhead<>(next, thread));
	}

	/** The pages of {@link #streamReadingAhead}. */
	private static final class ReadAhead<T> implements Supplier<List<T>> {

		private final Supplier<List<T>> next;

		private final String thread;

		private CompletableFuture<List<T>> ahead;

		ReadAhead(Supplier<List<T>> next, String thread) {
			this.next = next;
			this.thread = thread;
		}

		@Override
		public List<T> get() {
			List<T> page;
			if (this.ahead == null) {
				page = this.next.get();
			}
			else {
				try {
					page = this.ahead.join();
				}
				catch (CompletionException ex) {
					if (ex.getCause() instanceof RuntimeException failure) {
						throw failure;
					}
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					throw ex;
				}
			}
			// a thread for each page, which ends with it: nothing is left running when
			// the consumer stops early or fails
			this.ahead = (page != null) ? CompletableFuture.supplyAsync(this.next, (task) -> {
				Thread reader = new Thread(task, this.thread);
				reader.setDaemon(true);
				reader.start();
			}) : null;
			return page;
		}

	}

}
