package vn.tonghop.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import vn.tonghop.intake.FileNames;
import vn.tonghop.report.feedback.CopyWriters;
import vn.tonghop.report.feedback.FeedbackException;
import vn.tonghop.report.feedback.FeedbackItem;
import vn.tonghop.report.feedback.FeedbackWorkbook;
import vn.tonghop.store.FileRanges;
import vn.tonghop.store.FileStatuses;
import vn.tonghop.store.ProvinceScope;
import vn.tonghop.store.YearMismatch;

/**
 * For every return of the year with findings, a copy of the union's own workbook in
 * {@code OUTPUT/Y/phan-hoi/} with each finding's cell marked and explained, and a first
 * sheet listing them. The union's original file is only read. A file that is no longer
 * where it was ingested from is skipped with a warning; the folder is made anew on each
 * run. A consolidation scoped to some provinces ({@link ProvinceScope}) makes the copies
 * of their files only, each marking the findings of their returns (and of the file).
 */
public class FeedbackReports {

	private static final Log logger = LogFactory.getLog(FeedbackReports.class);

	public static final String FOLDER = "phan-hoi";

	/**
	 * A union's file larger than this is copied with no other copy beside it (POI holds
	 * the whole workbook in memory while it copies it).
	 */
	static final long ALONE_BYTES = 256 * 1024;

	private final JdbcTemplate jdbc;

	private final int threads;

	private final FeedbackWorkbook workbook = new FeedbackWorkbook();

	/** {@code threads}: how many copies are written at the same time. */
	public FeedbackReports(JdbcTemplate jdbc, int threads) {
		this.jdbc = jdbc;
		this.threads = threads;
	}

	record Submission(long id, String sourceFile, String sourcePath, String unionCode, String unionName) {
	}

	/**
	 * The submissions of year {@code ?} with findings and a current return whose file
	 * names are after one and up to another ({@link FileRanges}), with the number of
	 * their current returns and the first one's union. Only the submissions are in the
	 * FROM clause, so that H2 reads the range through the index {@code submission_file},
	 * in its order, and looks each up in the findings' and the returns' indexes. (Joined
	 * to the returns, H2 chose on a small table to go through all the year's current
	 * returns for each range; all the year's submissions joined to their returns took it
	 * 6 s at 150,000 with no finding at all.)
	 */
	public static final String WITH_FINDINGS = "SELECT s.id, s.source_file, s.source_path,"
			+ " (SELECT COUNT(*) FROM return_record r WHERE r.submission_id = s.id AND r.superseded_by IS NULL),"
			+ " (SELECT MIN(r.union_code) FROM return_record r WHERE r.submission_id = s.id AND r.superseded_by IS NULL),"
			+ " (SELECT MIN(r.union_name) FROM return_record r WHERE r.submission_id = s.id AND r.superseded_by IS NULL)"
			+ " FROM submission s WHERE s.report_year = ? AND s.source_file > ? AND s.source_file <= ?"
			+ " AND EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id)"
			+ " AND EXISTS (SELECT 1 FROM return_record r WHERE r.submission_id = s.id AND r.superseded_by IS NULL)"
			+ " ORDER BY s.report_year, s.source_file, s.id";

	/**
	 * {@link #WITH_FINDINGS} for the files of {@code scope}, counting and naming their
	 * returns of its provinces only.
	 */
	static String withFindings(ProvinceScope scope) {
		if (scope.isAll()) {
			return WITH_FINDINGS;
		}
		return WITH_FINDINGS.replace(" AND r.superseded_by IS NULL)",
				" AND r.superseded_by IS NULL" + scope.and("r.province_code") + ")");
	}

	/**
	 * Writes the feedback copies, several at a time ({@link CopyWriters}), a range of
	 * file names at a time; returns how many. Each copy's name is taken in the order of
	 * the files' names, before it is written (an empty file holds it), so two files whose
	 * names flatten to the same one get the same names whatever the order their copies
	 * end in; the name of a copy that could not be made is given up at the end of its
	 * range.
	 */
	public long write(Path output, int year) {
		return write(output, year, false);
	}

