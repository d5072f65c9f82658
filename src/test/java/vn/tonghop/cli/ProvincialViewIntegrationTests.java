package vn.tonghop.cli;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.read.CellRef;
import vn.tonghop.read.HeaderField;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provincial federation's own view (issue 24, item 5): returns of one province roll up
 * by upper-level union, spellings of one union together, in {@code by-parent-union.csv}
 * and the workbook, whose 34-province sheets are left out; the setting
 * {@code tonghop.federation.province} makes that view of the mixed national samples.
 */
class ProvincialViewIntegrationTests {

	private static final Path DONG_NAI = Path.of("input-samples/2026/ldld-dong-nai");

	@TempDir
	static Path work;

	@Nested
	class OneProvince {

		static Path out;

		/**
		 * The Đồng Nai samples, their upper-level union written four ways for one union;
		 * and last year one of them, spelt a fifth way.
		 */
		@BeforeAll
		static void consolidate() throws Exception {
			Path input = work.resolve("dong-nai");
			Path hospital = DONG_NAI.resolve("Báo cáo thi đua 2026 - CĐ Bệnh viện Đa khoa Long Khánh.xlsx");
			CellRef code = Workbooks.header(hospital, HeaderField.UNION_CODE);
			CellRef parent = Workbooks.header(hospital, HeaderField.PARENT_UNION);
			Workbooks.change(hospital, input.resolve("benh-vien-long-khanh.xlsx"),
					Map.of(parent, "Công đoàn ngành Y tế Đồng Nai"));
			Workbooks.change(hospital, input.resolve("tb-1.xlsx"),
					Map.of(code, "DN-TB-01", parent, "LĐLĐ huyện Trảng Bom"));
			Workbooks.change(hospital, input.resolve("tb-2.xlsx"),
					Map.of(code, "DN-TB-02", parent, "Liên đoàn Lao động huyện Trảng Bom"));
			Workbooks.change(hospital, input.resolve("tb-3.xlsx"),
					Map.of(code, "DN-TB-03", parent, "  liên đoàn lao động HUYỆN trảng bom. "));
			Workbooks.change(hospital, input.resolve("tb-4.xlsx"),
					Map.of(code, "DN-TB-04", parent, "LĐLĐ huyện Trảng Bom, tỉnh Đồng Nai"));
			// reports straight to the federation: "Liên đoàn Lao động tỉnh Đồng Nai"
			for (String file : List.of("cd-cong-ty-may-tin-phat-lan-1.xlsx", "cd-cong-ty-may-tin-phat-lan-2.xlsx")) {
				Files.copy(DONG_NAI.resolve(file), input.resolve(file));
			}
			Path lastYear = work.resolve("dong-nai-2025");
			Workbooks.change(hospital, lastYear.resolve("tb-1-2025.xlsx"), Map.of(code, "DN-TB-01", parent,
					"L.Đ.L.Đ Huyện Trảng Bom", Workbooks.header(hospital, HeaderField.YEAR), 2025));
			Path data = work.resolve("data");
			out = work.resolve("output");
			assertThat(Runs
				.tonghop("run", "--input", lastYear.toString(), "--year", "2025", "--output", out.toString(),
						"--data-dir", data.toString())
				.status()).isZero();
			Runs.Result result = Runs.tonghop("run", "--input", input.toString(), "--year", "2026", "--output",
					out.toString(), "--data-dir", data.toString());
			assertThat(result.status()).as(result.err()).isZero();
		}

		@Test
		void rollsUpByUpperLevelUnionWithTheSpellingsOfOneUnionTogether() throws Exception {
			List<String[]> rows = Runs.csv(out.resolve("2026/by-parent-union.csv"));
			assertThat(rows.get(0)).startsWith("parent_union", "returns", "A01");
			assertThat(Runs.column(rows, "parent_union")).containsExactly("", "Công đoàn ngành Y tế Đồng Nai",
					"LĐLĐ huyện Trảng Bom", "TOTAL");
			assertThat(Runs.column(rows, "returns")).containsExactly("1", "1", "4", "6");
		}

