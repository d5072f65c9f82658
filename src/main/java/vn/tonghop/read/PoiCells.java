package vn.tonghop.read;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.ExcelNumberFormat;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

import vn.tonghop.normalise.LegacyText;

/**
 * The cells of a workbook read with POI (the streaming path's {@code .xlsx}, HSSF's
 * {@code .xls}) as tonghop reads them: numbers, dates as {@code yyyy-MM-dd} text, text
 * (read back from a legacy Vietnamese font where the cell's font is one), booleans and
 * errors. One instance serves one workbook.
 */
final class PoiCells {

	/** What excel-streaming-reader puts before the code in an error cell's text. */
	static final String STREAMING_ERROR = "ERROR:  ";

	private final LegacyText legacy;

	/** Whether any font of the workbook is a legacy one; see {@link #hasLegacyFont}. */
	private final boolean legacyFonts;

	/**
	 * Whether each cell format, by its index, is a date's; see {@link #dateFormatted}.
	 */
	private final Map<Short, Boolean> dateStyles = new HashMap<>();

	/** Whether the workbook counts its dates from 1904, as Excel for the Mac once did. */
	private final boolean date1904;

	PoiCells(LegacyText legacy, Workbook workbook) {
		this.legacy = legacy;
		this.legacyFonts = hasLegacyFont(workbook);
		this.date1904 = date1904(workbook);
	}

	/**
	 * Whether a workbook is saved in the 1904 date system ({@code date1904} in an
	 * {@code .xlsx}, the 1904 record of an {@code .xls}): its day numbers count from
	 * 1904-01-01, 1,462 days later than the 1900 system's.
	 */
	static boolean date1904(Workbook workbook) {
		if (workbook instanceof Date1904Support dates) {
			return dates.isDate1904();
		}
		if (workbook instanceof HSSFWorkbook hssf) {
			return hssf.getInternalWorkbook().isUsing1904DateWindowing();
		}
		return false;
	}

	/**
	 * The cell as tonghop reads it, or null for a blank one; a formula cell without a
	 * cached value (or with an empty one) is put in {@code needEvaluation} instead, for
	 * the caller to calculate.
	 */
	RawCell convert(Cell cell, List<CellRef> needEvaluation) {
		CellRef ref = new CellRef(cell.getRowIndex(), cell.getColumnIndex());
		CellType type = cell.getCellType();
		boolean formula = type == CellType.FORMULA;
		if (formula) {
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
			case NUMERIC -> {
				Double value = number(cell);
				if (value == null && formula) {
					needEvaluation.add(ref);
				}
				yield (value != null) ? numeric(cell, ref, value) : null;
			}
			case STRING -> {
				String text = unescaped(cell, cell.getStringCellValue());
				yield (text == null || text.isBlank()) ? null
						: this.legacyFonts ? text(cell, ref, text) : RawCell.text(ref, text);
			}
			case BOOLEAN -> RawCell.bool(ref, cell.getBooleanCellValue());
			case ERROR -> RawCell.error(ref, errorText(cell));
			default -> null;
		};
	}

	/**
	 * The text of an {@code .xlsx} string cell with its {@code _xHHHH_} escapes decoded
	 * ({@code _x000D_}, a carriage return), as POI's rich text gives it: the streaming
	 * reader gives a shared string decoded, but an inline string ({@code t="inlineStr"})
	 * or a formula's string ({@code t="str"}) as it is stored.
	 */
	private static String unescaped(Cell cell, String text) {
		if (text == null || !text.contains("_x")) {
			return text;
		}
		RichTextString rich = richText(cell);
		return (rich instanceof XSSFRichTextString xssf) ? xssf.getString() : text;
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

	/**
	 * A number cell's number, or null for one that holds none ({@code <v></v>}, or
	 * {@code <v/>}, in an {@code .xlsx}): the streaming reader fails to parse it, and
	 * what it stores is then the empty text. (POI's usermodel reads it as 0: missing is
	 * not zero.)
	 */
	private static Double number(Cell cell) {
		try {
			return cell.getNumericCellValue();
		}
		catch (NumberFormatException ex) {
			if (cell.getStringCellValue().trim().isEmpty()) {
				return null;
			}
			throw ex;
		}
	}

	private RawCell numeric(Cell cell, CellRef ref, double value) {
		try {
			if (DateUtil.isValidExcelDate(value) && dateFormatted(cell)) {
				LocalDate date = DateUtil.getLocalDateTime(value, this.date1904).toLocalDate();
				return new RawCell(ref, RawCell.Kind.TEXT, date.toString(), value);
			}
		}
		catch (RuntimeException ex) {
			// no style information: keep the number
		}
		return RawCell.number(ref, value);
	}

	/**
	 * Whether the cell's number format is a date's, as
	 * {@link DateUtil#isCellDateFormatted} tells, once per cell format of the workbook:
	 * POI parses the format's text for each cell (a seventh of the CPU of reading an
	 * {@code .xls} return).
	 */
	private boolean dateFormatted(Cell cell) {
		CellStyle style = cell.getCellStyle();
		if (style == null) {
			return false;
		}
		return this.dateStyles.computeIfAbsent(style.getIndex(), (index) -> {
			ExcelNumberFormat format = ExcelNumberFormat.from(style);
			return format != null && DateUtil.isADateFormat(format);
		});
	}

	/**
	 * The error's code ({@code #DIV/0!}), for a plain error cell as for a formula's
	 * cached error: the streaming reader refuses the code of a formula cell, and of a
	 * code POI does not know, and gives the cell's text, its code after
	 * {@link #STREAMING_ERROR}.
	 */
	private static String errorText(Cell cell) {
		try {
			return FormulaError.forInt(cell.getErrorCellValue()).getString();
		}
		catch (RuntimeException ex) {
			try {
				String text = cell.getStringCellValue();
				return text.startsWith(STREAMING_ERROR) ? text.substring(STREAMING_ERROR.length()) : text;
			}
			catch (RuntimeException ignored) {
				return "#ERROR";
			}
		}
	}

	/** A formula's calculated value as tonghop reads it, or null for none. */
	static RawCell fromEvaluated(CellRef ref, CellValue result) {
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

}
