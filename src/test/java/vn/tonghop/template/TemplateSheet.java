package vn.tonghop.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * The form sheet of a written template, for tests: its cells found by labels and codes as
 * a union (or the reader) would find them, and the data validation on a cell.
 */
final class TemplateSheet {

	final Workbook workbook;

	final Sheet sheet;

	int tableRow = -1;

	int codeColumn = -1;

	int totalColumn = -1;

	int femaleColumn = -1;

	final Map<String, Integer> rowOfCode = new LinkedHashMap<>();

	final Map<String, CellAddress> labels = new LinkedHashMap<>();

	TemplateSheet(Workbook workbook) {
		this.workbook = workbook;
		this.sheet = workbook.getSheetAt(0);
		for (Row row : this.sheet) {
			for (Cell cell : row) {
				String text = WrittenForm.text(cell);
				if (this.tableRow < 0) {
					switch (text) {
						case ReturnFormWriter.HEAD_CODE -> this.codeColumn = cell.getColumnIndex();
						case ReturnFormWriter.HEAD_TOTAL -> this.totalColumn = cell.getColumnIndex();
						case FormStyle.TRONG_DO_NU -> this.femaleColumn = cell.getColumnIndex();
						default -> this.labels.putIfAbsent(unmarked(text), new CellAddress(cell));
					}
				}
				else if (cell.getColumnIndex() == this.codeColumn && !text.isEmpty()) {
					this.rowOfCode.put(text, row.getRowNum());
				}
				else if (cell.getCellType() == CellType.STRING) {
					this.labels.putIfAbsent(unmarked(text), new CellAddress(cell));
				}
			}
			if (this.tableRow < 0 && this.codeColumn >= 0) {
				this.tableRow = row.getRowNum();
			}
		}
	}

	/** A label without the mark of a required field: "Năm báo cáo *" as "Năm báo cáo". */
	static String unmarked(String label) {
		return label.endsWith(ReturnFormWriter.REQUIRED_MARK)
				? label.substring(0, label.length() - ReturnFormWriter.REQUIRED_MARK.length()) : label;
	}

	/** The label cell as written, with its mark when the field is required. */
	String labelText(String label) {
		CellAddress at = this.labels.get(label);
		return WrittenForm.text(this.sheet.getRow(at.getRow()).getCell(at.getColumn()));
	}

	/** The value cell of a header label: the first cell right of it, merged or not. */
	Cell valueOf(String label) {
		CellAddress at = this.labels.get(label);
		if (at == null) {
			throw new IllegalArgumentException("no label '" + label + "' on the form");
		}
		Row row = this.sheet.getRow(at.getRow());
		for (int col = at.getColumn() + 1; col <= row.getLastCellNum(); col++) {
			Cell cell = row.getCell(col);
			if (cell != null) {
				return cell;
			}
		}
		return row.createCell(at.getColumn() + 1);
	}

	Cell total(String code) {
		return cell(this.rowOfCode.get(code), this.totalColumn);
	}

	Cell female(String code) {
		return cell(this.rowOfCode.get(code), this.femaleColumn);
	}

	Cell cell(int row, int column) {
		Row r = this.sheet.getRow(row);
		Cell cell = r.getCell(column);
		return (cell != null) ? cell : r.createCell(column);
	}

	/** The validation covering a cell; fails when none or more than one does. */
	DataValidation validation(Cell cell) {
		List<DataValidation> found = new ArrayList<>();
		for (DataValidation validation : this.sheet.getDataValidations()) {
			for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
				if (range.isInRange(cell)) {
					found.add(validation);
				}
			}
		}
		if (found.size() != 1) {
			throw new AssertionError(found.size() + " validations on " + new CellAddress(cell));
		}
		return found.get(0);
	}

	boolean hasValidation(Cell cell) {
		return this.sheet.getDataValidations()
			.stream()
			.flatMap((v) -> List.of(v.getRegions().getCellRangeAddresses()).stream())
			.anyMatch((range) -> range.isInRange(cell));
	}

	/** The values of a list validation's source: a name over a range of another sheet. */
	List<String> listValues(DataValidation validation) {
		String formula = validation.getValidationConstraint().getFormula1();
		Name name = this.workbook.getName(formula.startsWith("=") ? formula.substring(1) : formula);
		if (name == null) {
			throw new AssertionError("list source '" + formula + "' is not a workbook name");
		}
		AreaReference area = new AreaReference(name.getRefersToFormula(), this.workbook.getSpreadsheetVersion());
		Sheet source = this.workbook.getSheet(area.getFirstCell().getSheetName());
		List<String> values = new ArrayList<>();
		for (CellReference ref : area.getAllReferencedCells()) {
			values.add(WrittenForm.text(source.getRow(ref.getRow()).getCell(ref.getCol())));
		}
		return values;
	}

}