		@Test
		void itsTotalIsTheProvincesAndTheSumOfTheReturns() throws Exception {
			List<String[]> parents = Runs.csv(out.resolve("2026/by-parent-union.csv"));
			List<String[]> provinces = Runs.csv(out.resolve("2026/by-province.csv"));
			List<String[]> returns = Runs.csv(out.resolve("2026/returns.csv"));
			List<String> columns = List.of(parents.get(0)).subList(1, parents.get(0).length);
			Map<String, String> total = values(parents, RegistryIntegrationTests.row(parents, "TOTAL"), columns);
			assertThat(total).isEqualTo(values(provinces, RegistryIntegrationTests.row(provinces, "75"), columns))
				.isEqualTo(sums(returns, columns))
				.isEqualTo(sums(parents.subList(0, parents.size() - 1), columns));
			assertThat(total.get("returns")).isEqualTo("6");
			assertThat(total.get("A01")).isNotEmpty();
		}

		@Test
		void workbookShowsTheUpperLevelUnionsBesideLastYearAndLeavesOutTheProvinceSheets() throws Exception {
			try (InputStream in = Files.newInputStream(out.resolve("2026/tong-hop-thi-dua-2026.xlsx"));
					Workbook workbook = WorkbookFactory.create(in)) {
				assertThat(workbook.getSheet("Theo tỉnh")).isNull();
				assertThat(workbook.getSheet("Tỉnh × khu vực")).isNull();
				Sheet sheet = workbook.getSheet("Theo công đoàn cấp trên");
				assertThat(sheet).isNotNull();
				Row codes = rowWith(sheet, "parent_union");
				Row trangBom = rowWith(sheet, "LĐLĐ huyện Trảng Bom");
				assertThat(trangBom.getCell(column(codes, "returns")).getNumericCellValue()).isEqualTo(4);
				// last year's return, spelt otherwise, is matched by the folded key
				assertThat(trangBom.getCell(column(codes, "returns_2025")).getNumericCellValue()).isEqualTo(1);
				assertThat(rowWith(sheet, "(Trực thuộc LĐLĐ tỉnh Đồng Nai)")).isNotNull();
				assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Xếp loại")))
					.contains("LĐLĐ huyện Trảng Bom");
				assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Tổng hợp")))
					.contains("Tổng hợp của LĐLĐ tỉnh Đồng Nai: theo công đoàn cấp trên trực tiếp.");
				// the key totals start on the first page under the letterhead and the
				// view's
				// line: the line once pushed them to the second, leaving the letterhead
				// alone
				// on the first
				Sheet summary = workbook.getSheet("Tổng hợp");
				int firstTotal = rowWith(summary, "returns").getRowNum();
				assertThat(java.util.Arrays.stream(summary.getRowBreaks()).min().orElse(Integer.MAX_VALUE))
					.isGreaterThan(firstTotal);
				// completeness: the province's line, not 33 empty ones; the CSV stays
				// national
				assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Mức độ đầy đủ")))
					.contains("Đồng Nai")
					.doesNotContain("Hà Nội", "Cao Bằng");
				assertThat(Runs.csv(out.resolve("2026/completeness.csv"))).hasSize(34 + 2);
			}
		}

	}

	@Nested
	class NamedBySetting {

		static Path out;

		static Path data;

		@BeforeAll
		static void consolidate() throws Exception {
			data = work.resolve("national-data");
			out = work.resolve("national-output");
			Runs.Result national = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
					out.toString(), "--data-dir", data.toString());
			assertThat(national.status()).as(national.err()).isZero();
			assertThat(out.resolve("2026/by-parent-union.csv")).doesNotExist();
			Runs.Result provincial = withSetting("Đồng Nai", () -> Runs.tonghop("consolidate", "--year", "2026",
					"--output", out.toString(), "--data-dir", data.toString()));
			assertThat(provincial.status()).as(provincial.err()).isZero();
		}

		@Test
		void rollsUpTheNamedProvinceOnlyAndKeepsTheNationalCsvs() throws Exception {
			List<String[]> parents = Runs.csv(out.resolve("2026/by-parent-union.csv"));
			List<String[]> provinces = Runs.csv(out.resolve("2026/by-province.csv"));
			List<String> columns = List.of(parents.get(0)).subList(1, parents.get(0).length);
			Map<String, String> total = values(parents, RegistryIntegrationTests.row(parents, "TOTAL"), columns);
			assertThat(total).isEqualTo(values(provinces, RegistryIntegrationTests.row(provinces, "75"), columns));
			long national = Long.parseLong(RegistryIntegrationTests.row(provinces, "TOTAL")[2]);
			assertThat(Long.parseLong(total.get("returns"))).isPositive().isLessThan(national);
			assertThat(Runs.csv(out.resolve("2026/returns.csv"))).hasSize((int) national + 1);
			try (InputStream in = Files.newInputStream(out.resolve("2026/tong-hop-thi-dua-2026.xlsx"));
					Workbook workbook = WorkbookFactory.create(in)) {
				assertThat(workbook.getSheet("Theo công đoàn cấp trên")).isNotNull();
				assertThat(workbook.getSheet("Theo tỉnh")).isNull();
				assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Mức độ đầy đủ")))
					.doesNotContain("Hà Nội");
				long outside = national - Long.parseLong(total.get("returns"));
				assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Thông tin")))
					.anyMatch((text) -> text.startsWith(outside + " báo cáo được chấp nhận không thuộc Đồng Nai"));
			}
		}

