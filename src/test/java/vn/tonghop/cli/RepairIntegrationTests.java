package vn.tonghop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 11, "tell how to recover (re-ingest from the inbox)": re-ingesting the
 * inbox did not repair a damaged return, since its file's bytes were already a submission
 * and the ingest called the file a duplicate, leaving the damaged rows. Now
 * {@code ingest --repair} removes the submissions with a damaged return and stores their
 * files anew, and the consolidation gives what an undamaged database gives. On H2 and
 * PostgreSQL.
 */
class RepairIntegrationTests {

	private static final String SAMPLES = "input-samples/2026";

	@TempDir
	Path work;

	/** A stored return that counts, as the test damages it. */
	record Stored(long id, long submission, String unionCode, String file, String values) {
	}

	@Test
	void repairStoresADamagedReturnAgainAndConsolidatesAsAnUndamagedRun() throws Exception {
		Path data = this.work.resolve("data");
		run(SAMPLES, data, this.work.resolve("first"));
		run(SAMPLES, this.work.resolve("undamaged"), this.work.resolve("expected"));
		// a return that supersedes another: its supersession must be decided again
		Stored target = counted(data, true);
		damage(data, target);

		Runs.Result failed = consolidate(data);
		assertThat(failed.status()).as(failed.err()).isEqualTo(1);
		assertThat(failed.err().lines().filter((line) -> !line.isBlank()).toList()).singleElement()
			.asString()
			.startsWith("Dữ liệu đã lưu của báo cáo " + target.unionCode() + " năm 2026")
			.contains("lần nộp số " + target.submission(), "tonghop ingest --repair --input <hộp thư> --year 2026");

		Runs.Result repair = Runs.tonghop("ingest", "--repair", "--input", SAMPLES, "--year", "2026", "--data-dir",
				data.toString());

		assertThat(repair.status()).as(repair.err()).isZero();
		assertThat(repair.out())
			.contains("Đã xoá lần nộp số " + target.submission() + " (tệp " + target.file() + ", báo cáo "
					+ target.unionCode() + ") vì dữ liệu đã lưu bị hỏng (không khớp tổng kiểm tra).")
			.contains("Đã xoá 1 lần nộp có dữ liệu hỏng của năm 2026")
			.contains("Đã nhận lại 1/1 tệp của các lần nộp đã xoá.")
			.doesNotContain("cần gửi lại");
		assertThat(Runs.count(data, "SELECT COUNT(*) FROM submission WHERE id = " + target.submission())).isZero();

		Runs.Result consolidate = consolidate(data);
		assertThat(consolidate.status()).as(consolidate.err()).isZero();
		for (String file : List.of("returns.csv", "by-province.csv", "issues.csv", "files.csv")) {
			assertThat(Runs.csv(this.work.resolve("output/2026/" + file))).as(file)
				.containsExactlyElementsOf(Runs.csv(this.work.resolve("expected/2026/" + file)));
		}
	}

	/**
	 * A superseded return damaged: its union's resubmissions are decided again, with one
	 * W06, as in a database never damaged (left as they were, the return that superseded
	 * it got a second W06 when the file was stored again).
	 */
	@Test
	void repairOfASupersededReturnDecidesItsUnionsResubmissionsAgain() throws Exception {
		Path inbox = copy(Path.of(SAMPLES), this.work.resolve("inbox"));
		String earlier = "ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-1.xlsx";
		Path later = inbox.resolve("ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-2.xlsx");
		Files.setLastModifiedTime(inbox.resolve(earlier),
				FileTime.fromMillis(Files.getLastModifiedTime(later).toMillis() - 86_400_000L));
		Path data = this.work.resolve("data");
		run(inbox.toString(), data, this.work.resolve("first"));
		run(inbox.toString(), this.work.resolve("undamaged"), this.work.resolve("expected"));
		Stored target = stored(data, earlier);
		assertThat(Runs.count(data,
				"SELECT COUNT(*) FROM return_record WHERE id = " + target.id() + " AND superseded_by IS NOT NULL"))
			.isOne();
		damage(data, target);

		Runs.Result repair = Runs.tonghop("ingest", "--repair", "--input", inbox.toString(), "--year", "2026",
				"--data-dir", data.toString());

		assertThat(repair.status()).as(repair.err()).isZero();
		assertThat(repair.out()).contains("Đã xoá lần nộp số " + target.submission() + " (tệp " + earlier);
		Runs.Result consolidate = consolidate(data);
		assertThat(consolidate.status()).as(consolidate.err()).isZero();
		for (String file : List.of("returns.csv", "by-province.csv", "issues.csv", "files.csv")) {
			assertThat(Runs.csv(this.work.resolve("output/2026/" + file))).as(file)
				.containsExactlyElementsOf(Runs.csv(this.work.resolve("expected/2026/" + file)));
		}
		assertThat(Runs.count(data, "SELECT COUNT(*) FROM finding WHERE rule = 'W06'")).isOne();
	}

