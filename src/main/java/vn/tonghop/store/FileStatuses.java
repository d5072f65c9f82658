package vn.tonghop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What became of every file the intake looked at, one status each (accepted, rejected,
 * superseded, duplicate, unreadable, skipped) with the reason for people: the rows of
 * {@code files.csv} and of the run's summary. Read from the intake log and the returns
 * stored, page by page, so that any number of files takes the same memory.
 */
public class FileStatuses {

	private static final int PAGE = 1000;

	private final JdbcTemplate jdbc;

	public FileStatuses(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A file's status. */
	public enum Status {

		/** At least one of its returns counts in the consolidation. */
		ACCEPTED("đã nhận"),
		/** Read, but every return has an error: nothing of it counts. */
		REJECTED("bị từ chối"),
		/** Accepted, then replaced by a later return of the same union. */
		SUPERSEDED("bị thay thế"),
		/**
		 * The same bytes as a file read before as a return: counted once, as that file
		 * (never those of a file that could not be read).
		 */
		DUPLICATE("trùng"),
		/** Not a return the tool can read: damaged, protected, not a workbook. */
		UNREADABLE("không đọc được"),
		/** Not meant to be read: lock files, other documents, links. */
		SKIPPED("bỏ qua");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		/** As {@code files.csv} writes it. */
		public String csv() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** In Vietnamese, for the summary. */
		public String label() {
			return this.label;
		}

	}

	/**
	 * Files by status in words, every status in the order of {@link Status}: "đã nhận 15,
	 * bị từ chối 9, …", as the run's summary and the workbook's "Thông tin" print them.
	 */
	public static String describe(Map<Status, Long> counts) {
		StringBuilder text = new StringBuilder();
		for (Status status : Status.values()) {
			text.append((text.length() > 0) ? ", " : "")
				.append(status.label())
				.append(' ')
				.append(counts.getOrDefault(status, 0L));
		}
		return text.toString();
	}

	/**
	 * One file.
	 *
	 * @param sourceFile its path relative to the input folder
	 * @param sha256 the checksum of its bytes, or null when it could not be opened
	 * @param bytes its size, or null when unknown
	 * @param status what became of it
	 * @param reason why, for people; empty for a file whose returns all count
	 */
	public record Line(String sourceFile, String sha256, Long bytes, Status status, String reason) {
	}

	/**
	 * A line of {@code files.csv} with the rows it was made from.
	 *
	 * @param logId the intake log row of the file's latest look
	 * @param submission the stored submission of its bytes (for a duplicate, that of the
	 * file it duplicates), or null when none was stored (skipped, or unreadable before
	 * storing)
	 * @param line the line
	 */
	public record Row(long logId, Long submission, Line line) {
	}

	/**
	 * Every file looked at for year {@code year}, by path, each as the intake last saw it
	 * (a file seen by every night's run is one line).
	 */
	public void ofYear(int year, Consumer<Line> lines) {
		ofYear(year, ProvinceScope.all(), lines);
	}

	/**
	 * The same for the files of {@code scope} only ({@link #inScope}): a file whose
	 * province is not known (one not read, one with no return) is in no scope.
	 */
	public void ofYear(int year, ProvinceScope scope, Consumer<Line> lines) {
		String page = YEAR_PAGE.replace(YEAR_PAGE_ORDER, inScope(scope) + YEAR_PAGE_ORDER);
		// by path, newest look first: the first row of each path is kept; the next page
		// starts after the last path of this one (whose first row was already seen)
		String after = "";
		String previous = null;
		while (true) {
			List<Seen> rows = this.jdbc.query(page, FileStatuses::seen, year, after);
			List<Seen> latest = new ArrayList<>();
			for (Seen row : rows) {
				if (!row.sourceFile().equals(previous)) {
					latest.add(row);
					previous = row.sourceFile();
				}
			}
			emit(latest, (row, returns, line) -> lines.accept(line));
			if (rows.size() < PAGE) {
				return;
			}
			after = rows.get(rows.size() - 1).sourceFile();
		}
	}

	/**
	 * The lines of {@link #ofYear(int, Consumer)} of the files whose returns all meet
	 * {@code returns}, an SQL condition on a return {@code r} ({@code return_record}),
	 * such as the provinces someone may see ({@code r.province_code IN ('75')}); a file
	 * with no return (skipped, unreadable) meets none. With {@code returns} null, every
	 * file: the lines of {@code files.csv}. Each line is as it is there, with the rows it
	 * was made from: the condition only leaves lines out. For a scope of provinces, the
	 * same files as {@link #ofYear(int, ProvinceScope, Consumer)}.
	 */
	public void ofYear(int year, String returns, Consumer<Row> rows) {
		// by path, newest look first: the first row of each path is kept; the next page
		// starts after the last path of this one (whose first row was already seen)
		String after = "";
		String previous = null;
		while (true) {
			List<Seen> page = this.jdbc.query(YEAR_PAGE, FileStatuses::seen, year, after);
			List<Seen> latest = new ArrayList<>();
			for (Seen row : page) {
				if (!row.sourceFile().equals(previous)) {
					latest.add(row);
					previous = row.sourceFile();
				}
			}
			emit(within(latest, returns), (row, of, line) -> rows.accept(new Row(row.id(), row.submission(), line)));
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).sourceFile();
		}
	}

