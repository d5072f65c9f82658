package vn.tonghop.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import vn.tonghop.intake.FileNames;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.validate.Finding;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.NormalisedReturn;
import vn.tonghop.validate.RuleBook;

/**
 * Stores received files, their returns, values and findings. Idempotent: the same bytes
 * for the same year are stored once, so re-running an ingest (or restarting a failed one)
 * changes nothing, but for bytes that could not be read, which are read again. Runs
 * inside the caller's transaction (a chunk of the ingest step).
 */
public class ReturnStore {

	/** What happened to a file in the store. */
	public enum Outcome {

		NEW, DUPLICATE, UNREADABLE, SKIPPED

	}

	/**
	 * The submission of the year with a file's bytes, if any, and its status: one indexed
	 * lookup for each file of a chunk (a list of values, IN, makes H2 scan the whole
	 * year). On PostgreSQL it needs the connection setting of
	 * {@code DatabaseOptions.POSTGRESQL_OPTIONS}.
	 */
	public static final String EARLIER_SUBMISSION = "SELECT MIN(id), MIN(status) FROM submission"
			+ " WHERE report_year = ? AND sha256 = ? HAVING COUNT(*) > 0";

	private final JdbcTemplate jdbc;

	private final RuleBook rules;

	private final Messages messages;

