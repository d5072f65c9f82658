package vn.tonghop.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Lists the files of an input folder, recursively, in a stable order (by relative path),
 * so that "ingest order" means the same thing on every run and on a restart. Symbolic
 * links are not followed. Nothing is ever moved, renamed or written.
 */
public final class InputFiles {

	private InputFiles() {
	}

	/**
	 * Every regular file under {@code input} (or {@code input} itself when it is a file).
	 */
	public static List<InputFile> list(Path input) {
		List<InputFile> files = new ArrayList<>();
		try (Walk walk = walk(input)) {
			for (InputFile file = walk.next(); file != null; file = walk.next()) {
				files.add(file);
			}
		}
		return files;
	}

	/** How many regular files {@link #walk(Path)} gives, counted without keeping them. */
	public static long count(Path input) {
		long count = 0;
		try (Walk walk = walk(input)) {
			while (walk.next() != null) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The files of {@link #list(Path)}, in the same order, one at a time: only the
	 * folders on the way down are held, so an inbox of any size takes the same memory.
	 */
	public static Walk walk(Path input) {
		return new Walk(input.toAbsolutePath().normalize());
	}

	/**
	 * A walk of an input folder in the order of relative paths. Depth first, each
	 * folder's entries sorted by name, a folder's name compared with a {@code /} after
	 * it: then a folder's files come exactly where sorting every relative path would put
	 * them.
	 */
	public static final class Walk implements AutoCloseable {

		private final Path root;

		/** Per open folder, its entries still to visit, sorted. */
		private final Deque<Iterator<Entry>> open = new ArrayDeque<>();

		private InputFile single;

		private record Entry(Path path, String key, boolean folder) {
		}

		Walk(Path root) {
			this.root = root;
			if (Files.isRegularFile(root)) {
				Path parent = (root.getParent() != null) ? root.getParent() : root;
				this.single = new InputFile(root, relative(parent, root));
			}
			else if (Files.isDirectory(root)) {
				this.open.push(entries(root));
			}
			else if (!Files.exists(root)) {
				throw new UncheckedIOException("cannot list " + root, new NoSuchFileException(root.toString()));
			}
		}

		/** The next file, or null at the end. */
		public InputFile next() {
			if (this.single != null) {
				InputFile file = this.single;
				this.single = null;
				this.open.clear();
				return file;
			}
			while (!this.open.isEmpty()) {
				Iterator<Entry> entries = this.open.peek();
				if (!entries.hasNext()) {
					this.open.pop();
					continue;
				}
				Entry entry = entries.next();
				if (entry.folder()) {
					this.open.push(entries(entry.path()));
				}
				else {
					return new InputFile(entry.path(), relative(this.root, entry.path()));
				}
			}
			return null;
		}

		/**
		 * A folder's files and folders, sorted: a link to a file counts as a file, a link
		 * to a folder is not followed.
		 */
		private static Iterator<Entry> entries(Path folder) {
			List<Entry> entries = new ArrayList<>();
			try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
				for (Path path : stream) {
					String name = path.getFileName().toString();
					if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
						entries.add(new Entry(path, name + "/", true));
					}
					else if (Files.isRegularFile(path)) {
						entries.add(new Entry(path, name, false));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot list " + folder + ": " + ex.getMessage(), ex);
			}
			entries.sort(Comparator.comparing(Entry::key));
			return entries.iterator();
		}

		@Override
		public void close() {
			this.open.clear();
		}

	}

	private static String relative(Path root, Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	/** A list saved as text (CSV, Excel's "Unicode text"), read as a table. */
	public static boolean isText(InputFile file) {
		String lower = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
		return lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv");
	}

	/**
	 * Why a file is not read as a return, or null when it should be: Office lock and temp
	 * files, and files that are not workbooks.
	 */
	public static String skipReason(InputFile file) {
		String name = file.path().getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		if (name.startsWith("~$") || name.startsWith(".~lock.")) {
			return "Tệp khóa/tạm của Excel hoặc LibreOffice, không phải báo cáo.";
		}
		if (!(lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls") || isText(file))) {
			return "Không phải tệp bảng tính Excel (.xlsx, .xlsm, .xls) hay danh sách CSV (.csv, .txt).";
		}
		return null;
	}

}
