package vn.tonghop.store;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.validate.Finding;
import vn.tonghop.validate.IndicatorValue;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.NormalisedReturn;
import vn.tonghop.validate.RuleBook;

/**
 * Stores received files, their returns, values and findings. Idempotent: the same bytes
 * for the same year are stored once, so re-running an ingest (or restarting a failed one)
 * changes nothing. Runs inside the caller's transaction (a chunk of the ingest step).
 */
public class ReturnStore {

	/** What happened to a file in the store. */
	public enum Outcome {

		NEW, DUPLICATE, UNREADABLE, SKIPPED

	}

	private final JdbcTemplate jdbc;

	private final RuleBook rules;

	private final Messages messages;

	public ReturnStore(JdbcTemplate jdbc, RuleBook rules, Messages messages) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.messages = messages;
	}

	public Outcome store(ReceivedFile file, int year, long jobExecution) {
		if (file.outcome() == ReceivedFile.Outcome.SKIPPED || file.sha256() == null) {
			Outcome outcome = (file.outcome() == ReceivedFile.Outcome.SKIPPED) ? Outcome.SKIPPED : Outcome.UNREADABLE;
			log(jobExecution, year, file, outcome, file.reason(), null);
			return outcome;
		}
		List<Long> existing = this.jdbc.queryForList("SELECT id FROM submission WHERE report_year = ? AND sha256 = ?",
				Long.class, year, file.sha256());
		if (!existing.isEmpty()) {
			log(jobExecution, year, file, Outcome.DUPLICATE, null, existing.get(0));
			return Outcome.DUPLICATE;
		}
		boolean unreadable = file.outcome() == ReceivedFile.Outcome.UNREADABLE;
		String status = unreadable ? "UNREADABLE" : status(file.returns());
		long submission = insertSubmission(file, year, status, jobExecution);
		if (unreadable) {
			log(jobExecution, year, file, Outcome.UNREADABLE, file.reason(), submission);
			return Outcome.UNREADABLE;
		}
		for (JudgedReturn judged : file.returns()) {
			long returnId = insertReturn(submission, year, judged, file.lastModified());
			insertValues(returnId, judged.value());
			insertFindings(submission, returnId, judged.findings());
			if (judged.accepted() && !judged.value().unionCode().isEmpty()) {
				supersede(returnId, submission, year, judged.value(), file);
			}
		}
		log(jobExecution, year, file, Outcome.NEW, null, submission);
		return Outcome.NEW;
	}

	/**
	 * ACCEPTED or REJECTED when all of a file's returns are; PARTIAL for a list of both.
	 */
	private static String status(List<JudgedReturn> returns) {
		long accepted = returns.stream().filter(JudgedReturn::accepted).count();
		if (accepted == returns.size()) {
			return "ACCEPTED";
		}
		return (accepted == 0) ? "REJECTED" : "PARTIAL";
	}

	private long insertSubmission(ReceivedFile file, int year, String status, long jobExecution) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement ps = connection.prepareStatement(
					"INSERT INTO submission (report_year, sha256, source_file, bytes, last_modified, status, reason, job_execution, ingested_at,"
							+ " source_path)" + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setInt(1, year);
			ps.setString(2, file.sha256());
			ps.setString(3, file.file().relative());
			ps.setLong(4, file.bytes());
			ps.setTimestamp(5, Timestamp.from(file.lastModified()));
			ps.setString(6, status);
			ps.setString(7, truncate(file.reason(), 2000));
			ps.setLong(8, jobExecution);
			ps.setTimestamp(9, Timestamp.from(Instant.now()));
			ps.setString(10, truncate(file.file().path().toAbsolutePath().toString(), 2000));
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	private long insertReturn(long submission, int year, JudgedReturn judged, Instant lastModified) {
		NormalisedReturn r = judged.value();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement ps = connection
				.prepareStatement("INSERT INTO return_record (submission_id, report_year, sheet,"
						+ " union_code, union_name, province_written, province_code, sector_written, sector_code,"
						+ " industry_written, industry_code, parent_union, declared_year, accepted, last_modified,"
						+ " header_cells, template_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
						new String[] { "id" });
			ps.setLong(1, submission);
			ps.setInt(2, year);
			ps.setString(3, truncate(r.sheet(), 200));
			ps.setString(4, truncate(r.unionCode(), 100));
			ps.setString(5, truncate(r.unionName(), 500));
			ps.setString(6, truncate(r.provinceWritten(), 200));
			ps.setString(7, r.provinceCode());
			ps.setString(8, truncate(r.sectorWritten(), 200));
			ps.setString(9, r.sectorCode());
			ps.setString(10, truncate(r.industryWritten(), 300));
			ps.setString(11, r.industryCode());
			ps.setString(12, truncate(r.parentUnion(), 500));
			if (r.declaredYear() != null) {
				ps.setInt(13, r.declaredYear());
			}
			else {
				ps.setNull(13, Types.INTEGER);
			}
			ps.setBoolean(14, judged.accepted());
			ps.setTimestamp(15, Timestamp.from(lastModified));
			ps.setString(16, truncate(HeaderCells.format(r.headerCells()), 400));
			ps.setString(17, truncate(r.templateVersion(), 100));
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	private void insertValues(long returnId, NormalisedReturn r) {
		List<Object[]> rows = new ArrayList<>();
		for (IndicatorValue v : r.values().values()) {
			rows.add(new Object[] { returnId, v.code(), v.total(), v.female(), v.category(), v.flag(),
					(v.totalCell() != null) ? v.totalCell().a1() : null,
					(v.femaleCell() != null) ? v.femaleCell().a1() : null });
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(
					"INSERT INTO return_value (return_id, code, total, female, category, flag, total_cell,"
							+ " female_cell) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
					rows, new int[] { Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
							Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR });
		}
	}

	private void insertFindings(long submission, Long returnId, List<Finding> findings) {
		if (findings.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		for (Finding f : findings) {
			rows.add(new Object[] { submission, returnId, truncate(f.sheet(), 200), f.cell(),
					truncate(f.unionCode(), 100), f.rule(), f.severity().csv(), truncate(f.message(), 4000) });
		}
		this.jdbc.batchUpdate(
				"INSERT INTO finding (submission_id, return_id, sheet, cell, union_code, rule, severity,"
						+ " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				rows, new int[] { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.CHAR,
						Types.VARCHAR, Types.VARCHAR });
	}

	/**
	 * A later accepted return of the same union and year supersedes the current one:
	 * later by the file's last-modified time, ties by ingest order. W06 goes on the one
	 * that counts. A rejected return never supersedes (it never gets here).
	 */
	private void supersede(long returnId, long submission, int year, NormalisedReturn r, ReceivedFile file) {
		List<Current> current = this.jdbc
			.query("SELECT r.id, r.submission_id, r.last_modified, s.source_file FROM return_record r"
					+ " JOIN submission s ON s.id = r.submission_id"
					+ " WHERE r.report_year = ? AND r.union_code = ? AND r.accepted AND r.superseded_by IS NULL AND r.id <> ?",
					(rs, n) -> new Current(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
							rs.getString(4)),
					year, r.unionCode(), returnId);
		for (Current earlier : current) {
			boolean newer = !file.lastModified().isBefore(earlier.lastModified);
			long loser = newer ? earlier.id : returnId;
			long winner = newer ? returnId : earlier.id;
			long winnerSubmission = newer ? submission : earlier.submission;
			String loserFile = newer ? earlier.sourceFile : file.file().relative();
			this.jdbc.update("UPDATE return_record SET superseded_by = ? WHERE id = ?", winner, loser);
			Finding w06 = new Finding("W06", this.rules.severity("W06"), "", "", r.unionCode(),
					this.messages.format("W06", year, loserFile));
			insertFindings(winnerSubmission, winner, List.of(w06));
			if (!newer) {
				break;
			}
		}
	}

	private record Current(long id, long submission, Instant lastModified, String sourceFile) {
	}

	/**
	 * Removes rows whose submission is missing: rows of a transaction that was rolled
	 * back when its process was killed and that the database nevertheless kept (seen once
	 * with the embedded H2 after a kill -9: a return without its submission). Each is
	 * redone by the restart; left in place, a return would count twice, or a file would
	 * be taken as stored and skipped. Returns how many rows were removed.
	 */
	public int removeOrphans() {
		String orphanReturns = "SELECT r.id FROM return_record r WHERE NOT EXISTS"
				+ " (SELECT 1 FROM submission s WHERE s.id = r.submission_id)";
		int removed = this.jdbc.update("DELETE FROM finding WHERE return_id IN (" + orphanReturns
				+ ") OR NOT EXISTS (SELECT 1 FROM submission s WHERE s.id = finding.submission_id)");
		removed += this.jdbc.update("DELETE FROM return_value WHERE return_id IN (" + orphanReturns
				+ ") OR NOT EXISTS (SELECT 1 FROM return_record r WHERE r.id = return_value.return_id)");
		this.jdbc
			.update("UPDATE return_record SET superseded_by = NULL WHERE superseded_by IN (" + orphanReturns + ")");
		removed += this.jdbc.update("DELETE FROM return_record WHERE id IN (" + orphanReturns + ")");
		removed += this.jdbc.update("DELETE FROM intake_log WHERE submission_id IS NOT NULL AND NOT EXISTS"
				+ " (SELECT 1 FROM submission s WHERE s.id = intake_log.submission_id)");
		return removed;
	}

	private void log(long jobExecution, int year, ReceivedFile file, Outcome outcome, String reason, Long submission) {
		this.jdbc.update(
				"INSERT INTO intake_log (job_execution, report_year, source_file, sha256, bytes, outcome, reason, submission_id)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				jobExecution, year, truncate(file.file().relative(), 1000), file.sha256(), file.bytes(), outcome.name(),
				truncate(reason, 2000), submission);
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
