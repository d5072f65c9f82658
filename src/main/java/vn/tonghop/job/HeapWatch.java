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
 * yet collected, and grows with the heap the JVM is allowed).
 */
public final class HeapWatch {

	private static final AtomicLong peak = new AtomicLong();

	private static final AtomicLong peakAfterGc = new AtomicLong();

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
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
			if (pool.getType() == MemoryType.HEAP && after != null) {
				used += after.getUsed();
			}
		}
		peakAfterGc.accumulateAndGet(used, Math::max);
	}

	/**
	 * The most heap in use just after a garbage collection since {@link #start()}, in
	 * bytes; 0 when none ran.
	 */
	public static long peakAfterGcBytes() {
		start();
		return peakAfterGc.get();
	}

	/** The peak heap used since {@link #start()}, in bytes. */
	public static long peakBytes() {
		start();
		return peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
	}

}
