package vn.tonghop.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.console.files.PageText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code tonghop deadline} sets the provinces' deadlines; a consolidation then writes
 * each province's deadline and its unions on time and late in completeness.csv and the
 * workbook's completeness sheet, and the console's year page shows the same numbers. The
 * sample returns were all received at 15:00 on 15/11/2026, Vietnam time: late for Đồng
 * Nai's deadline of 14/11, on time for Hồ Chí Minh's of 15/11; Hà Nội has none.
 */
class DeadlineIntegrationTests {

	@TempDir
	Path work;

	@Test
	void theCommandSetsDeadlinesAndTheOutputsAndTheConsoleAgree() throws Exception {
		Path inbox = ConsolidationIntegrationTests.sameTimes(Path.of("input-samples/2026"),
				this.work.resolve("Hộp thư/báo cáo 2026"));
		// the folders ConsoleServer takes for this work folder
		Path data = this.work.resolve("dữ liệu");
		Path output = this.work.resolve("kết quả");

		Runs.Result set = Runs.tonghop("deadline", "--year", "2026", "--province", "Đồng Nai", "--date", "14/11/2026",
				"--data-dir", data.toString());
		assertThat(set.status()).as(set.err()).isZero();
		assertThat(set.out()).contains("Đã đặt hạn nộp báo cáo năm 2026 của 75 Đồng Nai: 14/11/2026.");
		assertThat(Runs
			.tonghop("deadline", "--year", "2026", "--province", "79", "--date", "15/11/2026", "--data-dir",
					data.toString())
			.status()).isZero();
		Runs.Result moved = Runs.tonghop("deadline", "--year", "2026", "--province", "79", "--date", "15/11/2026",
				"--data-dir", data.toString());
		assertThat(moved.out()).doesNotContain("trước đây");
		assertThat(Runs.count(data, "SELECT COUNT(*) FROM audit_log WHERE action = 'DEADLINE_SET'")).isEqualTo(3);

		Runs.Result run = Runs.tonghop("run", "--input", inbox.toString(), "--year", "2026", "--output",
				output.toString(), "--data-dir", data.toString());
		assertThat(run.status()).as(run.err()).isZero();

		List<String[]> csv = Runs.csv(output.resolve("2026/completeness.csv"));
		assertThat(csv.get(0)).endsWith("missing", "deadline", "on_time", "late");
		String[] dongNai = RegistryIntegrationTests.row(csv, "75");
		String[] hcm = RegistryIntegrationTests.row(csv, "79");
		String[] haNoi = RegistryIntegrationTests.row(csv, "01");
		String[] total = RegistryIntegrationTests.row(csv, "TOTAL");
		assertThat(Long.parseLong(dongNai[4])).as("Đồng Nai has accepted unions").isPositive();
		assertThat(List.of(dongNai).subList(7, 10)).containsExactly("2026-11-14", "0", dongNai[4]);
		assertThat(Long.parseLong(hcm[4])).isPositive();
		assertThat(List.of(hcm).subList(7, 10)).containsExactly("2026-11-15", hcm[4], "0");
		assertThat(Long.parseLong(haNoi[4])).isPositive();
		assertThat(List.of(haNoi).subList(7, 10)).as("no deadline: blank, never 0").containsExactly("", "", "");
		assertThat(List.of(total).subList(7, 10)).as("the provinces with a deadline only")
			.containsExactly("", hcm[4], dongNai[4]);

		// the workbook: the completeness sheet's cells, the summary's total
		try (InputStream in = Files.newInputStream(output.resolve("2026/tong-hop-thi-dua-2026.xlsx"));
				Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getSheet("Mức độ đầy đủ");
			Row codes = sheet.getRow(2);
			int deadline = ConsolidationOutputsIntegrationTests.columnOf(codes, "deadline");
			int onTime = ConsolidationOutputsIntegrationTests.columnOf(codes, "on_time");
			int late = ConsolidationOutputsIntegrationTests.columnOf(codes, "late");
			Row dongNaiRow = ConsolidationOutputsIntegrationTests.rowWith(sheet, "Đồng Nai");
			assertThat(dongNaiRow.getCell(deadline).getStringCellValue()).isEqualTo("14/11/2026");
			assertThat(number(dongNaiRow.getCell(onTime))).isEqualTo(dongNai[8]);
			assertThat(number(dongNaiRow.getCell(late))).isEqualTo(dongNai[9]);
			Row haNoiRow = ConsolidationOutputsIntegrationTests.rowWith(sheet, "Hà Nội");
			assertThat(number(haNoiRow.getCell(onTime))).isEmpty();
			assertThat(number(haNoiRow.getCell(late))).isEmpty();
			Row totalRow = ConsolidationOutputsIntegrationTests.rowWith(sheet, "Tổng cộng");
			assertThat(number(totalRow.getCell(onTime))).isEqualTo(total[8]);
			assertThat(number(totalRow.getCell(late))).isEqualTo(total[9]);
			Sheet summary = workbook.getSheet("Tổng hợp");
			assertThat(number(summaryValue(summary, "on_time"))).isEqualTo(total[8]);
			assertThat(number(summaryValue(summary, "late"))).isEqualTo(total[9]);
		}

		// the list of the command
		Runs.Result list = Runs.tonghop("deadline", "--year", "2026", "--data-dir", data.toString());
		assertThat(list.status()).isZero();
		assertThat(list.out()).contains("(2 trong 34 tỉnh, thành phố đã đặt hạn)");
		assertThat(line(list.out(), "75  Đồng Nai"))
			.matches("75\\s+Đồng Nai\\s+14/11/2026\\s+0\\s+" + dongNai[9] + "\\s+\\(dòng lệnh\\) \\S+\\s+\\S+ \\S+");
		assertThat(line(list.out(), "01  Hà Nội")).matches("01\\s+Hà Nội\\s+chưa đặt\\s+—\\s+—");

		// the console's year page, on the same database
		try (ConsoleServer server = ConsoleServer.start(this.work, inbox)) {
			String page = server.mockMvc()
				.perform(get("/").with(server.as(ConsoleServer.ADMIN)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(PageText.cardValue(page, "unions-on-time")).isEqualTo(Long.parseLong(total[8]));
			assertThat(PageText.cardValue(page, "unions-late")).isEqualTo(Long.parseLong(total[9]));
			List<List<String>> deadlines = PageText.table(page, "deadlines");
			assertThat(deadlines).hasSize(1 + 34);
			assertThat(deadlines).anySatisfy((row) -> assertThat(row.subList(0, 4)).containsExactly("Đồng Nai",
					"14/11/2026", dongNai[8], dongNai[9]));
			assertThat(deadlines).anySatisfy((row) -> assertThat(row.subList(0, 4)).containsExactly("Hồ Chí Minh",
					"15/11/2026", hcm[8], hcm[9]));
			assertThat(deadlines)
				.anySatisfy((row) -> assertThat(row.subList(0, 4)).containsExactly("Hà Nội", "chưa đặt", "—", "—"));
			// the outputs the console's run wrote again hold the same numbers
			assertThat(RegistryIntegrationTests.row(Runs.csv(server.output().resolve("2026/completeness.csv")), "75"))
				.containsExactly(dongNai);
		}
	}

	@Test
	void badArgumentsAreRefusedInVietnameseBeforeAnyChange() throws Exception {
		Path data = this.work.resolve("data");
		Runs.Result noDate = Runs.tonghop("deadline", "--year", "2026", "--province", "75", "--data-dir",
				data.toString());
		assertThat(noDate.status()).isEqualTo(2);
		assertThat(noDate.err()).contains("--province và --date đi cùng nhau");
		Runs.Result badDate = Runs.tonghop("deadline", "--year", "2026", "--province", "75", "--date", "31/02/2027",
				"--data-dir", data.toString());
		assertThat(badDate.status()).isEqualTo(2);
		assertThat(badDate.err()).contains("--date 31/02/2027: ngày phải viết dạng dd/MM/yyyy");
		Runs.Result far = Runs.tonghop("deadline", "--year", "2026", "--province", "75", "--date", "31/01/2072",
				"--data-dir", data.toString());
		assertThat(far.status()).isEqualTo(2);
		assertThat(far.err()).contains("phải trong các năm 2025–2027");
		Runs.Result unknown = Runs.tonghop("deadline", "--year", "2026", "--province", "Atlantis", "--date",
				"31/01/2027", "--data-dir", data.toString());
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("--province Atlantis: không xác định được tỉnh/thành phố");
		// a name before the 2025 merger is its province now: Bình Dương is in Hồ Chí Minh
		Runs.Result merged = Runs.tonghop("deadline", "--year", "2026", "--province", "Bình Dương", "--date",
				"31/01/2027", "--data-dir", data.toString());
		assertThat(merged.status()).as(merged.err()).isZero();
		assertThat(merged.out()).contains("của 79 Hồ Chí Minh: 31/01/2027");
		assertThat(Runs.count(data, "SELECT COUNT(*) FROM report_deadline")).isEqualTo(1);
	}

	private static String number(Cell cell) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return "";
		}
		return Long.toString((long) cell.getNumericCellValue());
	}

	/** The value cell of the summary's row with a code. */
	private static Cell summaryValue(Sheet summary, String code) {
		Row row = ConsolidationOutputsIntegrationTests.rowWith(summary, code);
		return row.getCell(3);
	}

	private static String line(String out, String start) {
		return out.lines().filter((l) -> l.startsWith(start)).findFirst().orElseThrow().strip();
	}

}
