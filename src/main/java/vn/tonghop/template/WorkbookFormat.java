package vn.tonghop.template;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/** The file formats the writer produces. */
enum WorkbookFormat {

	XLSX, XLSM, XLS;

	static WorkbookFormat of(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			return XLSX;
		}
		if (name.endsWith(".xlsm")) {
			return XLSM;
		}
		if (name.endsWith(".xls")) {
			return XLS;
		}
		throw new IllegalArgumentException(
				"cannot tell the workbook format of '" + file.getFileName() + "': expected .xlsx, .xlsm or .xls");
	}

	Workbook create() {
		return switch (this) {
			case XLSX -> new XSSFWorkbook();
			case XLSM -> new XSSFWorkbook(XSSFWorkbookType.XLSM);
			case XLS -> new HSSFWorkbook();
		};
	}

}
