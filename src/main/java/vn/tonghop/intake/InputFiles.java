package vn.tonghop.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
		Path root = input.toAbsolutePath().normalize();
		if (Files.isRegularFile(root)) {
			Path parent = (root.getParent() != null) ? root.getParent() : root;
			return List.of(new InputFile(root, relative(parent, root)));
		}
		List<InputFile> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(root)) {
			walk.filter(Files::isRegularFile).forEach((path) -> files.add(new InputFile(path, relative(root, path))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + root + ": " + ex.getMessage(), ex);
		}
		files.sort(Comparator.comparing(InputFile::relative));
		return files;
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
