package vn.tonghop.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.read.CellRef;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.HeaderField;
import vn.tonghop.read.IndicatorRow;
import vn.tonghop.read.WorkbookReader;

/** A union's form re-sent with some cells changed, as tests need them. */
public final class Workbooks {

	private Workbooks() {
	}

	/** Where a form holds a header field's value. */
	static CellRef header(Path form, HeaderField field) throws Exception {
		return locate(form).header().get(field).ref();
	}

	/** Where a form holds an indicator's total (or female value). */
	public static CellRef value(Path form, String code, boolean female) throws Exception {
		IndicatorRow row = locate(form).rows().stream().filter((r) -> code.equals(r.code())).findFirst().orElseThrow();
		return female ? row.female().ref() : row.total().ref();
	}

	private static FormCells locate(Path form) throws Exception {
		return new FormLocator(IndicatorCatalogue.load()).locate(new WorkbookReader().readReturnSheet(form));
	}

	/** Copies {@code form} to {@code copy} with the given cells set (numbers or text). */
	static Path change(Path form, Path copy, Map<CellRef, Object> values) throws Exception {
		String sheetName = locate(form).sheet();
		Files.createDirectories(copy.toAbsolutePath().getParent());
		try (InputStream in = Files.newInputStream(form); Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getSheet(sheetName);
			for (Map.Entry<CellRef, Object> entry : values.entrySet()) {
				Row row = sheet.getRow(entry.getKey().row());
				Cell cell = (row.getCell(entry.getKey().column()) != null) ? row.getCell(entry.getKey().column())
						: row.createCell(entry.getKey().column());
				if (entry.getValue() instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else {
					cell.setCellValue(entry.getValue().toString());
				}
			}
			try (OutputStream out = Files.newOutputStream(copy)) {
				workbook.write(out);
			}
		}
		return copy;
	}

}