	/**
	 * The line of one file of year {@code year}, as {@code files.csv} has it, when the
	 * intake looked at a file of that path (relative to the input folder, as
	 * {@code files.csv} names it).
	 */
	public Optional<Row> ofPath(int year, String sourceFile) {
		List<Seen> rows = this.jdbc.query(
				SELECT + " WHERE l.report_year = ? AND l.source_file = ?"
						+ " ORDER BY l.report_year, l.source_file, l.id DESC FETCH FIRST 1 ROWS ONLY",
				FileStatuses::seen, year, sourceFile);
		List<Row> found = new ArrayList<>(1);
		emit(rows, (row, returns, line) -> found.add(new Row(row.id(), row.submission(), line)));
		return found.stream().findFirst();
	}

	/**
	 * The rows whose submission has returns, all meeting {@code returns}; all of them
	 * when it is null.
	 */
	private List<Seen> within(List<Seen> rows, String returns) {
		if (returns == null) {
			return rows;
		}
		List<Long> ids = rows.stream()
			.filter((row) -> row.submission() != null)
			.map(Seen::submission)
			.distinct()
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Set<Long> kept = new HashSet<>(this.jdbc.queryForList(allReturnsMeet(ids, returns), Long.class));
		return rows.stream().filter((row) -> row.submission() != null && kept.contains(row.submission())).toList();
	}

	/**
	 * Whether the file of submission {@code submission} is one that
	 * {@link #ofYear(int, String, Consumer)} lists for {@code returns}: it has returns
	 * and all of them meet it; any file when it is null.
	 */
	public boolean within(long submission, String returns) {
		return returns == null
				|| !this.jdbc.queryForList(allReturnsMeet(List.of(submission), returns), Long.class).isEmpty();
	}

	/**
	 * The submissions of {@code ids} that have returns, every one of which meets
	 * {@code returns} (a return for which it is unknown, such as a province code compared
	 * when there is none, does not).
	 */
	static String allReturnsMeet(List<Long> ids, String returns) {
		return "SELECT s.id FROM submission s WHERE s.id IN (" + numbers(ids) + ")"
				+ " AND EXISTS (SELECT 1 FROM return_record r WHERE r.submission_id = s.id)"
				+ " AND NOT EXISTS (SELECT 1 FROM return_record r WHERE r.submission_id = s.id" + " AND CASE WHEN ("
				+ returns + ") THEN 0 ELSE 1 END = 1)";
	}

	/**
	 * Every file an ingest run (a job instance, over all its executions) looked at, in
	 * the order it was stored. Read page by page of intake log ids between the run's
	 * first and last row, with only that range in the condition so that the database
	 * reads it by the primary key; the rows of other runs in the range are left out here.
	 * (Given the run's executions as well, H2 read all the run's rows through their index
	 * and sorted them for each page: 2.3 s at 20,000 files.)
	 */
	public void ofRun(long jobInstance, Consumer<Line> lines) {
		ofRun(jobInstance, (row, returns, line) -> lines.accept(line));
	}

	/** A file's line, with the intake log row and the returns it was made from. */
	@FunctionalInterface
	private interface Visitor {

