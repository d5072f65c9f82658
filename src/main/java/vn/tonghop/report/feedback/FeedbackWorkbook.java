package vn.tonghop.report.feedback;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.ContentTypes;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.tonghop.read.DamagedFile;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.read.WorkbookReader;

/**
 * Writes the feedback a union can act on: a copy of its own workbook, in the format it
 * sent ({@code .xlsx}, {@code .xlsm} with its macros, {@code .xls}), with each finding's
 * cell filled (red-ish for an error, yellow for a warning) and commented with the rule,
 * the message and what to do, and a first sheet "Phản hồi" listing every finding with a
 * link to its cell and the verdict.
 * <p>
 * An {@code .xlsx}/{@code .xlsm} copy is written at the zip level ({@link ZipCopy}): the
 * union's parts copied as they are, only those that change rewritten, a fraction of a
 * millisecond of CPU where POI's load and save took some ten. POI writes the copy of an
 * {@code .xls}, and of whatever the zip writer leaves to it (a marked sheet with comments
 * already, an earlier "Phản hồi" sheet, strict OOXML...), as before.
 * <p>
 * The union's file is only ever read: {@code .xlsx}/{@code .xlsm} into memory (through a
 * read-only stream into an in-memory package for POI), {@code .xls} through a read-only
 * {@link POIFSFileSystem}. The copy is written beside the target and moved into place, so
 * a failed write leaves no half file. A source that cannot be opened (damaged, encrypted,
 * not a workbook) is a {@link FeedbackException}; a failure to write the target is an
 * {@link IOException}. A plain class, safe to share: it holds only the instruction texts.
 */
public final class FeedbackWorkbook {

	/**
	 * Longest file name {@link #targetName} makes, in UTF-8 bytes (file systems allow
	 * 255).
	 */
	static final int MAX_NAME_BYTES = 200;

	private static final String SEPARATOR = "__";

