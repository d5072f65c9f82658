package vn.tonghop.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Lists the files of an input folder, recursively, in a stable order (by relative path),
 * so that "ingest order" means the same thing on every run and on a restart. Links to
 * folders are not followed. Nothing is ever moved, renamed or written. Everything in the
 * folder that is not a folder is listed, so that each gets a status: a link that leads
 * nowhere, a loop of links, a device or a folder that cannot be opened come out with the
 * reason of {@link #notAFile(InputFile)}, never silently left out.
 */
public final class InputFiles {

	private InputFiles() {
	}

	/**
	 * Every file under {@code input} (or {@code input} itself when it is a file), with
	 * what is not a folder but not a regular file either (see
	 * {@link #notAFile(InputFile)}).
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

		/**
		 * An entry of a folder: a folder to go down into, a file, or (unlisted) a folder
		 * that could not be listed, given as an entry of its own.
		 */
		private record Entry(Path path, String key, boolean folder, boolean unlisted, long size) {
		}

		/** See {@link #size()}. */
		private long size = -1;

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

		/**
		 * The size of the file {@link #next()} gave last, as its folder's listing saw it
		 * (not following a link), so that whoever needs it does not ask the system again;
		 * -1 when the listing did not tell: a link, a file that could not be looked at, a
		 * single file given as the input.
		 */
		public long size() {
			return this.size;
		}

		/** The next file, or null at the end. */
		public InputFile next() {
			this.size = -1;
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
				this.size = entry.size();
				if (entry.folder()) {
					this.open.push(entries(entry.path()));
				}
				else if (entry.unlisted()) {
					return new InputFile(entry.path(), relative(this.root, entry.path()) + "/");
				}
				else {
					return new InputFile(entry.path(), relative(this.root, entry.path()));
				}
			}
			return null;
		}

		/**
		 * A folder's files and folders, sorted: a link to a file counts as a file, a link
		 * to a folder is not followed (it is listed, to be skipped with its reason). A
		 * folder inside the input that cannot be listed is given as an entry of its own,
		 * to be reported unreadable; the input folder itself must be listable.
		 */
		private Iterator<Entry> entries(Path folder) {
			List<Entry> entries = new ArrayList<>();
			try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
				for (Path path : stream) {
					String name = path.getFileName().toString();
					// one look at each entry, which tells both whether it is a folder and
					// its size
					BasicFileAttributes attributes = attributes(path);
					boolean isFolder = attributes != null && attributes.isDirectory();
					long size = (attributes != null && attributes.isRegularFile()) ? attributes.size() : -1;
					entries.add(new Entry(path, isFolder ? name + "/" : name, isFolder, false, size));
				}
			}
			catch (IOException | DirectoryIteratorException ex) {
				IOException cause = (ex instanceof DirectoryIteratorException iteration) ? iteration.getCause()
						: (IOException) ex;
				if (folder.equals(this.root)) {
					throw new UncheckedIOException("cannot list " + folder + ": " + cause.getMessage(), cause);
				}
				return List.of(new Entry(folder, "", false, true, -1)).iterator();
			}
			entries.sort(Comparator.comparing(Entry::key));
			return entries.iterator();
		}

		/** The entry's own attributes (a link's, not its target's), or null. */
		private static BasicFileAttributes attributes(Path path) {
			try {
				return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			}
			catch (IOException ex) {
				return null;
			}
		}

		@Override
		public void close() {
			this.open.clear();
		}

	}

	private static String relative(Path root, Path path) {
		return FileNames.relative(root, path);
	}

	/** A list saved as text (CSV, Excel's "Unicode text"), read as a table. */
	public static boolean isText(InputFile file) {
		String lower = extensionPart(file);
		return lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv");
	}

	/**
	 * A file's name in lower case, without the spaces and dots after its extension
	 * ({@code báo cáo.xlsx }): Windows drops them, Excel opens such a file, and it was
	 * skipped as "not a spreadsheet".
	 */
	private static String extensionPart(InputFile file) {
		String lower = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
		int end = lower.length();
		while (end > 0 && (lower.charAt(end - 1) == '.' || Character.isWhitespace(lower.charAt(end - 1)))) {
			end--;
		}
		return lower.substring(0, end);
	}

	/**
	 * Why an entry of the input folder cannot be opened as a file at all, or null when it
	 * is a file (or a link to one): a link to a folder, a link to nothing, a loop of
	 * links, a device or pipe (reading one could wait for ever), a folder that cannot be
	 * listed. Decided without opening anything.
	 * @return the problem, or null
	 */
	public static Problem notAFile(InputFile file) {
		Path path = file.path();
		if (Files.isRegularFile(path)) {
			return null;
		}
		if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
			return new Problem(false,
					"Không mở được thư mục này (không có quyền đọc?): các tệp trong đó chưa được đọc.");
		}
		if (Files.isSymbolicLink(path)) {
			if (Files.isDirectory(path)) {
				return new Problem(true, "Liên kết tới một thư mục: không đi theo liên kết (tránh đọc lặp).");
			}
			try {
				path.toRealPath();
			}
			catch (NoSuchFileException ex) {
				return new Problem(true, "Liên kết tới tệp không còn tồn tại.");
			}
			catch (IOException ex) {
				return new Problem(true, "Liên kết vòng (các liên kết trỏ lẫn nhau, không tới tệp nào).");
			}
			return new Problem(true, "Liên kết không tới một tệp thường.");
		}
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return new Problem(false, "Tệp đã bị xóa hoặc chuyển đi trong khi đọc.");
		}
		return new Problem(true, "Không phải tệp thường (thiết bị, ống dẫn hay socket).");
	}

	/**
	 * Why an entry is not a file.
	 *
	 * @param skipped true when nothing is wrong with it as such (it is simply not a
	 * return): skipped; false when something should have been readable: unreadable
	 * @param reason for people
	 */
	public record Problem(boolean skipped, String reason) {
	}

	/**
	 * Why a file is not read as a return, or null when it should be: Office lock and temp
	 * files, and files that are not workbooks.
	 */
	public static String skipReason(InputFile file) {
		String name = file.path().getFileName().toString();
		String lower = extensionPart(file);
		if (name.startsWith("~$") || name.startsWith(".~lock.")) {
			return "Tệp khóa/tạm của Excel hoặc LibreOffice, không phải báo cáo.";
		}
		if (!(lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls") || isText(file))) {
			return "Không phải tệp bảng tính Excel (.xlsx, .xlsm, .xls) hay danh sách CSV (.csv, .txt).";
		}
		return null;
	}

}