		/**
		 * A national consolidation after a provincial one leaves no by-parent-union.csv
		 * of the earlier run behind: the outputs are published as a set.
		 */
		@Test
		void aNationalConsolidationAfterwardsLeavesNoStaleByParentUnionCsv() throws Exception {
			Path again = work.resolve("again-output");
			Runs.Result provincial = withSetting("75", () -> Runs.tonghop("consolidate", "--year", "2026", "--output",
					again.toString(), "--data-dir", data.toString()));
			assertThat(provincial.status()).as(provincial.err()).isZero();
			assertThat(again.resolve("2026/by-parent-union.csv")).exists();
			Runs.Result national = Runs.tonghop("consolidate", "--year", "2026", "--output", again.toString(),
					"--data-dir", data.toString());
			assertThat(national.status()).as(national.err()).isZero();
			assertThat(again.resolve("2026/by-parent-union.csv")).doesNotExist();
			assertThat(again.resolve("2026/by-province.csv")).exists();
		}

		@Test
		void refusesASettingThatNamesNoProvinceBeforeAnyWork() {
			Path elsewhere = work.resolve("refused-output");
			Runs.Result refused = withSetting("Sài Gòn Mới", () -> Runs.tonghop("consolidate", "--year", "2026",
					"--output", elsewhere.toString(), "--data-dir", data.toString()));
			assertThat(refused.status()).isEqualTo(2);
			assertThat(refused.err()).contains("tonghop.federation.province = 'Sài Gòn Mới'")
				.contains("không phải tên hay mã của tỉnh, thành phố");
			assertThat(elsewhere).doesNotExist();
		}

	}

	static <T> T withSetting(String province, Supplier<T> run) {
		System.setProperty("tonghop.federation.province", province);
		try {
			return run.get();
		}
		finally {
			System.clearProperty("tonghop.federation.province");
		}
	}

	/** A row's {@code returns} and indicator columns by name. */
	static Map<String, String> values(List<String[]> rows, String[] row, List<String> columns) {
		List<String> header = List.of(rows.get(0));
		Map<String, String> values = new LinkedHashMap<>();
		for (String column : columns) {
			values.put(column, row[header.indexOf(column)]);
		}
		return values;
	}

	/**
	 * The sums of each column over the rows after the header (returns.csv: its rows
	 * counted); empty when no row has a value, as the roll-ups.
	 */
	static Map<String, String> sums(List<String[]> rows, List<String> columns) {
		List<String> header = List.of(rows.get(0));
		Map<String, String> sums = new LinkedHashMap<>();
		for (String column : columns) {
			if (column.equals("returns") && !header.contains("returns")) {
				sums.put(column, Integer.toString(rows.size() - 1));
				continue;
			}
			BigInteger sum = null;
			for (String[] row : rows.subList(1, rows.size())) {
				String value = row[header.indexOf(column)];
				if (!value.isEmpty()) {
					sum = (sum != null) ? sum.add(new BigInteger(value)) : new BigInteger(value);
				}
			}
			sums.put(column, (sum != null) ? sum.toString() : "");
		}
		return sums;
	}

	static Row rowWith(Sheet sheet, String text) {
		for (Row row : sheet) {
			for (var cell : row) {
				if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
						&& cell.getStringCellValue().equals(text)) {
					return row;
				}
			}
		}
		throw new AssertionError("no row " + text + " in " + sheet.getSheetName());
	}

	static int column(Row codes, String code) {
		List<String> found = new ArrayList<>();
		for (var cell : codes) {
			if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
				if (cell.getStringCellValue().equals(code)) {
					return cell.getColumnIndex();
				}
				found.add(cell.getStringCellValue());
			}
		}
		throw new AssertionError("no column " + code + " in " + found);
	}

}
