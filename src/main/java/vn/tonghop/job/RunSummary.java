package vn.tonghop.job;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.rollup.Completeness;
import vn.tonghop.store.FileStatuses;
import vn.tonghop.store.ProvinceScope;

/**
 * The summary people read at the end of a run: files read and what became of them,
 * returns accepted / rejected / superseded, findings by rule, time taken. Counted from
 * the database, over every execution of the job instance (so a restarted run counts all
 * its files).
 */
@Component
public class RunSummary {

	/** How many files not accepted the summary names, one line each. */
	static final int NAMED_FILES = 20;

	private final JdbcTemplate jdbc;

	private final FileStatuses fileStatuses;

	private final Completeness completeness;

	private final ProvinceResolver provinces;

	RunSummary(JdbcTemplate jdbc, FileStatuses fileStatuses, Completeness completeness, ProvinceResolver provinces) {
		this.jdbc = jdbc;
		this.fileStatuses = fileStatuses;
		this.completeness = completeness;
		this.provinces = provinces;
	}

	/**
	 * Counts of one ingest run, as the README defines them ("What the counts mean").
	 *
	 * @param files files by what the store made of them (new, duplicate, unreadable,
	 * skipped)
	 * @param statuses files by status, every status present
	 * @param returns the returns in the files the run stored, by what became of them
	 * @param replacedEarlier returns stored by earlier runs that a return of this run
	 * superseded (in no count of {@code returns})
	 * @param notAccepted the first {@link #NAMED_FILES} files not accepted, in the order
	 * they were stored
	 */
	public record IngestCounts(Map<String, Long> files, Map<FileStatuses.Status, Long> statuses,
			FileStatuses.ReturnCounts returns, long replacedEarlier, Map<String, Long> findingsByRule,
			List<FileStatuses.Line> notAccepted, Map<String, Long> templateVersions) {

		public long files(String outcome) {
			return this.files.getOrDefault(outcome, 0L);
		}

		public long totalFiles() {
			return this.files.values().stream().mapToLong(Long::longValue).sum();
		}

		/** Returns that count in the consolidation (not superseded). */
		public long accepted() {
			return this.returns.accepted();
		}

		public long rejected() {
			return this.returns.rejected();
		}

		public long superseded() {
			return this.returns.superseded();
		}

		/**
		 * Whether the run found nothing new: each file a duplicate of one received before
		 * (or skipped), so the year's figures are as they were. A file that could not be
		 * read is news to report, with its reason, even when it was before.
		 */
		public boolean nothingNew() {
			return files("DUPLICATE") > 0 && files("NEW") == 0 && files("UNREADABLE") == 0;
		}

	}

	public IngestCounts ingestCounts(JobExecution execution) {
		String run = "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?";
		long instance = execution.getJobInstance().getInstanceId();
		// files by outcome and status, and the returns the run stored (by what became of
		// them, by template version): one pass over the run's files
		List<FileStatuses.Line> notAccepted = new ArrayList<>();
		FileStatuses.RunCounts counts = this.fileStatuses.countRun(instance, (line) -> {
			if (line.status() != FileStatuses.Status.ACCEPTED && notAccepted.size() < NAMED_FILES) {
				notAccepted.add(line);
			}
		});
		String runReturns = "SELECT r.id FROM return_record r JOIN submission s ON s.id = r.submission_id"
				+ " WHERE s.job_execution IN (" + run + ")";
		// earlier returns a return of the run superseded, each looked up by its key (an
		// IN over the run's returns had H2 keep the set of their ids with the statement
		// it caches)
		long replacedEarlier = count(
				"SELECT COUNT(*) FROM return_record x WHERE x.superseded_by IS NOT NULL" + " AND EXISTS (" + runReturns
						+ " AND r.id = x.superseded_by) AND NOT EXISTS (" + runReturns + " AND r.id = x.id)",
				instance, instance);
		Map<String, Long> byRule = new TreeMap<>();
		this.jdbc.query("SELECT f.rule, COUNT(*) FROM finding f JOIN submission s ON s.id = f.submission_id"
				+ " WHERE s.job_execution IN (" + run + ") GROUP BY f.rule", (rs) -> {
					byRule.put(rs.getString(1).strip(), rs.getLong(2));
				}, instance);
		return new IngestCounts(counts.outcomes(), counts.statuses(), counts.returns(), replacedEarlier, byRule,
				notAccepted, counts.templateVersions());
	}

	private long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

