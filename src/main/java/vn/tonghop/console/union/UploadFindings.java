package vn.tonghop.console.union;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the ingest made of an upload, as its intake-log line and its submission hold it:
 * the file's outcome, its returns (accepted or rejected, counting now or superseded) and
 * every finding with its sheet, cell, rule and message, errors first.
 */
@Component
public class UploadFindings {

	/**
	 * The file's outcome: NEW, DUPLICATE (the same bytes as a file before) or UNREADABLE;
	 * whether each of its returns was accepted; its findings.
	 */
	public record Result(String outcome, String reason, Long submission, List<Boolean> returns,
			List<Finding> findings) {

		public boolean unreadable() {
			return "UNREADABLE".equals(this.outcome) || "SKIPPED".equals(this.outcome);
		}

		public boolean duplicate() {
			return "DUPLICATE".equals(this.outcome);
		}

		public boolean accepted() {
			return !this.returns.isEmpty() && !this.returns.contains(Boolean.FALSE);
		}

		public long errors() {
			return this.findings.stream().filter(Finding::error).count();
		}

		public long warnings() {
			return this.findings.size() - errors();
		}

		/**
		 * In a word, for the list of uploads: UNREADABLE, ACCEPTED or REJECTED (message
		 * keys {@code union.verdict.short.*}).
		 */
		public String verdict() {
			return unreadable() ? "UNREADABLE" : accepted() ? "ACCEPTED" : "REJECTED";
		}

	}

	public record Finding(String sheet, String cell, String rule, String severity, String message) {

		public boolean error() {
			return "error".equals(this.severity);
		}

	}

	private final JdbcTemplate jdbc;

	UploadFindings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The verdicts of the uploads that were read, by upload id. */
	java.util.Map<Long, String> verdicts(List<UnionUploads.Upload> uploads) {
		java.util.Map<Long, String> verdicts = new java.util.HashMap<>();
		for (UnionUploads.Upload upload : uploads) {
			if (upload.intakeRow() != null) {
				of(upload.intakeRow()).ifPresent((result) -> verdicts.put(upload.id(), result.verdict()));
			}
		}
		return verdicts;
	}

	Optional<Result> of(long intakeRow) {
		return this.jdbc.query("SELECT outcome, reason, submission_id FROM intake_log WHERE id = ?", (rs, n) -> {
			long submission = rs.getLong(3);
			Long stored = rs.wasNull() ? null : submission;
			return new Object[] { rs.getString(1), rs.getString(2), stored };
		}, intakeRow).stream().findFirst().map((row) -> {
			Long submission = (Long) row[2];
			if (submission == null) {
				return new Result((String) row[0], (String) row[1], null, List.of(), List.of());
			}
			List<Boolean> returns = this.jdbc.queryForList(
					"SELECT accepted FROM return_record WHERE submission_id = ? ORDER BY id", Boolean.class,
					submission);
			List<Finding> findings = this.jdbc.query(
					"SELECT sheet, cell, rule, severity, message FROM finding WHERE submission_id = ?"
							+ " ORDER BY CASE WHEN severity = 'error' THEN 0 ELSE 1 END, id",
					(rs, n) -> new Finding(rs.getString(1), rs.getString(2), rs.getString(3).strip(), rs.getString(4),
							rs.getString(5)),
					submission);
			return new Result((String) row[0], (String) row[1], submission, returns, findings);
		});
	}

}