	/**
	 * As {@link #write(Path, int)}; when most of the year's returns name another year
	 * ({@link YearMismatch}), no copy is written for a file whose only error is the year
	 * (R04) unless {@code yearMismatchCopies} ({@value YearMismatch#OPTION}): the year
	 * given is more likely wrong than every union.
	 */
	public long write(Path output, int year, boolean yearMismatchCopies) {
		return write(output, year, yearMismatchCopies, ProvinceScope.all());
	}

	/**
	 * The same for the files of {@code scope} only: those with a return of one of its
	 * provinces. The copies that could not be made are recorded anew for those files
	 * only, so that a later consolidation of other provinces keeps its own.
	 */
	public long write(Path output, int year, boolean yearMismatchCopies, ProvinceScope scope) {
		Path folder = CsvReports.yearFolder(output, year).resolve(FOLDER);
		clear(folder);
		this.jdbc.update("DELETE FROM feedback_failure WHERE report_year = ?"
				+ FileStatuses.submissionInScope(scope, "feedback_failure.submission_id"), year);
		Set<Long> withheld = yearMismatchCopies ? Set.of() : Set.copyOf(YearMismatch.withheldCopies(this.jdbc, year));
		if (!withheld.isEmpty()) {
			logger.warn("Phần lớn báo cáo ghi năm khác năm " + year + ": không tạo bản phản hồi cho " + withheld.size()
					+ " tệp chỉ sai năm (R04); " + YearMismatch.OPTION + " để vẫn tạo");
		}
		long[] written = { 0 };
		try (CopyWriters writers = new CopyWriters(this.threads)) {
			FileRanges.forEach(this.jdbc, year, (after, upTo) -> {
				List<Path> targets = new ArrayList<>();
				List<Submission> copied = new ArrayList<>();
				// why each copy of the range that could not be made was not, by its index
				Map<Integer, String> failed = new ConcurrentHashMap<>();
				List<Submission> submissions = new ArrayList<>();
				withFindings(year, scope, after, upTo, submissions::add);
				// the range's findings, read once; none to read when no file has any
				Map<Long, List<FeedbackItem>> findings = submissions.isEmpty() ? Map.of()
						: findings(year, scope, after, upTo);
				// one copy per workbook: a list's rows share theirs; CSV lists get none
				// (no cells to mark)
				submissions.forEach((submission) -> {
					if (withheld.contains(submission.id())) {
						return;
					}
					Path source = (submission.sourcePath() != null) ? FileNames.open(submission.sourcePath()) : null;
					if (isText(submission.sourceFile())) {
						return;
					}
					if (source == null || !Files.isRegularFile(source)) {
						failed(year, submission,
								"tệp không còn ở nơi đã nhận (" + submission.sourcePath() + "), không có bản phản hồi");
						return;
					}
					Path target = reserve(folder, FeedbackWorkbook.targetName(submission.sourceFile()));
					int index = targets.size();
					targets.add(target);
					copied.add(submission);
					writers.add(() -> {
						// the folder is published once every output is written
						String reason = write(source, submission, findings.getOrDefault(submission.id(), List.of()),
								target, true);
						if (reason != null) {
							failed.put(index, reason);
						}
						return reason == null;
					}, size(source) > ALONE_BYTES);
				});
				List<Boolean> made = writers.finish();
				for (int i = 0; i < made.size(); i++) {
					if (made.get(i)) {
						written[0]++;
					}
					else {
						delete(targets.get(i));
						failed(year, copied.get(i), failed.getOrDefault(i, "không rõ lý do"));
					}
				}
			});
		}
		return written[0];
	}

	/**
	 * Records that a submission's feedback copy could not be made, for files.csv and the
	 * summary, with one warning line.
	 */
	private void failed(int year, Submission submission, String reason) {
		logger.warn("Không tạo được phản hồi cho " + submission.sourceFile() + ": " + reason);
		this.jdbc.update("INSERT INTO feedback_failure (submission_id, report_year, reason) VALUES (?, ?, ?)",
				submission.id(), year, (reason.length() > 2000) ? reason.substring(0, 1999) + "…" : reason);
	}

	/**
	 * The year's submissions with findings, in the order of their file names, read a
	 * range of names at a time.
	 */
	void withFindings(int year, Consumer<Submission> submissions) {
		FileRanges.forEach(this.jdbc, year,
				(after, upTo) -> withFindings(year, ProvinceScope.all(), after, upTo, submissions));
	}