		void visit(Seen row, Returns returns, Line line);

	}

	private void ofRun(long jobInstance, Visitor visitor) {
		List<Long> executions = this.jdbc.queryForList(
				"SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?", Long.class, jobInstance);
		if (executions.isEmpty()) {
			return;
		}
		String in = String.join(",", Collections.nCopies(executions.size(), "?"));
		Map<String, Object> range = this.jdbc.queryForMap(
				"SELECT MIN(id) AS low, MAX(id) AS high FROM intake_log WHERE job_execution IN (" + in + ")",
				executions.toArray());
		if (range.get("low") == null) {
			return;
		}
		long low = ((Number) range.get("low")).longValue();
		long high = ((Number) range.get("high")).longValue();
		String sql = SELECT + " WHERE l.id BETWEEN ? AND ? ORDER BY l.id";
		for (long from = low; from <= high; from += PAGE) {
			List<Seen> rows = new ArrayList<>();
			this.jdbc.query(sql, (rs) -> {
				if (executions.contains(rs.getLong(11))) {
					rows.add(seen(rs, 0));
				}
			}, from, Math.min(high, from + PAGE - 1));
			emit(rows, visitor);
		}
	}

	/**
	 * What an ingest run did, counted in one pass over its files ({@link #ofRun}); the
	 * counts are defined in the README, "What the counts mean".
	 *
	 * @param outcomes the files by what the store made of them (NEW, DUPLICATE,
	 * UNREADABLE, SKIPPED), those present only
	 * @param statuses the files by status, every status present, in the order of
	 * {@link Status}
	 * @param returns the returns in the files the run stored: accepted (counting),
	 * rejected, superseded
	 * @param templateVersions the returns the run stored by the template version they
	 * name, "" for none
	 */
	public record RunCounts(Map<String, Long> outcomes, Map<Status, Long> statuses, ReturnCounts returns,
			Map<String, Long> templateVersions) {
	}

	/**
	 * Returns judged, by what became of them: {@code accepted} count in the consolidation
	 * (a row of returns.csv each, once the run is consolidated), {@code rejected} have an
	 * error, {@code superseded} were accepted and then replaced by a later return of the
	 * same union. Each return is one of the three.
	 */
	public record ReturnCounts(long accepted, long rejected, long superseded) {

		public long judged() {
			return this.accepted + this.rejected + this.superseded;
		}

	}

	/**
	 * What the year holds: its files by status, as {@code files.csv} lists them (the same
	 * lines, {@link #ofYear}), every status present; and its returns.
	 */
	public record YearCounts(Map<Status, Long> files, ReturnCounts returns) {

		public long totalFiles() {
			return this.files.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * The year's returns by what became of them, as {@link ReturnCounts} defines (a
	 * scope's condition may follow).
	 */
	static final String YEAR_RETURNS = "SELECT COALESCE(SUM(CASE WHEN r.accepted AND r.superseded_by IS NULL"
			+ " THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN r.accepted THEN 0 ELSE 1 END), 0),"
			+ " COALESCE(SUM(CASE WHEN r.accepted AND r.superseded_by IS NOT NULL THEN 1 ELSE 0 END), 0)"
			+ " FROM return_record r WHERE r.report_year = ?";

	/**
	 * Counts year {@code year}: its files in one pass over the lines of
	 * {@code files.csv}, its returns in one query.
	 */
	public YearCounts countYear(int year) {
		return countYear(year, ProvinceScope.all());
	}

	/** The same for the files and returns of {@code scope} only. */
	public YearCounts countYear(int year, ProvinceScope scope) {
		Map<Status, Long> files = emptyCounts();
		ofYear(year, scope, (line) -> files.merge(line.status(), 1L, Long::sum));
		return new YearCounts(Collections.unmodifiableMap(files), returnsOfYear(year, scope));
	}

	/**
	 * Counts the files of year {@code year} whose returns all meet {@code returns} (as
	 * {@link #ofYear(int, String, Consumer)} lists them) and the returns that meet it;
	 * all of them when it is null.
	 */
	public YearCounts countYear(int year, String returns) {
		Map<Status, Long> files = emptyCounts();
		ofYear(year, returns, (row) -> files.merge(row.line().status(), 1L, Long::sum));
		return new YearCounts(Collections.unmodifiableMap(files), returnsOfYear(year, returns));
	}

	/**
	 * The year's returns that meet {@code returns}, an SQL condition on the return
	 * {@code r} (all of them when null), by what became of them.
	 */
	public ReturnCounts returnsOfYear(int year, String returns) {
		return this.jdbc.queryForObject((returns != null) ? YEAR_RETURNS + " AND (" + returns + ")" : YEAR_RETURNS,
				(rs, n) -> new ReturnCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)), year);
	}