	/**
	 * A job's status in words, as {@code tonghop history} says them
	 * ({@code RunHistory.Line#state}).
	 */
	static String state(BatchStatus status) {
		return switch (status) {
			case COMPLETED -> "xong";
			case FAILED -> "thất bại";
			case STOPPED -> "đã dừng";
			case ABANDONED -> "đã bỏ";
			default -> "chưa xong";
		};
	}

	public void printIngest(JobExecution execution, int year, PrintStream out) {
		IngestCounts c = ingestCounts(execution);
		out.println();
		out.println("== Nhận báo cáo năm " + year + " (" + state(execution.getStatus()) + ") ==");
		if (c.nothingNew()) {
			printNothingNew(c, out);
			printTime(execution, c.files("DUPLICATE"), out);
			return;
		}
		out.printf("Tệp đã đọc: %d (mới %d, trùng %d, không đọc được %d, bỏ qua %d)%n", c.totalFiles(), c.files("NEW"),
				c.files("DUPLICATE"), c.files("UNREADABLE"), c.files("SKIPPED"));
		out.printf("Báo cáo: chấp nhận %d, bị từ chối %d, bị thay thế %d%s%n", c.accepted(), c.rejected(),
				c.superseded(),
				(c.replacedEarlier() > 0) ? "; thay thế " + c.replacedEarlier() + " báo cáo nhận trước đây" : "");
		if (c.findingsByRule().isEmpty()) {
			out.println("Phát hiện theo quy tắc: không có");
		}
		else {
			StringBuilder line = new StringBuilder("Phát hiện theo quy tắc:");
			c.findingsByRule().forEach((rule, n) -> line.append(' ').append(rule).append('×').append(n));
			out.println(line);
		}
		if (c.templateVersions().keySet().stream().anyMatch((version) -> !version.isEmpty())) {
			StringBuilder line = new StringBuilder("Phiên bản biểu mẫu:");
			c.templateVersions()
				.forEach((version, n) -> line.append(' ')
					.append(version.isEmpty() ? "(không ghi)" : version)
					.append('×')
					.append(n));
			out.println(line);
		}
		out.println("Tình trạng tệp: " + FileStatuses.describe(c.statuses()));
		for (FileStatuses.Line file : c.notAccepted()) {
			printFile(file, out);
		}
		long notAccepted = c.totalFiles() - c.statuses().get(FileStatuses.Status.ACCEPTED);
		if (notAccepted > c.notAccepted().size()) {
			out.println("  … và " + (notAccepted - c.notAccepted().size())
					+ " tệp khác chưa được nhận; từng tệp và lý do: files.csv.");
		}
		printTime(execution, c.files("NEW") + c.files("DUPLICATE"), out);
	}

	/**
	 * A run that found no new file, in one line (two lines of duplicates, by outcome and
	 * by status, said the same less plainly).
	 */
	private static void printNothingNew(IngestCounts c, PrintStream out) {
		long duplicates = c.files("DUPLICATE");
		out.println("Không có tệp mới: " + duplicates
				+ ((c.files("SKIPPED") == 0) ? " tệp đều đã nhận trước đây"
						: " tệp đã nhận trước đây, " + c.files("SKIPPED") + " tệp bỏ qua")
				+ "; số liệu như lần trước.");
	}

	private static void printFile(FileStatuses.Line file, PrintStream out) {
		out.println("  " + file.status().label() + ": " + file.sourceFile()
				+ (file.reason().isEmpty() ? "" : " — " + file.reason()));
	}

	public void printConsolidate(JobExecution execution, int year, java.nio.file.Path folder, PrintStream out) {
		printConsolidate(execution, year, folder, null, out);
	}