	private void withFindings(int year, ProvinceScope scope, String after, String upTo,
			Consumer<Submission> submissions) {
		this.jdbc
			.query(withFindings(scope),
					(rs, n) -> (rs.getLong(4) == 1)
							? new Submission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(5),
									rs.getString(6))
							: new Submission(rs.getLong(1), rs.getString(2), rs.getString(3), "",
									"Danh sách " + rs.getLong(4) + " công đoàn cơ sở"),
					year, after, upTo)
			.forEach(submissions);
	}

	/**
	 * Writes the copy of {@code submission} with {@code items}, {@code into} the empty
	 * file {@code target} when it is one made for the copy in a folder not yet published;
	 * returns why not when its file cannot be opened as a workbook, else {@code null}.
	 */
	private String write(Path source, Submission submission, List<FeedbackItem> items, Path target, boolean into) {
		try {
			if (into) {
				this.workbook.writeInto(source, submission.unionCode(), submission.unionName(), items, target);
			}
			else {
				this.workbook.write(source, submission.unionCode(), submission.unionName(), items, target);
			}
			return null;
		}
		catch (FeedbackException ex) {
			return ex.reason();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	/** In a scope: the findings of its provinces' returns, and of the file. */
	private static String findingsInScope(ProvinceScope scope) {
		return scope.isAll() ? "" : " AND (finding.return_id IS NULL OR EXISTS (SELECT 1 FROM return_record r"
				+ " WHERE r.id = finding.return_id" + scope.and("r.province_code") + "))";
	}

	private static FeedbackItem item(ResultSet rs, int first) throws SQLException {
		return new FeedbackItem(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2).strip(),
				rs.getString(first + 3), rs.getString(first + 4));
	}

	/**
	 * The findings of the submissions whose files' names are in a range (after one name,
	 * up to another), by submission, in the order they were found: one query for a
	 * range's copies rather than one for each.
	 */
	private Map<Long, List<FeedbackItem>> findings(int year, ProvinceScope scope, String after, String upTo) {
		Map<Long, List<FeedbackItem>> items = new HashMap<>();
		this.jdbc.query(
				"SELECT finding.submission_id, finding.sheet, finding.cell, finding.rule, finding.severity,"
						+ " finding.message FROM submission s JOIN finding ON finding.submission_id = s.id"
						+ " WHERE s.report_year = ? AND s.source_file > ? AND s.source_file <= ?"
						+ findingsInScope(scope) + " ORDER BY finding.id",
				(RowCallbackHandler) (rs) -> items.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(item(rs, 2)),
				year, after, upTo);
		return items;
	}

	/**
	 * Writes the feedback copy of one submission, with all its findings, to
	 * {@code target} (a union's upload, on its page); returns why not when its file is
	 * not a workbook or cannot be opened as one, else {@code null}.
	 */
	public String copy(long submission, Path target) {
		List<Submission> found = this.jdbc.query(
				"SELECT s.id, s.source_file, s.source_path,"
						+ " (SELECT COUNT(*) FROM return_record r WHERE r.submission_id = s.id),"
						+ " (SELECT MIN(r.union_code) FROM return_record r WHERE r.submission_id = s.id),"
						+ " (SELECT MIN(r.union_name) FROM return_record r WHERE r.submission_id = s.id)"
						+ " FROM submission s WHERE s.id = ?",
				(rs, n) -> new Submission(rs.getLong(1), rs.getString(2), rs.getString(3),
						(rs.getLong(4) == 1) ? rs.getString(5) : "",
						(rs.getLong(4) == 1) ? rs.getString(6) : "Danh sách " + rs.getLong(4) + " công đoàn cơ sở"),
				submission);
		if (found.isEmpty() || found.get(0).sourcePath() == null) {
			return "Không còn tệp gốc để làm bản phản hồi.";
		}
		if (isText(found.get(0).sourceFile())) {
			return "Tệp CSV không có bản phản hồi: các phát hiện ở trên trang này.";
		}
		List<FeedbackItem> items = this.jdbc.query(
				"SELECT sheet, cell, rule, severity, message FROM finding WHERE submission_id = ? ORDER BY id",
				(rs, n) -> item(rs, 1), submission);
		return write(Path.of(found.get(0).sourcePath()), found.get(0), items, target, false);
	}

	private static boolean isText(String file) {
		String lower = file.toLowerCase(java.util.Locale.ROOT);
		return lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv");
	}

	/**
	 * Takes a copy's name in {@code folder} by making it as an empty file: two source
	 * paths can flatten to one name, and the later one gets a number.
	 */
	private static Path reserve(Path folder, String name) {
		try {
			Files.createDirectories(folder);
			for (int n = 1;; n++) {
				Path target = folder.resolve(numbered(name, n));
				try {
					return Files.createFile(target);
				}
				catch (FileAlreadyExistsException ex) {
					// taken: the next number
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write in " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The {@code n}th copy's name of those whose files' names flatten to {@code name}:
	 * the name itself, then "name (2).xlsx", "name (3).xlsx", ...
	 */
	static String numbered(String name, int n) {
		int dot = (name.lastIndexOf('.') >= 0) ? name.lastIndexOf('.') : name.length();
		return (n == 1) ? name : name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
	}

	/**
	 * A submission of year {@code ?} that gets a feedback copy when its file can be
	 * copied ({@link #WITH_FINDINGS}), and whose copy was not given up.
	 */
	static final String COPIED = "SELECT s.source_file FROM submission s WHERE s.id = ? AND s.report_year = ?"
			+ " AND EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id)"
			+ " AND EXISTS (SELECT 1 FROM return_record r WHERE r.submission_id = s.id AND r.superseded_by IS NULL)"
			+ " AND NOT EXISTS (SELECT 1 FROM feedback_failure ff WHERE ff.submission_id = s.id)";

	/**
	 * The feedback copy of submission {@code submission} that the last consolidation of
	 * {@code year} published in {@code OUTPUT/Y/phan-hoi/}, named as {@link #write} names
	 * it; empty when it has none. A copy is named after its file
	 * ({@link FeedbackWorkbook#targetName}). When two files' names flatten to one name,
	 * {@link #write} numbers their copies in the order it takes the files ("name.xlsx",
	 * "name (2).xlsx", ...; the number of a copy it could not make is taken, and given up
	 * only at the end of its range of names): the copies that exist then belong, in the
	 * order of their numbers, to the files that got one, in that order. (A copy withheld
	 * for the year alone, {@link YearMismatch}, is counted with the others when the
	 * folder holds one copy more than there are without it.)
	 */
	public Optional<Path> copyOf(Path output, int year, long submission) {
		List<String> files = this.jdbc.queryForList(COPIED, String.class, submission, year);
		if (files.isEmpty() || isText(files.get(0))) {
			return Optional.empty();
		}
		Path folder = CsvReports.yearFolder(output, year).resolve(FOLDER);
		String name = FeedbackWorkbook.targetName(files.get(0));
		if (!Files.exists(folder.resolve(numbered(name, 2)))) {
			Path copy = folder.resolve(name);
			return Files.isRegularFile(copy) ? Optional.of(copy) : Optional.empty();
		}
		Set<Long> failed = Set.copyOf(this.jdbc
			.queryForList("SELECT submission_id FROM feedback_failure WHERE report_year = ?", Long.class, year));
		Set<Long> withheld = Set.copyOf(YearMismatch.withheldCopies(this.jdbc, year));
		List<Long> sameName = new ArrayList<>();
		withFindings(year, (other) -> {
			if (!isText(other.sourceFile()) && !failed.contains(other.id())
					&& name.equals(FeedbackWorkbook.targetName(other.sourceFile()))) {
				sameName.add(other.id());
			}
		});
		List<Path> copies = new ArrayList<>();
		for (int n = 1; n <= sameName.size() + failed.size(); n++) {
			Path copy = folder.resolve(numbered(name, n));
			if (Files.isRegularFile(copy)) {
				copies.add(copy);
			}
		}
		List<Long> copied = sameName;
		if (copies.size() < sameName.size()) {
			copied = sameName.stream().filter((id) -> !withheld.contains(id)).toList();
		}
		int index = copied.indexOf(submission);
		return (index >= 0 && index < copies.size()) ? Optional.of(copies.get(index)) : Optional.empty();
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			// the copy will say what is wrong with the file
			return 0;
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void clear(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot clear " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
