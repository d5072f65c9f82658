package vn.tonghop.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.RecordBase;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.tonghop.normalise.LegacyText;
import vn.tonghop.normalise.TextFold;

/**
 * Reads the return sheet of a workbook into {@link SheetCells}. {@code .xlsx} and
 * {@code .xlsm} are read by streaming the sheet XML (macros are never run, the workbook
 * model is never built): the common case by {@link FastXlsxReader}, anything else by
 * excel-streaming-reader, with the same result; legacy {@code .xls} is read with HSSF.
 * The file is only ever opened for reading. The format is told by the file's first bytes,
 * not by its name.
 */
public final class WorkbookReader {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private final LegacyText legacy;

	/** The fast path for common {@code .xlsx} files; null to always stream. */
	private final FastXlsxReader fastXlsx;

	private final ReadLimits limits;

	/** A reader converting legacy-encoded text with the shipped tables. */
	public WorkbookReader() {
		this(LegacyText.load());
	}

	public WorkbookReader(LegacyText legacy) {
		this(legacy, ReadLimits.DEFAULT);
	}

	public WorkbookReader(LegacyText legacy, ReadLimits limits) {
		this(legacy, true, limits);
	}

	/**
	 * A reader with or without the fast path for {@code .xlsx}; without it, every
	 * {@code .xlsx} is streamed (the tests compare both).
	 */
	WorkbookReader(LegacyText legacy, boolean fastXlsx) {
		this(legacy, fastXlsx, ReadLimits.DEFAULT);
	}

	WorkbookReader(LegacyText legacy, boolean fastXlsx, ReadLimits limits) {
		this.legacy = legacy;
		this.fastXlsx = fastXlsx ? new FastXlsxReader() : null;
		this.limits = limits;
	}

	/** What the file's first bytes say it is. */
	public enum Format {

		/** A zip: {@code .xlsx}, {@code .xlsm} (or another Office document). */
		OOXML,
		/** An OLE2 compound file: {@code .xls} (or an encrypted {@code .xlsx}). */
		OLE2,
		/** Text that may be a list: CSV, tab-separated, Excel's "Unicode text". */
		TEXT,
		/** A web page, as web portals export "Excel" files. */
		HTML,
		/** Excel 2003's XML spreadsheet, or other XML. */
		XML, PDF,
		/** Anything else. */
		OTHER

	}

	/**
	 * Files up to this size are read whole, once: their checksum, their format and a
	 * workbook's zip all come from the same bytes ({@link MemoryZip}).
	 */
	public static final int IN_MEMORY_BYTES = 4 * 1024 * 1024;

	/** Reads the sheet that holds the return: spec section 1, "Sheet". */
	public SheetCells readReturnSheet(Path file) throws UnreadableFileException {
		byte[] content;
		try {
			content = readIfSmall(file, Files.size(file));
		}
		catch (AccessDeniedException ex) {
			throw new UnreadableFileException(ACCESS_DENIED, ex);
		}
		catch (IOException ex) {
			throw new UnreadableFileException("Không mở được tệp: " + DamagedFile.describe(ex), ex);
		}
		return readReturnSheet(file, detect(file, content), content);
	}

	/**
	 * The bytes of a file of {@code size} bytes when it is one to read whole (at most
	 * {@link #IN_MEMORY_BYTES}), else null.
	 */
	public static byte[] readIfSmall(Path file, long size) throws IOException {
		return (size <= IN_MEMORY_BYTES) ? Files.readAllBytes(file) : null;
	}

