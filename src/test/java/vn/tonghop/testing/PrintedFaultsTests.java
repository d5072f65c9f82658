package vn.tonghop.testing;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults of rows too short, found in a printed {@code .xls} saved by LibreOffice
 * (which keeps every row at the height written, as the feedback copy of a union's
 * {@code .xls} does): the first sheet's rows keep the default height, the second's are as
 * tall as their text.
 */
class PrintedFaultsTests {

	static final String LONG = "Tệp: bao-cao-thi-dua-cong-doan-co-so-nam-2026 của Công đoàn Ủy ban nhân dân xã Hương Bình,"
			+ " gửi lại lần thứ hai sau khi sửa các lỗi về số nữ và số đoàn viên";

	static final String VERDICT = "Báo cáo bị từ chối: cần sửa các lỗi và gửi lại";

	@TempDir
	Path folder;

	@Test
	void findsTextHiddenOrDrawnOverAnotherLineAndNothingWhenTheRowsAreTallEnough() throws Exception {
		Path workbook = this.folder.resolve("hang.xls");
		try (HSSFWorkbook hssf = new HSSFWorkbook(
				PrintedFaultsTests.class.getResourceAsStream("/samples/form-libreoffice.xls"));
				OutputStream out = Files.newOutputStream(workbook)) {
			for (int i = 0; i < hssf.getNumberOfSheets(); i++) {
				hssf.setSheetHidden(i, true);
			}
			write(hssf, "thap", false);
			write(hssf, "cao", true);
			hssf.setActiveSheet(hssf.getSheetIndex("thap"));
			hssf.write(out);
		}
		PrintedPages printed = PrintedPages.print(workbook, this.folder.resolve("pdf"), 0);
		assertThat(printed.pages()).hasSize(2);

		assertThat(PrintedFaults.missingWords(printed.pages().get(0).text(), List.of(LONG))).isNotEmpty();
		assertThat(PrintedFaults.overlaps(printed.pdf(), 1, 1)).isNotEmpty();

		assertThat(PrintedFaults.missingWords(printed.pages().get(1).text(), List.of(LONG, VERDICT))).isEmpty();
		assertThat(PrintedFaults.overlaps(printed.pdf(), 2, 2)).isEmpty();
	}

	/** A wrapped long text, then a short line in 16 pt bold, then a line of text. */
	private static void write(HSSFWorkbook hssf, String name, boolean tallEnough) {
		Sheet sheet = hssf.createSheet(name);
		sheet.setColumnWidth(0, 40 * 256);
		CellStyle wrapped = hssf.createCellStyle();
		wrapped.setWrapText(true);
		Font big = hssf.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 16);
		CellStyle verdict = hssf.createCellStyle();
		verdict.setFont(big);
		Row first = sheet.createRow(0);
		first.createCell(0).setCellValue(LONG);
		first.getCell(0).setCellStyle(wrapped);
		Row second = sheet.createRow(1);
		second.createCell(0).setCellValue(VERDICT);
		second.getCell(0).setCellStyle(verdict);
		sheet.createRow(2).createCell(0).setCellValue("2 lỗi, 3 cảnh báo.");
		if (tallEnough) {
			first.setHeightInPoints(70);
			second.setHeightInPoints(22);
		}
	}

}
