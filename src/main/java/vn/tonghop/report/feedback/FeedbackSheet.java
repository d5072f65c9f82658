package vn.tonghop.report.feedback;

import java.util.Comparator;
import java.util.List;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import vn.tonghop.report.A4;
import vn.tonghop.report.WrappedText;

/**
 * The "Phản hồi" sheet put first in the feedback copy: who and which file, the verdict,
 * then one row per finding with a link to its cell and what to do. Errors come first;
 * within a severity, findings about the whole return, then by sheet and position.
 */
final class FeedbackSheet {

	static final String NAME = "Phản hồi";

	static final String REJECTED = "Báo cáo bị từ chối: cần sửa các lỗi và gửi lại";

	static final String ACCEPTED = "Báo cáo được chấp nhận; xin xem các cảnh báo";

	static final String[] HEADINGS = { "STT", "Quy tắc", "Mức độ", "Trang tính", "Ô", "Nội dung", "Cách sửa" };

	/**
	 * Column widths, in characters: 135 in all, so that the sheet prints on A4 landscape
	 * at 8 points or more.
	 */
	static final int[] WIDTHS = { 5, 8, 10, 12, 8, 50, 42 };

	static final int TOTAL_WIDTH = 135;

	/** The footer of every page: "Trang 2 / 5". */
	static final String PAGE_NUMBERS = A4.PAGE_NUMBERS;

	/** Sizes of the sheet's text, its title and its verdict, in points. */
	static final int TEXT_POINTS = 11;

	static final int TITLE_POINTS = 14;

	static final int VERDICT_POINTS = 12;

	/** Bold letters are about this much wider than regular ones. */
	static final double BOLD = 1.1;

	static final int MESSAGE_COLUMN = 5;

	static final int INSTRUCTION_COLUMN = 6;

	/** Row (0-based) of the column headings; the findings start below it. */
	static final int HEADING_ROW = 5;

	private final Workbook workbook;

	private final Instructions instructions;

	private final CreationHelper helper;

	FeedbackSheet(Workbook workbook, Instructions instructions) {
		this.workbook = workbook;
		this.instructions = instructions;
		this.helper = workbook.getCreationHelper();
	}

	/**
	 * A name for the sheet that no sheet of the workbook has. A "Phản hồi" sheet left
	 * from an earlier round of feedback (the union sent our copy back) is removed first,
	 * unless a finding is about it.
	 */
	static String claimName(Workbook workbook, List<FeedbackItem> items) {
		Sheet earlier = workbook.getSheet(NAME);
		if (earlier != null && items.stream().noneMatch((item) -> item.sheet().equalsIgnoreCase(NAME))
				&& workbook.getNumberOfSheets() > 1) {
			workbook.removeSheetAt(workbook.getSheetIndex(earlier));
		}
		String name = NAME;
		for (int n = 2; workbook.getSheet(name) != null; n++) {
			name = NAME + " (" + n + ")";
		}
		return name;
	}

	/** Adds the sheet as the first and active sheet of the workbook. */
	Sheet add(String name, String unionCode, String unionName, String fileName, List<Finding> findings) {
		Sheet sheet = this.workbook.createSheet(name);
		this.workbook.setSheetOrder(name, 0);
		for (Sheet other : this.workbook) {
			other.setSelected(false);
		}
		this.workbook.setActiveSheet(0);
		this.workbook.setFirstVisibleTab(0);
		sheet.setSelected(true);

		Styles styles = new Styles();
		long errors = findings.stream().filter((finding) -> finding.item().isError()).count();
		long warnings = findings.size() - errors;
		title(sheet, 0, styles.title, "Phản hồi báo cáo thi đua: " + union(unionCode, unionName), TITLE_POINTS * BOLD);
		title(sheet, 1, styles.text, "Tệp: " + fileName, TEXT_POINTS);
		title(sheet, 2, (errors > 0) ? styles.rejected : styles.accepted, (errors > 0) ? REJECTED : ACCEPTED,
				VERDICT_POINTS * BOLD);
		title(sheet, 3, styles.text, summary(errors, warnings), TEXT_POINTS);

		Row headings = sheet.createRow(HEADING_ROW);
		int headingLines = 1;
		for (int i = 0; i < HEADINGS.length; i++) {
			text(headings, i, styles.heading, HEADINGS[i]);
			headingLines = Math.max(headingLines, lines(HEADINGS[i], WIDTHS[i], TEXT_POINTS * BOLD));
		}
		headings.setHeightInPoints(WrappedText.rowHeight(headingLines, TEXT_POINTS));
		int rowIndex = HEADING_ROW + 1;
		for (Finding finding : sorted(findings)) {
			row(sheet.createRow(rowIndex), rowIndex - HEADING_ROW, finding, styles);
			rowIndex++;
		}
		layout(sheet, rowIndex - 1);
		return sheet;
	}

