package vn.tonghop.report.workbook;

import java.util.List;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The shape every table sheet shares, and the print set-up of every sheet.
 *
 * <pre>
 * row 1  title
 * row 2  note (units, year compared with, registry)
 * row 3  column codes, small, for machines
 * row 4  Vietnamese headings           ← autofilter, repeated on every printed page
 * row 5… the table, then "Tổng cộng"   ← frozen above
 * </pre>
 */
final class Layout {

	static final int TITLE_ROW = 0;

	static final int NOTE_ROW = 1;

	static final int CODE_ROW = 2;

	static final int HEADING_ROW = 3;

	static final int FIRST_ROW = 4;

	/** Column widths, in characters. */
	static final int CODE_WIDTH = 10;

	static final int NAME_WIDTH = 26;

	static final int NUMBER_WIDTH = 11;

	/** Header and footer codes: bold in the default font; page n of m. */
	static final String BOLD = "&\"-,Bold\"";

	static final String PAGE_NUMBERS = "Trang &P / &N";

	private Layout() {
	}

	/** One column of a table: its machine code, its Vietnamese heading, its width. */
	record Column(String code, String heading, int width) {
	}

	static void titles(Sheet sheet, Styles styles, String title, String note) {
		Cells.text(sheet.createRow(TITLE_ROW), 0, title, styles.title);
		Row noteRow = sheet.createRow(NOTE_ROW);
		if (note != null) {
			Cells.text(noteRow, 0, note, styles.subtitle);
		}
	}

	/** The code row and the heading row; sets the column widths. */
	static void headings(Sheet sheet, Styles styles, List<Column> columns) {
		Row codes = sheet.createRow(CODE_ROW);
		Row headings = sheet.createRow(HEADING_ROW);
		int lines = 1;
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			Cells.text(codes, i, column.code(), styles.codes);
			Cells.text(headings, i, column.heading(), styles.heading);
			sheet.setColumnWidth(i, column.width() * 256);
			lines = Math.max(lines, lines(column.heading(), column.width()));
		}
		headings.setHeightInPoints(Math.min(lines, 8) * 13f + 4f);
	}

	/** Frozen below the headings and right of the first columns; an autofilter. */
	static void table(Sheet sheet, String pageTitle, int columns, int lastRow, int frozenColumns) {
		sheet.createFreezePane(frozenColumns, FIRST_ROW);
		sheet.setAutoFilter(new CellRangeAddress(HEADING_ROW, Math.max(lastRow, HEADING_ROW), 0, columns - 1));
		print(sheet, pageTitle, CODE_ROW, HEADING_ROW);
	}

	/**
	 * A4 landscape, one page wide, the given rows repeated on every page, the sheet's
	 * title in the page header and "Trang n / m" in the footer.
	 */
	static void print(Sheet sheet, String pageTitle, int firstRepeatedRow, int lastRepeatedRow) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		setup.setLandscape(true);
		sheet.setFitToPage(true);
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) 0);
		sheet.setAutobreaks(true);
		sheet.setHorizontallyCenter(true);
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, 0.6);
		sheet.setMargin(Sheet.BottomMargin, 0.6);
		sheet.setMargin(Sheet.HeaderMargin, 0.25);
		sheet.setMargin(Sheet.FooterMargin, 0.25);
		sheet.setRepeatingRows(new CellRangeAddress(firstRepeatedRow, lastRepeatedRow, -1, -1));
		sheet.getHeader().setCenter(BOLD + escape(pageTitle));
		sheet.getFooter().setCenter(PAGE_NUMBERS);
	}

	/** A header or footer treats '&' as a code. */
	private static String escape(String text) {
		return text.replace("&", "&&");
	}

	/** Lines a text takes when wrapped in a column {@code width} characters wide. */
	static int lines(String text, int width) {
		if (text == null) {
			return 1;
		}
		int usable = Math.max(width - 2, 1);
		int lines = 0;
		for (String word : text.split("\n")) {
			lines += Math.max(1, (word.length() + usable - 1) / usable);
		}
		return lines;
	}

}
