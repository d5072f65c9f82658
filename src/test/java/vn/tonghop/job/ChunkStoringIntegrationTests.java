package vn.tonghop.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.TestDatabase;
import vn.tonghop.TonghopApplication;
import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.store.ReturnStore;
import vn.tonghop.validate.Finding;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;
import vn.tonghop.validate.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storing a chunk of files in one go stores exactly what storing them one by one does:
 * the same rows with the same ids, the same duplicates; the resubmission decisions taken
 * after storing are the same too (within a chunk, across chunks, older files arriving
 * later, ties), with their W06 findings.
 */
@SpringBootTest(classes = TonghopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:chunks;DB_CLOSE_DELAY=-1")
class ChunkStoringIntegrationTests {

	private static final int YEAR = 2026;

	@Autowired
	WorkbookReader reader;

	@Autowired
	CsvSheetReader csvReader;

	@Autowired
	FormLocator locator;

	@Autowired
	ListLocator lists;

	@Autowired
	ReturnJudge judge;

	@Autowired
	RuleBook rules;

	@Autowired
	Messages messages;

	@TempDir
	Path input;

	private ReceivedFile union;

	private ReceivedFile other;

	@BeforeEach
	void read() throws Exception {
		ReturnFileProcessor processor = new ReturnFileProcessor(this.reader, this.csvReader, this.locator, this.lists,
				this.judge, YEAR);
		this.union = processor.process(copy("form-edited.xlsx"));
		this.other = processor.process(copy("form-libreoffice.xls"));
		assertThat(this.union.returns()).singleElement().satisfies((r) -> assertThat(r.accepted()).isTrue());
		assertThat(this.other.returns()).singleElement().satisfies((r) -> assertThat(r.accepted()).isTrue());
	}

	@Test
	void aChunkStoresWhatItsFilesStoredOneByOneWould() {
		List<ReceivedFile> files = scenario();
		JdbcTemplate single = database("single");
		JdbcTemplate chunked = database("chunked");
		JdbcTemplate whole = database("whole");
		ReturnStore one = store(single);
		for (ReceivedFile file : files) {
			one.store(List.of(file), YEAR, 1);
		}
		for (int from = 0; from < files.size(); from += 4) {
			store(chunked).store(files.subList(from, Math.min(files.size(), from + 4)), YEAR, 1);
		}
		List<ReturnStore.Outcome> outcomes = store(whole).store(files, YEAR, 1);
		assertThat(count(whole, "return_record WHERE superseded_by IS NOT NULL"))
			.as("resubmissions are decided after storing")
			.isZero();
		for (JdbcTemplate jdbc : List.of(single, chunked, whole)) {
			assertThat(store(jdbc).resolveResubmissions(YEAR)).isEqualTo(5);
			assertThat(store(jdbc).resolveResubmissions(YEAR)).as("decided once").isZero();
		}

		assertThat(outcomes).containsExactly(ReturnStore.Outcome.NEW, ReturnStore.Outcome.NEW, ReturnStore.Outcome.NEW,
				ReturnStore.Outcome.DUPLICATE, ReturnStore.Outcome.SKIPPED, ReturnStore.Outcome.UNREADABLE,
				ReturnStore.Outcome.UNREADABLE, ReturnStore.Outcome.NEW, ReturnStore.Outcome.NEW,
				ReturnStore.Outcome.NEW, ReturnStore.Outcome.NEW, ReturnStore.Outcome.NEW);
		// who counts: the tie of 8 with 7 goes to the later ingested; 3 was older than 1;
		// the rejected 11 never supersedes; 12 is older than 8
		assertThat(single.queryForList(
				"SELECT s.source_file FROM return_record r JOIN submission s"
						+ " ON s.id = r.submission_id WHERE r.accepted AND r.superseded_by IS NULL ORDER BY r.id",
				String.class))
			.containsExactly("u-08-tie.xlsx", "v-09-tie.xls");
		assertThat(single.queryForList("SELECT s.source_file FROM finding f JOIN submission s ON s.id = f.submission_id"
				+ " WHERE f.rule = 'W06' ORDER BY f.id", String.class))
			.as("W06 goes on the return that counts at the time; unions in turn")
			.containsExactly("v-09-tie.xls", "u-01.xlsx", "u-07-newer.xlsx", "u-08-tie.xlsx", "u-08-tie.xlsx");
		assertThat(dump(chunked)).isEqualTo(dump(single));
		assertThat(dump(whole)).isEqualTo(dump(single));

		// the same files again: every one a duplicate of its first, or skipped/unreadable
		List<ReturnStore.Outcome> again = store(whole).store(files, YEAR, 2);
		assertThat(again).containsOnly(ReturnStore.Outcome.DUPLICATE, ReturnStore.Outcome.SKIPPED,
				ReturnStore.Outcome.UNREADABLE);
		for (ReceivedFile file : files) {
			store(single).store(List.of(file), YEAR, 2);
		}
		assertThat(store(whole).resolveResubmissions(YEAR)).isZero();
		assertThat(dump(whole)).isEqualTo(dump(single));
	}

	/**
	 * Issue 23, items 1 and 5: bytes that could not be read made every later file with
	 * them a duplicate (a file refused once as too large or too slow was never read
	 * again; 20,000 empty files were duplicates of one another). Only a file read as a
	 * return makes a duplicate: bytes unreadable before are read again, and when they
	 * read, the submission becomes the file's, in a chunk as one by one.
	 */
	@Test
	void onlyAFileReadAsAReturnMakesLaterFilesWithItsBytesDuplicates() {
		List<ReceivedFile> night1 = List.of(unreadable("a-timed-out.xlsx", "c", "Quá thời gian đọc."),
				variant(this.union, "b-read.xlsx", "c", 10), variant(this.union, "c-same-bytes.xlsx", "c", 10),
				unreadable("d-empty.xlsx", "e", "Tệp rỗng (0 byte)."),
				unreadable("e-empty.csv", "e", "Tệp rỗng (0 byte)."),
				unreadable("f-too-large.xls", "f", "Tệp lớn quá giới hạn."));
		List<ReceivedFile> night2 = List.of(unreadable("g-empty.xlsx", "e", "Tệp rỗng (0 byte)."),
				variant(this.other, "f-too-large.xls", "f", 5), variant(this.other, "h-same-bytes.xls", "f", 5),
				unreadable("i-empty.xlsx", "e", "Tệp rỗng (0 byte)."));
		JdbcTemplate single = database("unreadable-single");
		JdbcTemplate whole = database("unreadable-whole");
		for (int night = 1; night <= 2; night++) {
			for (ReceivedFile file : (night == 1) ? night1 : night2) {
				store(single).store(List.of(file), YEAR, night);
			}
		}
		List<ReturnStore.Outcome> first = store(whole).store(night1, YEAR, 1);
		List<ReturnStore.Outcome> second = store(whole).store(night2, YEAR, 2);

		assertThat(first).containsExactly(ReturnStore.Outcome.UNREADABLE, ReturnStore.Outcome.NEW,
				ReturnStore.Outcome.DUPLICATE, ReturnStore.Outcome.UNREADABLE, ReturnStore.Outcome.UNREADABLE,
				ReturnStore.Outcome.UNREADABLE);
		assertThat(second).containsExactly(ReturnStore.Outcome.UNREADABLE, ReturnStore.Outcome.NEW,
				ReturnStore.Outcome.DUPLICATE, ReturnStore.Outcome.UNREADABLE);
		assertThat(dump(whole)).isEqualTo(dump(single));
		assertThat(whole.queryForList(
				"SELECT CONCAT_WS('|', source_file, status, job_execution) FROM submission" + " ORDER BY id",
				String.class))
			.as("one submission for each bytes, that of the file read, in the run that read it")
			.containsExactly("b-read.xlsx|ACCEPTED|1", "d-empty.xlsx|UNREADABLE|1", "f-too-large.xls|ACCEPTED|2");
		assertThat(count(whole, "return_record")).isEqualTo(2);
		assertThat(whole.queryForList(
				"SELECT CONCAT_WS('|', l.source_file, l.outcome, s.source_file) FROM intake_log l"
						+ " JOIN submission s ON s.id = l.submission_id WHERE l.outcome = 'DUPLICATE' ORDER BY l.id",
				String.class))
			.containsExactly("c-same-bytes.xlsx|DUPLICATE|b-read.xlsx", "h-same-bytes.xls|DUPLICATE|f-too-large.xls");
	}

	private ReceivedFile unreadable(String name, String bytes, String reason) {
		return new ReceivedFile(new InputFile(this.input.resolve(name), name), sha(bytes), 10, Instant.EPOCH,
				ReceivedFile.Outcome.UNREADABLE, reason, null);
	}

	private static long count(JdbcTemplate jdbc, String from) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class);
	}

	/** Two unions' resubmissions, duplicates, a skipped and unreadable files. */
	private List<ReceivedFile> scenario() {
		JudgedReturn accepted = this.union.returns().get(0);
		JudgedReturn rejected = new JudgedReturn(accepted.value(),
				List.of(new Finding("R08", Severity.ERROR, "Sheet1", "C7", accepted.value().unionCode(), "sai")));
		List<ReceivedFile> files = new ArrayList<>();
		files.add(variant(this.union, "u-01.xlsx", "1", 10));
		files.add(variant(this.other, "v-02.xls", "2", 5));
		files.add(variant(this.union, "u-03-older.xlsx", "3", 8));
		files.add(variant(this.union, "u-04-same-bytes-as-01.xlsx", "1", 10));
		files.add(new ReceivedFile(new InputFile(this.input.resolve("~$u.xlsx"), "~$u.xlsx"), sha("5"), 10,
				Instant.EPOCH, ReceivedFile.Outcome.SKIPPED, "tệp khóa", null));
		files.add(new ReceivedFile(new InputFile(this.input.resolve("hong.xlsx"), "hong.xlsx"), sha("6"), 10,
				Instant.EPOCH, ReceivedFile.Outcome.UNREADABLE, "hỏng", null));
		files.add(new ReceivedFile(new InputFile(this.input.resolve("khoa.xlsx"), "khoa.xlsx"), null, 0, Instant.EPOCH,
				ReceivedFile.Outcome.UNREADABLE, "không mở được", null));
		files.add(variant(this.union, "u-07-newer.xlsx", "7", 12));
		files.add(variant(this.union, "u-08-tie.xlsx", "8", 12));
		files.add(variant(this.other, "v-09-tie.xls", "9", 5));
		ReceivedFile reject = variant(this.union, "u-10-rejected.xlsx", "a", 20);
		files.add(new ReceivedFile(reject.file(), reject.sha256(), reject.bytes(), reject.lastModified(),
				ReceivedFile.Outcome.READ, null, List.of(rejected)));
		files.add(variant(this.union, "u-11-oldest.xlsx", "b", 1));
		return files;
	}

	private ReceivedFile variant(ReceivedFile file, String name, String bytes, long seconds) {
		return new ReceivedFile(new InputFile(this.input.resolve(name), name), sha(bytes), file.bytes(),
				Instant.ofEpochSecond(1_700_000_000L + seconds), file.outcome(), file.reason(), file.returns());
	}

	private static String sha(String digit) {
		return digit.repeat(64);
	}

	/** Every stored row, ids included, minus the time of storing. */
	private static List<String> dump(JdbcTemplate jdbc) {
		List<String> rows = new ArrayList<>();
		rows.addAll(
				jdbc.queryForList("SELECT CONCAT_WS('|', id, report_year, sha256, source_file, bytes, last_modified,"
						+ " status, reason, job_execution) FROM submission ORDER BY id", String.class));
		rows.addAll(jdbc.queryForList(
				"SELECT CONCAT_WS('|', id, submission_id, union_code, accepted, superseded_by,"
						+ " last_modified, header_cells, indicator_values) FROM return_record ORDER BY id",
				String.class));
		rows.addAll(jdbc.queryForList("SELECT CONCAT_WS('|', id, submission_id, return_id, sheet, cell, union_code,"
				+ " rule, severity, message) FROM finding ORDER BY id", String.class));
		rows.addAll(jdbc.queryForList("SELECT CONCAT_WS('|', id, job_execution, source_file, sha256, bytes, outcome,"
				+ " reason, submission_id) FROM intake_log ORDER BY id", String.class));
		return rows;
	}

	private JdbcTemplate database(String name) {
		DriverManagerDataSource dataSource = TestDatabase.fresh("chunks-" + name);
		TestDatabase.flyway(dataSource).load().migrate();
		return new JdbcTemplate(dataSource);
	}

	private ReturnStore store(JdbcTemplate jdbc) {
		return new ReturnStore(jdbc, this.rules, this.messages);
	}

	private InputFile copy(String sample) throws Exception {
		Path target = this.input.resolve(sample);
		Files.copy(IngestRestartIntegrationTests.sample(sample), target);
		return new InputFile(target, sample);
	}

}