	@Test
	void repairNamesTheFileToSendAgainWhenItIsNoLongerInTheInbox() throws Exception {
		Path inbox = copy(Path.of(SAMPLES), this.work.resolve("inbox"));
		Path data = this.work.resolve("data");
		run(inbox.toString(), data, this.work.resolve("first"));
		// a return no other supersedes or is superseded by
		Stored target = counted(data, false);
		damage(data, target);
		Files.delete(inbox.resolve(target.file()));

		Runs.Result repair = Runs.tonghop("ingest", "--repair", "--input", inbox.toString(), "--year", "2026",
				"--data-dir", data.toString());

		assertThat(repair.status()).as(repair.err()).isZero();
		assertThat(repair.out()).contains("Đã xoá lần nộp số " + target.submission() + " (tệp " + target.file())
			.contains("Tệp " + target.file() + " (lần nộp số " + target.submission()
					+ " đã xoá) không còn trong hộp thư: cần gửi lại tệp này rồi nhận lại.")
			.contains("Đã nhận lại 0/1 tệp của các lần nộp đã xoá; 1 tệp cần gửi lại.");
		assertThat(Runs.count(data, "SELECT COUNT(*) FROM return_record WHERE id = " + target.id())).isZero();

		Runs.Result consolidate = consolidate(data);
		assertThat(consolidate.status()).as(consolidate.err()).isZero();
		List<String[]> returns = Runs.csv(this.work.resolve("output/2026/returns.csv"));
		List<String[]> before = Runs.csv(this.work.resolve("first/2026/returns.csv"));
		assertThat(Runs.column(returns, "source_file")).doesNotContain(target.file());
		assertThat(returns).hasSize(before.size() - 1);
	}

	/**
	 * Without {@code --repair} an ingest is what it was: the damaged return stays, its
	 * file a duplicate, and the consolidation still fails.
	 */
	@Test
	void ingestWithoutRepairLeavesADamagedReturn() throws Exception {
		Path data = this.work.resolve("data");
		run(SAMPLES, data, this.work.resolve("first"));
		Stored target = counted(data, false);
		String flipped = damage(data, target);

		Runs.Result ingest = Runs.tonghop("ingest", "--input", SAMPLES, "--year", "2026", "--data-dir",
				data.toString());

		assertThat(ingest.status()).as(ingest.err()).isZero();
		assertThat(ingest.out()).doesNotContain("Đã xoá");
		assertThat(Runs.count(data, "SELECT COUNT(*) FROM submission WHERE id = " + target.submission())).isOne();
		assertThat(values(data, target.id())).isEqualTo(flipped);
		Runs.Result consolidate = consolidate(data);
		assertThat(consolidate.status()).as(consolidate.err()).isEqualTo(1);
		assertThat(consolidate.err()).contains("lần nộp số " + target.submission());
	}

