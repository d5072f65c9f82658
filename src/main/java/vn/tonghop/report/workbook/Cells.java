package vn.tonghop.report.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes one cell. Text is always a string cell, never a formula, whatever it starts
 * with; a missing number is a blank cell that keeps the table's borders.
 */
final class Cells {

	private Cells() {
	}

	static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null && !value.isEmpty()) {
			cell.setCellValue(value);
		}
	}

	static void number(Row row, int column, Long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
	}

	static void number(Row row, int column, Double value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

}
