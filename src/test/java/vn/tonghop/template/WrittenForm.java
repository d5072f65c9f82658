package vn.tonghop.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;

/**
 * A written form read back with POI, for tests: what its header says and what each
 * indicator row holds, found by labels and codes as a reader would. Deliberately simple;
 * the real reader lives in {@code vn.tonghop.read}.
 */
public final class WrittenForm {

	private static final DataFormatter FORMATTER = new DataFormatter();

	/** One indicator row: its sheet row and its value cells as read. */
	public record IndicatorCells(int row, String code, String label, Object total, Object female) {
	}

	private final String sheetName;

	private final Map<String, String> headerByLabel = new LinkedHashMap<>();

	private final Map<String, IndicatorCells> indicators = new LinkedHashMap<>();

	private int tableRow = -1;

	private int codeColumn = -1;

	private int labelColumn = -1;

	private int totalColumn = -1;

	private int femaleColumn = -1;

	private WrittenForm(Sheet sheet, IndicatorCatalogue catalogue) {
		this.sheetName = sheet.getSheetName();
		for (Row row : sheet) {
			for (Cell cell : row) {
				String text = text(cell);
				if (text.equals(ReturnFormWriter.HEAD_CODE)) {
					this.tableRow = row.getRowNum();
					this.codeColumn = cell.getColumnIndex();
				}
				else if (text.equals(ReturnFormWriter.HEAD_LABEL)) {
					this.labelColumn = cell.getColumnIndex();
				}
				else if (text.equals(ReturnFormWriter.HEAD_TOTAL)) {
					this.totalColumn = cell.getColumnIndex();
					this.femaleColumn = cell.getColumnIndex() + 1;
				}
			}
			if (this.tableRow >= 0) {
				break;
			}
		}
		Map<String, String> codeByLabel = new LinkedHashMap<>();
		for (Indicator indicator : catalogue.all()) {
			codeByLabel.put(indicator.labelVi(), indicator.code());
		}
		for (Row row : sheet) {
			if (row.getRowNum() == this.tableRow) {
				continue;
			}
			if (row.getRowNum() > this.tableRow) {
				String code = text(row.getCell(this.codeColumn));
				String label = text(row.getCell(this.labelColumn));
				if (code.isEmpty()) {
					code = codeByLabel.getOrDefault(label, "");
				}
				if (!code.isEmpty()) {
					this.indicators.put(code, new IndicatorCells(row.getRowNum(), code, label,
							value(row.getCell(this.totalColumn)), value(row.getCell(this.femaleColumn))));
					continue;
				}
			}
			// header fields: a label, its value the first non-empty cell to the right
			String pending = null;
			for (Cell cell : row) {
				String text = text(cell);
				if (text.isEmpty()) {
					continue;
				}
				if (pending != null) {
					this.headerByLabel.put(pending, text);
					pending = null;
				}
				else {
					pending = text;
				}
			}
			if (pending != null) {
				this.headerByLabel.putIfAbsent(pending, "");
			}
		}
	}

	/** Reads the first visible sheet of {@code file}, opened read-only. */
	public static WrittenForm read(Path file, IndicatorCatalogue catalogue) throws IOException {
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				if (!workbook.isSheetHidden(i)) {
					return new WrittenForm(workbook.getSheetAt(i), catalogue);
				}
			}
			throw new IllegalStateException("no visible sheet in " + file);
		}
	}

	public String sheetName() {
		return this.sheetName;
	}

	/**
	 * The header value written to the right of a label, "" when blank, null without the
	 * label.
	 */
	public String header(String label) {
		return this.headerByLabel.get(label);
	}

	public Map<String, String> headers() {
		return this.headerByLabel;
	}

	public Map<String, IndicatorCells> indicators() {
		return this.indicators;
	}

	public IndicatorCells indicator(String code) {
		return this.indicators.get(code);
	}

	public int tableRow() {
		return this.tableRow;
	}

	public int codeColumn() {
		return this.codeColumn;
	}

	public int labelColumn() {
		return this.labelColumn;
	}

	public int totalColumn() {
		return this.totalColumn;
	}

	/**
	 * A value cell as read: null when blank, a Long for a whole number, a Double for
	 * another number, the text for a text cell; a formula reads as its cached value.
	 */
	static Object value(Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			case NUMERIC -> {
				double number = cell.getNumericCellValue();
				yield (number == Math.rint(number)) ? (Object) (long) number : (Object) number;
			}
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> cell.getBooleanCellValue();
			default -> null;
		};
	}

	static String text(Cell cell) {
		return (cell != null) ? FORMATTER.formatCellValue(cell).strip() : "";
	}

}
