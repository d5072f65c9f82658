package vn.tonghop.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Past runs as the job repository remembers them, with their counts from our tables; and
 * the purge of old job metadata. Plain SQL over the Spring Batch tables and ours, the
 * same on H2 and PostgreSQL. The returns are never touched: our tables keep the job
 * execution ids as plain numbers.
 */
public class RunHistory {

	/** Name of the ingest job in {@code BATCH_JOB_INSTANCE}. */
	public static final String INGEST_JOB = IngestJobConfiguration.JOB;

	/** Name of the consolidation job in {@code BATCH_JOB_INSTANCE}. */
	public static final String CONSOLIDATE_JOB = ConsolidateJobConfiguration.JOB;

	/** Ids per {@code IN (…)} list. */
	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	public RunHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One past job execution.
	 *
	 * @param executionId the job execution id
	 * @param jobName the Spring Batch job name
	 * @param year the {@code year} job parameter, or {@code null}
	 * @param folder the {@code input} (ingest) or {@code output} (consolidation) job
	 * parameter, or {@code null}
	 * @param startTime when it started, or {@code null}
	 * @param endTime when it ended, or {@code null} while running
	 * @param status the batch status (COMPLETED, FAILED, STARTED…)
	 * @param exitMessage the exit message, or {@code null}
	 * @param files files the ingest looked at by outcome (NEW, DUPLICATE, UNREADABLE,
	 * SKIPPED)
	 * @param accepted returns the ingest accepted
	 * @param rejected returns the ingest rejected
	 * @param returnsWritten returns the consolidation wrote to {@code returns.csv}
	 * @param findings findings the consolidation wrote to {@code issues.csv}
	 */
	public record Line(long executionId, String jobName, Integer year, String folder, LocalDateTime startTime,
			LocalDateTime endTime, String status, String exitMessage, Map<String, Long> files, long accepted,
			long rejected, long superseded, long returnsWritten, long findings) {

		/** What {@link #failure()} says of a stopped run. */
		static final String STOPPED = "đã dừng theo yêu cầu (SIGTERM hoặc Ctrl-C); lần chạy sau tiếp tục từ chỗ đã dừng";

		public boolean ingest() {
			return INGEST_JOB.equals(this.jobName);
		}

		public boolean consolidation() {
			return CONSOLIDATE_JOB.equals(this.jobName);
		}

		/** The job in the user's words: "nhận" or "tổng hợp". */
		public String job() {
			return ingest() ? "nhận" : consolidation() ? "tổng hợp" : this.jobName;
		}

		public long files(String outcome) {
			return this.files.getOrDefault(outcome, 0L);
		}

		/** Time taken, or {@code null} when it has not both started and ended. */
		public Duration duration() {
			return (this.startTime != null && this.endTime != null) ? Duration.between(this.startTime, this.endTime)
					: null;
		}

		/**
		 * Whether the job repository shows it running: it is, when a run holds the run
		 * lock, else its process died (shown interrupted).
		 */
		public boolean unfinished() {
			return this.endTime == null && ("STARTING".equals(this.status) || "STARTED".equals(this.status)
					|| "STOPPING".equals(this.status));
		}

		/**
		 * Its status in words, for people; {@code running}: whether a run holds the run
		 * lock now (without, one the repository shows running was interrupted: its
		 * process died).
		 */
		public String state(boolean running) {
			if (unfinished()) {
				return running ? "đang chạy" : "bị gián đoạn";
			}
			// every BatchStatus, in words; a status the repository should not hold is
			// still not shown in English
			return switch (this.status) {
				case "COMPLETED" -> "xong";
				case "FAILED" -> "thất bại";
				case "STOPPED" -> "đã dừng";
				case "ABANDONED" -> "đã bỏ";
				case "STARTING" -> "đang bắt đầu";
				case "STARTED" -> "đang chạy";
				case "STOPPING" -> "đang dừng";
				case "UNKNOWN" -> "không rõ (tiến trình dừng giữa chừng)";
				default -> "không rõ";
			};
		}

		/**
		 * The first line of the exit message, when the run did not complete; else null. A
		 * run stopped by SIGTERM or Ctrl-C says so, not the exception that stopped its
		 * steps.
		 */
		public String failure() {
			if ("STOPPED".equals(this.status)) {
				return STOPPED;
			}
			if ("COMPLETED".equals(this.status) || this.exitMessage == null || this.exitMessage.isBlank()) {
				return null;
			}
			return this.exitMessage.strip().lines().findFirst().orElse("").strip();
		}

	}

	/** The last {@code limit} job executions, newest first. */
	public List<Line> lines(int limit) {
		return lines(0, limit);
	}

