package vn.tonghop.report.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.report.workbook.WrittenWorkbook.column;
import static vn.tonghop.report.workbook.WrittenWorkbook.row;
import static vn.tonghop.report.workbook.WrittenWorkbook.summaryRow;
import static vn.tonghop.report.workbook.WrittenWorkbook.text;
import static vn.tonghop.report.workbook.WrittenWorkbook.value;

/**
 * A provincial federation's own view: the roll-up by upper-level union in place of the
 * 34-province sheets, with last year beside matched by key, its ratings, and a summary of
 * the province's totals that says which view it is.
 */
class FederationWorkbookTests {

	static final String DIRECT = "(Trực thuộc LĐLĐ tỉnh Đồng Nai)";

	static final Group DIRECT_GROUP = TestInputs.group(List.of(""), List.of(DIRECT), 1,
			Map.of("A01", 100L, "A02", 90L, "A02_nu", 40L, "F03_HTXSNV", 1L, "F03_HTTNV", 0L));

	static final Group TRANG_BOM = TestInputs.group(List.of("ldld huyen trang bom"), List.of("LĐLĐ huyện Trảng Bom"), 2,
			Map.of("A01", 300L, "A02", 210L, "A02_nu", 100L, "F03_HTXSNV", 1L, "F03_HTTNV", 1L));

	static final Group TOTAL = TestInputs.group(List.of("TOTAL"), List.of("Tổng cộng"), 3,
			Map.of("A01", 400L, "A02", 300L, "A02_nu", 140L, "F03_HTXSNV", 2L, "F03_HTTNV", 1L, "B02", 10L));

	/** Last year, spelt otherwise: matched by key, not by name. */
	static final Table PREVIOUS = new Table(
			List.of(TestInputs.group(List.of("ldld huyen trang bom"), List.of("Liên đoàn Lao động huyện Trảng Bom"), 2,
					Map.of("A01", 280L, "A02", 200L))),
			TestInputs.group(List.of("TOTAL"), List.of("Tổng cộng"), 2, Map.of("A01", 280L, "A02", 200L)));

	static final FederationView VIEW = new FederationView(
			"Tổng hợp của LĐLĐ tỉnh Đồng Nai: theo công đoàn cấp trên trực tiếp", 2,
			"2 báo cáo được chấp nhận không thuộc Đồng Nai không tính vào các bảng của LĐLĐ tỉnh Đồng Nai",
			new Table(List.of(DIRECT_GROUP, TRANG_BOM), TOTAL), PREVIOUS);

	@TempDir
	Path folder;

	private WrittenWorkbook written() throws IOException {
		WorkbookInput national = TestInputs.full();
		WorkbookInput input = new WorkbookInput(national.year(), national.previousYear(), national.run(),
				national.columns(), national.byProvince(), national.bySector(), national.byProvinceSector(),
				national.byIndustry(), national.previousByProvince(), national.previousBySector(),
				national.previousByIndustry(), national.completeness(), national.missing(), national.findings(),
				national.returns(), VIEW);
		return WrittenWorkbook.write(input, this.folder.resolve("tong-hop-thi-dua-2026.xlsx"));
	}

	@Test
	void showsTheRollupByUpperLevelUnionInPlaceOfTheProvinceSheets() throws IOException {
		try (WrittenWorkbook written = written()) {
			List<String> names = new ArrayList<>();
			written.workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactlyElementsOf(ConsolidatedWorkbook.FEDERATION_SHEETS)
				.contains("Theo công đoàn cấp trên", "Theo khu vực", "Theo ngành", "Xếp loại")
				.doesNotContain("Theo tỉnh", "Tỉnh × khu vực");
			XSSFSheet sheet = written.sheet("Theo công đoàn cấp trên");
			// no code column: the name is the key column
			assertThat(column(sheet, "parent_union")).isZero();
			assertThat(column(sheet, "province_code")).isEqualTo(-1);
			assertThat(value(row(sheet, 0, DIRECT).getCell(column(sheet, "A01")))).isEqualTo(100.0);
			assertThat(value(row(sheet, 0, "LĐLĐ huyện Trảng Bom").getCell(column(sheet, "A02")))).isEqualTo(210.0);
			assertThat(value(row(sheet, 0, "LĐLĐ huyện Trảng Bom").getCell(column(sheet, "A02_2025"))))
				.isEqualTo(200.0);
			assertThat(value(row(sheet, 0, "Tổng cộng").getCell(column(sheet, "A01")))).isEqualTo(400.0);
			assertThat(value(row(sheet, 0, "Tổng cộng").getCell(column(sheet, "A01_2025")))).isEqualTo(280.0);
		}
	}

