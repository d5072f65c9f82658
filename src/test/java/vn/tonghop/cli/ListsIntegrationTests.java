package vn.tonghop.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/** Last year's lists: one-off import, dry run, and a corrected list imported again. */
class ListsIntegrationTests {

	@TempDir
	Path work;

	Path list(String name) throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("lists"));
		return Files.copy(ConsolidationIntegrationTests.resource("/samples/" + name), folder.resolve(name));
	}

	Runs.Result ingest(Path input, String year, String... more) {
		String[] args = { "ingest", "--input", input.toString(), "--year", year, "--data-dir",
				this.work.resolve("data").toString() };
		String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
			.toArray(String[]::new);
		return Runs.tonghop(all);
	}

	List<String[]> consolidate(String year) throws Exception {
		Runs.tonghop("consolidate", "--year", year, "--output", this.work.resolve("output").toString(), "--data-dir",
				this.work.resolve("data").toString());
		return Runs.csv(this.work.resolve("output").resolve(year).resolve("returns.csv"));
	}

	@Test
	void importsLastYearsListRowByRow() throws Exception {
		Runs.Result result = ingest(list("table-2024-windows1258.csv"), "2024");
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("chấp nhận 12, bị từ chối 0");
		List<String[]> returns = consolidate("2024");
		assertThat(returns).hasSize(13);
		assertThat(Runs.column(returns, "province_code")).doesNotContain("30", "02", "84", "06", "")
			.contains("31", "08", "86", "19");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void readsAListSavedAsAWorkbookWithATitleAboveTheTable(String extension) throws Exception {
		Path file = Files.createDirectories(this.work.resolve("lists")).resolve("danh-sach." + extension);
		try (Workbook workbook = extension.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("DanhSach");
			sheet.createRow(0).createCell(0).setCellValue("TỔNG HỢP THI ĐUA CÁC CĐCS NĂM 2025");
			String[] header = { "STT", "Mã CĐCS", "Tên CĐCS", "Tỉnh/thành phố", "Khu vực", "Năm", "A01", "A01 Nữ",
					"Tổng số đoàn viên công đoàn", "A02_NU", "B02", "B03", "F03" };
			Object[][] rows = { { 1, "CD01", "Công đoàn A", "Hà Nội", "HCSN", 2025, 100, 60, 80, 50, 70, 9, "HTTNV" },
					{ 2, "CD02", "Công đoàn B", "Bình Dương", "FDI", 2025, 50, 30, 40, 45, 30, 4, "Khá" } };
			Row row = sheet.createRow(2);
			for (int c = 0; c < header.length; c++) {
				row.createCell(c).setCellValue(header[c]);
			}
			for (int r = 0; r < rows.length; r++) {
				row = sheet.createRow(3 + r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof Integer number) {
						row.createCell(c).setCellValue(number);
					}
					else {
						row.createCell(c).setCellValue(rows[r][c].toString());
					}
				}
			}
			try (var out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		Runs.Result result = ingest(file, "2025");
		assertThat(result.out()).as(result.err()).contains("chấp nhận 1, bị từ chối 1");
		List<String[]> returns = consolidate("2025");
		assertThat(returns).hasSize(2);
		assertThat(returns.get(1)).startsWith("CD01", "Công đoàn A", "01", "HCSN");
		assertThat(returns.get(1)[List.of(returns.get(0)).indexOf("A02")]).isEqualTo("80");
		// CD02: 45 women among 40 members, in the row's A02_NU cell (J5)
		assertThat(Runs.csv(this.work.resolve("output/2025/issues.csv"))).anySatisfy((issue) -> {
			assertThat(issue[3]).isEqualTo("CD02");
			assertThat(issue[4]).isEqualTo("R08");
			assertThat(issue[2]).isEqualTo("J5");
		});
	}

	@Test
	void dryRunReportsEverythingAndStoresNothing() throws Exception {
		Runs.Result result = ingest(list("table-2024-windows1258.csv"), "2024", "--dry-run");
		assertThat(result.status()).isZero();
		assertThat(result.out()).contains("source_file,sheet,cell,union_code,rule,severity,message")
			.contains("W02")
			.contains("Báo cáo: hợp lệ 12, sẽ bị từ chối 0")
			.contains("không lưu gì");
		assertThat(this.work.resolve("data")).doesNotExist();
	}

	@Test
	void correctedListSupersedesTheRowsItRepeatsAndTheOthersStay() throws Exception {
		Path first = list("table-2025-utf16.csv");
		ingest(first, "2025");
		// the corrected list: the first two rows only, the first with 50 members instead
		// of 46
		List<String> lines = List.of(new String(Files.readAllBytes(first), StandardCharsets.UTF_16).split("\r\n"));
		String header = lines.get(0).replace("\uFEFF", "");
		String corrected = lines.get(1).replaceFirst("\t46\t42\t46\t7\t", "\t50\t42\t46\t7\t");
		assertThat(corrected).isNotEqualTo(lines.get(1));
		Path second = Files.createDirectories(this.work.resolve("corrected")).resolve("table-2025-sua.csv");
		Files.write(second, ("\uFEFF" + header + "\r\n" + corrected + "\r\n" + lines.get(2) + "\r\n")
			.getBytes(StandardCharsets.UTF_16LE));

		Runs.Result result = ingest(second, "2025");

		// the two returns of the run count; the two they replace were stored before
		assertThat(result.out())
			.contains("Báo cáo: chấp nhận 2, bị từ chối 0, bị thay thế 0;" + " thay thế 2 báo cáo nhận trước đây");
		List<String[]> returns = consolidate("2025");
		assertThat(returns).hasSize(9);
		assertThat(returns).filteredOn((row) -> row[0].equals("CD56010100"))
			.singleElement()
			.satisfies((row) -> assertThat(row[List.of(returns.get(0)).indexOf("A01")]).isEqualTo("50"));
		assertThat(Runs.csv(this.work.resolve("output/2025/issues.csv"))).filteredOn((row) -> row[4].equals("W06"))
			.hasSize(2);
	}

}
