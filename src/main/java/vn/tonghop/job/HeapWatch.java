package vn.tonghop.job;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap the process has used, sampled every 50 ms by a daemon thread from the
 * first call on (adding up the peaks of the heap's pools would overstate it: the pools
 * peak at different times); and the most heap still in use just after a garbage
 * collection, which is what a run keeps alive (the first figure also counts garbage not
 * yet collected, and grows with the heap the JVM is allowed). Neither is the live heap:
 * after a young collection the old generation still holds garbage that only a later
 * collection frees. For that, the benchmark sets {@value #LIVE_PROPERTY} to a number of
 * seconds: every so many seconds a full collection is asked for and the heap used after
 * it is the live heap, whose peak {@link #peakLiveBytes()} gives (each full collection
 * costs the run a few tens of milliseconds).
 */
public final class HeapWatch {

	private static final AtomicLong peak = new AtomicLong();

	private static final AtomicLong peakAfterGc = new AtomicLong();

	private static final AtomicLong peakLive = new AtomicLong();

	/** Seconds between two measures of the live heap; none when unset. */
	static final String LIVE_PROPERTY = "tonghop.live-heap-seconds";

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
		long liveEvery = Math.round(1000 * Double.parseDouble(System.getProperty(LIVE_PROPERTY, "0")));
		Thread sampler = new Thread(() -> {
			long lastLive = System.currentTimeMillis();
			while (true) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				if (liveEvery > 0 && System.currentTimeMillis() - lastLive >= liveEvery) {
					measureLive();
					lastLive = System.currentTimeMillis();
				}
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
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(HeapWatch::collected, null, null);
			}
		}
	}

	private static void collected(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long used = 0;
		long before = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() != MemoryType.HEAP) {
				continue;
			}
			MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
			MemoryUsage then = info.getGcInfo().getMemoryUsageBeforeGc().get(pool.getName());
			used += (after != null) ? after.getUsed() : 0;
			before += (then != null) ? then.getUsed() : 0;
		}
		peakAfterGc.accumulateAndGet(used, Math::max);
		// the heap as the collection found it: a peak the sampler, 50 ms apart, may have
		// missed (the peak is never below what was left after a collection)
		peak.accumulateAndGet(Math.max(before, used), Math::max);
		// the full collection asked for: the parallel collector runs a young one first,
		// for the same cause, after which the old generation still holds its garbage
		if ("System.gc()".equals(info.getGcCause()) && "end of major GC".equals(info.getGcAction())) {
			peakLive.accumulateAndGet(used, Math::max);
		}
	}

	/**
	 * The most heap in use just after a garbage collection since {@link #start()}, in
	 * bytes; 0 when none ran.
	 */
	public static long peakAfterGcBytes() {
		start();
		return peakAfterGc.get();
	}

	/**
	 * Asks for a full collection; the heap used just after it, the live heap, is taken
	 * from the collector's notification (reading the heap once it returns would count
	 * what other threads allocated meanwhile).
	 */
	static void measureLive() {
		ManagementFactory.getMemoryMXBean().gc();
	}

	/**
	 * The most heap found live by the full collections {@value #LIVE_PROPERTY} asks for,
	 * in bytes; 0 when it is not set (or none ran yet).
	 */
	public static long peakLiveBytes() {
		start();
		return peakLive.get();
	}

	/** The peak heap used since {@link #start()}, in bytes. */
	public static long peakBytes() {
		start();
		return peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
	}

}
