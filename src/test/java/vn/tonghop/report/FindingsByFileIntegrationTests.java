package vn.tonghop.report;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
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
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.intake.FileNames;
import vn.tonghop.store.FileRanges;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;
import vn.tonghop.testing.ValidReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * issues.csv and the feedback step's list of files read the year's files a range of names
 * at a time: over 1,300 submissions (names given twice, in capitals and with Vietnamese
 * letters, another year's among them), every finding and every file with findings comes
 * once, in the order a single sorted query gives (the database's own order of names).
 * (H2's plans: {@code FileStatusesIntegrationTests}.)
 */
@SpringBootTest(classes = TonghopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:findings-by-file;DB_CLOSE_DELAY=-1")
class FindingsByFileIntegrationTests {

	/** issues.csv as one query sorted whole gave it. */
	private static final String ALL_ISSUES = "SELECT s.source_file, f.sheet, f.cell, f.union_code, f.rule,"
			+ " f.severity, f.message FROM finding f JOIN submission s ON s.id = f.submission_id"
			+ " LEFT JOIN return_record r ON r.id = f.return_id"
			+ " WHERE s.report_year = ? AND (r.id IS NULL OR r.superseded_by IS NULL) ORDER BY s.source_file, f.id";

	private static final String[] FOLDERS = { "Đà Nẵng/", "da nang/", "DA NANG/", "Hà Nội/", "", "z/" };

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgresql() && TestDatabase.unreachable() == null) {
			registry.add("spring.datasource.url", () -> TestDatabase.freshPostgresql("findingsbyfile"));
			registry.add("spring.datasource.username", () -> "postgres");
		}
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CsvReports csv;

	@Autowired
	FeedbackReports feedback;

	@TempDir
	Path output;

	@BeforeEach
	void submissions() {
		this.jdbc.update("DELETE FROM finding");
		this.jdbc.update("UPDATE return_record SET superseded_by = NULL");
		this.jdbc.update("DELETE FROM return_record");
		this.jdbc.update("DELETE FROM submission");
		Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4));
		List<Object[]> submissions = new ArrayList<>();
		List<Object[]> returns = new ArrayList<>();
		List<Object[]> findings = new ArrayList<>();
		for (int id = 1; id <= 1320; id++) {
			// every 7th name is given again by a later submission, every 11th is of 2025
			int name = (id % 7 == 0) ? id - 3 : id;
			String file = FOLDERS[name % FOLDERS.length] + "cđcs " + (name * 7919 % 1000) + ".xlsx";
			submissions
				.add(new Object[] { id, (id % 11 == 0) ? 2025 : 2026, String.format("%064d", id), file, now, now });
			// a list's two returns (the first superseded every 5th time), or none at all
			if (id % 3 != 0) {
				returns.add(new Object[] { 2L * id, id, "U" + id + "a", (id % 5 == 0) ? 2L * id + 1 : null, now });
				returns.add(new Object[] { 2L * id + 1, id, "U" + id + "b", null, now });
			}
			for (int f = 0; f < id % 4; f++) {
				Long returnId = (id % 3 == 0) ? null : Long.valueOf(2L * id + (f % 2));
				findings.add(new Object[] { id, returnId, "C" + id + "." + f });
			}
		}
		this.jdbc.batchUpdate("INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified,"
				+ " status, ingested_at) VALUES (?, ?, ?, ?, 1, ?, 'ACCEPTED', ?)", submissions);
		this.jdbc.batchUpdate(
				"INSERT INTO return_record (id, submission_id, report_year, sheet, union_code,"
						+ " accepted, last_modified) VALUES (?, ?, 2026, 'S', ?, TRUE, ?)",
				returns.stream().map((r) -> new Object[] { r[0], r[1], r[2], r[4] }).toList());
		this.jdbc.batchUpdate("UPDATE return_record SET superseded_by = ? WHERE id = ?",
				returns.stream().filter((r) -> r[3] != null).map((r) -> new Object[] { r[3], r[0] }).toList());
		this.jdbc.batchUpdate("INSERT INTO finding (submission_id, return_id, sheet, cell, union_code, rule, severity,"
				+ " message) VALUES (?, ?, 'S', ?, 'U', 'W01', 'WARNING', 'm')", findings);
	}

	@Test
	void issuesComeOnceInTheOrderOfOneSortedQuery() throws Exception {
		List<List<String>> expected = this.jdbc.query(ALL_ISSUES, (rs, n) -> {
			List<String> row = new ArrayList<>();
			for (int i = 1; i <= 7; i++) {
				row.add(rs.getString(i).strip());
			}
			return row;
		}, 2026);

		long written = this.csv.writeIssues(this.output, 2026);

		List<String[]> rows;
		try (Reader reader = Files.newBufferedReader(this.output.resolve("2026/issues.csv"), StandardCharsets.UTF_8);
				CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build())
					.build()) {
			rows = csv.readAll();
		}
		List<List<String>> read = rows.subList(1, rows.size()).stream().map(List::of).toList();
		assertThat(expected).hasSizeGreaterThan(1000);
		assertThat(read).isEqualTo(expected);
		assertThat(written).isEqualTo(expected.size());
		assertThat(this.csv.writeIssues(this.output, 2030)).isZero();
	}

	@Test
	void filesWithFindingsComeOnceInNameOrder() {
		List<String> expected = this.jdbc.queryForList("SELECT s.id || ' ' || s.source_file FROM submission s"
				+ " WHERE s.report_year = 2026 AND EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id)"
				+ " AND EXISTS (SELECT 1 FROM return_record r WHERE r.submission_id = s.id)"
				+ " ORDER BY s.source_file, s.id", String.class);
		List<String> read = new ArrayList<>();
		List<String> unions = new ArrayList<>();
		this.feedback.withFindings(2026, (submission) -> {
			read.add(submission.id() + " " + submission.sourceFile());
			unions.add(submission.unionCode() + " " + submission.unionName());
		});

		assertThat(expected).hasSizeGreaterThan(500);
		assertThat(read).isEqualTo(expected);
		// a list with both returns current is named for its count, one with one for its
		// union
		long id = Long.parseLong(read.get(0).split(" ")[0]);
		assertThat(unions.get(0)).isEqualTo((id % 5 == 0) ? "U" + id + "b null" : " Danh sách 2 công đoàn cơ sở");
		assertThat(unions).contains("U5b null", " Danh sách 2 công đoàn cơ sở");
	}

	/**
	 * The feedback copies of more than one range of names: every file with findings gets
	 * one copy, and each copy lists its own file's findings, not another range's.
	 */
	@Test
	void feedbackCopiesAcrossTheRangesListTheirOwnFindings(@TempDir Path inbox) throws Exception {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", "CD79000123");
		header.put("union_name", "Công đoàn Công ty Ánh Dương");
		header.put("province", "79");
		Path workbook = inbox.resolve("cd.xlsx");
		new ReturnFormWriter(catalogue).write(ValidReturns.content(catalogue, header), FormStyle.standard(), workbook);
		this.jdbc.update("UPDATE submission SET source_path = ?", FileNames.stored(workbook));
		Set<Long> expected = new TreeSet<>();
		this.feedback.withFindings(2026, (submission) -> expected.add(submission.id()));

		long written = this.feedback.write(this.output, 2026);

		// the findings' cells (C<id>.<n>) are listed on each copy's first sheet
		Pattern cell = Pattern.compile("C(\\d+)\\.\\d+");
		Set<Long> listed = new TreeSet<>();
		List<Path> copies;
		try (Stream<Path> files = Files.list(this.output.resolve("2026/" + FeedbackReports.FOLDER))) {
			copies = files.toList();
		}
		for (Path copy : copies) {
			Set<Long> ids = new TreeSet<>();
			try (ZipFile zip = new ZipFile(copy.toFile())) {
				for (ZipEntry entry : Collections.list(zip.entries())) {
					if (entry.getName().startsWith("xl/worksheets/")) {
						Matcher found = cell
							.matcher(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
						while (found.find()) {
							ids.add(Long.valueOf(found.group(1)));
						}
					}
				}
			}
			assertThat(ids).as(copy.toString()).hasSize(1);
			listed.addAll(ids);
		}
		assertThat(expected).hasSizeGreaterThan(500);
		assertThat(written).isEqualTo(expected.size());
		assertThat(copies).hasSize(expected.size());
		assertThat(listed).isEqualTo(expected);
	}

	@Test
	void theRangesCoverEveryNameOnce() {
		List<String> names = new ArrayList<>();
		int[] ranges = { 0 };
		FileRanges.forEach(this.jdbc, 2026, (after, upTo) -> {
			ranges[0]++;
			names.addAll(this.jdbc.queryForList(
					"SELECT s.source_file FROM submission s WHERE s.report_year = 2026"
							+ " AND s.source_file > ? AND s.source_file <= ? ORDER BY s.source_file, s.id",
					String.class, after, upTo));
		});

		assertThat(names).isEqualTo(this.jdbc.queryForList(
				"SELECT source_file FROM submission WHERE report_year = 2026 ORDER BY source_file, id", String.class));
		assertThat(ranges[0]).isBetween(3, 4);
		FileRanges.forEach(this.jdbc, 2030, (after, upTo) -> ranges[0] = -1);
		assertThat(ranges[0]).isPositive();
	}

}
