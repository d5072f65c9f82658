package vn.tonghop.report;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.tonghop.TestDatabase;
import vn.tonghop.TonghopApplication;
import vn.tonghop.report.workbook.FindingRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook's findings, read a page at a time by id: every finding of the year's
 * returns that are not superseded (and of files without a return), each once, in id
 * order, across several pages; none of another year or of a superseded return.
 */
@SpringBootTest(classes = TonghopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:workbook-findings;DB_CLOSE_DELAY=-1")
class WorkbookFindingsIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgresql() && TestDatabase.unreachable() == null) {
			registry.add("spring.datasource.url", () -> TestDatabase.freshPostgresql("workbookfindings"));
			registry.add("spring.datasource.username", () -> "postgres");
		}
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkbookReports reports;

	@Test
	void everyFindingOfTheYearOnceInIdOrderAcrossPages() {
		Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4));
		for (int id = 1; id <= 2; id++) {
			this.jdbc.update(
					"INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
							+ " ingested_at) VALUES (?, ?, ?, ?, 1, ?, 'ACCEPTED', ?)",
					id, 2024 + id, String.valueOf(id).repeat(64), "f" + id + ".xlsx", now, now);
		}
		for (long id = 1; id <= 3; id++) {
			this.jdbc.update("INSERT INTO return_record (id, submission_id, report_year, sheet, union_code, accepted,"
					+ " last_modified) VALUES (?, 2, 2026, 'S', ?, TRUE, ?)", id, "U" + id, now);
		}
		this.jdbc.update("UPDATE return_record SET superseded_by = 2 WHERE id = 1");
		List<Object[]> findings = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= 2345; i++) {
			// another year's file, a superseded return, a current one, no return at all
			int kind = i % 4;
			long submission = (kind == 0) ? 1 : 2;
			Long returnId = (kind == 1) ? Long.valueOf(1) : (kind == 2) ? Long.valueOf(3) : null;
			findings.add(new Object[] { submission, returnId, "C" + i });
			if (kind >= 2) {
				expected.add("C" + i);
			}
		}
		this.jdbc.batchUpdate("INSERT INTO finding (submission_id, return_id, sheet, cell, union_code, rule, severity,"
				+ " message) VALUES (?, ?, 'S', ?, 'U', 'W01', 'WARNING', 'm')", findings);

		List<String> cells = new ArrayList<>();
		for (FindingRow row : this.reports.findings(2026)) {
			cells.add(row.cell());
		}

		assertThat(expected).hasSizeGreaterThan(1000);
		assertThat(cells).isEqualTo(expected);
		assertThat(this.reports.findings(2030)).isEmpty();
	}

}
