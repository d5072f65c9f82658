package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
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

	/** A reader converting legacy-encoded text with the shipped tables. */
	public WorkbookReader() {
		this(LegacyText.load());
	}

	public WorkbookReader(LegacyText legacy) {
		this(legacy, true);
	}

	/**
	 * A reader with or without the fast path for {@code .xlsx}; without it, every
	 * {@code .xlsx} is streamed (the tests compare both).
	 */
	WorkbookReader(LegacyText legacy, boolean fastXlsx) {
		this.legacy = legacy;
		this.fastXlsx = fastXlsx ? new FastXlsxReader() : null;
	}

	/** What the file's first bytes say it is. */
	public enum Format {

		OOXML, OLE2, OTHER

	}

	/** Reads the sheet that holds the return: spec section 1, "Sheet". */
	public SheetCells readReturnSheet(Path file) throws UnreadableFileException {
		Format format = detect(file);
		try {
			return switch (format) {
				case OOXML -> readOoxml(file);
				case OLE2 -> readOle2(file);
				case OTHER -> throw new UnreadableFileException(
						"Tệp không phải là bảng tính Excel (.xlsx, .xlsm, .xls): nội dung tệp không đúng định dạng.");
			};
		}
		catch (EncryptedDocumentException ex) {
			throw new UnreadableFileException("Tệp được đặt mật khẩu hoặc mã hóa; hãy gửi lại tệp không đặt mật khẩu.",
					ex);
		}
		catch (IOException | POIXMLException | ExcelRuntimeException | IllegalArgumentException | IllegalStateException
				| org.apache.poi.util.RecordFormatException ex) {
			throw new UnreadableFileException("Tệp bị hỏng hoặc không đọc được: " + describe(ex), ex);
		}
	}

	/**
	 * What a file is, told by its first bytes; an empty or unopenable file is unreadable.
	 */
	public static Format detect(Path file) throws UnreadableFileException {
		byte[] head = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		catch (IOException ex) {
			throw new UnreadableFileException("Không mở được tệp: " + describe(ex), ex);
		}
		if (read == 0) {
			throw new UnreadableFileException("Tệp rỗng (0 byte).");
		}
		if (startsWith(head, read, ZIP)) {
			return Format.OOXML;
		}
		if (startsWith(head, read, OLE2)) {
			return Format.OLE2;
		}
		return Format.OTHER;
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
	private SheetCells readOoxml(Path file) throws IOException, UnreadableFileException {
		if (this.fastXlsx != null) {
			SheetCells cells = this.fastXlsx.read(file);
			if (cells != null) {
				return cells;
			}
		}
		return streamOoxml(file);
	}

	private SheetCells streamOoxml(Path file) throws IOException, UnreadableFileException {
		List<CellRef> needEvaluation = new ArrayList<>();
		SheetCells cells;
		int sheetIndex;
		try (Workbook workbook = StreamingReader.builder()
			.rowCacheSize(200)
			.bufferSize(8192)
			.setReadComments(false)
			.setReadHyperlinks(false)
			.setReadShapes(false)
			.setReadCoreProperties(false)
			.setFullFormatRichText(true)
			.open(file.toFile())) {
			sheetIndex = chooseSheet(workbook);
			boolean legacyFonts = hasLegacyFont(workbook);
			Sheet sheet = workbook.getSheetAt(sheetIndex);
			cells = new SheetCells(sheet.getSheetName());
			for (Row row : sheet) {
				for (Cell cell : row) {
					RawCell raw = convert(cell, needEvaluation, legacyFonts);
					if (raw != null) {
						cells.add(raw);
					}
				}
			}
		}
		if (!needEvaluation.isEmpty()) {
			evaluate(file, sheetIndex, needEvaluation, cells);
		}
		return cells;
	}

	/**
	 * Formulas saved without a cached value (files written by programs that do not
	 * calculate) are calculated here, from a read-only full load of the workbook, which
	 * happens only for such files. What cannot be calculated is kept as
	 * {@link RawCell.Kind#UNCALCULATED} and reported by the validator.
	 */
	private void evaluate(Path file, int sheetIndex, List<CellRef> refs, SheetCells cells) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
				XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
			FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			Sheet sheet = workbook.getSheetAt(sheetIndex);
			for (CellRef ref : refs) {
				Row row = sheet.getRow(ref.row());
				Cell cell = (row != null) ? row.getCell(ref.column()) : null;
				if (cell == null) {
					continue;
				}
				RawCell value;
				try {
					CellValue result = evaluator.evaluate(cell);
					value = fromEvaluated(ref, result);
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

	private static RawCell fromEvaluated(CellRef ref, CellValue result) {
		if (result == null) {
			return null;
		}
		return switch (result.getCellType()) {
			case NUMERIC -> RawCell.number(ref, result.getNumberValue());
			case STRING -> result.getStringValue().isBlank() ? null : RawCell.text(ref, result.getStringValue());
			case BOOLEAN -> RawCell.bool(ref, result.getBooleanValue());
			case ERROR -> RawCell.error(ref, FormulaError.forInt(result.getErrorValue()).getString());
			default -> null;
		};
	}

	private SheetCells readOle2(Path file) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
				HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
			int index = chooseSheet(workbook);
			boolean legacyFonts = hasLegacyFont(workbook);
			Sheet sheet = workbook.getSheetAt(index);
			SheetCells cells = new SheetCells(sheet.getSheetName());
			FormulaEvaluator evaluator = null;
			List<CellRef> pending = new ArrayList<>();
			for (Row row : sheet) {
				for (Cell cell : row) {
					RawCell raw = convert(cell, pending, legacyFonts);
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
					RawCell value = fromEvaluated(ref, evaluator.evaluate(cell));
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
	 * The first visible sheet whose name, accents and case folded, is {@code baocao};
	 * else the first visible sheet. The "Phản hồi" sheet tonghop puts first in its
	 * feedback copy is never the return: a union may send that copy back corrected.
	 */
	static int chooseSheet(Workbook workbook) {
		List<SheetEntry> sheets = new ArrayList<>();
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
			sheets.add(new SheetEntry(hidden ? null : workbook.getSheetName(i), hidden));
		}
		return chooseSheet(sheets);
	}

	/** The same rule over the sheets' names and states, in workbook order. */
	static int chooseSheet(List<SheetEntry> sheets) {
		int firstVisible = -1;
		for (int i = 0; i < sheets.size(); i++) {
			SheetEntry sheet = sheets.get(i);
			if (sheet.hidden() || TextFold.fold(sheet.name()).equals("phan hoi")) {
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
	 */
	record SheetEntry(String name, boolean hidden) {
	}

	private RawCell convert(Cell cell, List<CellRef> needEvaluation, boolean legacyFonts) {
		CellRef ref = new CellRef(cell.getRowIndex(), cell.getColumnIndex());
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
			if (type == CellType.STRING || type == CellType.BLANK || type == CellType._NONE) {
				String cached = (type == CellType.STRING) ? cell.getStringCellValue() : "";
				if (cached == null || cached.isEmpty()) {
					needEvaluation.add(ref);
					return null;
				}
			}
		}
		return switch (type) {
			case NUMERIC -> numeric(cell, ref);
			case STRING -> {
				String text = cell.getStringCellValue();
				yield (text == null || text.isBlank()) ? null
						: legacyFonts ? text(cell, ref, text) : RawCell.text(ref, text);
			}
			case BOOLEAN -> RawCell.bool(ref, cell.getBooleanCellValue());
			case ERROR -> RawCell.error(ref, errorText(cell));
			default -> null;
		};
	}

	/**
	 * Text typed in a legacy Vietnamese font (TCVN3 {@code .VnTime}, VNI) is stored as
	 * Western characters: the cell's font says how to read it back as Unicode.
	 */
	private RawCell text(Cell cell, CellRef ref, String text) {
		String font = fontName(cell);
		RichTextString rich = richText(cell);
		if (rich != null && rich.numFormattingRuns() > 0) {
			return runs(cell, ref, text, font, rich);
		}
		if (font == null || LegacyText.encodingOfFont(font) == null) {
			return RawCell.text(ref, text);
		}
		LegacyText.Decoded decoded = this.legacy.decodeWithFont(text, font);
		return (decoded.encoding() != null) ? RawCell.converted(ref, decoded.text(), decoded.encoding().name(), text)
				: RawCell.text(ref, text);
	}

	/**
	 * A cell whose text mixes fonts (rich text): each run is read in its own font, so a
	 * Unicode word beside a {@code .VnTime} word stays as it is.
	 */
	private RawCell runs(Cell cell, CellRef ref, String text, String cellFont, RichTextString rich) {
		StringBuilder result = new StringBuilder();
		String encoding = null;
		int runs = rich.numFormattingRuns();
		int first = rich.getIndexOfFormattingRun(0);
		if (first > 0) {
			encoding = append(result, text.substring(0, Math.min(first, text.length())), cellFont, encoding);
		}
		for (int i = 0; i < runs; i++) {
			int start = rich.getIndexOfFormattingRun(i);
			int end = (i + 1 < runs) ? rich.getIndexOfFormattingRun(i + 1) : text.length();
			if (start >= end || start >= text.length()) {
				continue;
			}
			encoding = append(result, text.substring(start, Math.min(end, text.length())),
					runFont(cell, rich, i, cellFont), encoding);
		}
		String decoded = Normalizer.normalize(result.toString(), Normalizer.Form.NFC);
		return (encoding != null) ? RawCell.converted(ref, decoded, encoding, text) : RawCell.text(ref, text);
	}

	private String append(StringBuilder result, String part, String font, String encoding) {
		if (font != null && LegacyText.encodingOfFont(font) != null) {
			LegacyText.Decoded decoded = this.legacy.decodeWithFont(part, font);
			if (decoded.encoding() != null) {
				result.append(decoded.text());
				return decoded.encoding().name();
			}
		}
		result.append(part);
		return encoding;
	}

	private static RichTextString richText(Cell cell) {
		try {
			return cell.getRichStringCellValue();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String runFont(Cell cell, RichTextString rich, int run, String cellFont) {
		try {
			if (rich instanceof XSSFRichTextString xssf) {
				XSSFFont font = xssf.getFontOfFormattingRun(run);
				return (font != null && font.getFontName() != null) ? font.getFontName() : cellFont;
			}
			if (rich instanceof HSSFRichTextString hssf) {
				short index = hssf.getFontOfFormattingRun(run);
				return cell.getSheet().getWorkbook().getFontAt(index).getFontName();
			}
		}
		catch (RuntimeException ex) {
			// no font information for this run: the cell's font
		}
		return cellFont;
	}

	/**
	 * Whether any font of the workbook is a legacy Vietnamese one: most workbooks have
	 * none, and then no cell's font or rich-text runs need looking at.
	 */
	private static boolean hasLegacyFont(Workbook workbook) {
		try {
			for (int i = 0; i < workbook.getNumberOfFonts(); i++) {
				String name = workbook.getFontAt(i).getFontName();
				if (name != null && LegacyText.encodingOfFont(name) != null) {
					return true;
				}
			}
			return false;
		}
		catch (RuntimeException ex) {
			// no font table to look at: look at every cell
			return true;
		}
	}

	private static String fontName(Cell cell) {
		try {
			CellStyle style = cell.getCellStyle();
			if (style == null) {
				return null;
			}
			if (style instanceof XSSFCellStyle xssf) {
				return xssf.getFont().getFontName();
			}
			return cell.getSheet().getWorkbook().getFontAt(style.getFontIndex()).getFontName();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static RawCell numeric(Cell cell, CellRef ref) {
		double value = cell.getNumericCellValue();
		try {
			if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(value)) {
				LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
				return new RawCell(ref, RawCell.Kind.TEXT, date.toString(), value);
			}
		}
		catch (RuntimeException ex) {
			// no style information: keep the number
		}
		return RawCell.number(ref, value);
	}

	private static String errorText(Cell cell) {
		try {
			return FormulaError.forInt(cell.getErrorCellValue()).getString();
		}
		catch (RuntimeException ex) {
			try {
				return cell.getStringCellValue();
			}
			catch (RuntimeException ignored) {
				return "#ERROR";
			}
		}
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

}
