package vn.tonghop.report.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.util.HSSFColor;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * Marks the cells that findings name in the union's workbook: a fill (red-ish for an
 * error, yellow for a warning) on a clone of the cell's own style, so that its font,
 * borders and number format stay and no other cell sharing the style changes; and one
 * comment per cell holding every finding on it with what to do.
 */
final class CellMarks {

	/** Author of the comments this tool writes; an earlier one of ours is replaced. */
	static final String AUTHOR = "Tổng hợp thi đua";

	/** Fill of a cell with an error (xlsx, xlsm). */
	static final byte[] ERROR_RGB = { (byte) 0xFF, (byte) 0x99, (byte) 0x99 };

	/** Fill of a cell with warnings only (xlsx, xlsm). */
	static final byte[] WARNING_RGB = { (byte) 0xFF, (byte) 0xFF, (byte) 0x66 };

	/** Legacy .xls has a palette: the nearest entries to these are used. */
	static final int[] ERROR_XLS_RGB = { 0xFF, 0x80, 0x80 };

	static final int[] WARNING_XLS_RGB = { 0xFF, 0xFF, 0x00 };

	private static final Pattern A1 = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})");

	static final int COMMENT_COLUMNS = 4;

	private static final int COMMENT_CHARS_PER_LINE = 40;

	static final int COMMENT_MAX_ROWS = 30;

	private final Workbook workbook;

	private final Instructions instructions;

	private final Map<String, CellStyle> fills = new HashMap<>();

	private final Map<Sheet, List<CellRangeAddress>> merged = new IdentityHashMap<>();

	CellMarks(Workbook workbook, Instructions instructions) {
		this.workbook = workbook;
		this.instructions = instructions;
	}

	/**
	 * Finds where each item sits in the workbook; what cannot be found stays unlocated.
	 */
	List<Finding> locate(List<FeedbackItem> items) {
		List<Finding> findings = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			FeedbackItem item = items.get(i);
			Sheet sheet = item.sheet().isEmpty() ? null : this.workbook.getSheet(item.sheet());
			CellAddress address = (sheet != null) ? parse(item.cell(), this.workbook.getSpreadsheetVersion()) : null;
			findings.add((address != null) ? new Finding(item, sheet, address, i) : new Finding(item, null, null, i));
		}
		return findings;
	}

	/**
	 * An A1 address ({@code E19}, {@code $E$19}; of {@code Sheet!E19} or a range
	 * {@code E19:F20} the first cell) inside the sheet limits of the format, else
	 * {@code null}.
	 */
	static CellAddress parse(String cell, SpreadsheetVersion version) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		String text = cell.strip();
		int bang = text.lastIndexOf('!');
		if (bang >= 0) {
			text = text.substring(bang + 1);
		}
		int colon = text.indexOf(':');
		if (colon >= 0) {
			text = text.substring(0, colon);
		}
		Matcher matcher = A1.matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		int column = columnIndex(matcher.group(1));
		int row = Integer.parseInt(matcher.group(2)) - 1;
		if (row < 0 || row > version.getLastRowIndex() || column > version.getLastColumnIndex()) {
			return null;
		}
		return new CellAddress(row, column);
	}

	private static int columnIndex(String letters) {
		int column = 0;
		for (char c : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
			column = column * 26 + (c - 'A' + 1);
		}
		return column - 1;
	}

	/**
	 * Fills and comments every located finding's cell, all findings on a cell together.
	 */
	void mark(List<Finding> findings) {
		Map<Sheet, Map<CellAddress, List<FeedbackItem>>> byCell = new LinkedHashMap<>();
		for (Finding finding : findings) {
			if (finding.located()) {
				CellAddress shown = shownCell(finding.sheet(), finding.address());
				byCell.computeIfAbsent(finding.sheet(), (sheet) -> new LinkedHashMap<>())
					.computeIfAbsent(shown, (address) -> new ArrayList<>())
					.add(finding.item());
			}
		}
		byCell.forEach((sheet, cells) -> cells.forEach((address, items) -> mark(sheet, address, items)));
	}

	/** A cell inside merged cells is shown by the merged area's top-left cell. */
	private CellAddress shownCell(Sheet sheet, CellAddress address) {
		List<CellRangeAddress> regions = this.merged.computeIfAbsent(sheet, Sheet::getMergedRegions);
		for (CellRangeAddress region : regions) {
			if (region.isInRange(address.getRow(), address.getColumn())) {
				return new CellAddress(region.getFirstRow(), region.getFirstColumn());
			}
		}
		return address;
	}

	private void mark(Sheet sheet, CellAddress address, List<FeedbackItem> items) {
		Cell cell = cell(sheet, address);
		boolean error = items.stream().anyMatch(FeedbackItem::isError);
		cell.setCellStyle(filled(cell.getCellStyle(), error));
		comment(sheet, cell, commentText(items));
	}

	/** The cell, created blank when the sheet has none there (beyond the used range). */
	private static Cell cell(Sheet sheet, CellAddress address) {
		Row row = sheet.getRow(address.getRow());
		if (row == null) {
			row = sheet.createRow(address.getRow());
		}
		Cell cell = row.getCell(address.getColumn());
		if (cell == null) {
			cell = row.createCell(address.getColumn());
			CellStyle inherited = row.isFormatted() ? row.getRowStyle() : sheet.getColumnStyle(address.getColumn());
			if (inherited != null) {
				cell.setCellStyle(inherited);
			}
		}
		return cell;
	}

	/**
	 * A clone of {@code style} with the fill of the severity; one clone per original
	 * style and severity, so a hundred flagged cells of one style add two styles at most.
	 */
	private CellStyle filled(CellStyle style, boolean error) {
		String key = style.getIndex() + (error ? "/error" : "/warning");
		return this.fills.computeIfAbsent(key, (k) -> {
			CellStyle clone = this.workbook.createCellStyle();
			clone.cloneStyleFrom(style);
			fill(this.workbook, clone, error);
			return clone;
		});
	}

	/**
	 * Sets the solid fill of the severity on {@code style}, in the workbook's own terms.
	 */
	static void fill(Workbook workbook, CellStyle style, boolean error) {
		if (style instanceof XSSFCellStyle xssf) {
			xssf.setFillForegroundColor(new XSSFColor(error ? ERROR_RGB : WARNING_RGB, null));
		}
		else if (workbook instanceof HSSFWorkbook hssf) {
			int[] rgb = error ? ERROR_XLS_RGB : WARNING_XLS_RGB;
			HSSFColor color = hssf.getCustomPalette().findSimilarColor(rgb[0], rgb[1], rgb[2]);
			style.setFillForegroundColor((color != null) ? color.getIndex()
					: (error ? IndexedColors.CORAL : IndexedColors.YELLOW).getIndex());
		}
		else {
			style.setFillForegroundColor((error ? IndexedColors.CORAL : IndexedColors.YELLOW).getIndex());
		}
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

	String commentText(List<FeedbackItem> items) {
		StringBuilder text = new StringBuilder();
		for (FeedbackItem item : items) {
			if (!text.isEmpty()) {
				text.append("\n\n");
			}
			text.append(item.rule())
				.append(" – ")
				.append(item.severityLabel())
				.append(": ")
				.append(item.message())
				.append("\nCách sửa: ")
				.append(this.instructions.forRule(item.rule()));
		}
		return text.toString();
	}

	/**
	 * Puts {@code text} in the cell's comment. A comment the union wrote is kept below
	 * ours; one this tool wrote on an earlier round is replaced.
	 */
	private void comment(Sheet sheet, Cell cell, String text) {
		CreationHelper helper = this.workbook.getCreationHelper();
		Comment existing = cell.getCellComment();
		if (existing != null) {
			String old = (existing.getString() != null) ? existing.getString().getString() : null;
			if (!AUTHOR.equals(existing.getAuthor()) && old != null && !old.isBlank()) {
				text = text + "\n\n(Ghi chú có sẵn) " + old;
			}
			existing.setString(helper.createRichTextString(text));
			existing.setAuthor(AUTHOR);
			return;
		}
		Drawing<?> drawing = sheet.getDrawingPatriarch();
		if (drawing == null) {
			drawing = sheet.createDrawingPatriarch();
		}
		SpreadsheetVersion version = this.workbook.getSpreadsheetVersion();
		ClientAnchor anchor = helper.createClientAnchor();
		int firstColumn = Math.min(cell.getColumnIndex() + 1, version.getLastColumnIndex() - COMMENT_COLUMNS);
		int firstRow = Math.min(cell.getRowIndex(), version.getLastRowIndex() - COMMENT_MAX_ROWS);
		anchor.setCol1(firstColumn);
		anchor.setCol2(firstColumn + COMMENT_COLUMNS);
		anchor.setRow1(firstRow);
		anchor.setRow2(firstRow + Math.min(lines(text) + 1, COMMENT_MAX_ROWS));
		Comment comment = drawing.createCellComment(anchor);
		comment.setString(helper.createRichTextString(text));
		comment.setAuthor(AUTHOR);
		cell.setCellComment(comment);
	}

	static int lines(String text) {
		int lines = 0;
		for (String paragraph : text.split("\n", -1)) {
			lines += Math.max(1, (paragraph.length() + COMMENT_CHARS_PER_LINE - 1) / COMMENT_CHARS_PER_LINE);
		}
		return lines;
	}

}
