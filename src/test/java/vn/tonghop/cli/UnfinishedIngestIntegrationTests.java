package vn.tonghop.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.TestDatabase;
import vn.tonghop.job.RunLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 3: after an ingest killed at 35%, {@code tonghop consolidate} exited 0
 * with 700 of 2,015 returns, and {@code history} still showed the dead ingest as running.
 */
class UnfinishedIngestIntegrationTests {

	@TempDir
	Path work;

	Path data;

	Path output;

	Path input;

	long ingest;

	long stored;

	@BeforeEach
	void ingestKilledPartWay() throws Exception {
		this.data = this.work.resolve("data");
		this.output = this.work.resolve("output");
		this.input = Path.of("input-samples/2026").toAbsolutePath().normalize();
		Runs.Result ingest = Runs.tonghop("ingest", "--input", this.input.toString(), "--year", "2026", "--data-dir",
				this.data.toString());
		assertThat(ingest.status()).as(ingest.err()).isZero();
		this.ingest = Runs.count(this.data, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
		this.stored = Runs.count(this.data, "SELECT COUNT(*) FROM submission");
		// what a kill -9 part way leaves: the execution still running, the files stored
		// so far (here: those of one folder), the rest not yet read
		sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL"
				+ " WHERE JOB_EXECUTION_ID = " + this.ingest);
		sql("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL"
				+ " WHERE JOB_EXECUTION_ID = " + this.ingest);
		sql("DELETE FROM finding WHERE submission_id IN (SELECT id FROM submission WHERE source_path NOT LIKE '%ldld-ha-noi%')");
		sql("UPDATE return_record SET superseded_by = NULL");
		sql("DELETE FROM return_record WHERE submission_id IN (SELECT id FROM submission WHERE source_path NOT LIKE '%ldld-ha-noi%')");
		sql("DELETE FROM intake_log WHERE submission_id IS NULL OR submission_id IN (SELECT id FROM submission WHERE source_path NOT LIKE '%ldld-ha-noi%')");
		sql("DELETE FROM submission WHERE source_path NOT LIKE '%ldld-ha-noi%'");
	}

	void sql(String statement) throws Exception {
		try (Connection connection = TestDatabase.connect(this.data); Statement update = connection.createStatement()) {
			update.execute(statement);
		}
	}

	Runs.Result consolidate(String... more) {
		List<String> args = new java.util.ArrayList<>(List.of("consolidate", "--year", "2026", "--output",
				this.output.toString(), "--data-dir", this.data.toString()));
		args.addAll(List.of(more));
		return Runs.tonghop(args.toArray(String[]::new));
	}

	@Test
	void consolidateRefusesAYearWhoseLastIngestDidNotFinishAndSaysHowToFinishIt() throws Exception {
		Runs.Result refused = consolidate();

		assertThat(refused.status()).as(refused.out() + refused.err()).isEqualTo(4);
		assertThat(refused.out()).contains("== Tổng hợp năm 2026: chưa tổng hợp ==",
				"CẢNH BÁO: Lần nhận báo cáo năm 2026 gần nhất (lần chạy " + this.ingest,
				"chưa xong (tiến trình bị dừng đột ngột)");
		assertThat(refused.err().strip().lines()).hasSize(1)
			.first()
			.satisfies((line) -> assertThat(line).contains("Chưa tổng hợp năm 2026 (kết quả cũ giữ nguyên)",
					"tonghop ingest --input \"" + this.input + "\" --year 2026 (cùng --data-dir hoặc --db)",
					"--allow-unfinished"));
		assertThat(this.output.resolve("2026")).doesNotExist();
		assertThat(
				Runs.count(this.data, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'consolidateYearJob'"))
			.isZero();
	}

	@Test
	void aFailedIngestIsUnfinishedToo() throws Exception {
		sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED', END_TIME = START_TIME"
				+ " WHERE JOB_EXECUTION_ID = " + this.ingest);

		Runs.Result refused = consolidate();

		assertThat(refused.status()).isEqualTo(4);
		assertThat(refused.out()).contains("chưa xong (thất bại)");
	}

	@Test
	void historyShowsTheDeadIngestAsInterruptedAndARunningOneAsRunning() throws Exception {
		Runs.Result history = Runs.tonghop("history", "--data-dir", this.data.toString());

		assertThat(history.status()).as(history.err()).isZero();
		String row = history.out()
			.lines()
			.filter((line) -> line.strip().startsWith(this.ingest + " "))
			.findFirst()
			.orElseThrow();
		assertThat(row).contains("bị gián đoạn").doesNotContain("đang chạy");
		assertThat(history.out()).contains("↳ Tiến trình đã dừng đột ngột");

		DriverManagerDataSource database = new DriverManagerDataSource(TestDatabase.url(this.data),
				TestDatabase.postgresql() ? "postgres" : "", "");
		try (RunLock held = RunLock.acquire(database, "đang chạy")) {
			Runs.Result during = Runs.tonghop("history", "--data-dir", this.data.toString());
			String running = during.out()
				.lines()
				.filter((line) -> line.strip().startsWith(this.ingest + " "))
				.findFirst()
				.orElseThrow();
			assertThat(running).contains("đang chạy").doesNotContain("gián đoạn");
		}
	}

	@Test
	void withTheOptionTheConsolidationSaysSoAtTheTopOfTheSummaryAndInTheWorkbook() throws Exception {
		Runs.Result anyway = consolidate("--allow-unfinished");

		assertThat(anyway.status()).as(anyway.out() + anyway.err()).isZero();
		List<String> lines = anyway.out().lines().toList();
		int header = lines
			.indexOf(lines.stream().filter((l) -> l.startsWith("== Tổng hợp năm 2026")).findFirst().orElseThrow());
		assertThat(lines.get(header + 1)).startsWith("CẢNH BÁO: Lần nhận báo cáo năm 2026 gần nhất");
		try (InputStream in = Files.newInputStream(this.output.resolve("2026/tong-hop-thi-dua-2026.xlsx"));
				Workbook workbook = WorkbookFactory.create(in)) {
			Sheet info = workbook.getSheet("Thông tin");
			boolean warned = false;
			for (Row row : info) {
				if (row.getCell(0) != null && "Cảnh báo".equals(row.getCell(0).toString())) {
					assertThat(row.getCell(1).toString()).contains("chưa xong", "lần chạy " + this.ingest);
					// a sentence: wrapped, not cut at the edge of the printed page
					assertThat(row.getCell(1).getCellStyle().getWrapText()).isTrue();
					// and tall enough for its lines: LibreOffice drew it over the next
					// row
					assertThat(row.getHeightInPoints()).isGreaterThanOrEqualTo(2 * 13f);
					warned = true;
				}
			}
			assertThat(warned).as("a row Cảnh báo on Thông tin").isTrue();
		}
	}

	@Test
	void runningTheIngestAgainFinishesItAndTheConsolidationIsWholeAndSilent() throws Exception {
		Runs.Result resumed = Runs.tonghop("ingest", "--input", this.input.toString(), "--year", "2026", "--data-dir",
				this.data.toString());
		assertThat(resumed.status()).as(resumed.err()).isZero();
		assertThat(Runs.count(this.data, "SELECT COUNT(*) FROM submission")).isEqualTo(this.stored);

		Runs.Result whole = consolidate();

		assertThat(whole.status()).as(whole.out() + whole.err()).isZero();
		assertThat(whole.out()).doesNotContain("CẢNH BÁO");
	}

}
