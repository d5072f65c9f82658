package vn.tonghop.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.testing.PrintedFaults;
import vn.tonghop.testing.PrintedPages;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blank form on paper (issue 24): its page setup read back with POI, then the
 * workbook printed by LibreOffice. The form fills one A4 portrait page at 8 points or
 * more; the instructions follow on A4 portrait at 9 points or more, every word printed
 * (no column cut at the page's edge, no wrapped line hidden by a row too short), no line
 * over another, "Trang n / m" on every page. The PDF and PNG pages stay in
 * {@code target/printed-pages/bieu-mau/} for a person to look at.
 */
class TemplatePrintTests {

	static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	static final RuleBook RULES = RuleBook.load(CATALOGUE);

	static final Path PRINTED = Path.of("target/printed-pages/bieu-mau");

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "xlsx", "xls" })
	void bothSheetsAreSetUpForA4PortraitOnePageWide(String extension) throws IOException {
		Path file = write(extension);
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			for (Sheet sheet : List.of(workbook.getSheetAt(0),
					workbook.getSheet(ReturnFormWriter.INSTRUCTIONS_SHEET))) {
				PrintSetup print = sheet.getPrintSetup();
				assertThat(print.getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
				assertThat(print.getLandscape()).as(sheet.getSheetName()).isFalse();
				assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
				assertThat(print.getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
				assertThat(print.getFitHeight()).as(sheet.getSheetName()).isZero();
				// without automatic breaks LibreOffice ignores the fit of an .xls
				assertThat(sheet.getAutobreaks()).as(sheet.getSheetName()).isTrue();
				assertThat(sheet.getFooter().getCenter()).as(sheet.getSheetName()).isEqualTo("Trang &P / &N");
			}
			Sheet form = workbook.getSheetAt(0);
			TemplateSheet cells = new TemplateSheet(workbook);
			assertThat(form.getRepeatingRows()).isEqualTo(new CellRangeAddress(cells.tableRow, cells.tableRow, -1, -1));
			Sheet instructions = workbook.getSheet(ReturnFormWriter.INSTRUCTIONS_SHEET);
			assertThat(instructions.getHeader().getCenter()).contains("Hướng dẫn").contains("tonghop-2026.1");
			int width = 0;
			for (int c = 0; c < InstructionsSheet.WIDTHS.length; c++) {
				width += instructions.getColumnWidth(c) / 256;
			}
			assertThat(width).isLessThanOrEqualTo(95);
			for (Row row : instructions) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING) {
						assertThat(cell.getCellStyle().getWrapText()).as(cell.getAddress().formatAsString()).isTrue();
						assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints())
							.as(cell.getAddress().formatAsString())
							.isGreaterThanOrEqualTo((short) 12);
					}
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "xlsx", "xls" })
	void printsTheFormOnOnePageAndTheInstructionsReadably(String extension) throws Exception {
		Path file = write(extension);
		PrintedPages printed = PrintedPages.print(file, PRINTED, 80);
		List<PrintedPages.Page> pages = printed.pages();
		int count = pages.size();

		// the form: one page, whole (the footer's e-mail is its last field)
		assertThat(pages.get(0).text()).contains("BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA NĂM 2026")
			.contains("Trong đó nữ")
			.contains("Cơ quan, đơn vị đạt chuẩn văn hóa")
			.contains("Email");
		assertThat(pages.get(0).smallestFontSize()).isGreaterThanOrEqualTo(8f);
		// the instructions: a handful of pages, at 9 points or more
		assertThat(count).isBetween(3, 6);
		assertThat(pages.get(1).text()).contains("HƯỚNG DẪN GHI BIỂU");
		for (PrintedPages.Page page : pages.subList(1, count)) {
			assertThat(page.smallestFontSize()).as("page %d", page.number()).isGreaterThanOrEqualTo(9f);
		}
		for (PrintedPages.Page page : pages) {
			assertThat(page.text()).as("page %d", page.number()).contains("Trang " + page.number() + " / " + count);
		}
		assertThat(PrintedFaults.missingWords(printed.text(), texts(file, ReturnFormWriter.INSTRUCTIONS_SHEET)))
			.isEmpty();
		assertThat(PrintedFaults.missingWords(pages.get(0).text(), texts(file, null))).isEmpty();
		assertThat(PrintedFaults.overlaps(printed.pdf(), 1, count)).isEmpty();
	}

	private static Path write(String extension) throws IOException {
		Files.createDirectories(PRINTED);
		Path file = PRINTED.resolve("bieu-mau-" + extension + "." + extension);
		new TemplateWriter(CATALOGUE, RULES).write(2026, file);
		return file;
	}

	/** Every text of a sheet, as written. */
	private static List<String> texts(Path file, String sheetName) throws IOException {
		List<String> texts = new ArrayList<>();
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			Sheet sheet = (sheetName == null) ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING) {
						texts.add(cell.getStringCellValue());
					}
				}
			}
		}
		return texts;
	}

}
