package vn.tonghop.report.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.testing.PrintedFaults;
import vn.tonghop.testing.PrintedPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Phản hồi" sheet of a feedback copy on paper (issue 24): in the {@code .xls} copy
 * of a workbook saved by LibreOffice, which keeps every row at the height written, the
 * "Tệp: …" line was drawn over the verdict below it. Every row now has the height of its
 * wrapped lines: read back with POI, then printed by LibreOffice with no line over
 * another and every word shown. The PDF and PNG pages stay in
 * {@code target/printed-pages/phan-hoi/}.
 */
class FeedbackSheetPrintTests {

	static final Path PRINTED = Path.of("target/printed-pages/phan-hoi");

	/** A file name long enough for the "Tệp: …" line to wrap. */
	static final String LONG_NAME = "Bao cao thi dua nam 2026 cong doan Uy ban nhan dan xa Huong Binh so 1"
			+ " gui lai lan thu hai sau khi sua so nu va so doan vien theo huong dan cua Lien doan Lao dong tinh"
			+ " ngay 20 thang 1";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "form-libreoffice.xls", "long" })
	void everyRowIsAsTallAsItsLinesAndNothingIsPrintedOverAnotherLine(String name) throws Exception {
		Files.createDirectories(PRINTED);
		String sourceName = name.equals("long") ? LONG_NAME + ".xls" : name;
		Path source = PRINTED.resolve("nguon").resolve(sourceName);
		Files.createDirectories(source.getParent());
		Files.copy(FeedbackWorkbookTests.sample("form-libreoffice.xls"), source,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Path copy = PRINTED.resolve(name.equals("long") ? "ten-dai.xls" : name);
		new FeedbackWorkbook().write(source, "CD11010001", "Công đoàn Ủy ban nhân dân xã Hương Bình số 1",
				FeedbackWorkbookTests.ITEMS, copy);

		List<String> texts = new ArrayList<>();
		try (Workbook workbook = WorkbookFactory.create(copy.toFile(), null, true)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo(FeedbackSheet.NAME);
			for (Row row : sheet) {
				float tallest = 0;
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING) {
						texts.add(cell.getStringCellValue());
						assertThat(cell.getCellStyle().getWrapText()).as(cell.getAddress().formatAsString()).isTrue();
						tallest = Math.max(tallest,
								workbook.getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints());
					}
				}
				assertThat(row.getHeightInPoints()).as("row %d", row.getRowNum() + 1)
					.isGreaterThanOrEqualTo(tallest * 1.15f);
			}
			assertThat(sheet.getFooter().getCenter()).isEqualTo("Trang &P / &N");
		}
		if (name.equals("long")) {
			assertThat(texts.get(1)).startsWith("Tệp: " + LONG_NAME);
			assertThat(WorkbookRowHeight.of(copy, 1)).as("the Tệp line wraps: two lines tall")
				.isGreaterThanOrEqualTo(2 * FeedbackSheet.TEXT_POINTS * 1.15f);
		}

		PrintedPages printed = PrintedPages.print(copy, PRINTED, 80);
		PrintedPages.Page first = printed.pages().get(0);
		assertThat(first.smallestFontSize()).isGreaterThanOrEqualTo(8f);
		assertThat(first.text()).contains("Trang 1 / " + printed.pages().size());
		assertThat(PrintedFaults.overlaps(printed.pdf(), 1, 1)).isEmpty();
		assertThat(PrintedFaults.missingWords(first.text(), texts)).isEmpty();
	}

	/** The height of a row of the first sheet, in points. */
	private static final class WorkbookRowHeight {

		static float of(Path file, int row) throws IOException {
			try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
				return workbook.getSheetAt(0).getRow(row).getHeightInPoints();
			}
		}

	}

}
