package vn.tonghop.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.report.feedback.FeedbackException;
import vn.tonghop.report.feedback.FeedbackItem;
import vn.tonghop.report.feedback.FeedbackWorkbook;
import vn.tonghop.store.FileRanges;

/**
 * For every return of the year with findings, a copy of the union's own workbook in
 * {@code OUTPUT/Y/phan-hoi/} with each finding's cell marked and explained, and a first
 * sheet listing them. The union's original file is only read. A file that is no longer
 * where it was ingested from is skipped with a warning; the folder is made anew on each
 * run.
 */
public class FeedbackReports {

	private static final Log logger = LogFactory.getLog(FeedbackReports.class);

	public static final String FOLDER = "phan-hoi";

	private final JdbcTemplate jdbc;

	private final FeedbackWorkbook workbook = new FeedbackWorkbook();

	public FeedbackReports(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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

	/** Writes the feedback copies; returns how many. */
	public long write(Path output, int year) {
		Path folder = CsvReports.yearFolder(output, year).resolve(FOLDER);
		clear(folder);
		// one copy per workbook: a list's rows share theirs; CSV lists get none (no cells
		// to mark); a range of file names at a time, so that no list of all the files
		// with
		// findings is held
		long[] written = { 0 };
		withFindings(year, (submission) -> {
			if (!isText(submission.sourceFile()) && write(folder, submission)) {
				written[0]++;
			}
		});
		return written[0];
	}

	/**
	 * The year's submissions with findings, in the order of their file names, read a
	 * range of names at a time.
	 */
	void withFindings(int year, Consumer<Submission> submissions) {
		FileRanges.forEach(this.jdbc, year, (after, upTo) -> this.jdbc
			.query(WITH_FINDINGS, (rs, n) -> (rs.getLong(4) == 1)
					? new Submission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(5), rs.getString(6))
					: new Submission(rs.getLong(1), rs.getString(2), rs.getString(3), "",
							"Danh sách " + rs.getLong(4) + " công đoàn cơ sở"),
					year, after, upTo)
			.forEach(submissions));
	}

	/** Writes one submission's feedback copy; false when it cannot be made. */
	private boolean write(Path folder, Submission submission) {
		if (submission.sourcePath() == null || !Files.isRegularFile(Path.of(submission.sourcePath()))) {
			logger.warn("Không tạo được phản hồi cho " + submission.sourceFile() + ": tệp không còn ở nơi đã nhận ("
					+ submission.sourcePath() + ").");
			return false;
		}
		List<FeedbackItem> items = this.jdbc.query(
				"SELECT sheet, cell, rule, severity, message FROM finding WHERE submission_id = ? ORDER BY id",
				(rs, n) -> new FeedbackItem(rs.getString(1), rs.getString(2), rs.getString(3).strip(), rs.getString(4),
						rs.getString(5)),
				submission.id());
		Path target = unique(folder, FeedbackWorkbook.targetName(submission.sourceFile()));
		try {
			Files.createDirectories(folder);
			this.workbook.write(Path.of(submission.sourcePath()), submission.unionCode(), submission.unionName(),
					new ArrayList<>(items), target);
			return true;
		}
		catch (FeedbackException ex) {
			logger.warn("Không tạo được phản hồi cho " + submission.sourceFile() + ": " + ex.reason());
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean isText(String file) {
		String lower = file.toLowerCase(java.util.Locale.ROOT);
		return lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv");
	}

	/** Two source paths can flatten to one name: the later one gets a number. */
	private static Path unique(Path folder, String name) {
		Path target = folder.resolve(name);
		int dot = name.lastIndexOf('.');
		for (int n = 2; Files.exists(target); n++) {
			target = folder.resolve(name.substring(0, dot) + " (" + n + ")" + name.substring(dot));
		}
		return target;
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
