package vn.tonghop.report.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import vn.tonghop.report.A4;

/**
 * The shape every table sheet shares, and the print set-up of every sheet.
 *
 * <pre>
 * row 1  title
 * row 2  note (units, year compared with, registry)
 * row 3  column codes, for formulas and machines: hidden, never printed
 * row 4  the theme of each printed page of columns ┐ repeated on every
 * row 5  Vietnamese headings, autofilter          ┘ printed page
 * row 6… the table, then "Tổng cộng"              ← frozen above
 * </pre>
 *
 * A table wider than the paper is printed as several thematic tables, one A4 landscape
 * page wide each: a column break at each theme and inside a theme wider than a page, the
 * row-label columns repeated on every page, at a fixed scale that keeps the body text at
 * 8 pt or more ({@link #MIN_SCALE}), never shrunk to one page wide.
 */
final class Layout {

	static final int TITLE_ROW = 0;

	static final int NOTE_ROW = 1;

	static final int CODE_ROW = 2;

	static final int THEME_ROW = 3;

	static final int HEADING_ROW = 4;

	static final int FIRST_ROW = 5;

	/** Column widths, in characters. */
	static final int CODE_WIDTH = 10;

	static final int NAME_WIDTH = 26;

	static final int NUMBER_WIDTH = 11;

	/**
	 * The least print scale, in percent: the body's 11 pt prints at 8.25 pt, the 8 pt a
	 * printed table must keep.
	 */
	static final int MIN_SCALE = 75;

	/** A4 landscape between the left and right margins (0.4 in each), in points. */
	static final double PAPER_WIDTH = 841.9 - 2 * 0.4 * 72;

	/**
	 * A4 landscape between the top and bottom margins (0.6 in each), in points; the
	 * header and footer print within the margins.
	 */
	static final double PAPER_HEIGHT = 595.3 - 2 * A4.TOP_AND_BOTTOM * 72;

	/**
	 * What of the paper a page of columns may fill: LibreOffice's widths are not Excel's.
	 */
	private static final double SLACK = 0.95;

	/** A line of 11 pt text, in points; a row's height is lines × LINE + 2. */
	static final float LINE = 14f;

	/**
	 * Header and footer codes: bold in the default font, 12 pt (the page's scale applies
	 * to them too: 9 pt at 75 %; left at LibreOffice's 10 pt they printed at 7.9 pt).
	 */
	static final String BOLD = "&\"-,Bold\"&12";

	static final String PAGE_NUMBERS = "&12Trang &P / &N";

	static final String CONTINUED = " (tiếp theo)";

	private Layout() {
	}

	/**
	 * One column of a table: its machine code, its Vietnamese heading, its width, and the
	 * theme of the printed table it belongs to ({@code null}: none).
	 */
	record Column(String code, String heading, int width, String theme) {

		Column(String code, String heading, int width) {
			this(code, heading, width, null);
		}

	}

	/** A printed page of columns, right of the repeated row labels: its theme heading. */
	record Page(int first, int last, String theme) {
	}