	static String union(String code, String name) {
		String shownName = (name != null && !name.isBlank()) ? name.strip() : "(chưa ghi tên công đoàn cơ sở)";
		return (code != null && !code.isBlank()) ? shownName + " (mã " + code.strip() + ")" : shownName;
	}

	static String summary(long errors, long warnings) {
		String what = errors + " lỗi, " + warnings + " cảnh báo. Bấm vào ô ở cột \"Ô\" để đến ô cần xem: ô có lỗi được"
				+ " tô đỏ, ô có cảnh báo tô vàng, ghi chú trong ô cho biết cách sửa.";
		return (errors > 0) ? what + " Sửa các lỗi rồi gửi lại báo cáo (nếu sửa trên tệp này, hãy xóa trang \"" + NAME
				+ "\" trước khi gửi)." : what + " Không cần gửi lại báo cáo.";
	}

	private static List<Finding> sorted(List<Finding> findings) {
		return findings.stream()
			.sorted(Comparator.comparing((Finding finding) -> !finding.item().isError())
				.thenComparing(Finding::located)
				.thenComparingInt((finding) -> finding.located()
						? finding.sheet().getWorkbook().getSheetIndex(finding.sheet()) : -1)
				.thenComparingInt((finding) -> finding.located() ? finding.address().getRow() : -1)
				.thenComparingInt((finding) -> finding.located() ? finding.address().getColumn() : -1)
				.thenComparingInt(Finding::order))
			.toList();
	}

	private void row(Row row, int number, Finding finding, Styles styles) {
		FeedbackItem item = finding.item();
		Cell numberCell = row.createCell(0);
		numberCell.setCellValue(number);
		numberCell.setCellStyle(styles.centred);
		text(row, 1, styles.centred, item.rule());
		text(row, 2, item.isError() ? styles.error : styles.warning, item.severityLabel());
		text(row, 3, styles.body, item.sheet());
		Cell cell = text(row, 4, styles.body, item.cell());
		if (finding.located()) {
			Hyperlink link = this.helper.createHyperlink(HyperlinkType.DOCUMENT);
			link.setAddress(quote(finding.sheet().getSheetName()) + "!" + finding.address().formatAsString());
			cell.setHyperlink(link);
			cell.setCellValue(finding.address().formatAsString());
			cell.setCellStyle(styles.link);
		}
		String instruction = this.instructions.forRule(item.rule());
		text(row, MESSAGE_COLUMN, styles.body, item.message());
		text(row, INSTRUCTION_COLUMN, styles.body, instruction);
		int lines = 1;
		String[] texts = { item.rule(), item.severityLabel(), item.sheet(), item.cell(), item.message(), instruction };
		for (int i = 0; i < texts.length; i++) {
			lines = Math.max(lines, lines(texts[i], WIDTHS[i + 1], TEXT_POINTS * ((i == 1) ? BOLD : 1.0)));
		}
		// every row's height written: .xls keeps a row as tall as its default whatever
		// it wraps, and LibreOffice then draws the lines over the rows below
		row.setHeightInPoints(WrappedText.rowHeight(lines, TEXT_POINTS));
	}

	static String quote(String sheetName) {
		return "'" + sheetName.replace("'", "''") + "'";
	}

	/** The size of the workbook's default font, the unit of its column widths. */
	private double defaultPoints() {
		return Math.max(6, this.workbook.getFontAt(0).getFontHeightInPoints());
	}

	/**
	 * Lines {@code text} takes in a column {@code width} characters wide, in a font of
	 * {@code points} (bold counted wider).
	 */
	private int lines(String text, int width, double points) {
		return lines(text, width, points, defaultPoints());
	}

	/**
	 * Lines {@code text} takes in a column {@code width} characters wide, in a font of
	 * {@code points}, where the workbook's default font has {@code defaultPoints}.
	 */
	/** The part of a column's width its wrapped text is laid out in. */
	static final double WRAP_MARGIN = 0.8;

