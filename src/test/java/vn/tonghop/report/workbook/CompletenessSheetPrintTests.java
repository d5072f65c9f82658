package vn.tonghop.report.workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.tonghop.testing.PrintedPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completeness sheet with the provinces' deadlines, as LibreOffice prints it (with
 * the fonts of CI, DejaVu Serif for Times New Roman): its twelve columns and its note on
 * one A4 landscape page wide, every page with the deadline columns beside the province's
 * name, at a readable size. (Printed at the scale of the other tables it put the last
 * columns and the note on pages of their own.)
 */
class CompletenessSheetPrintTests {

	static final Path FOLDER = Path.of("target/printed-pages/completeness");

	@Test
	void theDeadlineColumnsPrintOnThePagesOfTheirProvinces() throws Exception {
		List<CompletenessRow> provinces = new ArrayList<>();
		for (int i = 1; i <= 34; i++) {
			boolean deadline = i % 3 != 0;
			provinces
				.add(new CompletenessRow(String.format("%02d", i), "Tỉnh số " + i, 120L + i, 100 + i, 90 + i, 10, 20L,
						deadline ? LocalDate.of(2027, 1, 15) : null, deadline ? 80L + i : null, deadline ? 10L : null));
		}
		List<CompletenessRow> sectors = List
			.of(new CompletenessRow("HCSN", "Hành chính, sự nghiệp", 2000L, 1800, 1700, 100, 200L, null, 1200L, 300L));
		CompletenessRow total = new CompletenessRow("TOTAL", "Tổng cộng", 4000L, 3600, 3400, 200, 400L, null, 2900L,
				230L);
		Completeness completeness = new Completeness(provinces, sectors, total, true, 3L, 1);
		assertThat(completeness.deadlinesSet()).isTrue();
		WorkbookInput base = ConsolidatedWorkbookPrintTests.input();
		WorkbookInput input = new WorkbookInput(base.year(), base.previousYear(), base.run(), base.columns(),
				base.byProvince(), base.bySector(), base.byProvinceSector(), base.byIndustry(),
				base.previousByProvince(), base.previousBySector(), base.previousByIndustry(), completeness,
				base.missing(), base.findings(), base.returns());
		Files.createDirectories(FOLDER);
		Path file = FOLDER.resolve("tong-hop-thi-dua-2026.xlsx");
		new ConsolidatedWorkbook(TestInputs.CATALOGUE, ConsolidatedWorkbookPrintTests.ISSUER).write(input, file);

		PrintedPages printed = PrintedPages.print(file, FOLDER, 60);

		List<PrintedPages.Page> pages = printed.pages()
			.stream()
			.filter((page) -> page.text().contains("Mức độ đầy đủ") && page.text().contains("Phân theo"))
			.toList();
		assertThat(pages).isNotEmpty().allSatisfy((page) -> {
			assertThat(page.text()).as("page %d", page.number())
				.contains("Tỉnh, thành phố / khu vực", "Tỷ lệ đã", "Hạn nộp", "nộp muộn");
			assertThat(page.smallestFontSize()).as("page %d: %s", page.number(), page.smallLines())
				.isGreaterThanOrEqualTo(8f);
		});
		// a province's line whole, from its name to its late unions; the note whole, to
		// its last words (where its lines break depends on the fonts the machine has)
		assertThat(pages.get(0).text()).contains("Tỉnh số 1 121 101 91 10 20 83.5% 15/01/2027 81 10",
				"Tỉnh số 3 123 103 93 10 20 83.7%\n");
		assertThat(pages.get(0).text().replaceAll("\\s+", " "))
			.contains("dòng khu vực và tổng cộng chỉ tính các tỉnh, thành phố đã đặt hạn.");
		assertThat(printed.text()).contains("Tổng cộng");
		// the summary's total counts the provinces with a deadline
		assertThat(printed.text()).contains("Số CĐCS nộp đúng hạn (các tỉnh, thành phố đã đặt hạn nộp)");
	}

}
