package vn.tonghop.report.workbook;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A sheet holding one table laid out as {@link Layout} describes, written row by row (the
 * sheet may be streamed: rows are never revisited).
 */
final class TableSheet {

	private final Sheet sheet;

	private final String pageTitle;

	private final int width;

	private int next = Layout.FIRST_ROW;

	private TableSheet(Sheet sheet, String pageTitle, int width) {
		this.sheet = sheet;
		this.pageTitle = pageTitle;
		this.width = width;
	}

	static TableSheet open(Workbook workbook, Styles styles, int year, String name, String title, String note,
			List<Layout.Column> columns) {
		Sheet sheet = workbook.createSheet(name);
		Layout.titles(sheet, styles, title, note);
		Layout.headings(sheet, styles, columns);
		return new TableSheet(sheet, "Tổng hợp thi đua năm " + year + " – " + name, columns.size());
	}

	Row row() {
		return this.sheet.createRow(this.next++);
	}

	/** Rows written so far below the headings. */
	int rows() {
		return this.next - Layout.FIRST_ROW;
	}

	/** Freezes the headings and the first columns, filters, sets up printing. */
	void finish(int frozenColumns) {
		Layout.table(this.sheet, this.pageTitle, this.width, this.next - 1, frozenColumns);
	}

}