	/**
	 * The consolidation's summary, with {@code warning} (when not null) at its top: what
	 * a reader must know before using the figures. A consolidation scoped to some
	 * provinces (its job parameter, {@link ProvinceScope}) names them, and its counts are
	 * theirs, counted as its outputs count them.
	 */
	public void printConsolidate(JobExecution execution, int year, java.nio.file.Path folder, String warning,
			PrintStream out) {
		ProvinceScope scope = ConsolidateJobConfiguration.scope(execution.getJobParameters());
		long findings = execution.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().equals("writeIssuesCsvStep"))
			.mapToLong((s) -> s.getWriteCount())
			.sum();
		FileStatuses.ReturnCounts returns = this.fileStatuses.returnsOfYear(year, scope);
		out.println();
		out.println("== Tổng hợp năm " + year + " (" + state(execution.getStatus()) + ") ==");
		if (warning != null) {
			out.println("CẢNH BÁO: " + warning);
		}
		if (!scope.isAll()) {
			out.println(scope.describe(this.provinces) + " (chỉ số liệu của các tỉnh, thành phố này)");
		}
		out.printf(
				"Báo cáo của năm: %d (chấp nhận %d, bị từ chối %d, bị thay thế %d); phát hiện trong issues.csv: %d%n",
				returns.judged(), returns.accepted(), returns.rejected(), returns.superseded(), findings);
		out.println(unions(this.completeness.report(year, scope)));
		boolean feedback = execution.getStepExecutions()
			.stream()
			.anyMatch((s) -> s.getStepName().equals("writeFeedbackStep") && s.getStatus() == BatchStatus.COMPLETED);
		if (feedback) {
			printNoFeedback(year, scope, out);
		}
		out.println("Kết quả: " + folder.toAbsolutePath().normalize());
		printTime(execution, returns.accepted(), out);
	}

	/**
	 * The year's unions, as completeness.csv's TOTAL row and the workbook count them:
	 * with a registry, those in it (expected, received, missing) and those that sent a
	 * return without being in it; without, those that sent a return.
	 */
	static String unions(Completeness.Report report) {
		Completeness.Line all = report.total();
		StringBuilder line = new StringBuilder();
		if (report.registryLoaded()) {
			line.append("CĐCS theo danh sách: phải báo cáo ")
				.append(all.expected())
				.append(", đã gửi ")
				.append(all.received());
		}
		else {
			line.append("CĐCS đã gửi báo cáo (chưa nạp danh sách): ").append(all.received());
		}
		line.append(" (có báo cáo được chấp nhận ")
			.append(all.accepted())
			.append(", chỉ có báo cáo bị từ chối ")
			.append(all.rejected())
			.append(')');
		if (report.registryLoaded()) {
			line.append(", chưa báo cáo ").append(all.missing()).append("; ngoài danh sách: ").append(all.unlisted());
		}
		if (report.unidentified() > 0) {
			line.append("; báo cáo không có mã CĐCS: ").append(report.unidentified());
		}
		return line.toString();
	}

	/**
	 * The files whose feedback copy the consolidation could not make: how many, and the
	 * first {@link #NAMED_FILES} with why (all of them are in files.csv).
	 */
	private void printNoFeedback(int year, ProvinceScope scope, PrintStream out) {
		String inScope = FileStatuses.submissionInScope(scope, "f.submission_id");
		long count = count("SELECT COUNT(*) FROM feedback_failure f WHERE f.report_year = ?" + inScope, year);
		if (count == 0) {
			return;
		}
		out.println("Bản phản hồi không tạo được: " + count + " (từng tệp và lý do: files.csv)");
		this.jdbc.query("SELECT s.source_file, f.reason FROM feedback_failure f JOIN submission s"
				+ " ON s.id = f.submission_id WHERE f.report_year = ?" + inScope
				+ " ORDER BY s.source_file, s.id FETCH FIRST " + NAMED_FILES + " ROWS ONLY", (rs) -> {
					out.println("  " + rs.getString(1) + " — " + rs.getString(2));
				}, year);
		if (count > NAMED_FILES) {
			out.println("  … và " + (count - NAMED_FILES) + " tệp khác.");
		}
	}

	private static void printTime(JobExecution execution, long returns, PrintStream out) {
		Duration took = (execution.getStartTime() != null && execution.getEndTime() != null)
				? Duration.between(execution.getStartTime(), execution.getEndTime()) : Duration.ZERO;
		double seconds = Math.max(took.toMillis(), 1) / 1000.0;
		long live = HeapWatch.peakLiveBytes();
		out.printf("Thời gian: %.1f s (%.1f báo cáo/giây); bộ nhớ heap tối đa: %d MB (sau thu gom rác: %d MB%s)%n",
				seconds, returns / seconds, HeapWatch.peakBytes() / (1024 * 1024),
				HeapWatch.peakAfterGcBytes() / (1024 * 1024),
				(live > 0) ? "; còn sống tối đa: " + live / (1024 * 1024) + " MB" : "");
		// in the order they started, which is the order the execution holds them in (the
		// consolidation's workbook runs beside its other steps)
		for (StepExecution step : execution.getStepExecutions()) {
			Duration stepTook = (step.getStartTime() != null && step.getEndTime() != null)
					? Duration.between(step.getStartTime(), step.getEndTime()) : Duration.ZERO;
			out.printf("  bước %s: %.1f s (đọc %d, ghi %d)%n", step.getStepName(), stepTook.toMillis() / 1000.0,
					step.getReadCount(), step.getWriteCount());
		}
	}

}