	private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
			"COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
			"LPT8", "LPT9");

	private final Instructions instructions;

	public FeedbackWorkbook() {
		this.instructions = Instructions.vietnamese();
	}

	/**
	 * Writes the feedback copy of {@code source} to {@code target} (replaced if present;
	 * its folder is created). {@code items} may be empty: the copy then only says the
	 * return was accepted.
	 * @throws FeedbackException when {@code source} cannot be opened as a workbook
	 * @throws IOException when {@code target} cannot be written
	 */
	public void write(Path source, String unionCode, String unionName, List<FeedbackItem> items, Path target)
			throws IOException, FeedbackException {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(target, "target");
		List<FeedbackItem> findings = List.copyOf(Objects.requireNonNull(items, "items"));
		if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())
				|| (Files.exists(target) && Files.isSameFile(source, target))) {
			throw new IllegalArgumentException("feedback must not overwrite the union's file " + source);
		}
		if (writeZip(source, unionCode, unionName, findings, target, false)) {
			return;
		}
		writePoi(source, unionCode, unionName, findings, target, false);
	}

	/**
	 * {@link #write}, straight into {@code target}: an empty file the caller made for the
	 * copy in a folder that nobody reads before it is complete (a consolidation's outputs
	 * before they are published). No temporary file is made beside it and moved over it:
	 * for thousands of copies, making and deleting a file each cost more than writing the
	 * copy (ext4 searches past the inodes it freed a moment before).
	 */
	public void writeInto(Path source, String unionCode, String unionName, List<FeedbackItem> items, Path target)
			throws IOException, FeedbackException {
		List<FeedbackItem> findings = List.copyOf(Objects.requireNonNull(items, "items"));
		if (!Files.isRegularFile(target) || Files.isSameFile(source, target)) {
			throw new IllegalArgumentException("not an empty file made for the copy of " + source + ": " + target);
		}
		if (writeZip(source, unionCode, unionName, findings, target, true)) {
			return;
		}
		writePoi(source, unionCode, unionName, findings, target, true);
	}

	/**
	 * Writes the copy of an {@code .xlsx}/{@code .xlsm} at the zip level
	 * ({@link ZipCopy}); answers {@code false}, having written nothing, for a source it
	 * does not handle.
	 */
	boolean writeZip(Path source, String unionCode, String unionName, List<FeedbackItem> findings, Path target)
			throws IOException {
		return writeZip(source, unionCode, unionName, findings, target, false);
	}

	private boolean writeZip(Path source, String unionCode, String unionName, List<FeedbackItem> findings, Path target,
			boolean into) throws IOException {
		ZipCopy.Prepared prepared;
		try {
			// not a zip (an .xls, a damaged file): ZipCopy says so from the bytes it
			// reads
			prepared = new ZipCopy(this.instructions).prepare(source, unionCode, unionName, findings);
		}
		catch (IOException | RuntimeException ex) {
			// not a zip this writer can read: POI says what is wrong with it
			return false;
		}
		if (prepared == null) {
			return false;
		}
		try {
			save(target, prepared::writeTo, into, false);
		}
		catch (IOException ex) {
			// a source entry that cannot be read, or a target that cannot be written:
			// POI's copy tells which, as before
			return false;
		}
		return true;
	}

	/** Writes the copy by loading and saving the whole workbook with POI. */
	void writePoi(Path source, String unionCode, String unionName, List<FeedbackItem> findings, Path target)
			throws IOException, FeedbackException {
		writePoi(source, unionCode, unionName, findings, target, false);
	}

	private void writePoi(Path source, String unionCode, String unionName, List<FeedbackItem> findings, Path target,
			boolean into) throws IOException, FeedbackException {
		boolean ole2 = false;
		try (Opened opened = open(source)) {
			Workbook workbook = opened.workbook();
			ole2 = workbook instanceof org.apache.poi.hssf.usermodel.HSSFWorkbook;
			String sheetName = FeedbackSheet.claimName(workbook, findings);
			CellMarks marks = new CellMarks(workbook, this.instructions);
			List<Finding> located = marks.locate(findings);
			marks.mark(located);
			new FeedbackSheet(workbook, this.instructions).add(sheetName, unionCode, unionName,
					source.getFileName().toString(), located);
			save(target, workbook::write, into, true);
		}
		catch (RuntimeException ex) {
			// a part of the union's file the reading never needed may still fail POI
			// when it marks or writes the copy: one copy not written, never the run
			throw new FeedbackException(source, "Không ghi được bản phản hồi: "
					+ DamagedFile.reason(ex, source, ole2 ? WorkbookReader.Format.OLE2 : WorkbookReader.Format.OOXML),
					ex);
		}
	}

	/** Writes something to an output stream. */
	@FunctionalInterface
	interface Writer {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Writes the copy to {@code target}: {@code into} it, over what it holds, or beside
	 * it and moved into place; through a buffer when the writer writes in small pieces
	 * (POI), straight when it writes its bytes at once (a zip-level copy: a 64 KB buffer
	 * was an eighth of what such a copy allocated).
	 */
	private static void save(Path target, Writer writer, boolean into, boolean buffered) throws IOException {
		if (into) {
			// not opened with TRUNCATE_EXISTING: ext4 writes a file truncated on opening
			// out to disk when it is closed (auto_da_alloc); what a first attempt left
			// beyond the end is cut off after the copy
			try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
				OutputStream out = buffered ? new BufferedOutputStream(Channels.newOutputStream(channel), 65536)
						: Channels.newOutputStream(channel);
				writer.writeTo(out);
				out.flush();
				channel.truncate(channel.position());
			}
			return;
		}
		Path folder = target.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path part = Files.createTempFile(folder, ".feedback-", ".part");
		try {
			try (OutputStream file = Files.newOutputStream(part);
					OutputStream out = buffered ? new BufferedOutputStream(file, 65536) : file) {
				writer.writeTo(out);
			}
			try {
				Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	/** The workbook opened from the union's file, and how to let go of it unsaved. */
	private record Opened(Workbook workbook, AutoCloseable resource) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try {
				this.resource.close();
			}
			catch (IOException | RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IOException(ex);
			}
		}

	}

	/**
	 * Opens the source read-only. The format is told by the first bytes, as the reader
	 * does, so the copy is in the format the file really is in.
	 */
	private static Opened open(Path source) throws FeedbackException {
		WorkbookReader.Format format;
		try {
			format = WorkbookReader.detect(source);
		}
		catch (UnreadableFileException ex) {
			throw new FeedbackException(source, ex.reason(), ex);
		}
		try {
			if (format == WorkbookReader.Format.OOXML) {
				return openOoxml(source);
			}
			if (format == WorkbookReader.Format.OLE2) {
				return openOle2(source);
			}
		}
		catch (EncryptedDocumentException ex) {
			throw encrypted(source, ex);
		}
		catch (OldExcelFormatException ex) {
			throw new FeedbackException(source,
					"Tệp ở định dạng Excel 5.0/95 quá cũ; hãy lưu lại thành .xlsx hoặc .xls (Excel 97-2003).", ex);
		}
		catch (IOException | RuntimeException ex) {
			// POI reports a damaged file with many unchecked exceptions
			// (POIXMLException, RecordFormatException, IllegalArgumentException...)
			throw new FeedbackException(source, DamagedFile.reason(ex, source, format), ex);
		}
		throw new FeedbackException(source,
				"Tệp không phải là bảng tính Excel (.xlsx, .xlsm, .xls): nội dung tệp không đúng định dạng.");
	}

	private static Opened openOoxml(Path source) throws IOException {
		OPCPackage pkg;
		try (InputStream in = Files.newInputStream(source)) {
			pkg = OPCPackage.open(in);
		}
		catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		try {
			dropDamagedCoreProperties(pkg);
			return new Opened(new XSSFWorkbook(pkg), pkg::revert);
		}
		catch (IOException | RuntimeException ex) {
			pkg.revert();
			throw ex;
		}
		catch (InvalidFormatException ex) {
			pkg.revert();
			throw new IOException(ex.getMessage(), ex);
		}
	}

	/**
	 * Core properties ({@code docProps/core.xml}) that POI could not parse stay in the
	 * package as a plain part, and writing the copy then failed ("'part' must be a
	 * PackagePropertiesPart instance"), which once failed the whole consolidation. The
	 * copy gets fresh ones instead, as POI makes for a package without any: they hold
	 * nothing a union reads.
	 */
	private static void dropDamagedCoreProperties(OPCPackage pkg) throws InvalidFormatException {
		for (PackagePart part : pkg.getPartsByContentType(ContentTypes.CORE_PROPERTIES_PART)) {
			if (part instanceof PackagePropertiesPart) {
				continue;
			}
			for (PackageRelationship relationship : pkg
				.getRelationshipsByType(PackageRelationshipTypes.CORE_PROPERTIES)) {
				pkg.removeRelationship(relationship.getId());
			}
			pkg.removePart(part);
		}
	}

	private static Opened openOle2(Path source) throws IOException, FeedbackException {
		POIFSFileSystem fs;
		try (InputStream in = Files.newInputStream(source)) {
			// read whole into memory: the file itself is never handed to a library
			fs = new POIFSFileSystem(in);
		}
		try {
			if (fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage")) {
				throw encrypted(source, null);
			}
			// preserveNodes keeps what POI does not model (macros, other streams)
			HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true);
			return new Opened(workbook, () -> {
				try (fs) {
					workbook.close();
				}
			});
		}
		catch (IOException | RuntimeException | FeedbackException ex) {
			fs.close();
			throw ex;
		}
	}

	private static FeedbackException encrypted(Path source, Exception cause) {
		return new FeedbackException(source, "Tệp được đặt mật khẩu hoặc mã hóa; không tạo được bản phản hồi.", cause);
	}

	/**
	 * The flat file name, under {@code phan-hoi/}, of the feedback for the file at
	 * {@code sourceRelativePath} (relative to the input folder, {@code /} or {@code \}
	 * separated): the path's parts joined by {@code __}, keeping Vietnamese letters (as
	 * NFC) and the extension, with characters Windows forbids replaced by {@code _}. So
	 * {@code ldld-ha-noi/cd-x.xlsx} becomes {@code ldld-ha-noi__cd-x.xlsx}. Empty,
	 * {@code .} and {@code ..} parts are dropped; a very long name is shortened with a
	 * hash of the whole path to stay unique.
	 */
	public static String targetName(String sourceRelativePath) {
		if (sourceRelativePath == null || sourceRelativePath.isBlank()) {
			throw new IllegalArgumentException("no source path");
		}
		String path = Normalizer.normalize(sourceRelativePath, Normalizer.Form.NFC);
		List<String> parts = new ArrayList<>();
		for (String part : path.split("[/\\\\]+")) {
			String clean = cleanPart(part);
			if (!clean.isEmpty()) {
				parts.add(clean);
			}
		}
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("no file name in '" + sourceRelativePath + "'");
		}
		String name = String.join(SEPARATOR, parts);
		String last = parts.get(parts.size() - 1);
		int dot = last.lastIndexOf('.');
		String extension = (dot > 0) ? last.substring(dot) : "";
		String base = name.substring(0, name.length() - extension.length());
		int firstDot = base.indexOf('.');
		String stem = (firstDot >= 0) ? base.substring(0, firstDot) : base;
		if (WINDOWS_RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT))) {
			base = "_" + base;
		}
		if (utf8Length(base + extension) > MAX_NAME_BYTES) {
			String suffix = "~" + shortHash(path);
			base = truncate(base, MAX_NAME_BYTES - utf8Length(suffix + extension)) + suffix;
		}
		return base + extension;
	}

	private static String cleanPart(String part) {
		StringBuilder clean = new StringBuilder(part.length());
		part.codePoints().forEach((c) -> {
			boolean illegal = c < 0x20 || c == 0x7F || "<>:\"|?*".indexOf(c) >= 0;
			clean.appendCodePoint(illegal ? '_' : c);
		});
		// Windows drops trailing dots and spaces; "." and ".." become empty and are
		// dropped
		String text = clean.toString().strip();
		int end = text.length();
		while (end > 0 && (text.charAt(end - 1) == '.' || Character.isWhitespace(text.charAt(end - 1)))) {
			end--;
		}
		return text.substring(0, end);
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static String truncate(String text, int maxBytes) {
		StringBuilder kept = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > maxBytes) {
				break;
			}
			kept.appendCodePoint(c);
			bytes += size;
			i += Character.charCount(c);
		}
		return kept.toString().strip();
	}

	private static String shortHash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
