package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tonghop history}: past runs with their counts, newest first; {@code --purge}
 * removes old job metadata and never the returns.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryIntegrationTests {

	@TempDir
	static Path work;

	static Path input;

	static Path data;

	static Path output;

	@BeforeAll
	static void runTwice() throws Exception {
		input = Files.createDirectories(work.resolve("hộp thư đến"));
		data = work.resolve("data");
		output = work.resolve("output");
		for (String name : List.of("form-libreoffice.xls", "form-formulas-libreoffice.xlsx", "form-edited.xlsx")) {
			Files.copy(ConsolidationIntegrationTests.resource("/samples/" + name), input.resolve(name));
		}
		for (int i = 0; i < 2; i++) {
			Runs.Result result = Runs.tonghop("run", "--input", input.toString(), "--year", "2026", "--output",
					output.toString(), "--data-dir", data.toString());
			assertThat(result.status()).as(result.err()).isZero();
		}
	}

	@Test
	@Order(1)
	void listsEveryRunNewestFirstWithItsCounts() throws Exception {
		Runs.Result history = history();
		assertThat(history.status()).as(history.err()).isZero();
		List<String> lines = history.out().lines().toList();
		assertThat(lines.get(0)).startsWith("Lần chạy").contains("Việc", "Năm", "Trạng thái", "Số liệu");
		List<String> rows = rows(history);
		assertThat(rows).hasSize(4);
		List<Long> ids = rows.stream().map(HistoryIntegrationTests::id).toList();
		assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(ids.get(0)).isEqualTo(count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION"));

		long returns = Runs.csv(output.resolve("2026/returns.csv")).size() - 1;
		long issues = Runs.csv(output.resolve("2026/issues.csv")).size() - 1;
		// the run's returns as the run's summary counts them (superseded apart from
		// accepted: "chấp nhận 16" beside "15 returns consolidated" was issue 24's
		// symptom)
		long accepted = count("SELECT COUNT(*) FROM return_record WHERE accepted AND superseded_by IS NULL");
		long rejected = count("SELECT COUNT(*) FROM return_record WHERE NOT accepted");
		long superseded = count("SELECT COUNT(*) FROM return_record WHERE superseded_by IS NOT NULL");
		String consolidated = "báo cáo tổng hợp " + returns + ", phát hiện " + issues;
		assertThat(rows.get(0)).contains("tổng hợp", consolidated, output.toAbsolutePath().normalize().toString());
		assertThat(rows.get(1)).contains(" nhận ",
				"tệp: mới 0, trùng 3, không đọc được 0, bỏ qua 0; báo cáo: chấp nhận 0, từ chối 0, thay thế 0",
				input.toAbsolutePath().normalize().toString());
		assertThat(rows.get(2)).contains("tổng hợp", consolidated);
		assertThat(rows.get(3)).contains(" nhận ",
				"tệp: mới 3, trùng 0, không đọc được 0, bỏ qua 0; báo cáo: chấp nhận " + accepted + ", từ chối "
						+ rejected + ", thay thế " + superseded);
		assertThat(accepted + rejected + superseded).isEqualTo(count("SELECT COUNT(*) FROM return_record"));
		assertThat(returns).isPositive();
		assertThat(rows).allSatisfy((row) -> assertThat(row).contains(" 2026 ", " xong "));
		// aligned: every row has its status where the header has the status column
		int status = lines.get(0).indexOf("Trạng thái");
		assertThat(rows).allSatisfy((row) -> assertThat(row.indexOf(" xong ") + 1).isEqualTo(status));

		Runs.Result last = history("--limit", "1");
		assertThat(rows(last)).hasSize(1).first().satisfies((row) -> assertThat(id(row)).isEqualTo(ids.get(0)));
	}

	@Test
	@Order(2)
	void purgeRemovesTheMetadataOfRunsEndedBeforeTheKeptDaysAndNeverTheReturns() throws Exception {
		long returns = count("SELECT COUNT(*) FROM return_record");
		long values = count("SELECT SUM(LENGTH(indicator_values)) FROM return_record");
		long submissions = count("SELECT COUNT(*) FROM submission");
		long oldest = count("SELECT MIN(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");

		Runs.Result nothing = history("--purge");
		assertThat(nothing.status()).as(nothing.err()).isZero();
		assertThat(nothing.out()).contains("của 0 lần chạy", "giữ 365 ngày");
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(4);

		execute("UPDATE BATCH_JOB_EXECUTION SET START_TIME = TIMESTAMP '2020-01-01 10:00:00',"
				+ " END_TIME = TIMESTAMP '2020-01-01 10:05:00' WHERE JOB_EXECUTION_ID = " + oldest);
		Runs.Result purge = history("--purge", "--keep-days", "0");

		assertThat(purge.status()).as(purge.err()).isZero();
		assertThat(purge.out()).contains("của 1 lần chạy");
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(3);
		for (String table : List.of("BATCH_JOB_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT",
				"BATCH_STEP_EXECUTION")) {
			assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE JOB_EXECUTION_ID = " + oldest)).as(table)
				.isZero();
		}
		assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID NOT IN"
				+ " (SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION)"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM intake_log WHERE job_execution = " + oldest)).isZero();
		assertThat(count("SELECT COUNT(*) FROM return_record")).isEqualTo(returns);
		assertThat(count("SELECT SUM(LENGTH(indicator_values)) FROM return_record")).isEqualTo(values);
		assertThat(count("SELECT COUNT(*) FROM submission")).isEqualTo(submissions);

		List<String> rows = rows(history());
		assertThat(rows).hasSize(3).noneSatisfy((row) -> assertThat(id(row)).isEqualTo(oldest));
	}

	@Test
	@Order(3)
	void badLimitIsABadArgument() {
		Runs.Result history = history("--limit", "0");
		assertThat(history.status()).isEqualTo(2);
		assertThat(history.err()).contains("--limit");
	}

	/** The table rows: lines that start with an execution id. */
	private static List<String> rows(Runs.Result history) {
		return history.out().lines().filter((line) -> line.matches("\\s*[0-9]+\\s.*")).toList();
	}

	private static long id(String row) {
		return Long.parseLong(row.strip().split("\\s+")[0]);
	}

	private static long count(String sql) throws Exception {
		return Runs.count(data, sql);
	}

	private static void execute(String sql) throws Exception {
		try (Connection connection = TestDatabase.connect(data); Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

	/** {@code tonghop history ARGS --data-dir DATA}. */
	private static Runs.Result history(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add(0, "history");
		all.add("--data-dir");
		all.add(data.toString());
		return Runs.tonghop(all.toArray(String[]::new));
	}

}