	/**
	 * A page of the job executions, newest first: {@code limit} at most, after the
	 * {@code offset} newest.
	 */
	public List<Line> lines(int offset, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1: " + limit);
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative: " + offset);
		}
		record Execution(long id, String job, LocalDateTime start, LocalDateTime end, String status, String message) {
		}
		List<Execution> executions = this.jdbc.query("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.START_TIME,"
				+ " e.END_TIME, e.STATUS, e.EXIT_MESSAGE FROM BATCH_JOB_EXECUTION e"
				+ " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
				+ " ORDER BY e.JOB_EXECUTION_ID DESC OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY",
				(rs, n) -> new Execution(rs.getLong(1), rs.getString(2), time(rs, 3), time(rs, 4), rs.getString(5),
						rs.getString(6)));
		if (executions.isEmpty()) {
			return List.of();
		}
		List<Long> ids = executions.stream().map(Execution::id).toList();
		String in = in(ids.size());
		Object[] args = ids.toArray();
		Map<Long, Map<String, String>> parameters = new HashMap<>();
		this.jdbc.query(
				"SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS"
						+ " WHERE PARAMETER_NAME IN ('year', 'input', 'output') AND JOB_EXECUTION_ID IN " + in,
				(rs) -> {
					parameters.computeIfAbsent(rs.getLong(1), (id) -> new HashMap<>())
						.put(rs.getString(2), rs.getString(3));
				}, args);
		Map<Long, Map<String, Long>> steps = new HashMap<>();
		this.jdbc.query("SELECT JOB_EXECUTION_ID, STEP_NAME, SUM(WRITE_COUNT) FROM BATCH_STEP_EXECUTION"
				+ " WHERE STEP_NAME IN ('writeReturnsCsvStep', 'writeIssuesCsvStep') AND JOB_EXECUTION_ID IN " + in
				+ " GROUP BY JOB_EXECUTION_ID, STEP_NAME", (rs) -> {
					steps.computeIfAbsent(rs.getLong(1), (id) -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
				}, args);
		Map<Long, Map<String, Long>> files = new HashMap<>();
		this.jdbc.query("SELECT job_execution, outcome, COUNT(*) FROM intake_log WHERE job_execution IN " + in
				+ " GROUP BY job_execution, outcome", (rs) -> {
					files.computeIfAbsent(rs.getLong(1), (id) -> new LinkedHashMap<>())
						.put(rs.getString(2), rs.getLong(3));
				}, args);
		// the run's returns by what became of them, as FileStatuses.ReturnCounts counts
		// them: accepted and counting, rejected, accepted and superseded since
		Map<Long, long[]> returns = new HashMap<>();
		this.jdbc.query("SELECT s.job_execution, CASE WHEN NOT r.accepted THEN 1 WHEN r.superseded_by IS NULL THEN 0"
				+ " ELSE 2 END, COUNT(*) FROM return_record r JOIN submission s ON s.id = r.submission_id"
				+ " WHERE s.job_execution IN " + in + " GROUP BY s.job_execution, CASE WHEN NOT r.accepted THEN 1"
				+ " WHEN r.superseded_by IS NULL THEN 0 ELSE 2 END", (rs) -> {
					returns.computeIfAbsent(rs.getLong(1), (id) -> new long[3])[rs.getInt(2)] = rs.getLong(3);
				}, args);
		List<Line> lines = new ArrayList<>();
		for (Execution e : executions) {
			Map<String, String> p = parameters.getOrDefault(e.id(), Map.of());
			Map<String, Long> s = steps.getOrDefault(e.id(), Map.of());
			long[] r = returns.getOrDefault(e.id(), new long[3]);
			String folder = INGEST_JOB.equals(e.job()) ? p.get("input")
					: (p.get("output") != null) ? p.get("output") : p.get("input");
			lines.add(new Line(e.id(), e.job(), year(p.get("year")), folder, e.start(), e.end(), e.status(),
					e.message(), Collections.unmodifiableMap(files.getOrDefault(e.id(), Map.of())), r[0], r[1], r[2],
					s.getOrDefault("writeReturnsCsvStep", 0L), s.getOrDefault("writeIssuesCsvStep", 0L)));
		}
		return lines;
	}

	/** How many job executions the repository remembers. */
	public long count() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);
		return (count != null) ? count : 0;
	}

	/** The day before which an execution must have ended to be purged with these days. */
	public static LocalDate purgeBefore(int keepDays) {
		if (keepDays < 0) {
			throw new IllegalArgumentException("keep-days must not be negative: " + keepDays);
		}
		return LocalDate.now().minusDays(keepDays);
	}

	/**
	 * Deletes the Spring Batch metadata of the job executions that ended more than
	 * {@code keepDays} whole days ago (before the start of the day {@code keepDays} days
	 * before today; with 0, before today), with their {@code intake_log} rows, and the
	 * job instances left without executions. Only whole job instances are purged: an
	 * execution goes only when every execution of its instance has ended before that day,
	 * so a running or restartable run younger than that keeps all it needs to restart.
	 * Returns, submissions and findings are never touched.
	 * @param keepDays how many days of history to keep, 0 or more
	 * @return the number of job executions removed
	 */
	public int purge(int keepDays) {
		Timestamp before = Timestamp.valueOf(purgeBefore(keepDays).atStartOfDay());
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(this.jdbc.getDataSource()));
		Integer removed = transaction.execute((status) -> {
			List<Long> ids = this.jdbc.queryForList(
					"SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e"
							+ " WHERE NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION o"
							+ " WHERE o.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND (o.END_TIME IS NULL OR o.END_TIME >= ?"
							+ " OR o.STATUS IN ('STARTING', 'STARTED', 'STOPPING')))" + " ORDER BY e.JOB_EXECUTION_ID",
					Long.class, before);
			for (int from = 0; from < ids.size(); from += BATCH) {
				List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
				String in = in(chunk.size());
				Object[] args = chunk.toArray();
				this.jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN"
						+ " (SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN " + in + ")",
						args);
				this.jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN " + in, args);
				this.jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN " + in, args);
				this.jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN " + in, args);
				this.jdbc.update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN " + in, args);
				this.jdbc.update("DELETE FROM intake_log WHERE job_execution IN " + in, args);
			}
			this.jdbc.update("DELETE FROM BATCH_JOB_INSTANCE WHERE NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e"
					+ " WHERE e.JOB_INSTANCE_ID = BATCH_JOB_INSTANCE.JOB_INSTANCE_ID)");
			return ids.size();
		});
		return (removed != null) ? removed : 0;
	}

	private static String in(int count) {
		return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
	}

	private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toLocalDateTime() : null;
	}

	private static Integer year(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