	/**
	 * The same for a file whose format {@link #detect} told already (the caller chose
	 * between this reader and the CSV reader by it), with the file's bytes when they were
	 * read whole ({@code content}; null when not: the file is then opened).
	 */
	public SheetCells readReturnSheet(Path file, Format format, byte[] content) throws UnreadableFileException {
		ReadLimits.Budget budget = this.limits.start();
		if (content != null) {
			this.limits.checkFileSize(content.length);
		}
		else {
			this.limits.checkFileSize(file);
		}
		try {
			return switch (format) {
				case OOXML -> readOoxml(file, content, budget);
				case OLE2 -> readOle2(file, content, budget);
				case TEXT -> throw new UnreadableFileException(
						"Tệp là văn bản (CSV), không phải bảng tính Excel: hãy gửi tệp .csv hoặc lưu lại dạng .xlsx.");
				case HTML ->
					throw new UnreadableFileException("Tệp là trang web (HTML) mang tên bảng tính, như các cổng"
							+ " thông tin xuất ra: hãy mở bằng Excel rồi lưu lại dạng Sổ làm việc Excel (.xlsx).");
				case XML -> throw new UnreadableFileException("Tệp là bảng tính XML (Excel 2003) hoặc tệp XML khác:"
						+ " hãy mở bằng Excel rồi lưu lại dạng Sổ làm việc Excel (.xlsx).");
				case PDF -> throw new UnreadableFileException(
						"Tệp là văn bản PDF, không phải bảng tính: hãy gửi tệp Excel của báo cáo.");
				case OTHER -> throw new UnreadableFileException(
						"Tệp không phải là bảng tính Excel (.xlsx, .xlsm, .xls): nội dung tệp không đúng định dạng.");
			};
		}
		catch (ReadLimits.LimitExceeded ex) {
			throw new UnreadableFileException(ex.getMessage(), ex);
		}
		catch (EncryptedDocumentException ex) {
			throw new UnreadableFileException(PROTECTED, ex);
		}
		catch (OldExcelFormatException ex) {
			throw new UnreadableFileException("Tệp Excel 5.0/95 quá cũ, không đọc được: hãy mở bằng Excel rồi lưu lại"
					+ " dạng Sổ làm việc Excel (.xlsx).", ex);
		}
		catch (IOException | POIXMLException | ExcelRuntimeException ex) {
			throw DamagedFile.of(ex, file, content, format);
		}
		catch (RuntimeException ex) {
			// POI and the XML parsers throw all kinds of runtime exceptions at damaged
			// input (RecordFormatException, LeftoverDataException, IndexOutOfBounds…):
			// those are a damaged file. One thrown by tonghop's own code is a bug, and
			// goes on up.
			if (fromLibrary(ex)) {
				throw DamagedFile.of(ex, file, content, format);
			}
			throw ex;
		}
		catch (StackOverflowError ex) {
			throw new UnreadableFileException("Tệp bị hỏng hoặc có cấu trúc lồng nhau quá sâu, không đọc được.", ex);
		}
	}

