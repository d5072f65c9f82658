package vn.tonghop.report.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Threads that write feedback copies side by side, a batch at a time: each copy of a
 * small workbook beside the others, each copy of a large one alone (POI holds a whole
 * workbook in memory while it copies it, so two large ones at once could outgrow a small
 * heap). Copies run in the order given; a large one waits for those running and holds
 * back those after it. Close to let the threads go.
 */
public final class CopyWriters implements AutoCloseable {

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final ExecutorService threads;

	// fair: a large copy waiting for the lock is not passed by small ones given later
	private final ReadWriteLock lock = new ReentrantReadWriteLock(true);

	private final List<Future<Boolean>> batch = new ArrayList<>();

	public CopyWriters(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads: " + threads);
		}
		int pool = POOLS.incrementAndGet();
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "feedback-" + pool + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Adds a copy to the batch: {@code copy} says whether it wrote one; {@code alone}
	 * runs it with no other copy beside it.
	 */
	public void add(Callable<Boolean> copy, boolean alone) {
		Lock held = alone ? this.lock.writeLock() : this.lock.readLock();
		this.batch.add(this.threads.submit(() -> {
			held.lock();
			try {
				return copy.call();
			}
			finally {
				held.unlock();
			}
		}));
	}

	/**
	 * Waits for the batch's copies and returns whether each wrote one, in the order they
	 * were added; the first that failed fails the batch, once the others have ended.
	 */
	public List<Boolean> finish() {
		List<Boolean> written = new ArrayList<>(this.batch.size());
		RuntimeException failure = null;
		boolean interrupted = false;
		for (Future<Boolean> copy : this.batch) {
			try {
				written.add(copy.get());
			}
			catch (InterruptedException ex) {
				interrupted = true;
				this.batch.forEach((other) -> other.cancel(true));
				failure = (failure != null) ? failure : new IllegalStateException("interrupted", ex);
			}
			catch (ExecutionException ex) {
				written.add(false);
				if (failure == null) {
					failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
				}
			}
			catch (java.util.concurrent.CancellationException ex) {
				written.add(false);
			}
		}
		this.batch.clear();
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (failure != null) {
			throw failure;
		}
		return written;
	}

	@Override
	public void close() {
		this.batch.forEach((copy) -> copy.cancel(true));
		this.threads.shutdownNow();
	}

}
