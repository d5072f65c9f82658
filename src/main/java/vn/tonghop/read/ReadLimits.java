package vn.tonghop.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How much one file may cost to read: a file over a limit is unreadable, with the limit
 * named, and the run goes on. They keep a hostile or absurd file (a zip bomb, a sheet of
 * a million rows, a 10 MB cell) from taking the run's memory or night; real returns are
 * far below them (a form is a few hundred cells in a file of tens of kilobytes; a list of
 * 4,000 unions about 200,000 cells). POI's own limits (inflate ratio, entry counts) stay
 * on as well.
 *
 * @param maxFileBytes the largest file read
 * @param maxUnzippedBytes the most a workbook's parts may hold once unzipped, all
 * together
 * @param maxSharedStringsBytes the largest table of shared strings (it is held in memory
 * while the sheet is read)
 * @param maxCells the most non-empty cells on the sheet read
 * @param maxTime the longest a file may take to read
 */
public record ReadLimits(long maxFileBytes, long maxUnzippedBytes, long maxSharedStringsBytes, int maxCells,
		Duration maxTime) {

	/** Excel's own limit of characters in a cell: a longer cell was not made by Excel. */
	public static final int MAX_CELL_CHARS = 32_767;

	/** The limits a run has unless it is configured otherwise. */
	public static final ReadLimits DEFAULT = new ReadLimits(20L * 1024 * 1024, 200L * 1024 * 1024, 20L * 1024 * 1024,
			200_000, Duration.ofSeconds(60));

	public ReadLimits {
		if (maxFileBytes <= 0 || maxUnzippedBytes <= 0 || maxSharedStringsBytes <= 0 || maxCells <= 0 || maxTime == null
				|| maxTime.isNegative()) {
			throw new IllegalArgumentException("read limits must be positive: " + maxFileBytes + ", " + maxUnzippedBytes
					+ ", " + maxSharedStringsBytes + ", " + maxCells + ", " + maxTime);
		}
	}

	/** Refuses a file larger than {@link #maxFileBytes()}, before it is opened. */
	void checkFileSize(Path file) throws UnreadableFileException {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			throw new UnreadableFileException("Không mở được tệp: " + ex.getMessage(), ex);
		}
		checkFileSize(size);
	}

	/** The same for a file of {@code size} bytes. */
	void checkFileSize(long size) throws UnreadableFileException {
		if (size > this.maxFileBytes) {
			throw new UnreadableFileException("Tệp lớn " + megabytes(size) + ", quá giới hạn "
					+ megabytes(this.maxFileBytes) + " cho một tệp báo cáo (tonghop.limits.max-file-size).");
		}
	}

	/** A size as Vietnamese writes it: 20,0 MB. */
	static String megabytes(long bytes) {
		if (bytes < 100 * 1024) {
			// "0,0 MB, quá giới hạn 0,0 MB" said nothing of a small limit
			return String.format(Locale.ROOT, "%,d byte", bytes).replace(',', '.');
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace('.', ',');
	}

	/** The limits applied to the reading of one file, from now. */
	Budget start() {
		return new Budget(this, System.nanoTime() + this.maxTime.toNanos());
	}

	/** One file's reading against the limits. */
	static final class Budget {

		/** No limits: sheets built by hand in tests. */
		static final Budget NONE = new Budget(null, Long.MAX_VALUE);

		private final ReadLimits limits;

		private final long deadline;

		private Budget(ReadLimits limits, long deadline) {
			this.limits = limits;
			this.deadline = deadline;
		}

		/**
		 * The clock is read at every 16th cell kept: a few microseconds apart, where a
		 * clock read at every cell was 1% of the ingest.
		 */
		private static final int CELLS_A_TICK = 16;

		/** Checks a cell about to be kept, the {@code count}th of the sheet. */
		void cell(RawCell cell, int count) {
			if (this.limits == null) {
				return;
			}
			if (count > this.limits.maxCells()) {
				throw new LimitExceeded("Trang tính có hơn " + vi(this.limits.maxCells())
						+ " ô có dữ liệu, quá giới hạn cho một tệp báo cáo (tonghop.limits.max-cells).");
			}
			String text = (cell.original() != null) ? cell.original() : cell.text();
			if (text != null && text.length() > MAX_CELL_CHARS) {
				throw new LimitExceeded("Ô " + cell.ref().a1() + " có " + vi(text.length())
						+ " ký tự, quá giới hạn 32.767 ký tự của một ô Excel.");
			}
			if ((count & (CELLS_A_TICK - 1)) == 0) {
				tick();
			}
		}

		/**
		 * Checks the time: for each row POI reads and every 16th cell kept (a clock read
		 * is some 25 ns).
		 */
		void tick() {
			if (this.limits != null && System.nanoTime() > this.deadline) {
				throw new LimitExceeded("Đọc tệp quá " + this.limits.maxTime().toSeconds()
						+ " giây, quá giới hạn cho một tệp báo cáo (tonghop.limits.max-time).");
			}
		}

		/** A count as Vietnamese writes it: 200.000. */
		static String vi(long count) {
			return String.format(Locale.ROOT, "%,d", count).replace(',', '.');
		}

	}

	/**
	 * A file over a limit, found while it is read; the readers turn it into an
	 * {@link UnreadableFileException}.
	 */
	static final class LimitExceeded extends RuntimeException {

		LimitExceeded(String reason) {
			super(reason, null, false, false);
		}

	}

}