	/**
	 * Whether an exception was thrown by a library reading the file (its first frame
	 * outside the JDK is not tonghop's), rather than by tonghop's own code. One without a
	 * stack (the JVM leaves it out of exceptions thrown often) is taken for the file's.
	 */
	static boolean fromLibrary(Throwable ex) {
		if (ex.getStackTrace().length == 0) {
			return true;
		}
		for (StackTraceElement frame : ex.getStackTrace()) {
			String type = frame.getClassName();
			if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
				continue;
			}
			return !type.startsWith("vn.tonghop.");
		}
		return false;
	}

	/** Excel never writes a DOCTYPE: one is refused, never resolved. */
	static final String DOCTYPE = "tệp khai báo DOCTYPE hay thực thể XML, điều Excel không bao giờ ghi;"
			+ " không đọc để bảo vệ máy chủ. Hãy lưu lại tệp bằng Excel.";

	private static final String PROTECTED = "Tệp được đặt mật khẩu hoặc mã hóa; hãy gửi lại tệp không đặt mật khẩu.";

	/**
	 * What a file is, told by its first bytes; an empty or unopenable file is unreadable.
	 */
	public static Format detect(Path file) throws UnreadableFileException {
		byte[] head = new byte[HEAD_BYTES];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		catch (AccessDeniedException ex) {
			throw new UnreadableFileException(ACCESS_DENIED, ex);
		}
		catch (IOException ex) {
			throw new UnreadableFileException("Không mở được tệp: " + DamagedFile.describe(ex), ex);
		}
		return detect(head, read);
	}

	/**
	 * The same from the file's bytes when they were read whole ({@code content}), else
	 * from the file.
	 */
	public static Format detect(Path file, byte[] content) throws UnreadableFileException {
		return (content != null) ? detect(content, Math.min(content.length, HEAD_BYTES)) : detect(file);
	}

	private static final int HEAD_BYTES = 1024;

	private static final String ACCESS_DENIED = "Không có quyền đọc tệp (quyền truy cập bị từ chối).";

	private static Format detect(byte[] head, int read) throws UnreadableFileException {
		if (read == 0) {
			throw new UnreadableFileException("Tệp rỗng (0 byte).");
		}
		if (startsWith(head, read, ZIP)) {
			return Format.OOXML;
		}
		if (startsWith(head, read, OLE2)) {
			return Format.OLE2;
		}
		return sniff(head, read);
	}

	/** What a file that is no workbook is, from its first kilobyte. */
	private static Format sniff(byte[] head, int read) {
		boolean utf16 = read >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
				|| (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
		String text = utf16 ? CsvSheetReader.decode(java.util.Arrays.copyOf(head, read & ~1))
				: new String(head, 0, read, StandardCharsets.ISO_8859_1);
		String start = text.stripLeading().replace("\uFEFF", "").replace("ï»¿", "").stripLeading();
		String lower = start.toLowerCase(Locale.ROOT);
		if (lower.startsWith("%pdf")) {
			return Format.PDF;
		}
		if (lower.startsWith("<")) {
			if (lower.contains("<html") || lower.contains("<table") || lower.startsWith("<!doctype html")) {
				return Format.HTML;
			}
			return lower.contains("urn:schemas-microsoft-com:office:spreadsheet") || lower.startsWith("<?xml")
					? Format.XML : Format.HTML;
		}
		if (utf16) {
			return Format.TEXT;
		}
		for (int i = 0; i < read; i++) {
			int b = head[i] & 0xFF;
			if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C)) {
				return Format.OTHER;
			}
		}
		return Format.TEXT;
	}

	private static boolean startsWith(byte[] head, int read, byte[] magic) {
		if (read < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The common case is read by {@link FastXlsxReader}; whatever it does not read
	 * exactly as below, it leaves to the streaming reader.
	 */
	private SheetCells readOoxml(Path file, byte[] content, ReadLimits.Budget budget)
			throws IOException, UnreadableFileException {
		// the zip's directory is read once, for the checks and the fast path: from the
		// file's bytes when they were read and the zip is a plain one, else from the file
		ZipEntries inMemory = (content != null) ? MemoryZip.open(content) : null;
		List<Boolean> worksheets;
		try (ZipEntries zip = (inMemory != null) ? inMemory : ZipEntries.of(openZip(file))) {
			checkZip(zip);
			if (this.fastXlsx != null) {
				FastXlsxReader.Attempt attempt = this.fastXlsx.attempt(zip, budget);
				if (attempt.handled()) {
					return attempt.cells();
				}
				if (FastXlsxReader.DOCTYPE.equals(attempt.fallback())) {
					throw new UnreadableFileException("Tệp có nội dung XML bất thường: " + DOCTYPE);
				}
			}
			worksheets = XlsxSheetKinds.worksheets(zip);
		}
		return streamOoxml(file, content, budget, worksheets);
	}

	/**
	 * The file to read, for a library, as a stream of its bytes: never the file itself,
	 * which POI opens for writing and saves on close (a damaged return whose reading
	 * failed was written over, other bytes and another checksum). A user's file is
	 * read-only to tonghop.
	 */
	static InputStream readOnly(Path file, byte[] content) throws IOException {
		return (content != null) ? new ByteArrayInputStream(content) : Files.newInputStream(file);
	}

	private static ZipFile openZip(Path file) throws UnreadableFileException {
		try {
			return new ZipFile(file.toFile());
		}
		catch (ZipException ex) {
			// the zip's directory (at its end) is what the sizes are checked from before
			// anything is unzipped: a zip without a sound one is refused, though some
			// readers recover entries from the rest
			throw new UnreadableFileException("Tệp nén (.xlsx) bị hỏng hoặc không trọn vẹn, có thể tải về chưa xong:"
					+ " mục lục ở cuối tệp nén bị thiếu hoặc hỏng. Hãy gửi lại tệp.", ex);
		}
		catch (IOException ex) {
			throw new UnreadableFileException("Không mở được tệp: " + DamagedFile.describe(ex), ex);
		}
	}

	/**
	 * Looks at the zip's directory before anything is unzipped: a damaged or truncated
	 * zip, another Office document, more unzipped bytes than the limits allow, or parts
	 * that unzip to hundreds of times their size (a zip bomb: POI's check, made here
	 * first to say so plainly) are refused.
	 */
	private void checkZip(ZipEntries zip) throws UnreadableFileException {
		long total = 0;
		boolean spreadsheet = false;
		String other = null;
		for (ZipEntry entry : zip.entries()) {
			// some old writers name entries with backslashes (xl\workbook.xml), which POI
			// reads as slashes
			String name = entry.getName().replace('\\', '/');
			spreadsheet |= name.startsWith("xl/");
			if (name.startsWith("word/")) {
				other = "Word";
			}
			else if (name.startsWith("ppt/")) {
				other = "PowerPoint";
			}
			long size = entry.getSize();
			long compressed = entry.getCompressedSize();
			if (size < 0) {
				continue;
			}
			total += size;
			if (size > ZipSecureFile.getMaxEntrySize() || size > GRACE_BYTES && compressed >= 0
					&& (double) compressed / size < ZipSecureFile.getMinInflateRatio()) {
				throw new UnreadableFileException(DamagedFile.ZIP_BOMB);
			}
			if (name.toLowerCase(Locale.ROOT).endsWith("sharedstrings.xml")
					&& size > this.limits.maxSharedStringsBytes()) {
				throw new UnreadableFileException("Bảng chuỗi dùng chung của tệp (xl/sharedStrings.xml) lớn "
						+ ReadLimits.megabytes(size) + " khi giải nén, quá giới hạn "
						+ ReadLimits.megabytes(this.limits.maxSharedStringsBytes())
						+ " (tonghop.limits.max-shared-strings-size).");
			}
		}
		if (total > this.limits.maxUnzippedBytes()) {
			throw new UnreadableFileException("Tệp chứa " + ReadLimits.megabytes(total)
					+ " dữ liệu khi giải nén, quá giới hạn " + ReadLimits.megabytes(this.limits.maxUnzippedBytes())
					+ " (tonghop.limits.max-unzipped-size).");
		}
		if (!spreadsheet) {
			throw new UnreadableFileException((other != null)
					? "Tệp là tài liệu " + other + " chứ không phải bảng tính Excel: hãy gửi tệp Excel của báo cáo."
					: "Tệp nén (.zip) không chứa bảng tính Excel: hãy gửi tệp Excel của báo cáo, không nén.");
		}
	}

	/** The size below which POI does not look at an entry's inflate ratio. */
	private static final long GRACE_BYTES = 1024 * 1024;

	/**
	 * The streaming path; {@code worksheets} tells which sheets are worksheets
	 * ({@link XlsxSheetKinds}; null when the zip did not tell).
	 */
	private SheetCells streamOoxml(Path file, byte[] content, ReadLimits.Budget budget, List<Boolean> worksheets)
			throws IOException, UnreadableFileException {
		List<CellRef> needEvaluation = new ArrayList<>();
		SheetCells cells;
		int sheetIndex;
		try (InputStream in = readOnly(file, content);
				Workbook workbook = StreamingReader.builder()
					.rowCacheSize(200)
					.bufferSize(8192)
					.setReadComments(false)
					.setReadHyperlinks(false)
					.setReadShapes(false)
					.setReadCoreProperties(false)
					.setFullFormatRichText(true)
					// the package in memory: without it the stream is copied to a
					// temporary file that
					// POI then opens for writing
					.setAvoidTempFiles(true)
					.open(in)) {
			sheetIndex = chooseSheet(workbook, (index) -> worksheets == null
					|| worksheets.size() != workbook.getNumberOfSheets() || worksheets.get(index));
			PoiCells poiCells = new PoiCells(this.legacy, workbook);
			Sheet sheet = workbook.getSheetAt(sheetIndex);
			cells = new SheetCells(sheet.getSheetName(), budget);
			for (Row row : sheet) {
				budget.tick();
				for (Cell cell : row) {
					RawCell raw = poiCells.convert(cell, needEvaluation);
					if (raw != null) {
						cells.add(raw);
					}
				}
			}
		}
		if (!needEvaluation.isEmpty()) {
			evaluate(file, content, sheetIndex, needEvaluation, cells);
		}
		return cells;
	}

	/**
	 * Formulas saved without a cached value (files written by programs that do not
	 * calculate) are calculated here, from a read-only full load of the workbook, which
	 * happens only for such files. What cannot be calculated is kept as
	 * {@link RawCell.Kind#UNCALCULATED} and reported by the validator. The sheet is found
	 * by its name: POI's workbook leaves out the macro sheets the streaming reader
	 * counts.
	 */
	private void evaluate(Path file, byte[] content, int sheetIndex, List<CellRef> refs, SheetCells cells)
			throws IOException {
		try (InputStream in = readOnly(file, content);
				OPCPackage pkg = OPCPackage.open(in);
				XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
			FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			Sheet named = workbook.getSheet(cells.name());
			Sheet sheet = (named != null) ? named : workbook.getSheetAt(sheetIndex);
			for (CellRef ref : refs) {
				Row row = sheet.getRow(ref.row());
				Cell cell = (row != null) ? row.getCell(ref.column()) : null;
				if (cell == null) {
					continue;
				}
				RawCell value;
				try {
					CellValue result = evaluator.evaluate(cell);
					value = PoiCells.fromEvaluated(ref, result);
				}
				catch (RuntimeException ex) {
					value = RawCell.uncalculated(ref, cell.getCellFormula());
				}
				if (value != null) {
					cells.add(value);
				}
			}
		}
		catch (InvalidFormatException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	private SheetCells readOle2(Path file, byte[] content, ReadLimits.Budget budget)
			throws IOException, UnreadableFileException {
		try (InputStream in = readOnly(file, content); POIFSFileSystem fs = new POIFSFileSystem(in)) {
			try {
				// POI's own look for the workbook: an encrypted .xlsx and an Excel 95
				// file come out as the exceptions readReturnSheet names
				HSSFWorkbook.getWorkbookDirEntryName(fs.getRoot());
			}
			catch (IllegalArgumentException ex) {
				throw new UnreadableFileException(fs.getRoot().hasEntryCaseInsensitive("WordDocument")
						? "Tệp là tài liệu Word chứ không phải bảng tính Excel: hãy gửi tệp Excel của báo cáo."
						: "Tệp Office này không chứa bảng tính Excel: hãy gửi tệp Excel của báo cáo.", ex);
			}
			return readHssf(fs, budget);
		}
	}

	private SheetCells readHssf(POIFSFileSystem fs, ReadLimits.Budget budget) throws IOException {
		try (HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
			int index = chooseSheet(workbook, (sheet) -> worksheet(workbook, sheet));
			PoiCells poiCells = new PoiCells(this.legacy, workbook);
			Sheet sheet = workbook.getSheetAt(index);
			SheetCells cells = new SheetCells(sheet.getSheetName(), budget);
			FormulaEvaluator evaluator = null;
			List<CellRef> pending = new ArrayList<>();
			for (Row row : sheet) {
				budget.tick();
				for (Cell cell : row) {
					RawCell raw = poiCells.convert(cell, pending);
					if (raw != null) {
						cells.add(raw);
					}
				}
			}
			for (CellRef ref : pending) {
				if (evaluator == null) {
					evaluator = workbook.getCreationHelper().createFormulaEvaluator();
				}
				Cell cell = sheet.getRow(ref.row()).getCell(ref.column());
				try {
					RawCell value = PoiCells.fromEvaluated(ref, evaluator.evaluate(cell));
					if (value != null) {
						cells.add(value);
					}
				}
				catch (RuntimeException ex) {
					cells.add(RawCell.uncalculated(ref, cell.getCellFormula()));
				}
			}
			return cells;
		}
	}

	/**
	 * The first visible worksheet whose name, accents and case folded, is {@code baocao};
	 * else the first visible worksheet. The "Phản hồi" sheet tonghop puts first in its
	 * feedback copy is never the return: a union may send that copy back corrected. Nor
	 * is a sheet that is no worksheet (an Excel 4.0 macro sheet, a chart sheet):
	 * {@code worksheet} tells which are, by index.
	 */
	static int chooseSheet(Workbook workbook, IntPredicate worksheet) {
		List<SheetEntry> sheets = new ArrayList<>();
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
			sheets.add(new SheetEntry(hidden ? null : workbook.getSheetName(i), hidden, worksheet.test(i)));
		}
		return chooseSheet(sheets);
	}

	/** The same rule over the sheets' names, states and kinds, in workbook order. */
	static int chooseSheet(List<SheetEntry> sheets) {
		int firstVisible = -1;
		for (int i = 0; i < sheets.size(); i++) {
			SheetEntry sheet = sheets.get(i);
			if (sheet.hidden() || !sheet.worksheet() || TextFold.fold(sheet.name()).equals("phan hoi")) {
				continue;
			}
			if (firstVisible < 0) {
				firstVisible = i;
			}
			if (TextFold.fold(sheet.name()).replace(" ", "").equals("baocao")) {
				return i;
			}
		}
		return Math.max(firstVisible, 0);
	}

	/**
	 * A sheet as the choice of the return sheet sees it.
	 *
	 * @param name the sheet's name (may be null for a hidden sheet: it is not looked at)
	 * @param hidden whether the sheet is hidden or very hidden
	 * @param worksheet whether it is a worksheet, a sheet of cells; not an Excel 4.0
	 * macro sheet, a chart sheet or a dialog sheet, which are never the return
	 */
	record SheetEntry(String name, boolean hidden, boolean worksheet) {
	}

	/**
	 * Whether the sheet of an {@code .xls} at an index is a worksheet: HSSF keeps an
	 * Excel 4.0 macro sheet and a chart sheet as sheets, their first record telling them
	 * apart.
	 */
	private static boolean worksheet(HSSFWorkbook workbook, int index) {
		List<RecordBase> records = workbook.getSheetAt(index).getSheet().getRecords();
		return records.isEmpty() || !(records.get(0) instanceof BOFRecord bof)
				|| bof.getType() == BOFRecord.TYPE_WORKSHEET;
	}

}
