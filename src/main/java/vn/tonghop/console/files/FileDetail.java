package vn.tonghop.console.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.util.CellReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.console.NotFound;
import vn.tonghop.console.Scope;
import vn.tonghop.console.year.InScope;
import vn.tonghop.console.union.UnionUploads;
import vn.tonghop.intake.FileNames;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.report.FeedbackReports;
import vn.tonghop.serve.ServeSettings;
import vn.tonghop.store.FileStatuses;
import vn.tonghop.store.UnionSubmissions;

/**
 * One file of a year, by the id of an intake log row of its path: its line of
 * {@code files.csv} ({@link FileStatuses#ofPath}, the file's latest look), its returns
 * and findings, the other submissions of its unions, and where its original and its
 * feedback copy are. A file is the user's when its returns all lie in her provinces
 * ({@link FileStatuses#within}); a file of no province (no return) is the ADMIN's only.
 * Anything else is not found.
 */
@Component
class FileDetail {

	/** Most rows of a union's other submissions shown. */
	static final int OTHERS = 200;

	private final FileStatuses files;

	private final FeedbackReports feedback;

	private final ServeSettings settings;

	private final ProvinceResolver provinces;

	private final JdbcTemplate jdbc;

	private final UnionSubmissions unions;

	FileDetail(FileStatuses files, FeedbackReports feedback, ServeSettings settings, ProvinceResolver provinces,
			JdbcTemplate jdbc) {
		this.files = files;
		this.feedback = feedback;
		this.settings = settings;
		this.provinces = provinces;
		this.jdbc = jdbc;
		this.unions = new UnionSubmissions(jdbc);
	}

	/**
	 * A file the user may see.
	 *
	 * @param id the intake log row the page was asked by
	 * @param row the file's line, from its latest look
	 * @param submission the submission's path as ingested and when, or null
	 */
	record Found(long id, int year, FileStatuses.Row row, Stored submission) {
	}

	/** A submission's file as ingested: its path relative to the inbox, where, when. */
	record Stored(long id, String sourceFile, String sourcePath, LocalDateTime received) {
	}

	/** A return of the file. */
	record Return(long id, String sheet, String unionCode, String unionName, String province, String state) {
	}

	/** A finding of the file, with its cell's place for sorting. */
	record Finding(String sheet, String cell, String rule, String severity, String message, String unionCode) {
	}

	/**
	 * A return of the same union in the year: in which file, whether it counts now
	 * ({@code state}: counting, superseded, rejected), the files it replaced and the one
	 * that replaced it; {@code fileId} is null when that file is not the user's to open.
	 */
	record Other(long returnId, String unionCode, String sourceFile, Long fileId, LocalDateTime received, String state,
			boolean thisFile, List<String> replaced, String replacedBy) {
	}