	/** The year's returns by what became of them. */
	public ReturnCounts returnsOfYear(int year) {
		return returnsOfYear(year, ProvinceScope.all());
	}

	/** The year's returns of the provinces of {@code scope} by what became of them. */
	public ReturnCounts returnsOfYear(int year, ProvinceScope scope) {
		return this.jdbc.queryForObject(YEAR_RETURNS + scope.and("r.province_code"),
				(rs, n) -> new ReturnCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)), year);
	}

	/**
	 * The condition, on an intake log row {@code l}, that the file is in {@code scope}:
	 * the latest look at its path stored a submission with a return of one of the scope's
	 * provinces (so every look at a path is in or out together, and files.csv keeps the
	 * latest). "" for all provinces.
	 */
	static String inScope(ProvinceScope scope) {
		if (scope.isAll()) {
			return "";
		}
		String latest = " FROM intake_log n JOIN return_record x ON x.submission_id = n.submission_id"
				+ " WHERE n.id = (SELECT MAX(m.id) FROM intake_log m WHERE m.report_year = l.report_year"
				+ " AND m.source_file = l.source_file)";
		return " AND EXISTS (SELECT 1" + latest + ") AND NOT EXISTS (SELECT 1" + latest
				+ scope.outside("x.province_code") + ")";
	}

	/**
	 * The condition that submission {@code s} is in {@code scope}: one of its returns is
	 * of one of the scope's provinces. "" for all provinces.
	 */
	public static String submissionInScope(ProvinceScope scope, String submission) {
		if (scope.isAll()) {
			return "";
		}
		return " AND EXISTS (SELECT 1 FROM return_record x WHERE x.submission_id = " + submission + ")"
				+ " AND NOT EXISTS (SELECT 1 FROM return_record x WHERE x.submission_id = " + submission
				+ scope.outside("x.province_code") + ")";
	}

	private static Map<Status, Long> emptyCounts() {
		Map<Status, Long> counts = new LinkedHashMap<>();
		for (Status status : Status.values()) {
			counts.put(status, 0L);
		}
		return counts;
	}

	/**
	 * Counts what an ingest run did; each file is also given to {@code each}, in the
	 * order of {@link #ofRun}. The returns counted are those of the files the run stored
	 * (outcome NEW): a duplicate's returns were counted by the run that stored them.
	 */
	public RunCounts countRun(long jobInstance, Consumer<Line> each) {
		Map<String, Long> outcomes = new TreeMap<>();
		Map<Status, Long> statuses = emptyCounts();
		long[] returned = new long[3];
		Map<String, Long> versions = new TreeMap<>();
		ofRun(jobInstance, (row, returns, line) -> {
			outcomes.merge(row.outcome(), 1L, Long::sum);
			statuses.merge(line.status(), 1L, Long::sum);
			if (returns != null && "NEW".equals(row.outcome())) {
				returned[0] += returns.counting;
				returned[1] += returns.rejected;
				returned[2] += returns.superseded;
				returns.versions.forEach((version, n) -> versions.merge(version, n, Long::sum));
			}
			each.accept(line);
		});
		return new RunCounts(Collections.unmodifiableMap(outcomes), Collections.unmodifiableMap(statuses),
				new ReturnCounts(returned[0], returned[1], returned[2]), Collections.unmodifiableMap(versions));
	}

	/**
	 * An intake log row with its submission (columns 1–10, {@link #seen}), its run, and
	 * why the last consolidation could not make its submission's feedback copy (column
	 * 12).
	 */
	private static final String SELECT = "SELECT l.id, l.source_file, l.sha256, l.bytes, l.outcome, l.reason,"
			+ " l.submission_id, s.source_file, s.status, s.reason, l.job_execution, ff.reason FROM intake_log l"
			+ " LEFT JOIN submission s ON s.id = l.submission_id"
			+ " LEFT JOIN feedback_failure ff ON ff.submission_id = l.submission_id";

	/**
	 * A page of {@link #ofYear}: year, then the last path of the page before. The order
	 * names the year too, as the index {@code intake_log_file} does: only then does H2
	 * read the page in the index's order and stop after it; without it, it read and
	 * sorted every row after the page's start, for each page (files.csv took 91.6 s at
	 * 150,000 files).
	 */
	static final String YEAR_PAGE = SELECT + " WHERE l.report_year = ? AND l.source_file > ?"
			+ " ORDER BY l.report_year, l.source_file, l.id DESC LIMIT " + PAGE;

	/** Where a scope's condition goes in {@link #YEAR_PAGE}. */
	private static final String YEAR_PAGE_ORDER = " ORDER BY l.report_year";

	/** An intake log row with its submission. */
	private record Seen(long id, String sourceFile, String sha256, Long bytes, String outcome, String reason,
			Long submission, String submissionFile, String submissionStatus, String submissionReason,
			String noFeedback) {
	}

	private static Seen seen(ResultSet rs, int n) throws SQLException {
		return new Seen(rs.getLong(1), rs.getString(2), rs.getString(3),
				(rs.getObject(4) != null) ? rs.getLong(4) : null, rs.getString(5).strip(), rs.getString(6),
				(rs.getObject(7) != null) ? rs.getLong(7) : null, rs.getString(8),
				(rs.getString(9) != null) ? rs.getString(9).strip() : null, rs.getString(10), rs.getString(12));
	}

	/** A page of rows: their returns read at once, then each row's line. */
	private void emit(List<Seen> rows, Visitor visitor) {
		Map<Long, Returns> returns = returns(rows);
		for (Seen row : rows) {
			Returns of = returns.get(row.submission());
			visitor.visit(row, of, line(row, of));
		}
	}

	private static Line line(Seen row, Returns returns) {
		String reason = (row.reason() != null) ? row.reason() : "";
		switch (row.outcome()) {
			case "SKIPPED":
				return new Line(row.sourceFile(), row.sha256(), row.bytes(), Status.SKIPPED, reason);
			case "UNREADABLE":
				return new Line(row.sourceFile(), row.sha256(), row.bytes(), Status.UNREADABLE, reason);
			default:
				break;
		}
		if (row.submission() == null) {
			return new Line(row.sourceFile(), row.sha256(), row.bytes(), Status.UNREADABLE, reason);
		}
		if (!row.sourceFile().equals(row.submissionFile())) {
			return new Line(row.sourceFile(), row.sha256(), row.bytes(), Status.DUPLICATE,
					"Cùng nội dung với tệp " + row.submissionFile() + " đã nhận, chỉ tính một lần.");
		}
		if ("UNREADABLE".equals(row.submissionStatus())) {
			return new Line(row.sourceFile(), row.sha256(), row.bytes(), Status.UNREADABLE,
					(row.submissionReason() != null) ? row.submissionReason() : "");
		}
		Returns r = (returns != null) ? returns : new Returns();
		Status status = (r.counting > 0) ? Status.ACCEPTED : (r.superseded > 0) ? Status.SUPERSEDED : Status.REJECTED;
		return new Line(row.sourceFile(), row.sha256(), row.bytes(), status,
				withFeedback(r.reason(status), row.noFeedback()));
	}

	/** The reason, and why the file has no feedback copy when it has none. */
	static String withFeedback(String reason, String noFeedback) {
		if (noFeedback == null) {
			return reason;
		}
		String feedback = NO_FEEDBACK + noFeedback.strip() + (noFeedback.strip().endsWith(".") ? "" : ".");
		return reason.isEmpty() ? feedback : reason + " " + feedback;
	}

	/** How a file's line in files.csv begins to say that it has no feedback copy. */
	public static final String NO_FEEDBACK = "Không có bản phản hồi: ";

	/** What became of the returns of one submission. */
	private static final class Returns {

		private long counting;

		private long superseded;

		private long rejected;

		/** The files of the returns that replaced this file's, in order of first seen. */
		private final List<String> supersededBy = new ArrayList<>();

		/** Error findings by rule, of the rejected returns. */
		private final Map<String, Long> errors = new TreeMap<>();

		/** The returns by the template version they name, "" for none. */
		private final Map<String, Long> versions = new TreeMap<>();

		long total() {
			return this.counting + this.superseded + this.rejected;
		}

		String reason(Status status) {
			List<String> parts = new ArrayList<>();
			if (status == Status.ACCEPTED && this.counting < total()) {
				parts.add(this.counting + "/" + total() + " báo cáo được tính");
			}
			if (status == Status.REJECTED && total() == 0) {
				return "Không có báo cáo nào trong tệp.";
			}
			if (this.superseded > 0) {
				parts.add(((status == Status.SUPERSEDED) ? "Được thay bằng báo cáo gửi sau trong "
						: this.superseded + " báo cáo được thay bằng báo cáo gửi sau trong ")
						+ String.join(", ", this.supersededBy));
			}
			if (this.rejected > 0) {
				StringBuilder errors = new StringBuilder();
				this.errors.forEach((rule, n) -> errors.append((errors.length() > 0) ? ", " : "")
					.append(rule)
					.append((n > 1) ? "×" + n : ""));
				parts.add(((status == Status.REJECTED) ? "Có lỗi" : this.rejected + " báo cáo bị từ chối vì có lỗi")
						+ ((errors.length() > 0) ? " " + errors : "") + " (xem issues.csv)");
			}
			String reason = String.join("; ", parts);
			return reason.isEmpty() ? "" : Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
		}

	}

	/**
	 * What became of the returns of the submissions {@code ids}, read from the index
	 * {@code return_record_submission_version} without the returns' rows (which hold
	 * their values), but for those superseded. The ids are written into the statement: H2
	 * checks each row it reads against a list of parameters one by one (a page of 1,000
	 * submissions made a million comparisons), against a list of numbers in a set.
	 */
	static String returnsOf(List<Long> ids) {
		return "SELECT r.submission_id, r.accepted, r.superseded_by, w.source_file, r.template_version"
				+ " FROM return_record r"
				+ " LEFT JOIN return_record n ON n.id = r.superseded_by LEFT JOIN submission w ON w.id = n.submission_id"
				+ " WHERE r.submission_id IN (" + numbers(ids) + ") ORDER BY r.id";
	}

	/** Ids written out for an {@code IN} list (numbers, never text). */
	private static String numbers(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	/** The returns of the page's submissions, each with what became of it. */
	private Map<Long, Returns> returns(List<Seen> rows) {
		List<Long> ids = rows.stream()
			.filter((row) -> row.submission() != null)
			.map(Seen::submission)
			.distinct()
			.toList();
		Map<Long, Returns> returns = new HashMap<>();
		if (ids.isEmpty()) {
			return returns;
		}
		this.jdbc.query(returnsOf(ids), (rs) -> {
			Returns r = returns.computeIfAbsent(rs.getLong(1), (id) -> new Returns());
			String version = rs.getString(5);
			r.versions.merge((version != null) ? version : "", 1L, Long::sum);
			if (!rs.getBoolean(2)) {
				r.rejected++;
			}
			else if (rs.getObject(3) != null) {
				r.superseded++;
				String by = rs.getString(4);
				if (by != null && !r.supersededBy.contains(by) && r.supersededBy.size() < 3) {
					r.supersededBy.add(by);
				}
			}
			else {
				r.counting++;
			}
		});
		List<Long> rejected = returns.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().rejected > 0)
			.map(Map.Entry::getKey)
			.toList();
		if (!rejected.isEmpty()) {
			this.jdbc.query(
					"SELECT f.submission_id, f.rule, COUNT(*) FROM finding f JOIN return_record r"
							+ " ON r.id = f.return_id WHERE f.submission_id IN (" + numbers(rejected)
							+ ") AND NOT r.accepted AND f.severity = 'error' GROUP BY f.submission_id, f.rule",
					(rs) -> {
						returns.get(rs.getLong(1)).errors.put(rs.getString(2).strip(), rs.getLong(3));
					});
		}
		return returns;
	}

}
