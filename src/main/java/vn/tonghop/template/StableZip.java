package vn.tonghop.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes an OOXML package's bytes depend on its content only: every zip entry stamped with
 * the same time, so that the same form written twice gives the same file.
 */
final class StableZip {

	private StableZip() {
	}

	/**
	 * An OOXML package with every zip entry stamped {@code time}: POI stamps them with
	 * the clock, which would make two writes of the same form differ. The DOS time fields
	 * are patched in place; a package of an unexpected shape is rewritten instead.
	 */
	static byte[] withEntryTimes(byte[] zip, LocalDateTime time) throws IOException {
		int dosTime = (time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() / 2);
		int dosDate = ((time.getYear() - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth();
		if (patchEntryTimes(zip, dosTime, dosDate)) {
			return zip;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 512);
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream rewritten = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTimeLocal(time);
				rewritten.putNextEntry(copy);
				in.transferTo(rewritten);
				rewritten.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/**
	 * Sets the time of every entry in the central directory and the local headers; false,
	 * changing nothing, unless the package is a plain zip without extra fields (which
	 * could hold other timestamps).
	 */
	private static boolean patchEntryTimes(byte[] zip, int dosTime, int dosDate) {
		int end = -1;
		for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xFFFF); i--) {
			if (int32(zip, i) == 0x06054b50) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			return false;
		}
		int entries = int16(zip, end + 10);
		int position = int32(zip, end + 16);
		List<int[]> patches = new ArrayList<>(entries * 2);
		for (int n = 0; n < entries; n++) {
			if (position < 0 || position + 46 > zip.length || int32(zip, position) != 0x02014b50
					|| int16(zip, position + 30) != 0) {
				return false;
			}
			int local = int32(zip, position + 42);
			if (local < 0 || local + 30 > zip.length || int32(zip, local) != 0x04034b50
					|| int16(zip, local + 28) != 0) {
				return false;
			}
			patches.add(new int[] { position + 12, local + 10 });
			position += 46 + int16(zip, position + 28) + int16(zip, position + 30) + int16(zip, position + 32);
		}
		for (int[] patch : patches) {
			for (int offset : patch) {
				putInt16(zip, offset, dosTime);
				putInt16(zip, offset + 2, dosDate);
			}
		}
		return true;
	}

	private static int int16(byte[] bytes, int offset) {
		return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
	}

	private static int int32(byte[] bytes, int offset) {
		return int16(bytes, offset) | int16(bytes, offset + 2) << 16;
	}

	private static void putInt16(byte[] bytes, int offset, int value) {
		bytes[offset] = (byte) value;
		bytes[offset + 1] = (byte) (value >>> 8);
	}

}