	public ReturnStore(JdbcTemplate jdbc, RuleBook rules, Messages messages) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.messages = messages;
	}

	/**
	 * Stores a chunk of files, in their order, with a handful of batched statements: one
	 * lookup of earlier submissions of the same bytes, then each table's rows in one
	 * batch. What it stores is what storing the files one by one would: the same rows,
	 * ids in the same order, the same resubmission decisions. Returns each file's
	 * outcome.
	 * <p>
	 * A file is a duplicate only of one read as a return, stored before or earlier in the
	 * chunk. Bytes that could not be read are one UNREADABLE submission, which proves
	 * nothing: a file with them is read again on every run, UNREADABLE again with its own
	 * reason (pointing at that submission, no new row), or read this time, when the
	 * submission becomes its (NEW) and its returns count. Two empty files are thus each
	 * unreadable, never the duplicate of the other.
	 */
	public List<Outcome> store(List<? extends ReceivedFile> files, int year, long jobExecution) {
		Map<String, Bytes> seen = earlierSubmissions(files, year);
		List<Outcome> outcomes = new ArrayList<>(files.size());
		// the files that become a new submission; those that make an unreadable one
		// theirs (by its id); and for each file its submission: an index in one of these
		// two lists, or the id of an earlier one
		List<ReceivedFile> submissions = new ArrayList<>();
		List<Upgrade> upgrades = new ArrayList<>();
		List<Ref> submissionOf = new ArrayList<>(files.size());
		for (ReceivedFile file : files) {
			if (file.outcome() == ReceivedFile.Outcome.SKIPPED || file.sha256() == null) {
				outcomes.add((file.outcome() == ReceivedFile.Outcome.SKIPPED) ? Outcome.SKIPPED : Outcome.UNREADABLE);
				submissionOf.add(null);
				continue;
			}
			Bytes bytes = seen.get(file.sha256());
			boolean read = file.outcome() == ReceivedFile.Outcome.READ;
			if (bytes != null && bytes.read) {
				outcomes.add(Outcome.DUPLICATE);
			}
			else if (bytes == null) {
				bytes = new Bytes(new Ref(Ref.NEW, submissions.size()), read);
				seen.put(file.sha256(), bytes);
				submissions.add(file);
				outcomes.add(read ? Outcome.NEW : Outcome.UNREADABLE);
			}
			else if (!read) {
				outcomes.add(Outcome.UNREADABLE);
			}
			else if (bytes.ref.kind() == Ref.NEW) {
				// unreadable earlier in the chunk, read now: the submission is this one's
				submissions.set((int) bytes.ref.value(), file);
				bytes.read = true;
				outcomes.add(Outcome.NEW);
			}
			else {
				// unreadable when stored before, read now: it becomes this one's
				upgrades.add(new Upgrade(bytes.ref.value(), file));
				bytes.ref = new Ref(Ref.UPGRADE, upgrades.size() - 1);
				bytes.read = true;
				outcomes.add(Outcome.NEW);
			}
			submissionOf.add(bytes.ref);
		}
		List<Long> submissionIds = insertSubmissions(submissions, year, jobExecution);
		upgradeSubmissions(upgrades, year, jobExecution);
		List<Long> submissionIdOf = new ArrayList<>(files.size());
		for (Ref of : submissionOf) {
			submissionIdOf.add((of == null) ? null : switch (of.kind()) {
				case Ref.NEW -> submissionIds.get((int) of.value());
				case Ref.UPGRADE -> upgrades.get((int) of.value()).id();
				default -> of.value();
			});
		}

		List<NewReturn> returns = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			if (outcomes.get(i) == Outcome.NEW) {
				for (JudgedReturn judged : files.get(i).returns()) {
					returns.add(new NewReturn(submissionIdOf.get(i), files.get(i), judged));
				}
			}
		}
		List<Long> returnIds = insertReturns(returns, year);

		List<Object[]> findings = new ArrayList<>();
		for (int i = 0; i < returns.size(); i++) {
			for (Finding finding : returns.get(i).judged().findings()) {
				findings.add(finding(returns.get(i).submission(), returnIds.get(i), finding));
			}
		}
		insertFindings(findings);

		List<Object[]> log = new ArrayList<>(files.size());
		for (int i = 0; i < files.size(); i++) {
			ReceivedFile file = files.get(i);
			Long submission = submissionIdOf.get(i);
			Outcome outcome = outcomes.get(i);
			String reason = (outcome == Outcome.SKIPPED || outcome == Outcome.UNREADABLE) ? file.reason() : null;
			log.add(new Object[] { jobExecution, year, truncate(file.file().relative(), 1000), file.sha256(),
					file.bytes(), outcome.name(), truncate(reason, 2000), submission });
		}
		this.jdbc.batchUpdate(
				"INSERT INTO intake_log (job_execution, report_year, source_file, sha256, bytes, outcome,"
						+ " reason, submission_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				log, new int[] { Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.CHAR, Types.BIGINT, Types.VARCHAR,
						Types.VARCHAR, Types.BIGINT });
		return outcomes;
	}

	/**
	 * A file's submission while a chunk is stored: {@link #STORED} before the chunk (its
	 * id), {@link #NEW} in this chunk (an index of the new submissions) or an unreadable
	 * one stored before and now made a read file's, {@link #UPGRADE} (an index of those).
	 */
	private record Ref(int kind, long value) {

		static final int STORED = 0;

		static final int NEW = 1;

		static final int UPGRADE = 2;

	}

	/** The submission of some bytes so far, and whether a file with them was read. */
	private static final class Bytes {

		private Ref ref;

		private boolean read;

		Bytes(Ref ref, boolean read) {
			this.ref = ref;
			this.read = read;
		}

	}

	/**
	 * An unreadable submission that becomes that of a file read now, with its returns.
	 */
	private record Upgrade(long id, ReceivedFile file) {
	}

	/**
	 * Submissions of the year with the bytes of one of {@code files}: sha256 to the
	 * submission and whether it was read (not UNREADABLE).
	 */
	private Map<String, Bytes> earlierSubmissions(List<? extends ReceivedFile> files, int year) {
		List<String> checksums = files.stream()
			.filter((file) -> file.outcome() != ReceivedFile.Outcome.SKIPPED && file.sha256() != null)
			.map(ReceivedFile::sha256)
			.distinct()
			.toList();
		Map<String, Bytes> stored = new HashMap<>();
		for (String sha256 : checksums) {
			this.jdbc.query(EARLIER_SUBMISSION, (rs) -> {
				stored.put(sha256,
						new Bytes(new Ref(Ref.STORED, rs.getLong(1)), !"UNREADABLE".equals(rs.getString(2).strip())));
			}, year, sha256);
		}
		return stored;
	}

	/**
	 * Makes unreadable submissions those of the files read now: the file's path, time,
	 * status and run (whose summary counts its returns), the reason gone.
	 */
	private void upgradeSubmissions(List<Upgrade> upgrades, int year, long jobExecution) {
		if (upgrades.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>(upgrades.size());
		for (Upgrade upgrade : upgrades) {
			ReceivedFile file = upgrade.file();
			rows.add(new Object[] { file.file().relative(), file.bytes(), Timestamp.from(file.lastModified()),
					status(file.returns()), jobExecution, now, truncate(FileNames.stored(file.file().path()), 2000),
					upgrade.id(), year });
		}
		this.jdbc.batchUpdate("UPDATE submission SET source_file = ?, bytes = ?, last_modified = ?, status = ?,"
				+ " reason = NULL, job_execution = ?, ingested_at = ?, source_path = ? WHERE id = ? AND report_year = ?",
				rows);
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

	private List<Long> insertSubmissions(List<ReceivedFile> files, int year, long jobExecution) {
		Timestamp now = Timestamp.from(Instant.now());
		return insertWithKeys(
				"INSERT INTO submission (report_year, sha256, source_file, bytes, last_modified, status,"
						+ " reason, job_execution, ingested_at, source_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				files, (ps, file) -> {
					boolean unreadable = file.outcome() == ReceivedFile.Outcome.UNREADABLE;
					ps.setInt(1, year);
					ps.setString(2, file.sha256());
					ps.setString(3, file.file().relative());
					ps.setLong(4, file.bytes());
					ps.setTimestamp(5, Timestamp.from(file.lastModified()));
					ps.setString(6, unreadable ? "UNREADABLE" : status(file.returns()));
					ps.setString(7, truncate(file.reason(), 2000));
					ps.setLong(8, jobExecution);
					ps.setTimestamp(9, now);
					ps.setString(10, truncate(FileNames.stored(file.file().path()), 2000));
				});
	}

	/** A return about to be stored, with its file and the file's submission. */
	private record NewReturn(long submission, ReceivedFile file, JudgedReturn judged) {
	}

	private List<Long> insertReturns(List<NewReturn> returns, int year) {
		return insertWithKeys("INSERT INTO return_record (submission_id, report_year, sheet, union_code, union_name,"
				+ " province_written, province_code, sector_written, sector_code, industry_written, industry_code,"
				+ " parent_union, declared_year, accepted, last_modified, header_cells, template_version,"
				+ " indicator_values, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				returns, (ps, item) -> {
					NormalisedReturn r = item.judged().value();
					String sheet = truncate(r.sheet(), 200);
					String unionCode = truncate(r.unionCode(), 100);
					String unionName = truncate(r.unionName(), 500);
					String values = StoredValues.pack(r.values().values());
					boolean accepted = item.judged().accepted();
					ps.setLong(1, item.submission());
					ps.setInt(2, year);
					ps.setString(3, sheet);
					ps.setString(4, unionCode);
					ps.setString(5, unionName);
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
					ps.setBoolean(14, accepted);
					ps.setTimestamp(15, Timestamp.from(item.file().lastModified()));
					ps.setString(16, truncate(HeaderCells.format(r.headerCells()), 400));
					ps.setString(17, truncate(r.templateVersion(), 100));
					ps.setString(18, values);
					ps.setLong(19, ReturnChecksum.of(item.submission(), year, sheet, unionCode, unionName,
							r.provinceCode(), r.sectorCode(), r.industryCode(), accepted, values));
				});
	}

	/** Sets one row's parameters. */
	@FunctionalInterface
	private interface Row<T> {

		void set(PreparedStatement ps, T item) throws SQLException;

	}

	/** Inserts a row per item in one batch; returns their generated ids, in order. */
	private <T> List<Long> insertWithKeys(String sql, List<T> items, Row<T> row) {
		if (items.isEmpty()) {
			return List.of();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.batchUpdate((connection) -> connection.prepareStatement(sql, new String[] { "id" }),
				new BatchPreparedStatementSetter() {
					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						row.set(ps, items.get(i));
					}

					@Override
					public int getBatchSize() {
						return items.size();
					}
				}, keys);
		List<Long> ids = new ArrayList<>(items.size());
		for (Map<String, Object> key : keys.getKeyList()) {
			ids.add(((Number) key.values().iterator().next()).longValue());
		}
		if (ids.size() != items.size()) {
			throw new IllegalStateException(
					"the database gave " + ids.size() + " ids for " + items.size() + " rows: " + sql);
		}
		return ids;
	}

	private static Object[] finding(long submission, Long returnId, Finding f) {
		return new Object[] { submission, returnId, truncate(f.sheet(), 200), f.cell(), truncate(f.unionCode(), 100),
				f.rule(), f.severity().csv(), truncate(f.message(), 4000) };
	}

	private void insertFindings(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(
				"INSERT INTO finding (submission_id, return_id, sheet, cell, union_code, rule, severity,"
						+ " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				rows, new int[] { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.CHAR,
						Types.VARCHAR, Types.VARCHAR });
	}

	/**
	 * The planner's statistics of the stored files, returns and findings, gathered anew
	 * on PostgreSQL (see {@link Statistics}) for the queries after the ingest.
	 */
	public void refreshStatistics() {
		Statistics.refresh(this.jdbc, Statistics.INGEST);
	}

	/**
	 * Decides the year's resubmissions: wherever a union has more than one accepted
	 * return not superseded (returns stored since the last decision), they are taken in
	 * ingest order — by run, then by file path, then by row — and each supersedes or is
	 * superseded as {@link Resubmissions#add} says, with its W06 finding. Decided after
	 * the files are stored, not as each is stored, so files stored at the same time by
	 * several partitions give the same result as one after the other, and a run that was
	 * interrupted and resumed gives that of an uninterrupted one. Returns the number of
	 * returns superseded.
	 */
	public int resolveResubmissions(int year) {
		List<Object[]> superseded = new ArrayList<>();
		List<Object[]> findings = new ArrayList<>();
		List<Stored> union = new ArrayList<>();
		Runnable decide = () -> {
			union.sort(Comparator.comparingLong(Stored::run)
				.thenComparing((stored) -> stored.current().sourceFile())
				.thenComparingLong((stored) -> stored.current().id()));
			Resubmissions resubmissions = new Resubmissions(superseded, findings);
			for (Stored stored : union) {
				resubmissions.add(stored.current(), stored.union(), year);
			}
			union.clear();
		};
		this.jdbc.query("SELECT r.id, r.submission_id, r.last_modified, s.source_file, r.union_code,"
				+ " COALESCE(e.JOB_INSTANCE_ID, 0) FROM return_record r JOIN submission s ON s.id = r.submission_id"
				+ " LEFT JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.job_execution"
				+ " WHERE r.report_year = ? AND r.accepted AND r.superseded_by IS NULL AND r.union_code IN ("
				+ UNIONS_WITH_MORE_THAN_ONE + ") ORDER BY r.union_code", (rs) -> {
					String code = rs.getString(5);
					if (!union.isEmpty() && !union.get(0).union().equals(code)) {
						decide.run();
					}
					union.add(new Stored(
							new Current(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
							code, rs.getLong(6)));
				}, year, year);
		decide.run();
		if (!superseded.isEmpty()) {
			this.jdbc.batchUpdate("UPDATE return_record SET superseded_by = ? WHERE id = ?", superseded);
		}
		insertFindings(findings);
		return superseded.size();
	}

	/**
	 * The unions of year {@code ?} with more than one current return, counted from the
	 * index {@code return_record_union_current} alone. (With the condition in WHERE, H2
	 * read the row of every current return: 5.7 s at 150,000.)
	 */
	static final String UNIONS_WITH_MORE_THAN_ONE = "SELECT union_code FROM return_record"
			+ " WHERE report_year = ? AND union_code <> '' GROUP BY union_code"
			+ " HAVING SUM(CASE WHEN accepted AND superseded_by IS NULL THEN 1 ELSE 0 END) > 1";

	/** A current return of a union, with the run (job instance) that stored it. */
	private record Stored(Current current, String union, long run) {
	}

	/**
	 * A later accepted return of the same union and year supersedes the current one:
	 * later by the file's last-modified time, ties by ingest order. W06 goes on the one
	 * that counts. A rejected return never supersedes (it never gets here). Decided
	 * return by return in ingest order, for one union.
	 */
	private final class Resubmissions {

		/** The union's returns that count so far. */
		private final List<Current> current = new ArrayList<>();

		/** {@code superseded_by, id} pairs to update. */
		private final List<Object[]> superseded;

		/** W06 findings to insert. */
		private final List<Object[]> findings;

		Resubmissions(List<Object[]> superseded, List<Object[]> findings) {
			this.superseded = superseded;
			this.findings = findings;
		}

		/** Adds an accepted return of the union, the next in ingest order. */
		void add(Current added, String union, int year) {
			List<Current> current = this.current;
			boolean counts = true;
			for (Iterator<Current> it = current.iterator(); it.hasNext();) {
				Current earlier = it.next();
				boolean newer = !added.lastModified().isBefore(earlier.lastModified());
				Current winner = newer ? added : earlier;
				Current loser = newer ? earlier : added;
				this.superseded.add(new Object[] { winner.id(), loser.id() });
				Finding w06 = new Finding("W06", ReturnStore.this.rules.severity("W06"), "", "", union,
						ReturnStore.this.messages.format("W06", year, loser.sourceFile()));
				this.findings.add(finding(winner.submission(), winner.id(), w06));
				if (!newer) {
					counts = false;
					break;
				}
				it.remove();
			}
			if (counts) {
				current.add(added);
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
		this.jdbc
			.update("UPDATE return_record SET superseded_by = NULL WHERE superseded_by IN (" + orphanReturns + ")");
		removed += this.jdbc.update("DELETE FROM return_record WHERE id IN (" + orphanReturns + ")");
		removed += this.jdbc.update("DELETE FROM intake_log WHERE submission_id IS NOT NULL AND NOT EXISTS"
				+ " (SELECT 1 FROM submission s WHERE s.id = intake_log.submission_id)");
		return removed;
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
