package vn.tonghop.report.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A written workbook read back with POI, with look-ups by the machine codes of the code
 * row and by the key in the first column.
 */
final class WrittenWorkbook implements AutoCloseable {

	final XSSFWorkbook workbook;

	private WrittenWorkbook(XSSFWorkbook workbook) {
		this.workbook = workbook;
	}

	static WrittenWorkbook write(WorkbookInput input, Path file) throws IOException {
		new ConsolidatedWorkbook(TestInputs.CATALOGUE).write(input, file);
		try (InputStream in = Files.newInputStream(file)) {
			return new WrittenWorkbook(new XSSFWorkbook(in));
		}
	}

	XSSFSheet sheet(String name) {
		XSSFSheet sheet = this.workbook.getSheet(name);
		if (sheet == null) {
			throw new AssertionError("no sheet " + name);
		}
		return sheet;
	}

	/** The column whose code (row 3 of a table sheet) is {@code code}, or -1. */
	static int column(XSSFSheet sheet, String code) {
		Row codes = sheet.getRow(Layout.CODE_ROW);
		for (Cell cell : codes) {
			if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(code)) {
				return cell.getColumnIndex();
			}
		}
		return -1;
	}

	/**
	 * The first row below the headings whose cell {@code keyColumn} is {@code key}; for
	 * {@code TOTAL} (printed blank), the row named "Tổng cộng" in the next column.
	 */
	static Row row(XSSFSheet sheet, int keyColumn, String key) {
		if (RollupSheets.TOTAL_CODE.equals(key)) {
			return row(sheet, keyColumn + 1, RollupSheets.TOTAL_NAME);
		}
		for (int r = Layout.FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row != null && key.equals(text(row.getCell(keyColumn)))) {
				return row;
			}
		}
		throw new AssertionError("no row " + key + " in " + sheet.getSheetName());
	}

	/**
	 * The first row of the summary whose code (right of the printed area) is
	 * {@code code}.
	 */
	static Row summaryRow(XSSFSheet sheet, String code) {
		for (Row row : sheet) {
			if (code.equals(text(row.getCell(SummarySheet.CODE_COLUMN)))) {
				return row;
			}
		}
		throw new AssertionError("no row " + code + " in " + sheet.getSheetName());
	}

	/**
	 * The value of the cell of column {@code code} on the row keyed {@code key}; the
	 * total's row, whose code is printed blank, by {@code TOTAL}.
	 */
	static Object value(XSSFSheet sheet, String key, String code) {
		int column = column(sheet, code);
		if (column < 0) {
			throw new AssertionError("no column " + code + " in " + sheet.getSheetName());
		}
		return value(row(sheet, 0, key).getCell(column));
	}

	static Object value(Cell cell) {
		if (cell == null) {
			return null;
		}
		return switch (cell.getCellType()) {
			case NUMERIC -> cell.getNumericCellValue();
			case STRING -> cell.getStringCellValue();
			case BLANK -> null;
			default -> throw new AssertionError(cell.getAddress() + " is a " + cell.getCellType());
		};
	}

	static String text(Cell cell) {
		return (cell != null && cell.getCellType() == CellType.STRING) ? cell.getStringCellValue() : null;
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

}
