package vn.tonghop.job;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap the process has used, sampled every 50 ms by a daemon thread from the
 * first call on. (Adding up the peaks of the heap's pools overstates it: the pools peak
 * at different times.)
 */
public final class HeapWatch {

	private static final AtomicLong peak = new AtomicLong();

	private static volatile boolean started;

	private HeapWatch() {
	}

	/** Starts sampling; later calls do nothing. */
	public static synchronized void start() {
		if (started) {
			return;
		}
		started = true;
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		Thread sampler = new Thread(() -> {
			while (true) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-watch");
		sampler.setDaemon(true);
		sampler.start();
	}

	/** The peak heap used since {@link #start()}, in bytes. */
	public static long peakBytes() {
		start();
		return peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
	}

}
