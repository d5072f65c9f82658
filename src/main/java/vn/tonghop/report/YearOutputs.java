package vn.tonghop.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A year's outputs are published together or not at all: no analyst ever opens a
 * returns.csv of one state beside a files.csv of another.
 * <p>
 * A consolidation writes every output into {@code OUTPUT/.tonghop-next/Y/}
 * ({@link #staging}); its last step, once all are written, switches that folder in for
 * {@code OUTPUT/Y/}: the folder in place is renamed to
 * {@code OUTPUT/.tonghop-previous/Y/}, the new one to {@code OUTPUT/Y/}, and the previous
 * one is removed. Both renames are within one folder, so each is instant; between them,
 * for a moment, there is no {@code Y/} at all, never a mixed one. A consolidation that
 * fails leaves {@code Y/} as it was and its unfinished folder is removed; one killed
 * between the two renames is put right by the next consolidation of the year
 * ({@link #prepare}), which puts the previous set back before it writes.
 * <p>
 * Each published folder holds {@link #MANIFEST}, naming the run that wrote it and its
 * files. What else someone put in {@code Y/} (a note, a file of their own) is carried
 * over to the new folder, never removed; what an earlier run wrote and this one did not
 * is removed.
 */
public final class YearOutputs {

	private static final Log logger = LogFactory.getLog(YearOutputs.class);

	/** Where a consolidation writes its outputs before they are published. */
	static final String NEXT = ".tonghop-next";

	/** Where the outputs in place go for the moment of the switch. */
	static final String PREVIOUS = ".tonghop-previous";

	/** The file naming the run that wrote a year's outputs, and what it wrote. */
	public static final String MANIFEST = ".tonghop-outputs.txt";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

	private YearOutputs() {
	}

	/**
	 * The folder the reports are given as their output: their year's folder in it
	 * ({@link CsvReports#yearFolder}) is the one being written, not the published one.
	 */
	public static Path staging(Path output) {
		return output.resolve(NEXT);
	}

	/**
	 * Before a consolidation of {@code year} writes anything: a switch that a killed run
	 * left half done is undone (the previous set goes back in place), temporary files an
	 * older version left in the published folder are removed, and the staging folder is
	 * made anew, empty.
	 */
	public static void prepare(Path output, int year) {
		Path published = CsvReports.yearFolder(output, year);
		Path previous = CsvReports.yearFolder(output.resolve(PREVIOUS), year);
		try {
			if (Files.exists(previous)) {
				if (!Files.exists(published)) {
					move(previous, published);
					logger.warn("Lần tổng hợp trước bị dừng giữa lúc thay kết quả năm " + year
							+ ": đã đặt lại bộ kết quả trước đó vào " + published + ".");
				}
				else {
					deleteTree(previous);
				}
			}
			Leftovers.sweep(published);
			Path next = CsvReports.yearFolder(staging(output), year);
			deleteTree(next);
			Files.createDirectories(next);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Không chuẩn bị được thư mục kết quả " + output + ": " + message(ex), ex);
		}
	}

	/**
	 * Switches the outputs written for {@code year} in for those in place, in the way the
	 * class comment tells.
	 * @param run names the run in the manifest
	 * @return the names of what was published, without the manifest
	 */
	public static List<String> publish(Path output, int year, String run) {
		Path next = CsvReports.yearFolder(staging(output), year);
		Path published = CsvReports.yearFolder(output, year);
		Path previous = CsvReports.yearFolder(output.resolve(PREVIOUS), year);
		try {
			List<String> written = names(next);
			Files.writeString(next.resolve(MANIFEST), manifest(year, run, written), StandardCharsets.UTF_8);
			if (Files.exists(published)) {
				Files.createDirectories(previous.getParent());
				deleteTree(previous);
				List<String> carried = carryOver(published, next, written);
				try {
					move(published, previous);
				}
				catch (IOException ex) {
					putBack(carried, next, published);
					throw ex;
				}
				try {
					move(next, published);
				}
				catch (IOException ex) {
					move(previous, published);
					putBack(carried, next, published);
					throw ex;
				}
			}
			else {
				move(next, published);
			}
			deleteTree(previous);
			deleteIfEmpty(previous.getParent());
			deleteIfEmpty(next.getParent());
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Không thay được kết quả năm " + year + " trong " + output + ": "
					+ message(ex) + "; kết quả cũ vẫn giữ nguyên.", ex);
		}
	}

	/**
	 * Removes what a consolidation that did not complete wrote: the published folder
	 * stays as it was. Never fails (what is left is removed by the next consolidation).
	 */
	public static void discard(Path output, int year) {
		Path next = CsvReports.yearFolder(staging(output), year);
		try {
			deleteTree(next);
			deleteIfEmpty(next.getParent());
		}
		catch (IOException ex) {
			logger.warn("Không xoá được thư mục tạm " + next + ": " + message(ex));
		}
	}

	/** The names a published folder's manifest lists; empty when it has none. */
	static Set<String> listed(Path folder) throws IOException {
		Path manifest = folder.resolve(MANIFEST);
		Set<String> names = new TreeSet<>();
		if (!Files.isRegularFile(manifest)) {
			return names;
		}
		for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line);
			}
		}
		return names;
	}

	private static String manifest(int year, String run, List<String> written) {
		StringBuilder text = new StringBuilder();
		text.append("# Kết quả tổng hợp năm ").append(year).append(", do lần tổng hợp ").append(run);
		text.append(" ghi lúc ").append(TIME.format(LocalDateTime.now())).append(".\n");
		text.append("# Các tệp dưới đây được ghi cùng nhau; tệp khác trong thư mục này không phải của tonghop.\n");
		written.forEach((name) -> text.append(name).append('\n'));
		return text.toString();
	}

	/**
	 * Moves into the new folder what is in the published one and is not tonghop's: not in
	 * the new set, not listed by the published folder's manifest (a folder published
	 * before manifests: everything not in the new set is kept).
	 */
	private static List<String> carryOver(Path published, Path next, List<String> written) throws IOException {
		Set<String> ours = listed(published);
		List<String> carried = new ArrayList<>();
		for (String name : names(published)) {
			if (written.contains(name) || ours.contains(name)) {
				continue;
			}
			Path entry = published.resolve(name);
			if (Files.isRegularFile(entry) && Leftovers.isTemporary(entry)) {
				continue;
			}
			move(entry, next.resolve(name));
			carried.add(name);
			logger.info("Giữ lại " + entry + " (không phải tệp do tonghop ghi) trong bộ kết quả mới.");
		}
		return carried;
	}

	/** Moves what {@link #carryOver} moved back where it was, when the switch failed. */
	private static void putBack(List<String> carried, Path next, Path published) throws IOException {
		for (String name : carried) {
			move(next.resolve(name), published.resolve(name));
		}
	}

	/** The names in a folder, sorted, without the manifest. */
	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return new ArrayList<>(entries.map((entry) -> entry.getFileName().toString())
				.filter((name) -> !name.equals(MANIFEST))
				.sorted()
				.toList());
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to);
		}
	}

	private static void deleteIfEmpty(Path folder) {
		try {
			Files.deleteIfExists(folder);
		}
		catch (IOException ex) {
			// not empty (another year is being written), or gone: nothing to do
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.deleteIfExists(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
				if (ex != null && !(ex instanceof NoSuchFileException)) {
					throw ex;
				}
				Files.deleteIfExists(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	private static String message(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "không có " + ex.getMessage();
		}
		if (ex instanceof java.nio.file.AccessDeniedException) {
			return "không có quyền ghi " + ex.getMessage();
		}
		if (ex instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
			return fs.getFile() + ": " + fs.getReason();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
