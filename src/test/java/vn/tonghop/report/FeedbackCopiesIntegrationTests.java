package vn.tonghop.report;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.tonghop.TestDatabase;
import vn.tonghop.TonghopApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback copies written several at a time: the same copies, under the same names,
 * as one at a time, across more than one range of file names; two files whose names
 * flatten to one get that name and the next in the order of their names; a file that
 * cannot be copied, is gone or is a CSV list leaves no file behind; each file finds its
 * own copy again ({@link FeedbackReports#copyOf}).
 */
@SpringBootTest(classes = TonghopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:feedback-copies;DB_CLOSE_DELAY=-1")
class FeedbackCopiesIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgresql() && TestDatabase.unreachable() == null) {
			registry.add("spring.datasource.url", () -> TestDatabase.freshPostgresql("feedbackcopies"));
			registry.add("spring.datasource.username", () -> "postgres");
		}
	}

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path work;

	private final List<String> withCopies = new ArrayList<>();

	private int id;

	@BeforeEach
	void submissions() throws Exception {
		this.jdbc.update("DELETE FROM finding");
		this.jdbc.update("DELETE FROM return_record");
		this.jdbc.update("DELETE FROM submission");
		for (int i = 0; i < 30; i++) {
			submission(String.format("f-%02d.xlsx", i), Kind.WORKBOOK);
		}
		submission("a/b.xlsx", Kind.WORKBOOK);
		submission("a__b.xlsx", Kind.WORKBOOK);
		submission("x/y.xlsx", Kind.DAMAGED);
		submission("x__y.xlsx", Kind.WORKBOOK);
		submission("gone.xlsx", Kind.GONE);
		submission("list.csv", Kind.WORKBOOK);
		// more than a range of names, with no findings
		for (int i = 0; i < 600; i++) {
			submission(String.format("m-%03d.xlsx", i), Kind.NO_FINDINGS);
		}
	}

	@Test
	void severalAtATimeWriteWhatOneAtATimeWrites() throws Exception {
		Path one = this.work.resolve("one");
		Path three = this.work.resolve("three");

		long writtenByOne = new FeedbackReports(this.jdbc, 1).write(one, 2026);
		long writtenByThree = new FeedbackReports(this.jdbc, 3).write(three, 2026);

		Map<String, String> byOne = copies(one);
		assertThat(writtenByOne).isEqualTo(33);
		assertThat(writtenByThree).isEqualTo(33);
		assertThat(copies(three)).isEqualTo(byOne);
		assertThat(byOne.values()).containsExactlyInAnyOrderElementsOf(this.withCopies);
		// the first of two names that flatten to one, in the database's order, keeps it
		List<String> pair = this.jdbc.queryForList("SELECT source_file FROM submission"
				+ " WHERE source_file IN ('a/b.xlsx', 'a__b.xlsx') ORDER BY source_file, id", String.class);
		assertThat(byOne).containsEntry("a__b.xlsx", pair.get(0)).containsEntry("a__b (2).xlsx", pair.get(1));
		// the damaged file's name, taken while its range was written, is given up then
		List<String> damaged = this.jdbc.queryForList("SELECT source_file FROM submission"
				+ " WHERE source_file IN ('x/y.xlsx', 'x__y.xlsx') ORDER BY source_file, id", String.class);
		assertThat(byOne).containsEntry(damaged.get(0).equals("x/y.xlsx") ? "x__y (2).xlsx" : "x__y.xlsx", "x__y.xlsx");
	}

	@Test
	void eachFileFindsItsOwnCopyUnderTheNameItWasWritten() throws Exception {
		Path output = this.work.resolve("output");
		FeedbackReports reports = new FeedbackReports(this.jdbc, 2);
		reports.write(output, 2026);

		Map<String, String> found = new TreeMap<>();
		for (Object[] submission : this.jdbc.query("SELECT id, source_file FROM submission ORDER BY id",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })) {
			reports.copyOf(output, 2026, (Long) submission[0])
				.ifPresent((copy) -> assertThat(found.put(copy.getFileName().toString(), (String) submission[1]))
					.as("a copy found for two files")
					.isNull());
		}
		Map<String, String> copies = copies(output);
		assertThat(copies).containsKeys("a__b.xlsx", "a__b (2).xlsx").containsValue("x__y.xlsx");
		assertThat(found).isEqualTo(copies);
	}

	private enum Kind {

		WORKBOOK, DAMAGED, GONE, NO_FINDINGS

	}

	private void submission(String name, Kind kind) throws Exception {
		int submission = ++this.id;
		Path source = this.work.resolve("in").resolve(name);
		Files.createDirectories(source.getParent());
		if (kind == Kind.DAMAGED) {
			Files.writeString(source, "not a workbook", StandardCharsets.UTF_8);
		}
		else if (kind == Kind.WORKBOOK) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(source)) {
				Sheet sheet = workbook.createSheet("S");
				for (int r = 0; r < 5; r++) {
					Row row = sheet.createRow(r);
					for (int c = 0; c < 3; c++) {
						row.createCell(c).setCellValue(r * 10 + c);
					}
				}
				workbook.write(out);
			}
			if (!name.endsWith(".csv")) {
				this.withCopies.add(name);
			}
		}
		Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4));
		this.jdbc.update(
				"INSERT INTO submission (id, report_year, sha256, source_file, source_path, bytes,"
						+ " last_modified, status, ingested_at) VALUES (?, 2026, ?, ?, ?, 1, ?, 'ACCEPTED', ?)",
				submission, String.format("%064d", submission), name, source.toString(), now, now);
		this.jdbc.update(
				"INSERT INTO return_record (id, submission_id, report_year, sheet, union_code, accepted,"
						+ " last_modified) VALUES (?, ?, 2026, 'S', ?, TRUE, ?)",
				submission, submission, "U" + submission, now);
		if (kind != Kind.NO_FINDINGS) {
			this.jdbc.update(
					"INSERT INTO finding (submission_id, return_id, sheet, cell, union_code, rule, severity,"
							+ " message) VALUES (?, ?, 'S', 'B2', ?, 'W01', 'WARNING', ?)",
					submission, submission, "U" + submission, "msg " + name);
		}
	}

	/** Each copy in the folder by name, with the file its feedback sheet is about. */
	private static Map<String, String> copies(Path output) throws Exception {
		Map<String, String> copies = new TreeMap<>();
		try (Stream<Path> files = Files.list(output.resolve("2026").resolve(FeedbackReports.FOLDER))) {
			for (Path copy : files.toList()) {
				try (InputStream in = Files.newInputStream(copy); Workbook workbook = WorkbookFactory.create(in)) {
					String about = null;
					for (Row row : workbook.getSheetAt(0)) {
						for (Cell cell : row) {
							if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("msg ")) {
								about = cell.getStringCellValue().substring(4);
							}
						}
					}
					copies.put(copy.getFileName().toString(), about);
				}
			}
		}
		return copies;
	}

}
