package vn.tonghop.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.tonghop.read.HeaderField;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people hold in their hands after {@code tonghop run}: the analysts' workbook
 * agrees with the CSVs, and every return with findings has its feedback copy.
 */
class ConsolidationOutputsIntegrationTests {

	@TempDir
	static Path work;

	static Path out;

	@BeforeAll
	static void consolidate() throws Exception {
		Path data = work.resolve("data");
		out = work.resolve("output");
		Runs.tonghop("registry", "--input",
				ConsolidationIntegrationTests.resource("/samples/registry-2026.xlsx").toString(), "--year", "2026",
				"--data-dir", data.toString());
		// last year: one of this year's unions, so the workbook has a year to compare
		// with
		Path form = Path.of("input-samples/2026/ldld-ha-noi/cd-truong-dai-hoc-cong-nghe-dong-a.xlsx");
		Path lastYear = work.resolve("2025");
		Workbooks.change(form, lastYear.resolve("dong-a-2025.xlsx"),
				Map.of(Workbooks.header(form, HeaderField.YEAR), 2025));
		assertThat(Runs
			.tonghop("run", "--input", lastYear.toString(), "--year", "2025", "--output", out.toString(), "--data-dir",
					data.toString())
			.status()).isZero();
		Runs.Result result = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				out.toString(), "--data-dir", data.toString());
		assertThat(result.status()).as(result.err()).isZero();
	}

	static Workbook workbook() throws Exception {
		try (InputStream in = Files.newInputStream(out.resolve("2026/tong-hop-thi-dua-2026.xlsx"))) {
			return WorkbookFactory.create(in);
		}
	}

	@Test
	void workbookHasEverySheetInOrder() throws Exception {
		try (Workbook workbook = workbook()) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Tổng hợp");
			assertThat(Stream.iterate(0, (i) -> i + 1).limit(workbook.getNumberOfSheets()).map(workbook::getSheetName))
				.contains("Theo tỉnh", "Theo khu vực", "Tỉnh × khu vực", "Theo ngành", "Xếp loại", "Mức độ đầy đủ",
						"Chưa báo cáo", "Phát hiện", "Báo cáo", "Thông tin");
		}
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({ "Theo tỉnh, by-province.csv, province_code", "Theo khu vực, by-sector.csv, sector_code",
			"Theo ngành, by-industry.csv, industry_code" })
	void rollupSheetHoldsEveryNumberOfItsCsv(String sheetName, String csvName, String keyColumn) throws Exception {
		List<String[]> csv = Runs.csv(out.resolve("2026").resolve(csvName));
		List<String> header = List.of(csv.get(0));
		try (Workbook workbook = workbook()) {
			Sheet sheet = workbook.getSheet(sheetName);
			Row codes = rowWith(sheet, keyColumn);
			int checked = 0;
			for (String[] line : csv.subList(1, csv.size())) {
				// the row of a group: its code in the key column (industry "not given" by
				// its name)
				Row row = line[0].equals("TOTAL") ? rowWith(sheet, "Tổng cộng")
						: line[0].isEmpty() ? rowWith(sheet, line[1]) : rowWith(sheet, line[0]);
				for (String column : header.subList(header.indexOf("returns"), header.size())) {
					Cell cell = row.getCell(columnOf(codes, column));
					String actual = (cell == null || cell.getCellType() == CellType.BLANK) ? ""
							: Long.toString((long) cell.getNumericCellValue());
					assertThat(actual).as("%s %s %s", sheetName, line[0], column)
						.isEqualTo(line[header.indexOf(column)]);
					checked++;
				}
			}
			assertThat(checked).isEqualTo((csv.size() - 1) * (header.size() - header.indexOf("returns")));
		}
	}

	@Test
	void listSheetsHoldEveryReturnAndEveryFinding() throws Exception {
		List<String[]> returns = Runs.csv(out.resolve("2026/returns.csv"));
		List<String[]> issues = Runs.csv(out.resolve("2026/issues.csv"));
		try (Workbook workbook = workbook()) {
			for (String[] line : returns.subList(1, returns.size())) {
				assertThat(rowWith(workbook.getSheet("Báo cáo"), line[0])).as(line[0]).isNotNull();
			}
			assertThat(texts(workbook.getSheet("Phát hiện")).filter((text) -> text.matches("[RW][0-9]{2}")).count())
				.isEqualTo(issues.size() - 1);
			List<String[]> completeness = Runs.csv(out.resolve("2026/completeness.csv"));
			String[] total = RegistryIntegrationTests.row(completeness, "TOTAL");
			Row row = rowWith(workbook.getSheet("Mức độ đầy đủ"), "Tổng cộng");
			List<String> numbers = Stream.iterate(0, (i) -> i + 1)
				.limit(row.getLastCellNum())
				.map(row::getCell)
				.filter((cell) -> cell != null && cell.getCellType() == CellType.NUMERIC)
				.map((cell) -> Long.toString((long) cell.getNumericCellValue()))
				.toList();
			assertThat(numbers).as("expected, received, accepted, rejected, missing")
				.startsWith(total[2], total[3], total[4], total[5], total[6]);
		}
	}

	static Stream<String> texts(Sheet sheet) {
		return Stream.iterate(0, (i) -> i + 1)
			.limit(sheet.getLastRowNum() + 1)
			.map(sheet::getRow)
			.filter((row) -> row != null)
			.flatMap(
					(row) -> Stream.iterate(0, (i) -> i + 1).limit(Math.max(row.getLastCellNum(), 0)).map(row::getCell))
			.filter((cell) -> cell != null && cell.getCellType() == CellType.STRING)
			.map(Cell::getStringCellValue);
	}

	@Test
	void missingUnionsSheetListsTheRegisteredUnionsThatSentNothing() throws Exception {
		List<String[]> completeness = Runs.csv(out.resolve("2026/completeness.csv"));
		String missing = RegistryIntegrationTests.row(completeness, "TOTAL")[6];
		try (Workbook workbook = workbook()) {
			Sheet sheet = workbook.getSheet("Chưa báo cáo");
			long codes = Stream.iterate(0, (i) -> i + 1)
				.limit(sheet.getLastRowNum() + 1)
				.map(sheet::getRow)
				.filter((row) -> row != null)
				.flatMap((row) -> Stream.iterate(0, (i) -> i + 1)
					.limit(Math.max(row.getLastCellNum(), 0))
					.map(row::getCell))
				.filter((cell) -> cell != null && cell.getCellType() == CellType.STRING
						&& cell.getStringCellValue().matches("CD[0-9]{8}"))
				.count();
			assertThat(Long.toString(codes)).isEqualTo(missing).isNotEqualTo("0");
		}
	}

	@Test
	void everyFileWithFindingsHasAFeedbackCopyWithTheCellsMarked() throws Exception {
		List<String[]> issues = Runs.csv(out.resolve("2026/issues.csv"));
		Set<String> withFindings = issues.subList(1, issues.size())
			.stream()
			.map((row) -> row[0])
			.collect(Collectors.toCollection(TreeSet::new));
		Path folder = out.resolve("2026/phan-hoi");
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.count()).isEqualTo(withFindings.size());
		}
		String[] r08 = issues.stream().filter((row) -> row[4].equals("R08")).findFirst().orElseThrow();
		Path copy = folder.resolve(r08[0].replace("/", "__"));
		try (InputStream in = Files.newInputStream(copy); Workbook workbook = WorkbookFactory.create(in)) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Phản hồi");
			CellReference ref = new CellReference(r08[2]);
			Cell cell = workbook.getSheet(r08[1]).getRow(ref.getRow()).getCell(ref.getCol());
			assertThat(cell.getCellComment()).isNotNull();
			assertThat(cell.getCellComment().getString().getString()).contains("R08");
		}
	}

	@Test
	void workbookComparesWithThePreviousYear() throws Exception {
		try (Workbook workbook = workbook()) {
			String summary = Stream.iterate(0, (i) -> i + 1)
				.limit(workbook.getSheet("Tổng hợp").getLastRowNum() + 1)
				.map(workbook.getSheet("Tổng hợp")::getRow)
				.filter((row) -> row != null)
				.flatMap((row) -> Stream.iterate(0, (i) -> i + 1)
					.limit(Math.max(row.getLastCellNum(), 0))
					.map(row::getCell))
				.filter((cell) -> cell != null && cell.getCellType() == CellType.STRING)
				.map(Cell::getStringCellValue)
				.collect(Collectors.joining("|"));
			assertThat(summary).contains("2025");
		}
	}

	static Row rowWith(Sheet sheet, String text) {
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
					return row;
				}
			}
		}
		throw new AssertionError("no row with " + text + " on " + sheet.getSheetName());
	}

	static int columnOf(Row codes, String code) {
		for (Cell cell : codes) {
			if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(code)) {
				return cell.getColumnIndex();
			}
		}
		throw new AssertionError("no column " + code);
	}

}
