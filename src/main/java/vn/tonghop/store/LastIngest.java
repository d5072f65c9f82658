package vn.tonghop.store;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last ingest of a year, as the job repository remembers it, when it did not finish:
 * it failed, was stopped, or its process died (killed, power cut) and the repository
 * still shows it running. A consolidation of the year then has only the returns stored
 * before it ended. Asked by whoever holds the run lock (no other run can be going on).
 *
 * @param executionId its job execution
 * @param input the folder it read
 * @param startTime when it started, or {@code null}
 * @param status its batch status (FAILED, STOPPED, STARTED…)
 */
public record LastIngest(long executionId, String input, LocalDateTime startTime, String status) {

	/** The ingest job's name in {@code BATCH_JOB_INSTANCE}. */
	static final String JOB = "ingestReturnsJob";

	/**
	 * The statuses of an ingest that ended as it should; ABANDONED was given up by hand.
	 */
	private static final Set<String> FINISHED = Set.of("COMPLETED", "ABANDONED");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

	/** The year's last ingest, when it did not finish. */
	public static Optional<LastIngest> unfinished(JdbcTemplate jdbc, int year) {
		List<LastIngest> last = jdbc.query("SELECT e.JOB_EXECUTION_ID, e.STATUS, e.START_TIME,"
				+ " (SELECT MIN(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p"
				+ " WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'input')"
				+ " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
				+ " WHERE i.JOB_NAME = ? AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS y"
				+ " WHERE y.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND y.PARAMETER_NAME = 'year'"
				+ " AND y.PARAMETER_VALUE = ?) ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY", (rs, n) -> {
					Timestamp start = rs.getTimestamp(3);
					return new LastIngest(rs.getLong(1), rs.getString(4),
							(start != null) ? start.toLocalDateTime() : null, rs.getString(2).strip());
				}, JOB, Integer.toString(year));
		return last.stream().filter((ingest) -> !FINISHED.contains(ingest.status())).findFirst();
	}

	/** How it ended, in words. */
	public String ended() {
		return switch (this.status) {
			case "FAILED" -> "thất bại";
			case "STOPPED" -> "đã bị dừng";
			case "STARTING", "STARTED", "STOPPING" -> "tiến trình bị dừng đột ngột";
			default -> "trạng thái " + this.status;
		};
	}

	/** One line for people: which ingest, that it did not finish, what follows. */
	public String warning(int year) {
		return "Lần nhận báo cáo năm " + year + " gần nhất (lần chạy " + this.executionId
				+ ((this.startTime != null) ? ", bắt đầu " + TIME.format(this.startTime) : "")
				+ ((this.input != null) ? ", thư mục " + this.input : "") + ") chưa xong (" + ended()
				+ "): số liệu tổng hợp có thể thiếu báo cáo.";
	}

	/** What to do about it: the command that finishes the ingest. */
	public String resume(int year) {
		return "Chạy lại lệnh nhận để nhận nốt: tonghop ingest --input \"" + ((this.input != null) ? this.input : "…")
				+ "\" --year " + year + " (cùng --data-dir hoặc --db)";
	}

}