	/** The file of intake log row {@code id}, when the user may see it. */
	Found find(String id, Scope scope) {
		long logId;
		try {
			logId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFound("tệp " + id);
		}
		record Look(int year, String sourceFile) {
		}
		List<Look> look = this.jdbc.query("SELECT report_year, source_file FROM intake_log WHERE id = ?",
				(rs, n) -> new Look(rs.getInt(1), rs.getString(2)), logId);
		if (look.isEmpty()) {
			throw new NotFound("tệp " + id);
		}
		int year = look.get(0).year();
		FileStatuses.Row row = this.files.ofPath(year, look.get(0).sourceFile())
			.orElseThrow(() -> new NotFound("tệp " + id));
		boolean visible = (row.submission() != null) ? this.files.within(row.submission(), InScope.returns(scope))
				: scope.all();
		if (!visible) {
			throw new NotFound("tệp " + id);
		}
		Stored stored = (row.submission() != null) ? this.jdbc.queryForObject(
				"SELECT id, source_file, source_path, ingested_at FROM submission WHERE id = ?",
				(rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), time(rs.getTimestamp(4))),
				row.submission()) : null;
		return new Found(logId, year, row, stored);
	}

	/**
	 * What changed in an accepted return of the file from the union's accepted return
	 * before it: each indicator, old → new, with its cell ({@link UnionSubmissions}, as
	 * {@code tonghop history --union} prints it).
	 */
	record Changed(String unionCode, List<UnionSubmissions.Change> changes) {
	}

	/** The changes of the file's accepted returns, those with any. */
	List<Changed> changes(Found file) {
		List<Changed> changed = new ArrayList<>();
		for (Return stored : returns(file)) {
			if (stored.unionCode().isEmpty()) {
				continue;
			}
			this.unions.of(file.year(), stored.unionCode())
				.stream()
				.filter((submission) -> submission.returnId() == stored.id() && !submission.changes().isEmpty())
				.findFirst()
				.ifPresent((submission) -> changed.add(new Changed(stored.unionCode(), submission.changes())));
		}
		return changed;
	}

	/** The file's returns, as stored. */
	List<Return> returns(Found file) {
		if (file.submission() == null) {
			return List.of();
		}
		return this.jdbc.query(
				"SELECT r.id, r.sheet, r.union_code, r.union_name, r.province_code, r.accepted, r.superseded_by"
						+ " FROM return_record r WHERE r.submission_id = ? ORDER BY r.id",
				(rs, n) -> new Return(rs.getLong(1), rs.getString(2), strip(rs.getString(3)),
						(rs.getString(4) != null) ? rs.getString(4) : "", provinceName(rs.getString(5)),
						state(rs.getBoolean(6), rs.getObject(7) != null)),
				file.submission().id());
	}

	/** The file's findings, by sheet, then cell (row by row), then as found. */
	List<Finding> findings(Found file) {
		if (file.submission() == null) {
			return List.of();
		}
		List<Finding> findings = new ArrayList<>(this.jdbc.query(
				"SELECT f.sheet, f.cell, f.rule, f.severity, f.message, f.union_code FROM finding f"
						+ " WHERE f.submission_id = ? ORDER BY f.id",
				(rs, n) -> new Finding(rs.getString(1), strip(rs.getString(2)), strip(rs.getString(3)),
						strip(rs.getString(4)).toUpperCase(Locale.ROOT), rs.getString(5), strip(rs.getString(6))),
				file.submission().id()));
		findings.sort(Comparator.comparing(Finding::sheet).thenComparing(Finding::cell, FileDetail::byCell));
		return findings;
	}

	/** Cells row by row, then column by column; a finding of no cell first. */
	static int byCell(String a, String b) {
		long[] x = place(a);
		long[] y = place(b);
		int byRow = Long.compare(x[0], y[0]);
		return (byRow != 0) ? byRow : Long.compare(x[1], y[1]);
	}

	private static long[] place(String cell) {
		if (cell == null || cell.isBlank()) {
			return new long[] { -1, -1 };
		}
		try {
			CellReference reference = new CellReference(cell.strip());
			return new long[] { reference.getRow(), reference.getCol() };
		}
		catch (RuntimeException ex) {
			// not an A1 address: after the cells
			return new long[] { Long.MAX_VALUE, Long.MAX_VALUE };
		}
	}

	/**
	 * Every return of the year of the file's unions, in the user's provinces, in the
	 * order they were stored: which counts now, which it replaced and was replaced by.
	 */
	List<Other> others(Found file, Scope scope) {
		if (file.submission() == null) {
			return List.of();
		}
		List<String> unions = this.jdbc.queryForList(
				"SELECT DISTINCT r.union_code FROM return_record r WHERE r.submission_id = ? AND r.union_code <> ''",
				String.class, file.submission().id());
		if (unions.isEmpty()) {
			return List.of();
		}
		String returns = InScope.returns(scope);
		record Seen(long id, long submission, String union, String sourceFile, LocalDateTime received, boolean accepted,
				Long supersededBy) {
		}
		List<Object> arguments = new ArrayList<>();
		arguments.add(file.year());
		arguments.addAll(unions);
		List<Seen> seen = this.jdbc.query(
				"SELECT r.id, r.submission_id, r.union_code, s.source_file, s.ingested_at, r.accepted, r.superseded_by"
						+ " FROM return_record r JOIN submission s ON s.id = r.submission_id"
						+ " WHERE r.report_year = ? AND r.union_code IN ("
						+ String.join(", ", Collections.nCopies(unions.size(), "?")) + ")"
						+ ((returns != null) ? " AND (" + returns + ")" : "") + " ORDER BY r.union_code, r.id"
						+ " FETCH FIRST " + OTHERS + " ROWS ONLY",
				(rs, n) -> new Seen(rs.getLong(1), rs.getLong(2), strip(rs.getString(3)), rs.getString(4),
						time(rs.getTimestamp(5)), rs.getBoolean(6), (rs.getObject(7) != null) ? rs.getLong(7) : null),
				arguments.toArray());
		Map<Long, String> fileOf = new HashMap<>();
		seen.forEach((s) -> fileOf.put(s.id(), s.sourceFile()));
		Map<Long, Long> pages = new LinkedHashMap<>();
		List<Other> others = new ArrayList<>();
		for (Seen s : seen) {
			Long page = pages.computeIfAbsent(s.submission(),
					(submission) -> page(file.year(), s.sourceFile(), submission, returns));
			List<String> replaced = seen.stream()
				.filter((other) -> Long.valueOf(s.id()).equals(other.supersededBy()))
				.map(Seen::sourceFile)
				.distinct()
				.toList();
			String replacedBy = (s.supersededBy() != null) ? fileOf.get(s.supersededBy()) : null;
			others.add(new Other(s.id(), s.union(), s.sourceFile(), (page >= 0) ? page : null, s.received(),
					state(s.accepted(), s.supersededBy() != null), s.submission() == file.submission().id(), replaced,
					replacedBy));
		}
		return others;
	}

	/**
	 * The page id (latest intake log row) of a submission's file when the user may open
	 * it, else -1.
	 */
	private long page(int year, String sourceFile, long submission, String returns) {
		if (!this.files.within(submission, returns)) {
			return -1;
		}
		Long id = this.jdbc.queryForObject(
				"SELECT MAX(l.id) FROM intake_log l WHERE l.report_year = ? AND l.source_file = ?", Long.class, year,
				sourceFile);
		return (id != null) ? id : -1;
	}

	/**
	 * The file's original bytes in the inbox: the path its submission was ingested from,
	 * or for a file whose bytes were stored as another's (a duplicate) or not at all, its
	 * own path in the inbox; empty when no such file lies in the inbox any more.
	 */
	Optional<Path> original(Found file) {
		String sourceFile = file.row().line().sourceFile();
		Path candidate;
		if (file.submission() != null && sourceFile.equals(file.submission().sourceFile())
				&& file.submission().sourcePath() != null) {
			candidate = FileNames.open(file.submission().sourcePath());
		}
		else if (!sourceFile.contains("\\x")) {
			// a name that is not UTF-8 is written with \xHH: no path opens it
			candidate = this.settings.input().resolve(sourceFile);
		}
		else {
			return Optional.empty();
		}
		Optional<Path> inInbox = inside(this.settings.input(), candidate);
		// or a union's upload, kept in the data folder
		return inInbox.isPresent() ? inInbox : inside(this.settings.dataDir().resolve(UnionUploads.FOLDER), candidate);
	}

	/**
	 * How the file came, when a union sent it on its page: the name its browser gave, the
	 * union's code and when; null for a file of the inbox.
	 */
	record Uploaded(String fileName, String unionCode, LocalDateTime at) {
	}

	Uploaded uploaded(Found file) {
		String sha = file.row().line().sha256();
		if (sha == null) {
			return null;
		}
		return this.jdbc
			.query("SELECT file_name, union_code, uploaded_at FROM union_upload WHERE sha256 = ? AND report_year = ?"
					+ " AND status = 'READ' ORDER BY id",
					(rs, n) -> new Uploaded(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime()),
					sha, file.year())
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** The file's feedback copy in the published outputs, when it has one. */
	Optional<Path> feedback(Found file) {
		if (file.submission() == null) {
			return Optional.empty();
		}
		return this.feedback.copyOf(this.settings.output(), file.year(), file.submission().id())
			.flatMap((copy) -> inside(this.settings.output(), copy));
	}

	/**
	 * The file, when it is a regular file inside {@code folder} once every link is
	 * followed.
	 */
	static Optional<Path> inside(Path folder, Path file) {
		try {
			Path root = folder.toRealPath();
			Path real = file.toRealPath();
			return (real.startsWith(root) && !real.equals(root) && Files.isRegularFile(real)) ? Optional.of(real)
					: Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static String state(boolean accepted, boolean superseded) {
		return !accepted ? "rejected" : superseded ? "superseded" : "counting";
	}

	private String provinceName(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return this.provinces.byCode(code.strip()).map(Province::name).orElse(code.strip());
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

	private static LocalDateTime time(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
