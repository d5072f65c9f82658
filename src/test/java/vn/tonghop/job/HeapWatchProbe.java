package vn.tonghop.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link HeapWatchTests} in a JVM of its own with a small young generation: keeps
 * 16 MB alive, lets 64 MB reach the old generation and drops it, then prints the live
 * heap {@link HeapWatch} measures, in bytes.
 */
public final class HeapWatchProbe {

	private HeapWatchProbe() {
	}

	public static void main(String[] args) throws Exception {
		HeapWatch.start();
		byte[][] kept = new byte[16][];
		for (int i = 0; i < kept.length; i++) {
			kept[i] = new byte[1024 * 1024];
		}
		List<byte[]> dropped = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			// too large for a survivor space of a young generation of 8 MB: promoted
			dropped.add(new byte[4 * 1024 * 1024]);
			for (int j = 0; j < 8; j++) {
				dropped.add(new byte[1024 * 1024]);
				dropped.remove(dropped.size() - 1);
			}
		}
		long droppedBytes = dropped.stream().mapToLong((array) -> array.length).sum();
		dropped = null;
		HeapWatch.measureLive();
		for (int i = 0; i < 100 && HeapWatch.peakLiveBytes() == 0; i++) {
			Thread.sleep(20);
		}
		Thread.sleep(200);
		System.out.println("live=" + HeapWatch.peakLiveBytes() + " kept=" + kept.length * 1024 * 1024 + " dropped="
				+ droppedBytes);
	}

}