	@Test
	void ratesTheUnionsByUpperLevelUnion() throws IOException {
		try (WrittenWorkbook written = written()) {
			XSSFSheet sheet = written.sheet("Xếp loại");
			assertThat(text(sheet.getRow(0).getCell(0))).contains("theo công đoàn cấp trên trực tiếp");
			assertThat(value(row(sheet, 0, "LĐLĐ huyện Trảng Bom").getCell(column(sheet, "F03")))).isEqualTo(2.0);
			assertThat(value(row(sheet, 0, "Tổng cộng").getCell(column(sheet, "F03")))).isEqualTo(3.0);
		}
	}

	@Test
	void summarisesTheProvinceAndSaysWhichViewItIs() throws IOException {
		try (WrittenWorkbook written = written()) {
			XSSFSheet summary = written.sheet("Tổng hợp");
			assertThat(value(summaryRow(summary, "A01").getCell(3))).isEqualTo(400.0);
			assertThat(value(summaryRow(summary, "A01").getCell(4))).isEqualTo(280.0);
			assertThat(value(summaryRow(summary, "returns").getCell(3))).isEqualTo(3.0);
			// under the title, above the first section
			Row view = null;
			for (Row row : summary) {
				if (text(row.getCell(0)) != null && text(row.getCell(0)).startsWith("Tổng hợp của")) {
					view = row;
					break;
				}
			}
			assertThat(view).isNotNull();
			assertThat(view.getRowNum()).isLessThan(summaryRow(summary, "returns").getRowNum());
			assertThat(text(view.getCell(0)))
				.startsWith("Tổng hợp của LĐLĐ tỉnh Đồng Nai: theo công đoàn cấp trên trực tiếp")
				.endsWith("; không tính 2 báo cáo của tỉnh, thành phố khác (có trong các tệp CSV).");
			assertThat(text(row(written.sheet("Thông tin"), 0, "Báo cáo của tỉnh khác").getCell(1)))
				.startsWith("2 báo cáo được chấp nhận không thuộc Đồng Nai");
			XSSFChart members = summary.getDrawingPatriarch().getCharts().get(0);
			assertThat(members.getTitleText().getString()).contains("theo công đoàn cấp trên trực tiếp");
			String categories = members.getCTChart()
				.getPlotArea()
				.getBarChartArray(0)
				.getSerArray(0)
				.getCat()
				.getStrRef()
				.getF();
			// the chart reads the upper-level unions' names
			int first = Integer.parseInt(categories.replaceAll(".*\\$(\\d+):.*", "$1")) - 1;
			assertThat(text(summary.getRow(first).getCell(SummarySheet.DATA_COLUMN))).isEqualTo(DIRECT);
			assertThat(text(summary.getRow(first + 1).getCell(SummarySheet.DATA_COLUMN)))
				.isEqualTo("LĐLĐ huyện Trảng Bom");
			XSSFSheet info = written.sheet("Thông tin");
			assertThat(text(row(info, 0, "Phạm vi tổng hợp").getCell(1)))
				.isEqualTo("Tổng hợp của LĐLĐ tỉnh Đồng Nai: theo công đoàn cấp trên trực tiếp");
		}
	}

	@Test
	void aNationalConsolidationSaysSoAndKeepsItsSheets() throws IOException {
		try (WrittenWorkbook written = WrittenWorkbook.write(TestInputs.full(),
				this.folder.resolve("tong-hop-thi-dua-2026.xlsx"))) {
			assertThat(written.workbook.getSheet("Theo công đoàn cấp trên")).isNull();
			assertThat(written.workbook.getSheet("Theo tỉnh")).isNotNull();
			assertThat(text(row(written.sheet("Thông tin"), 0, "Phạm vi tổng hợp").getCell(1)))
				.isEqualTo("Toàn quốc: theo tỉnh, thành phố");
		}
	}

}
