package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.read.HeaderField;
import vn.tonghop.testing.PrintedPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consolidated workbook of the 2026 sample returns, compared with a previous year and
 * issued with the settings {@code tonghop.federation.*}, as LibreOffice prints it: every
 * page readable (8 pt or more), in Vietnamese only, headed and signed as an
 * administrative report. The pages stay in {@code target/printed-pages/samples/} to be
 * looked at.
 */
class WorkbookPrintIntegrationTests {

	static final Map<String, String> FEDERATION = Map.of("tonghop.federation.parent", "TỔNG LĐLĐ VIỆT NAM",
			"tonghop.federation.name", "LĐLĐ TỈNH ĐỒNG NAI", "tonghop.federation.place", "Đồng Nai",
			"tonghop.federation.preparer", "Nguyễn Thị An", "tonghop.federation.signer", "Trần Văn Bình");

	@TempDir
	static Path work;

	static PrintedPages printed;

	@BeforeAll
	static void consolidateAndPrint() throws Exception {
		FEDERATION.forEach(System::setProperty);
		try {
			Path data = work.resolve("data");
			Path out = work.resolve("output");
			// last year: one of this year's unions, so the workbook has a year to compare
			// with
			Path form = Path.of("input-samples/2026/ldld-ha-noi/cd-truong-dai-hoc-cong-nghe-dong-a.xlsx");
			Path lastYear = work.resolve("2025");
			Workbooks.change(form, lastYear.resolve("dong-a-2025.xlsx"),
					Map.of(Workbooks.header(form, HeaderField.YEAR), 2025));
			assertThat(Runs
				.tonghop("run", "--input", lastYear.toString(), "--year", "2025", "--output", out.toString(),
						"--data-dir", data.toString())
				.status()).isZero();
			Runs.Result result = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
					out.toString(), "--data-dir", data.toString());
			assertThat(result.status()).as(result.err()).isZero();
			Path folder = Path.of("target/printed-pages/samples");
			Files.createDirectories(folder);
			Path workbook = Files.copy(out.resolve("2026/tong-hop-thi-dua-2026.xlsx"),
					folder.resolve("tong-hop-thi-dua-2026.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			printed = PrintedPages.print(workbook, folder, 60);
		}
		finally {
			FEDERATION.keySet().forEach(System::clearProperty);
		}
	}

	@AfterAll
	static void clear() {
		FEDERATION.keySet().forEach(System::clearProperty);
	}

	@Test
	void noPagePrintsTextUnderEightPoints() {
		for (PrintedPages.Page page : printed.pages()) {
			assertThat(page.smallestFontSize()).as("page %d: %s", page.number(), page.smallLines())
				.isGreaterThanOrEqualTo(8f);
		}
	}

	@Test
	void noPagePrintsAMachineCode() {
		assertThat(printed.text()).doesNotContain("province_code", "sector_code", "industry_code", "union_code",
				"returns", "TOTAL", "A02/A01", "reported_share", "expected", "jdbc:", "SNAPSHOT", "_nu", "F03_");
	}

	@Test
	void theSummaryIsHeadedAndSignedWithTheSettingsNames() {
		String first = printed.pages().get(0).text();
		assertThat(first).contains("TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH ĐỒNG NAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc", "BÁO CÁO TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA NĂM 2026");
		assertThat(first).containsPattern("Đồng Nai, ngày \\d{2} tháng \\d{2} năm \\d{4}");
		assertThat(printed.text()).contains("NGƯỜI LẬP BIỂU", "Nguyễn Thị An", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH",
				"Trần Văn Bình");
	}

	@Test
	void theWideTablesPrintTheirThemesAndTheComparisonWithThePreviousYear() {
		List<String> themes = List.of("Người lao động và đoàn viên", "Danh hiệu thi đua cá nhân",
				"Tập thể, tổ công đoàn và khen thưởng", "Hoạt động, kinh phí chăm lo và ủng hộ",
				"Chỉ tiêu thi đua và xếp loại");
		for (String sheet : List.of("Theo tỉnh", "Theo khu vực", "Theo ngành", "Báo cáo")) {
			String text = printed.pages()
				.stream()
				.filter((page) -> page.text().startsWith("Tổng hợp thi đua năm 2026 – " + sheet))
				.map(PrintedPages.Page::text)
				.reduce("", String::concat);
			assertThat(text).as(sheet).contains(themes);
		}
		assertThat(printed.text()).contains("Năm 2025", "năm 2025");
	}

}
