package vn.tonghop.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.TestDatabase;
import vn.tonghop.report.CsvReports;
import vn.tonghop.report.FeedbackReports;
import vn.tonghop.report.WorkbookReports;
import vn.tonghop.rollup.Completeness;
import vn.tonghop.rollup.CrossChecks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's files as the summary counts them: every intake log row of the run's executions,
 * in the order stored, however the rows of other runs lie between them and across the
 * pages they are read by.
 */
class FileStatusesIntegrationTests {

	@Test
	void aRunHasTheFilesOfAllItsExecutionsAndNoneOfTheRunsBetween() {
		JdbcTemplate jdbc = database("file-statuses");
		// run 1 has executions 1 and 3 (a restart after another run, 2, in between)
		jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES"
				+ " (1, 0, 'ingestReturnsJob', 'a'), (2, 0, 'ingestReturnsJob', 'b')");
		jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME) VALUES"
				+ " (1, 0, 1, CURRENT_TIMESTAMP), (2, 0, 2, CURRENT_TIMESTAMP), (3, 0, 1, CURRENT_TIMESTAMP)");
		List<Object[]> log = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		long id = 0;
		// more rows than a page, the other run's rows inside the range and at its edges
		for (int execution : new int[] { 2, 1, 2, 3, 1, 2 }) {
			for (int i = 0; i < 700; i++) {
				String file = "e" + execution + "/" + (++id) + ".xlsx";
				String outcome = (i % 3 == 0) ? "SKIPPED" : "UNREADABLE";
				log.add(new Object[] { id, execution, file, outcome });
				if (execution != 2) {
					expected.add(file + " " + outcome);
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO intake_log (id, job_execution, report_year, source_file, outcome, reason)"
				+ " VALUES (?, ?, 2026, ?, ?, 'vì sao')", log);
		FileStatuses statuses = new FileStatuses(jdbc);

		List<String> seen = new ArrayList<>();
		Map<FileStatuses.Status, Long> counts = statuses
			.countRun(1, (line) -> seen.add(line.sourceFile() + " " + line.status().name()))
			.statuses();

		assertThat(seen).containsExactlyElementsOf(expected);
		assertThat(counts).containsEntry(FileStatuses.Status.SKIPPED, 3L * 234)
			.containsEntry(FileStatuses.Status.UNREADABLE, 3L * 466)
			.containsEntry(FileStatuses.Status.ACCEPTED, 0L);
		List<String> other = new ArrayList<>();
		statuses.ofRun(2, (line) -> other.add(line.sourceFile()));
		assertThat(other).hasSize(3 * 700).allMatch((file) -> file.startsWith("e2/"));
		List<String> none = new ArrayList<>();
		statuses.ofRun(9, (line) -> none.add(line.sourceFile()));
		assertThat(none).isEmpty();
	}

	/**
	 * The summary's counts of files and returns come from the same pass as the statuses:
	 * the returns counted are those of the files the run stored, each once, also when the
	 * run met the same bytes again or restarted; a duplicate of another run's file brings
	 * no return.
	 */
	@Test
	void aRunCountsTheReturnsOfTheFilesItStoredOnce() {
		JdbcTemplate jdbc = database("file-statuses-counts");
		jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES"
				+ " (1, 0, 'ingestReturnsJob', 'a'), (2, 0, 'ingestReturnsJob', 'b')");
		jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME) VALUES"
				+ " (1, 0, 1, CURRENT_TIMESTAMP), (2, 0, 2, CURRENT_TIMESTAMP), (3, 0, 1, CURRENT_TIMESTAMP)");
		java.sql.Timestamp now = java.sql.Timestamp.valueOf("2026-01-02 03:04:05");
		// a.xlsx stored by run 1, c.xlsx by run 2 (between run 1's executions), b.xlsx by
		// run 1's restart
		long[][] submissions = { { 1, 1 }, { 3, 2 }, { 2, 3 } };
		String[] names = { "a.xlsx", "c.xlsx", "b.xlsx" };
		for (int i = 0; i < 3; i++) {
			jdbc.update(
					"INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
							+ " job_execution, ingested_at) VALUES (?, 2026, ?, ?, 1, ?, 'ACCEPTED', ?, ?)",
					submissions[i][0], String.valueOf(i).repeat(64), names[i], now, submissions[i][1], now);
		}
		Object[][] returns = { { 1, "U1", true, "v1" }, { 1, "U2", true, null }, { 1, "U3", false, "v1" },
				{ 2, "U4", true, "v2" }, { 3, "U5", true, "v1" } };
		for (Object[] r : returns) {
			jdbc.update(
					"INSERT INTO return_record (submission_id, report_year, sheet, union_code, accepted,"
							+ " template_version, last_modified) VALUES (?, 2026, 'S', ?, ?, ?, ?)",
					r[0], r[1], r[2], r[3], now);
		}
		jdbc.update("INSERT INTO intake_log (id, job_execution, report_year, source_file, outcome, submission_id)"
				+ " VALUES (1, 1, 2026, 'a.xlsx', 'NEW', 1), (2, 1, 2026, 'a - copy.xlsx', 'DUPLICATE', 1),"
				+ " (3, 2, 2026, 'c.xlsx', 'NEW', 3), (4, 3, 2026, 'b.xlsx', 'NEW', 2),"
				+ " (5, 3, 2026, 'c again.xlsx', 'DUPLICATE', 3), (6, 3, 2026, '~$a.xlsx', 'SKIPPED', NULL)");

		List<String> seen = new ArrayList<>();
		FileStatuses.RunCounts counts = new FileStatuses(jdbc).countRun(1, (line) -> seen.add(line.sourceFile()));

		assertThat(seen).containsExactly("a.xlsx", "a - copy.xlsx", "b.xlsx", "c again.xlsx", "~$a.xlsx");
		assertThat(counts.outcomes()).containsExactly(Map.entry("DUPLICATE", 2L), Map.entry("NEW", 2L),
				Map.entry("SKIPPED", 1L));
		assertThat(counts.statuses()).containsEntry(FileStatuses.Status.ACCEPTED, 2L)
			.containsEntry(FileStatuses.Status.DUPLICATE, 2L)
			.containsEntry(FileStatuses.Status.SKIPPED, 1L)
			.containsEntry(FileStatuses.Status.REJECTED, 0L);
		assertThat(counts.returns()).isEqualTo(new FileStatuses.ReturnCounts(3, 1, 0));
		assertThat(counts.templateVersions()).containsExactly(Map.entry("", 1L), Map.entry("v1", 2L),
				Map.entry("v2", 1L));
	}

	@Test
	void aYearHasEachFileOnceAsLastSeenAcrossPages() {
		JdbcTemplate jdbc = database("file-statuses-year");
		List<Object[]> log = new ArrayList<>();
		long id = 0;
		// three nights: the first skips every file, the later ones find some unreadable;
		// another year's files between
		for (String outcome : new String[] { "SKIPPED", "UNREADABLE", "UNREADABLE" }) {
			for (int file = 0; file < 2500; file++) {
				if (outcome.equals("SKIPPED") || file % 2 == 0) {
					log.add(new Object[] { ++id, 2026, String.format("f%05d.xlsx", file), outcome });
					log.add(new Object[] { ++id, 2025, String.format("f%05d.xlsx", file), "SKIPPED" });
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO intake_log (id, job_execution, report_year, source_file, outcome, reason)"
				+ " VALUES (?, 1, ?, ?, ?, 'vì sao')", log);

		List<String> lines = new ArrayList<>();
		new FileStatuses(jdbc).ofYear(2026, (line) -> lines.add(line.sourceFile() + " " + line.status().name()));

		assertThat(lines).hasSize(2500);
		assertThat(lines).first().isEqualTo("f00000.xlsx UNREADABLE");
		assertThat(lines.get(1)).isEqualTo("f00001.xlsx SKIPPED");
		assertThat(lines).last().isEqualTo("f02499.xlsx SKIPPED");
		assertThat(lines).isSorted();
	}

	@Test
	void aConditionOnTheReturnsKeepsTheFilesWhoseReturnsAllMeetItAsFilesCsvHasThem() {
		JdbcTemplate jdbc = database("file-statuses-within");
		java.sql.Timestamp now = java.sql.Timestamp.valueOf("2026-01-02 03:04:05");
		// 1: one return of 75; 2: returns of 75 and 01; 3: one of no province; 4: two of
		// 75, one rejected; a duplicate of 1; a skipped file; an older look of 1's path
		// at a file of 01 (which the latest look replaced)
		String[][] submissions = { { "1", "a.xlsx" }, { "2", "b.xlsx" }, { "3", "c.xlsx" }, { "4", "d.xlsx" },
				{ "5", "old.xlsx" } };
		for (String[] submission : submissions) {
			jdbc.update(
					"INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
							+ " ingested_at) VALUES (?, 2026, ?, ?, 1, ?, 'ACCEPTED', ?)",
					Long.valueOf(submission[0]), submission[0].repeat(64), submission[1], now, now);
		}
		Object[][] returns = { { 1, "75", true }, { 2, "75", true }, { 2, "01", true }, { 3, null, false },
				{ 4, "75", true }, { 4, "75", false }, { 5, "01", true } };
		for (Object[] r : returns) {
			jdbc.update("INSERT INTO return_record (submission_id, report_year, sheet, union_code, province_code,"
					+ " accepted, last_modified) VALUES (?, 2026, 'S', 'U', ?, ?, ?)", r[0], r[1], r[2], now);
		}
		Object[][] log = { { 1, "a.xlsx", "NEW", 5 }, { 2, "a.xlsx", "NEW", 1 }, { 3, "b.xlsx", "NEW", 2 },
				{ 4, "c.xlsx", "NEW", 3 }, { 5, "d.xlsx", "NEW", 4 }, { 6, "e.xlsx", "DUPLICATE", 1 },
				{ 7, "f.tmp", "SKIPPED", null } };
		for (Object[] row : log) {
			jdbc.update("INSERT INTO intake_log (id, job_execution, report_year, source_file, outcome, submission_id)"
					+ " VALUES (?, 1, 2026, ?, ?, ?)", row[0], row[1], row[2], row[3]);
		}
		FileStatuses statuses = new FileStatuses(jdbc);
		List<String> all = new ArrayList<>();
		statuses.ofYear(2026, (line) -> all.add(line.sourceFile() + " " + line.status().name()));
		List<String> dongNai = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		statuses.ofYear(2026, "r.province_code IN ('75')", (row) -> {
			dongNai.add(row.line().sourceFile() + " " + row.line().status().name());
			ids.add(row.logId());
		});
		List<String> everything = new ArrayList<>();
		statuses.ofYear(2026, (String) null,
				(row) -> everything.add(row.line().sourceFile() + " " + row.line().status().name()));

		assertThat(all).containsExactly("a.xlsx ACCEPTED", "b.xlsx ACCEPTED", "c.xlsx REJECTED", "d.xlsx ACCEPTED",
				"e.xlsx DUPLICATE", "f.tmp SKIPPED");
		assertThat(everything).isEqualTo(all);
		assertThat(dongNai).containsExactly("a.xlsx ACCEPTED", "d.xlsx ACCEPTED", "e.xlsx DUPLICATE");
		assertThat(ids).containsExactly(2L, 5L, 6L);
		assertThat(statuses.countYear(2026, "r.province_code IN ('75')").files())
			.containsEntry(FileStatuses.Status.ACCEPTED, 2L)
			.containsEntry(FileStatuses.Status.DUPLICATE, 1L)
			.containsEntry(FileStatuses.Status.REJECTED, 0L);
		assertThat(statuses.returnsOfYear(2026, "r.province_code IN ('75')"))
			.isEqualTo(new FileStatuses.ReturnCounts(3, 1, 0));
		assertThat(statuses.returnsOfYear(2026)).isEqualTo(new FileStatuses.ReturnCounts(5, 2, 0));
		assertThat(statuses.within(1, "r.province_code IN ('75')")).isTrue();
		assertThat(statuses.within(2, "r.province_code IN ('75')")).isFalse();
		assertThat(statuses.within(3, "r.province_code IN ('75')")).isFalse();
		assertThat(statuses.within(3, null)).isTrue();
		assertThat(statuses.ofPath(2026, "a.xlsx")).get()
			.satisfies((row) -> assertThat(row.logId()).isEqualTo(2L))
			.satisfies((row) -> assertThat(row.submission()).isEqualTo(1L));
		assertThat(statuses.ofPath(2026, "nothing.xlsx")).isEmpty();
	}

	/**
	 * Regression: a page of a year's files read every row after the page's start and
	 * sorted them, for each page (files.csv took 91.6 s at 150,000 files): H2 must read
	 * the page in the order of the index and stop after it.
	 */
	@Test
	void aPageOfAYearsFilesIsReadInTheOrderOfTheIndex() {
		Assumptions.assumeFalse(TestDatabase.postgresql(), "H2's plan");
		JdbcTemplate jdbc = database("file-statuses-plan");
		String plan = jdbc.queryForObject("EXPLAIN " + FileStatuses.YEAR_PAGE, String.class, 2026, "");
		assertThat(plan).contains("INTAKE_LOG_FILE").contains("index sorted");
	}

	/**
	 * Regression: what became of each file's returns, the unions with more than one
	 * current return and each union's current returns were read from every return's row
	 * (about 1 KB with its values: 4.2, 5.7 and 3.2 s at 150,000 returns); the indexes
	 * hold all these queries ask for. The submissions with findings were found by going
	 * through every submission (6 s with no finding at all).
	 */
	@Test
	void passesOverTheYearsReturnsReadIndexesAlone() {
		Assumptions.assumeFalse(TestDatabase.postgresql(), "H2's plan");
		JdbcTemplate jdbc = database("return-record-plans");
		assertThat(jdbc.queryForObject("EXPLAIN " + FileStatuses.returnsOf(List.of(1L, 2L, 3L)), String.class))
			.contains("RETURN_RECORD_SUBMISSION_VERSION")
			.as("the ids written out, which H2 looks up in a set, not parameters it compares one by one")
			.contains("IN(1, 2, 3)");
		assertThat(jdbc.queryForObject("EXPLAIN " + ReturnStore.UNIONS_WITH_MORE_THAN_ONE, String.class, 2026))
			.contains("RETURN_RECORD_UNION_CURRENT");
		assertThat(jdbc.queryForObject("EXPLAIN " + Completeness.RECEIVED_UP_TO, String.class, 2026, "A", "B", 1L))
			.contains("RETURN_RECORD_UNION_CURRENT")
			.as("one union after the other from the index, not all of them held at once")
			.contains("/* group sorted */");
		// a few returns, so that H2 weighs the indexes by rows rather than on an empty
		// table
		java.sql.Timestamp now = java.sql.Timestamp.valueOf("2026-01-02 03:04:05");
		jdbc.update("INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
				+ " ingested_at) VALUES (1, 2026, ?, 'a.xlsx', 1, ?, 'ACCEPTED', ?)", "0".repeat(64), now, now);
		List<Object[]> returns = new java.util.ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			returns.add(new Object[] { "U" + i, "0" + (i % 9), now });
		}
		jdbc.batchUpdate("INSERT INTO return_record (submission_id, report_year, sheet, union_code, province_code,"
				+ " accepted, last_modified) VALUES (1, 2026, 'S', ?, ?, TRUE, ?)", returns);
		assertThat(jdbc.queryForObject("EXPLAIN " + Completeness.UNION_PAGE_END, String.class, 2026, "A"))
			.contains("RETURN_RECORD_UNION_CURRENT")
			.contains("/* index sorted */");
		assertThat(jdbc.queryForObject("EXPLAIN " + WorkbookReports.FINDINGS_PAGE, String.class, 0L, 2026))
			.as("the workbook's findings read a page at a time from the findings' key, in its order")
			.containsPattern("FINDING[\\s\\S]*PRIMARY_KEY_[0-9A-F]+: ID > \\?1")
			.contains("/* index sorted */");
		assertThat(jdbc.queryForObject("EXPLAIN " + Completeness.REGISTRY_PAGE, String.class, 2026, 2026, 1L, 0))
			.contains("REGISTRY_ENTRY_ROW")
			.contains("/* index sorted */");
		assertThat(jdbc.queryForObject("EXPLAIN " + CrossChecks.DELETE_STALE, String.class, 2026))
			.as("each finding's return looked up by its key, not the set of the year's return ids made (and kept"
					+ " with the cached statement)")
			.containsPattern("PRIMARY_KEY_[0-9A-F]+: ID = F.RETURN_ID")
			.doesNotContain("IN(SELECT");
		assertThat(jdbc.queryForObject("EXPLAIN " + FileRanges.PAGE_END, String.class, 2026, ""))
			.contains("SUBMISSION_FILE")
			.contains("/* index sorted */");
		assertThat(jdbc.queryForObject("EXPLAIN " + FeedbackReports.WITH_FINDINGS, String.class, 2026, "a", "b"))
			.as("a range of file names' submissions, each looked up in the findings, not all current returns")
			.contains("SUBMISSION_FILE")
			.contains("/* index sorted */")
			.doesNotContain("SUPERSEDED_BY IS NULL */");
		assertThat(jdbc.queryForObject("EXPLAIN " + CsvReports.ISSUES, String.class, 2026, "a", "b"))
			.as("issues.csv: a range of file names' submissions, then their findings")
			.containsPattern("SUBMISSION_FILE[\\s\\S]*\"FINDING\" \"F\"\\s*/\\* [A-Z_.0-9]+: SUBMISSION_ID = S.ID");
	}

	private static JdbcTemplate database(String name) {
		DriverManagerDataSource dataSource = TestDatabase.fresh(name);
		TestDatabase.flyway(dataSource).load().migrate();
		return new JdbcTemplate(dataSource);
	}

}
