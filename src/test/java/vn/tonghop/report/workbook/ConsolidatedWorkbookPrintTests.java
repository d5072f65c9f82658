package vn.tonghop.report.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.tonghop.testing.PrintedPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook as an analyst prints it: read back with POI (page set-up, fonts, print
 * areas, breaks) and printed with LibreOffice ({@link PrintedPages}; skipped where it is
 * not installed). The pages are left in {@code target/printed-pages/workbook/} to be
 * looked at.
 */
class ConsolidatedWorkbookPrintTests {

	static final Issuer ISSUER = new Issuer("TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH ĐỒNG NAI", "Đồng Nai", "NGƯỜI LẬP BIỂU",
			"Nguyễn Thị An", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Trần Văn Bình");

	static final String FOREIGN = "Doanh nghiệp có vốn đầu tư nước ngoài";

	static final String HOUSEHOLDS = "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất "
			+ "và dịch vụ tự tiêu dùng của hộ gia đình";

	static final Path FOLDER = Path.of("target/printed-pages/workbook");

	static Path file;

	@BeforeAll
	static void write() throws IOException {
		Files.createDirectories(FOLDER);
		file = FOLDER.resolve("tong-hop-thi-dua-2026.xlsx");
		new ConsolidatedWorkbook(TestInputs.CATALOGUE, ISSUER).write(input(), file);
	}

	/** Thirty provinces, long sector and industry names, the previous year. */
	static WorkbookInput input() {
		List<Group> provinces = new ArrayList<>();
		List<Group> previous = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			String code = String.format("%02d", i);
			provinces.add(TestInputs.group(List.of(code), List.of("Tỉnh số " + i), 10 + i,
					Map.of("A01", 1000L * i, "A02", 800L * i, "A02_nu", 300L * i, "B02", 400L * i, "F03_HTTNV", 5L + i,
							"E06", 1_250_000_000L * i)));
			previous.add(TestInputs.group(List.of(code), List.of("Tỉnh số " + i), 9 + i,
					Map.of("A01", 950L * i, "A02", 780L * i, "B02", 390L * i)));
		}
		Table byProvince = new Table(provinces, TestInputs.TOTAL);
		Table bySector = new Table(List.of(TestInputs.group(List.of("FDI"), List.of(FOREIGN), 3, Map.of("A01", 900L))),
				TestInputs.TOTAL);
		Table byIndustry = new Table(
				List.of(TestInputs.group(List.of("T"), List.of(HOUSEHOLDS), 1, Map.of("A01", 10L)), TestInputs
					.group(List.of("C"), List.of("Công nghiệp chế biến, chế tạo"), 3, Map.of("A01", 3300L))),
				TestInputs.TOTAL);
		Table byProvinceSector = new Table(
				List.of(TestInputs.group(List.of("01", "FDI"), List.of("Tỉnh số 1", FOREIGN), 3, Map.of("A01", 900L))),
				null);
		List<ReturnRow> returns = new ArrayList<>();
		for (int n = 0; n < 40; n++) {
			ReturnRow row = TestInputs.returnRow(n + 1);
			returns.add(new ReturnRow(row.unionCode(), "CĐCS Công ty TNHH Một thành viên Điện tử số " + n, "Đồng Nai",
					FOREIGN, HOUSEHOLDS, row.sourceFile(), row.values(), row.rating()));
		}
		return new WorkbookInput(2026, 2025,
				new RunInfo(TestInputs.RUN.generatedAt(), 8, 5, 2, "0.1.0-SNAPSHOT",
						"PostgreSQL 16 — jdbc:postgresql://db/tonghop", null),
				TestInputs.COLUMNS, byProvince, bySector, byProvinceSector, byIndustry,
				new Table(previous, TestInputs.PREVIOUS_BY_PROVINCE.total()), TestInputs.PREVIOUS_BY_SECTOR, null,
				TestInputs.WITH_REGISTRY, TestInputs.MISSING, TestInputs.FINDINGS, returns);
	}

	@Test
	void printsEveryPageReadableInVietnameseOnlyWithTheLetterheadAndSignatures() throws Exception {
		PrintedPages printed = PrintedPages.print(file, FOLDER, 60);
		assertPrintedAsAReport(printed);
		// the ratings pie: its title, its slices and its legend on one page
		assertThat(printed.pages())
			.anySatisfy((page) -> assertThat(page.text()).contains("Xếp loại công đoàn cơ sở năm 2026", "20%",
					"Hoàn thành xuất sắc nhiệm vụ", "Không hoàn thành nhiệm vụ"));
		assertThat(printed.pages()).anySatisfy((page) -> assertThat(page.text())
			.contains("Đoàn viên công đoàn theo tỉnh, thành phố năm 2026", "30,000", "Đoàn viên nữ"));
		// the long names whole, on the pages of their sheets
		assertThat(words(printed.text())).containsSubsequence(words(HOUSEHOLDS)).containsSubsequence(words(FOREIGN));
	}

	/** What every printed consolidated workbook must hold; the pages of the PDF. */
	static void assertPrintedAsAReport(PrintedPages printed) {
		for (PrintedPages.Page page : printed.pages()) {
			assertThat(page.smallestFontSize()).as("page %d: %s", page.number(), page.smallLines())
				.isGreaterThanOrEqualTo(8f);
		}
		String text = printed.text();
		assertThat(text).doesNotContain("province_code", "returns", "TOTAL", "A02/A01", "reported_share", "jdbc:",
				"SNAPSHOT", "union_code", "expected", "item", "value", "_nu", "F03_");
		assertThat(text).contains("TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH ĐỒNG NAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc", "NGƯỜI LẬP BIỂU", "Nguyễn Thị An", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH",
				"Trần Văn Bình");
		assertThat(text).containsPattern("Đồng Nai, ngày \\d{2} tháng \\d{2} năm \\d{4}");
	}

	static List<String> words(String text) {
		return List.of(text.split("\\s+"));
	}

}
