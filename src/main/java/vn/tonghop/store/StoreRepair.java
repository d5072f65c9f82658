package vn.tonghop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ingest --repair}: removes the submissions of a year that have a damaged return,
 * so that the ingest after it stores their files anew from the inbox (their bytes would
 * otherwise be a duplicate of the damaged submission). A return is damaged as
 * {@link CheckedReturns} says when the outputs read it: its row does not match its
 * checksum, or its values cannot be read.
 * <p>
 * A submission is removed whole, in one transaction: its findings, its returns, the link
 * of its intake log rows (the rows stay, the history of what each run looked at), its
 * feedback failure, the submission itself. The resubmissions of the unions it touched are
 * decided anew by the ingest's {@code resolveResubmissionsStep}: every return of those
 * unions in the year is made current again and their W06 findings removed, so that the
 * step takes them all in ingest order, the files stored again last, as if they had been
 * sent after the others. The return that counts is then the one a database that never was
 * damaged counts (the latest by the file's time), but for two files of a union with the
 * same time, where the one stored again comes last.
 * <p>
 * Costs a pass over the year's returns; only {@code --repair} makes it.
 */
public class StoreRepair {

	/** What an intake log row of a removed submission says instead of its link. */
	static final String UNLINKED = "Dữ liệu đã lưu của tệp này bị hỏng và đã bị xoá (tonghop ingest --repair);"
			+ " tệp được nhận lại khi còn trong hộp thư, nếu không thì cần gửi lại.";

	/** Submissions removed in one statement. */
	private static final int BATCH = 500;

	/** Return ids a query of the scan covers. */
	private static final int PAGE = 500;

	private static final String PREFIX = "ck_";

	private static final String RETURNS = "SELECT s.report_year AS submission_year, "
			+ CheckedReturns.columns("r", PREFIX)
			+ " FROM return_record r LEFT JOIN submission s ON s.id = r.submission_id WHERE r.id BETWEEN ? AND ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final CheckedReturns checked;

	public StoreRepair(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.checked = new CheckedReturns(jdbc);
	}

	/**
	 * A submission removed: its id, its file as files.csv names it, its bytes' SHA-256,
	 * the union codes of its damaged returns as stored, and why each is damaged.
	 */
	public record Removed(long submission, String file, String sha256, List<String> unionCodes, String why) {

		/** The one line that says it was removed. */
		public String line() {
			return "Đã xoá lần nộp số " + this.submission + " (tệp " + this.file + ", báo cáo "
					+ (this.unionCodes.isEmpty() ? "?" : String.join(", ", this.unionCodes))
					+ ") vì dữ liệu đã lưu bị hỏng (" + this.why + ").";
		}

		/** The one line that says its file must be sent again. */
		public String sendAgainLine() {
			return "Tệp " + this.file + " (lần nộp số " + this.submission + " đã xoá) không còn trong hộp thư: cần"
					+ " gửi lại tệp này rồi nhận lại.";
		}

	}

	/** The line that counts the submissions removed for {@code year}. */
	public static String countLine(List<Removed> removed, int year) {
		return removed.isEmpty() ? "Không có báo cáo nào của năm " + year + " bị hỏng; không xoá gì."
				: "Đã xoá " + removed.size() + " lần nộp có dữ liệu hỏng của năm " + year
						+ "; các tệp còn trong hộp thư được nhận lại ngay sau đây.";
	}

	/**
	 * Finds the year's damaged returns and removes their submissions, all in one
	 * transaction; returns the submissions removed, in order of id.
	 */
	public List<Removed> removeDamaged(int year) {
		List<Removed> removed = this.transaction.execute((status) -> {
			List<Removed> found = damaged(year);
			for (int from = 0; from < found.size(); from += BATCH) {
				remove(found.subList(from, Math.min(found.size(), from + BATCH)), year);
			}
			return found;
		});
		return (removed != null) ? removed : List.of();
	}

	/**
	 * The removed submissions whose bytes are not stored again for {@code year}: their
	 * files were not in the inbox the ingest read.
	 */
	public List<Removed> notStoredAgain(List<Removed> removed, int year) {
		List<Removed> missing = new ArrayList<>();
		for (Removed submission : removed) {
			Integer stored = (submission.sha256() == null) ? Integer.valueOf(0)
					: this.jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE report_year = ? AND sha256 = ?"
							+ " AND status <> 'UNREADABLE'", Integer.class, year, submission.sha256());
			if (stored == null || stored == 0) {
				missing.add(submission);
			}
		}
		return missing;
	}

	/**
	 * The submissions with a damaged return of the year: every return in the id range of
	 * the year's returns is checked (a damage may have changed the year of a row, which
	 * the consolidation's reading by id range meets too), and counts for the year when
	 * its own year or its submission's is the year.
	 */
	private List<Removed> damaged(int year) {
		Map<String, Object> range = this.jdbc
			.queryForMap("SELECT MIN(id) AS low, MAX(id) AS high FROM return_record WHERE report_year = ?", year);
		if (range.get("low") == null) {
			return List.of();
		}
		long low = ((Number) range.get("low")).longValue();
		long high = ((Number) range.get("high")).longValue();
		Map<Long, Damage> damaged = new LinkedHashMap<>();
		for (long from = low; from <= high; from += PAGE) {
			this.jdbc.query(RETURNS, (ResultSet rs) -> {
				String why = this.checked.damage(rs, PREFIX);
				if (why == null) {
					return;
				}
				int at = rs.findColumn(PREFIX + "id");
				int submissionYear = rs.getInt("submission_year");
				boolean ofSubmission = !rs.wasNull();
				if (rs.getInt(at + 2) != year && !(ofSubmission && submissionYear == year)) {
					return;
				}
				long submission = rs.getLong(at + 1);
				String code = rs.getString(at + 4);
				damaged.computeIfAbsent(submission, (id) -> new Damage()).add((code != null) ? code.strip() : "?", why);
			}, from, Math.min(high, from + PAGE - 1));
		}
		List<Removed> removed = new ArrayList<>();
		damaged.keySet().stream().sorted().forEach((submission) -> {
			Damage damage = damaged.get(submission);
			List<Map<String, Object>> row = this.jdbc
				.queryForList("SELECT source_file, sha256 FROM submission WHERE id = ?", submission);
			String file = row.isEmpty() ? "?" : (String) row.get(0).get("source_file");
			String sha256 = row.isEmpty() ? null : ((String) row.get(0).get("sha256")).strip();
			removed
				.add(new Removed(submission, file, sha256, List.copyOf(damage.codes), String.join("; ", damage.why)));
		});
		return removed;
	}

	/** The damaged returns of one submission: their codes and why. */
	private static final class Damage {

		private final Set<String> codes = new LinkedHashSet<>();

		private final Set<String> why = new LinkedHashSet<>();

		void add(String code, String why) {
			this.codes.add(code);
			this.why.add(why);
		}

	}

	/**
	 * Removes the submissions and what hangs on them, and makes the resubmissions of the
	 * unions they touched to be decided anew (see the class's comment).
	 */
	private void remove(List<Removed> submissions, int year) {
		StringJoiner ids = new StringJoiner(", ", "(", ")");
		submissions.forEach((submission) -> ids.add(Long.toString(submission.submission())));
		String returns = "SELECT id FROM return_record WHERE submission_id IN " + ids;
		// the unions touched: those of the removed returns, of the returns they
		// superseded and of those that superseded them (a damaged union code is not its
		// union's; the links name the right one)
		Set<String> unions = new LinkedHashSet<>(this.jdbc
			.queryForList(
					"SELECT DISTINCT union_code FROM return_record WHERE submission_id IN " + ids
							+ " OR superseded_by IN (" + returns
							+ ") OR id IN (SELECT superseded_by FROM return_record WHERE submission_id IN " + ids + ")",
					String.class));
		List<String> codes = new ArrayList<>(unions);
		String touched = "report_year = ? AND union_code IN (" + placeholders(codes.size()) + ")";
		Object[] touchedArgs = new Object[codes.size() + 1];
		touchedArgs[0] = year;
		for (int i = 0; i < codes.size(); i++) {
			touchedArgs[i + 1] = codes.get(i);
		}
		if (!codes.isEmpty()) {
			this.jdbc.update("DELETE FROM finding WHERE rule = 'W06' AND return_id IN (SELECT id FROM return_record"
					+ " WHERE " + touched + ")", touchedArgs);
			this.jdbc.update(
					"UPDATE return_record SET superseded_by = NULL WHERE superseded_by IS NOT NULL AND " + touched,
					touchedArgs);
		}
		this.jdbc.update("DELETE FROM finding WHERE submission_id IN " + ids + " OR return_id IN (" + returns + ")");
		this.jdbc.update("UPDATE return_record SET superseded_by = NULL WHERE superseded_by IN (" + returns
				+ ") OR submission_id IN " + ids);
		this.jdbc.update("DELETE FROM return_record WHERE submission_id IN " + ids);
		this.jdbc.update("UPDATE intake_log SET submission_id = NULL, reason = ? WHERE submission_id IN " + ids,
				UNLINKED);
		this.jdbc.update("DELETE FROM feedback_failure WHERE submission_id IN " + ids);
		this.jdbc.update("DELETE FROM submission WHERE id IN " + ids);
	}

	private static String placeholders(int n) {
		StringJoiner marks = new StringJoiner(", ");
		for (int i = 0; i < n; i++) {
			marks.add("?");
		}
		return marks.toString();
	}

}