	static int lines(String text, int width, double points, double defaultPoints) {
		// a fifth of the width to spare: in DejaVu Sans (LibreOffice's stand-in for the
		// sheet's font) the last words of "Cách sửa" went to a third line the row had no
		// height for
		return WrappedText.lines(text, width * WRAP_MARGIN, points / defaultPoints);
	}

	/**
	 * A line of text across the sheet's width, in a row as tall as its wrapped lines
	 * ({@code points}: its font size, bold counted wider).
	 */
	private void title(Sheet sheet, int rowIndex, CellStyle style, String value, double points) {
		Row row = sheet.createRow(rowIndex);
		text(row, 0, style, value);
		sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, HEADINGS.length - 1));
		int lines = lines(value, TOTAL_WIDTH, points);
		row.setHeightInPoints(WrappedText.rowHeight(lines, Math.ceil(points)));
	}

	private static Cell text(Row row, int column, CellStyle style, String value) {
		Cell cell = row.createCell(column);
		if (value != null && !value.isEmpty()) {
			cell.setCellValue(value);
		}
		cell.setCellStyle(style);
		return cell;
	}

	/** Column widths, frozen headings, filter and A4 landscape one page wide. */
	private static void layout(Sheet sheet, int lastRow) {
		for (int i = 0; i < WIDTHS.length; i++) {
			sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		sheet.createFreezePane(0, HEADING_ROW + 1);
		if (lastRow > HEADING_ROW) {
			sheet.setAutoFilter(new CellRangeAddress(HEADING_ROW, lastRow, 0, HEADINGS.length - 1));
		}
		sheet.setRepeatingRows(new CellRangeAddress(HEADING_ROW, HEADING_ROW, -1, -1));
		A4.page(sheet, true);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		PrintSetup print = sheet.getPrintSetup();
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
	}

	/** The few styles of the sheet, made once per workbook. */
	private final class Styles {

		final CellStyle title;

		final CellStyle text;

		final CellStyle rejected;

		final CellStyle accepted;

		final CellStyle heading;

		final CellStyle body;

		final CellStyle centred;

		final CellStyle link;

		final CellStyle error;

		final CellStyle warning;

		Styles() {
			Workbook wb = FeedbackSheet.this.workbook;
			Font regular = font(false, TEXT_POINTS, null);
			this.title = style(font(true, TITLE_POINTS, null), false);
			this.title.setWrapText(true);
			this.title.setVerticalAlignment(VerticalAlignment.TOP);
			this.text = style(regular, false);
			this.text.setWrapText(true);
			this.text.setVerticalAlignment(VerticalAlignment.TOP);
			this.rejected = style(font(true, VERDICT_POINTS, IndexedColors.RED), false);
			this.accepted = style(font(true, VERDICT_POINTS, IndexedColors.GREEN), false);
			for (CellStyle verdict : new CellStyle[] { this.rejected, this.accepted }) {
				verdict.setWrapText(true);
				verdict.setVerticalAlignment(VerticalAlignment.TOP);
			}
			this.heading = style(font(true, TEXT_POINTS, null), true);
			this.heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.heading.setAlignment(HorizontalAlignment.CENTER);
			this.body = style(regular, true);
			this.centred = style(regular, true);
			this.centred.setAlignment(HorizontalAlignment.CENTER);
			Font linkFont = font(false, TEXT_POINTS, IndexedColors.BLUE);
			linkFont.setUnderline(Font.U_SINGLE);
			this.link = style(linkFont, true);
			this.error = style(font(true, TEXT_POINTS, null), true);
			CellMarks.fill(wb, this.error, true);
			this.warning = style(regular, true);
			CellMarks.fill(wb, this.warning, false);
		}

		private Font font(boolean bold, int points, IndexedColors color) {
			Font font = FeedbackSheet.this.workbook.createFont();
			font.setBold(bold);
			if (points > 0) {
				font.setFontHeightInPoints((short) points);
			}
			if (color != null) {
				font.setColor(color.getIndex());
			}
			return font;
		}

		private CellStyle style(Font font, boolean boxed) {
			CellStyle style = FeedbackSheet.this.workbook.createCellStyle();
			if (font != null) {
				style.setFont(font);
			}
			if (boxed) {
				style.setBorderTop(BorderStyle.THIN);
				style.setBorderBottom(BorderStyle.THIN);
				style.setBorderLeft(BorderStyle.THIN);
				style.setBorderRight(BorderStyle.THIN);
				style.setWrapText(true);
				style.setVerticalAlignment(VerticalAlignment.TOP);
			}
			return style;
		}

	}

}
