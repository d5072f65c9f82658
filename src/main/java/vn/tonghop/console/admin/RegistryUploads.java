package vn.tonghop.console.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import vn.tonghop.intake.Checksums;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.registry.RegistryReader;
import vn.tonghop.registry.RegistryStore;

/**
 * Loads an uploaded registry of expected unions as {@code tonghop registry} does: the
 * upload is saved to a temporary file of a generated name (the browser's name is never a
 * path: it is kept for the page and as the load's source file), read by
 * {@link RegistryReader}, stored by {@link RegistryStore#replace}, and deleted.
 */
@Component
class RegistryUploads {

	private static final Log logger = LogFactory.getLog(RegistryUploads.class);

	/** The kinds of file the registry is read from. */
	static final Set<String> EXTENSIONS = Set.of("xlsx", "xls", "csv");

	/** The longest file name kept. */
	private static final int MAX_NAME = 200;

	private final RegistryReader reader;

	private final RegistryStore store;

	RegistryUploads(RegistryReader reader, RegistryStore store) {
		this.reader = reader;
		this.store = store;
	}

	/**
	 * What became of an upload.
	 *
	 * @param fileName the file's name as the browser sent it, without folders
	 * @param year the year of the registry
	 * @param loaded whether the registry was stored
	 * @param entries how many unions it lists
	 * @param replaced how many the registry it replaced listed; -1 when there was none
	 * @param problems what the reader found wrong with some rows, in Vietnamese
	 * @param reason why the file could not be read at all, in Vietnamese; null if it was
	 * read
	 * @param refusal the message key of why the upload was not even read; null if it was
	 */
	record Outcome(String fileName, int year, boolean loaded, int entries, int replaced, List<String> problems,
			String reason, String refusal) implements Serializable {

		static Outcome refused(String fileName, int year, String refusal) {
			return new Outcome(fileName, year, false, 0, -1, List.of(), null, refusal);
		}

	}

	/** Loads {@code upload} as the registry of {@code year}. */
	Outcome load(MultipartFile upload, int year) throws IOException {
		String name = fileName(upload.getOriginalFilename());
		String extension = extension(name);
		if (!EXTENSIONS.contains(extension)) {
			return Outcome.refused(name, year, "admin.registry.bad-extension");
		}
		if (upload.isEmpty()) {
			return Outcome.refused(name, year, "admin.registry.empty");
		}
		// the reader tells a CSV from a workbook by the extension, which is one of ours
		Path file = Files.createTempFile("tonghop-danh-sach-", "." + extension);
		try {
			try (InputStream in = upload.getInputStream()) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
			RegistryReader.Result result;
			try {
				result = this.reader.read(file, year);
			}
			catch (UnreadableFileException ex) {
				return new Outcome(name, year, false, 0, -1, List.of(), ex.reason(), null);
			}
			int before = this.store.size(year);
			this.store.replace(year, name, Checksums.sha256(file), result.entries());
			return new Outcome(name, year, true, result.entries().size(), before, List.copyOf(result.problems()), null,
					null);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Không xoá được tệp tạm " + file + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * The file's own name as the browser sent it: without the folders some browsers send,
	 * control characters, or more than {@value #MAX_NAME} characters.
	 */
	static String fileName(String original) {
		String name = (original != null) ? original : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("\\p{Cntrl}", "").strip();
		if (name.length() > MAX_NAME) {
			name = name.substring(name.length() - MAX_NAME);
		}
		return name.isEmpty() ? "(không tên)" : name;
	}

	/** The extension of a name, lower case; empty when it has none. */
	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