	@Test
	void repairOfAnUndamagedDatabaseRemovesNothing() throws Exception {
		Path data = this.work.resolve("data");
		run(SAMPLES, data, this.work.resolve("first"));
		long submissions = Runs.count(data, "SELECT COUNT(*) FROM submission");

		Runs.Result repair = Runs.tonghop("ingest", "--repair", "--input", SAMPLES, "--year", "2026", "--data-dir",
				data.toString());

		assertThat(repair.status()).as(repair.err()).isZero();
		assertThat(repair.out()).contains("Không có báo cáo nào của năm 2026 bị hỏng; không xoá gì.")
			.doesNotContain("Đã xoá");
		assertThat(Runs.count(data, "SELECT COUNT(*) FROM submission")).isEqualTo(submissions);
	}

	private static void run(String input, Path data, Path output) {
		Runs.Result run = Runs.tonghop("run", "--input", input, "--year", "2026", "--output", output.toString(),
				"--data-dir", data.toString());
		assertThat(run.status()).as(run.err()).isZero();
	}

	private Runs.Result consolidate(Path data) {
		return Runs.tonghop("consolidate", "--year", "2026", "--output", this.work.resolve("output").toString(),
				"--data-dir", data.toString());
	}

	/** Two digits of the return's first number swapped; returns the values so damaged. */
	private static String damage(Path data, Stored target) throws Exception {
		String flipped = DamagedStoreIntegrationTests.flipFirstNumber(target.values());
		assertThat(flipped).isNotEqualTo(target.values());
		try (Connection connection = TestDatabase.connect(data);
				PreparedStatement update = connection
					.prepareStatement("UPDATE return_record SET indicator_values = ? WHERE id = ?")) {
			update.setString(1, flipped);
			update.setLong(2, target.id());
			assertThat(update.executeUpdate()).isOne();
		}
		return flipped;
	}

	private static String values(Path data, long id) throws Exception {
		try (Connection connection = TestDatabase.connect(data);
				PreparedStatement select = connection
					.prepareStatement("SELECT indicator_values FROM return_record WHERE id = ?")) {
			select.setLong(1, id);
			try (ResultSet rs = select.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return rs.getString(1);
			}
		}
	}

	/** The return of the file {@code file}. */
	private static Stored stored(Path data, String file) throws Exception {
		try (Connection connection = TestDatabase.connect(data);
				PreparedStatement select = connection
					.prepareStatement("SELECT r.id, r.submission_id, r.union_code, s.source_file, r.indicator_values"
							+ " FROM return_record r JOIN submission s ON s.id = r.submission_id"
							+ " WHERE s.source_file = ?")) {
			select.setString(1, file);
			try (ResultSet rs = select.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3).strip(), rs.getString(4),
						rs.getString(5));
			}
		}
	}

	/**
	 * The return that counts with the lowest id that supersedes another one
	 * ({@code superseding}), or whose union has no other return and whose file has no
	 * copy of its bytes in the inbox.
	 */
	private static Stored counted(Path data, boolean superseding) throws Exception {
		String others = superseding
				? "SELECT 1 FROM return_record o WHERE o.report_year = 2026 AND o.superseded_by = r.id"
				: "SELECT 1 FROM return_record o WHERE o.report_year = 2026 AND o.id <> r.id"
						+ " AND o.union_code = r.union_code UNION ALL SELECT 1 FROM intake_log l"
						+ " WHERE l.submission_id = r.submission_id AND l.source_file <> s.source_file";
		try (Connection connection = TestDatabase.connect(data);
				PreparedStatement select = connection
					.prepareStatement("SELECT r.id, r.submission_id, r.union_code, s.source_file, r.indicator_values"
							+ " FROM return_record r JOIN submission s ON s.id = r.submission_id WHERE r.accepted"
							+ " AND r.superseded_by IS NULL AND r.report_year = 2026 AND " + (superseding ? "" : "NOT ")
							+ "EXISTS (" + others + ") ORDER BY r.id");
				ResultSet rs = select.executeQuery()) {
			assertThat(rs.next()).isTrue();
			return new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3).strip(), rs.getString(4), rs.getString(5));
		}
	}

	/** A copy of a folder, each file with its time. */
	private static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
		return to;
	}

}
