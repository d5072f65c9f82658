package vn.tonghop.testing;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrintedPagesTests {

	@TempDir
	Path folder;

	@Test
	void readsBackTextAndTheSizeItIsPrintedAt() throws Exception {
		Path workbook = this.folder.resolve("hai cỡ chữ.xlsx");
		try (XSSFWorkbook xssf = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
			Sheet sheet = xssf.createSheet("Trang");
			XSSFFont tiny = xssf.createFont();
			tiny.setFontHeightInPoints((short) 6);
			var style = xssf.createCellStyle();
			style.setFont(tiny);
			Row row = sheet.createRow(0);
			row.createCell(0).setCellValue("Tổng hợp thi đua");
			Row second = sheet.createRow(1);
			second.createCell(0).setCellValue("chữ nhỏ");
			second.getCell(0).setCellStyle(style);
			xssf.write(out);
		}
		PrintedPages printed = PrintedPages.print(workbook, this.folder.resolve("pdf"), 30);
		assertThat(printed.pages()).hasSize(1);
		assertThat(printed.text()).contains("Tổng hợp thi đua").contains("chữ nhỏ");
		assertThat(printed.pages().get(0).smallestFontSize()).isBetween(5.5f, 6.5f);
		assertThat(printed.pages().get(0).smallLines()).anySatisfy((line) -> assertThat(line).contains("chữ nhỏ"));
		assertThat(this.folder.resolve("pdf/hai cỡ chữ-01.png")).exists();
	}

}
