package vn.tonghop.report.workbook;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A sheet holding one table laid out as {@link Layout} describes, written row by row (the
 * sheet may be streamed: rows are never revisited, so a row is made as tall as its
 * wrapped text when it is written).
 */
final class TableSheet {

	private final Sheet sheet;

	private final String pageTitle;

	private final int[] widths;

	private final int labels;

	private final int scale;

	private int next = Layout.FIRST_ROW;

	private TableSheet(Sheet sheet, String pageTitle, List<Layout.Column> columns, int labels, int scale) {
		this.sheet = sheet;
		this.pageTitle = pageTitle;
		this.widths = columns.stream().mapToInt(Layout.Column::width).toArray();
		this.labels = labels;
		this.scale = scale;
	}

	/**
	 * A table whose first {@code labels} columns label its rows: frozen on screen, and
	 * repeated on every printed page of columns.
	 */
	static TableSheet open(Workbook workbook, Styles styles, int year, String name, String title, String note,
			List<Layout.Column> columns, int labels) {
		Sheet sheet = workbook.createSheet(name);
		Layout.titles(sheet, styles, title, note, columns, labels);
		int scale = Layout.headings(sheet, styles, columns, labels);
		return new TableSheet(sheet, "Tổng hợp thi đua năm " + year + " – " + name, columns, labels, scale);
	}

	Row row() {
		return this.sheet.createRow(this.next++);
	}

	/**
	 * Makes a written row as tall as its longest wrapped text (readers do not all fit a
	 * row to its text: LibreOffice does not on import, and cut it at the cell's edge).
	 */
	void fit(Row row) {
		int lines = 1;
		for (Cell cell : row) {
			int column = cell.getColumnIndex();
			if (cell.getCellType() == CellType.STRING && column < this.widths.length) {
				lines = Math.max(lines, Layout.lines(cell.getStringCellValue(), this.widths[column]));
			}
		}
		if (lines > 1) {
			row.setHeightInPoints(Layout.height(lines));
		}
	}

	/** Rows written so far below the headings. */
	int rows() {
		return this.next - Layout.FIRST_ROW;
	}

	/** The last row written. */
	int lastRow() {
		return this.next - 1;
	}

	Sheet sheet() {
		return this.sheet;
	}

	/** Freezes the headings and the label columns, filters, sets up printing. */
	void finish() {
		Layout.table(this.sheet, this.pageTitle, this.widths.length, this.next - 1, this.labels, this.scale);
	}

}