	/**
	 * The title and the note. On a table printed as several pages of columns they are
	 * wrapped within the repeated label columns: spilling right, they were cut at the
	 * labels' edge on every page but the first.
	 */
	static void titles(Sheet sheet, Styles styles, String title, String note, List<Column> columns, int labels) {
		boolean wrap = labels > 0 && pages(columns, labels, MIN_SCALE).size() > 1;
		int width = columns.subList(0, Math.min(labels, columns.size())).stream().mapToInt(Column::width).sum();
		Row titleRow = sheet.createRow(TITLE_ROW);
		Cells.text(titleRow, 0, title, wrap ? styles.wrappedTitle : styles.title);
		Row noteRow = sheet.createRow(NOTE_ROW);
		if (note != null) {
			Cells.text(noteRow, 0, note, wrap ? styles.wrappedSubtitle : styles.subtitle);
		}
		if (wrap) {
			if (labels > 1) {
				sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, labels - 1));
				sheet.addMergedRegion(new CellRangeAddress(NOTE_ROW, NOTE_ROW, 0, labels - 1));
			}
			// 14 pt bold takes about 1.4 times the room of 11 pt
			titleRow.setHeightInPoints(lines(title, width * 10 / 14) * 19f + 2f);
			noteRow.setHeightInPoints((note != null) ? height(lines(note, width)) : LINE);
		}
	}

	/**
	 * The hidden code row, the theme row and the heading row; sets the column widths, the
	 * column breaks between printed pages and the repeated label columns. Returns the
	 * print scale.
	 */
	static int headings(Sheet sheet, Styles styles, List<Column> columns, int labels) {
		Row codes = sheet.createRow(CODE_ROW);
		codes.setZeroHeight(true);
		Row themes = sheet.createRow(THEME_ROW);
		Row headings = sheet.createRow(HEADING_ROW);
		int lines = 1;
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			Cells.text(codes, i, column.code(), styles.codes);
			Cells.text(headings, i, column.heading(), styles.heading);
			sheet.setColumnWidth(i, column.width() * 256);
			lines = Math.max(lines, lines(column.heading(), column.width() - 1));
		}
		headings.setHeightInPoints(Math.min(lines, 8) * 14f + 4f);
		List<Page> pages = pages(columns, labels, MIN_SCALE);
		boolean themed = columns.stream().anyMatch((column) -> column.theme() != null);
		if (themed) {
			for (int i = 0; i < labels; i++) {
				Cells.text(themes, i, null, styles.heading);
			}
			for (Page page : pages) {
				for (int i = page.first(); i <= page.last(); i++) {
					Cells.text(themes, i, (i == page.first()) ? page.theme() : null, styles.heading);
				}
				if (page.last() > page.first()) {
					sheet.addMergedRegion(new CellRangeAddress(THEME_ROW, THEME_ROW, page.first(), page.last()));
				}
			}
			themes.setHeightInPoints(LINE + 3);
		}
		else {
			themes.setZeroHeight(true);
		}
		for (int p = 0; p < pages.size() - 1; p++) {
			sheet.setColumnBreak(pages.get(p).last());
		}
		if (labels > 0 && pages.size() > 1) {
			sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, labels - 1));
		}
		double widest = 0;
		for (Page page : pages) {
			widest = Math.max(widest,
					points(columns.subList(0, labels)) + points(columns.subList(page.first(), page.last() + 1)));
		}
		return scale(widest);
	}

	/**
	 * The pages of columns right of the {@code labels} first: a new page at each theme,
	 * and where the next column would not fit on the paper at {@code scale}.
	 */
	static List<Page> pages(List<Column> columns, int labels, int scale) {
		double room = PAPER_WIDTH * SLACK * 100 / scale - points(columns.subList(0, Math.min(labels, columns.size())));
		List<Page> pages = new ArrayList<>();
		int first = labels;
		double used = 0;
		String title = (labels < columns.size()) ? columns.get(labels).theme() : null;
		for (int i = labels; i < columns.size(); i++) {
			Column column = columns.get(i);
			double width = points(column.width());
			if (i > first) {
				boolean newTheme = !Objects.equals(column.theme(), columns.get(i - 1).theme());
				if (newTheme || used + width > room) {
					pages.add(new Page(first, i - 1, title));
					title = (newTheme || column.theme() == null) ? column.theme() : column.theme() + CONTINUED;
					first = i;
					used = 0;
				}
			}
			used += width;
		}
		if (first < columns.size()) {
			pages.add(new Page(first, columns.size() - 1, title));
		}
		return pages;
	}

	/** The scale at which {@code points} of columns fill the paper's width, 75–100 %. */
	static int scale(double points) {
		int fit = (int) Math.floor(PAPER_WIDTH * SLACK * 100 / Math.max(points, 1));
		return Math.max(MIN_SCALE, Math.min(100, fit));
	}

	/**
	 * A column {@code width} characters wide, in points: 7 pixels (5.25 pt) a character
	 * in Excel, a little more in LibreOffice (5.5 pt with Times New Roman 11 pt, measured
	 * on its PDF); a little more than the wider is taken.
	 */
	static double points(int width) {
		return width * 5.6;
	}

	private static double points(List<Column> columns) {
		return columns.stream().mapToDouble((column) -> points(column.width())).sum();
	}

	/** Frozen below the headings and right of the first columns; an autofilter. */
	static void table(Sheet sheet, String pageTitle, int columns, int lastRow, int frozenColumns, int scale) {
		sheet.createFreezePane(frozenColumns, FIRST_ROW);
		sheet.setAutoFilter(new CellRangeAddress(HEADING_ROW, Math.max(lastRow, HEADING_ROW), 0, columns - 1));
		print(sheet, pageTitle, scale);
		sheet.setRepeatingRows(new CellRangeAddress(THEME_ROW, HEADING_ROW, -1, -1));
	}

	/**
	 * A4 landscape at a fixed scale (never fitted to one page wide, which shrank a wide
	 * table's text to 2 pt), the sheet's title in the page header and "Trang n / m" in
	 * the footer.
	 */
	static void print(Sheet sheet, String pageTitle, int scale) {
		A4.page(sheet, true);
		sheet.setFitToPage(false);
		sheet.getPrintSetup().setScale((short) scale);
		sheet.setAutobreaks(true);
		sheet.getHeader().setCenter(BOLD + A4.headerText(pageTitle));
		sheet.getFooter().setCenter(PAGE_NUMBERS);
	}

	/**
	 * Lines a text takes when wrapped word by word in a column {@code width} characters
	 * wide (a character of text is taken as wide as a digit, so that the estimate errs on
	 * the tall side).
	 */
	static int lines(String text, int width) {
		if (text == null || text.isEmpty()) {
			return 1;
		}
		int usable = Math.max(width - 2, 1);
		int lines = 0;
		for (String paragraph : text.split("\n", -1)) {
			int line = 0;
			lines++;
			for (String word : paragraph.split(" ")) {
				int length = word.length();
				if (line > 0 && line + 1 + length > usable) {
					lines++;
					line = 0;
				}
				line += (line > 0) ? 1 + length : length;
				while (line > usable) {
					lines++;
					line -= usable;
				}
			}
		}
		return lines;
	}

	/** The height of a row of {@code lines} lines of 11 pt text. */
	static float height(int lines) {
		return lines * LINE + 2f;
	}

}
