package vn.tonghop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The folders a command writes to, checked before any work (issue 23, item 8): each must
 * be a folder that can be written to, on a disk with at least
 * {@code tonghop.limits.min-free-space} usable. A full disk was found only midway, by an
 * error of the database or of a workbook being written; now it is exit status 2 and one
 * line naming the folder, the space left and the space needed. A folder that does not
 * exist yet is judged by the nearest one above it that does.
 */
final class FreeSpace {

	/** The setting of the minimum, named in the messages. */
	static final String SETTING = "tonghop.limits.min-free-space";

	private static final Log logger = LogFactory.getLog(FreeSpace.class);

	/** How the usable space of a folder's disk is measured. */
	@FunctionalInterface
	interface Measure {

		long usableBytes(Path folder) throws IOException;

	}

	/** The disk's own figure: the bytes this process may still write there. */
	static final Measure DISK = (folder) -> Files.getFileStore(folder).getUsableSpace();

	private final long minimum;

	private final Measure measure;

	FreeSpace(long minimum, Measure measure) {
		this.minimum = minimum;
		this.measure = measure;
	}

	/**
	 * What is wrong with {@code folder} as a place to write, in one line that begins with
	 * {@code what} (an option, or the name of a folder people know); {@code null} when
	 * nothing is.
	 */
	String problem(String what, Path folder) {
		Path existing = folder.toAbsolutePath().normalize();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
			return what + " " + folder + ": không ghi được vào thư mục " + ((existing != null) ? existing : folder);
		}
		long usable;
		try {
			usable = this.measure.usableBytes(existing);
		}
		catch (IOException | RuntimeException ex) {
			// a file system that cannot say: the run finds out as before
			logger.debug("Không đo được dung lượng trống của " + existing, ex);
			return null;
		}
		if (usable < this.minimum) {
			return what + " " + folder + ": ổ đĩa chỉ còn trống " + size(usable) + ", cần ít nhất " + size(this.minimum)
					+ " (" + SETTING + "); hãy giải phóng chỗ trống hoặc chọn thư mục khác";
		}
		return null;
	}

	/** A size as Vietnamese writes it: 64,0 MB, 1.000,0 TB. */
	static String size(long bytes) {
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes / 1024.0;
		int unit = 0;
		while (unit < units.length - 1 && value >= 1024) {
			value /= 1024;
			unit++;
		}
		if (bytes < 1024) {
			return bytes + " byte";
		}
		// 1,234.5 -> 1.234,5
		String number = String.format(Locale.ROOT, "%,.1f", value)
			.replace(',', ' ')
			.replace('.', ',')
			.replace(' ', '.');
		return number + " " + units[unit];
	}

}
