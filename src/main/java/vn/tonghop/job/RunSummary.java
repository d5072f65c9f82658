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

import vn.tonghop.store.FileStatuses;

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

	RunSummary(JdbcTemplate jdbc, FileStatuses fileStatuses) {
		this.jdbc = jdbc;
		this.fileStatuses = fileStatuses;
	}

	/**
	 * Counts of one ingest run.
	 *
	 * @param files files by what the store made of them (new, duplicate, unreadable,
	 * skipped)
	 * @param statuses files by status, every status present
	 * @param notAccepted the first {@link #NAMED_FILES} files not accepted, in the order
	 * they were stored
	 */
	public record IngestCounts(Map<String, Long> files, Map<FileStatuses.Status, Long> statuses, long accepted,
			long rejected, long superseded, Map<String, Long> findingsByRule, List<FileStatuses.Line> notAccepted,
			Map<String, Long> templateVersions) {

		public long files(String outcome) {
			return this.files.getOrDefault(outcome, 0L);
		}

		public long totalFiles() {
			return this.files.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	public IngestCounts ingestCounts(JobExecution execution) {
		String run = "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?";
		long instance = execution.getJobInstance().getInstanceId();
		// files by outcome and status, and the returns the run stored (accepted or not,
		// by template version): one pass over the run's files
		List<FileStatuses.Line> notAccepted = new ArrayList<>();
		FileStatuses.RunCounts counts = this.fileStatuses.countRun(instance, (line) -> {
			if (line.status() != FileStatuses.Status.ACCEPTED && notAccepted.size() < NAMED_FILES) {
				notAccepted.add(line);
			}
		});
		String runReturns = "SELECT r.id FROM return_record r JOIN submission s ON s.id = r.submission_id"
				+ " WHERE s.job_execution IN (" + run + ")";
		// returns of the run that were superseded, and earlier ones a return of the run
		// superseded; each looked up by its key (an IN over the run's returns had H2 keep
		// the set of their ids with the statement it caches)
		long superseded = count(
				"SELECT COUNT(*) FROM return_record x WHERE x.superseded_by IS NOT NULL AND (EXISTS (" + runReturns
						+ " AND r.id = x.id) OR EXISTS (" + runReturns + " AND r.id = x.superseded_by))",
				instance, instance);
		Map<String, Long> byRule = new TreeMap<>();
		this.jdbc.query("SELECT f.rule, COUNT(*) FROM finding f JOIN submission s ON s.id = f.submission_id"
				+ " WHERE s.job_execution IN (" + run + ") GROUP BY f.rule", (rs) -> {
					byRule.put(rs.getString(1).strip(), rs.getLong(2));
				}, instance);
		return new IngestCounts(counts.outcomes(), counts.statuses(), counts.accepted(), counts.rejected(), superseded,
				byRule, notAccepted, counts.templateVersions());
	}

	private long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

	public void printIngest(JobExecution execution, int year, PrintStream out) {
		IngestCounts c = ingestCounts(execution);
		out.println();
		out.println("== Nhận báo cáo năm " + year + " (" + execution.getStatus() + ") ==");
		out.printf("Tệp đã đọc: %d (mới %d, trùng %d, không đọc được %d, bỏ qua %d)%n", c.totalFiles(), c.files("NEW"),
				c.files("DUPLICATE"), c.files("UNREADABLE"), c.files("SKIPPED"));
		out.printf("Báo cáo: chấp nhận %d, bị từ chối %d, bị thay thế %d%n", c.accepted(), c.rejected(),
				c.superseded());
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
		StringBuilder statuses = new StringBuilder("Tình trạng tệp:");
		c.statuses()
			.forEach((status, n) -> statuses.append((status.ordinal() > 0) ? ", " : " ")
				.append(status.label())
				.append(' ')
				.append(n));
		out.println(statuses);
		for (FileStatuses.Line file : c.notAccepted()) {
			out.println("  " + file.status().label() + ": " + file.sourceFile()
					+ (file.reason().isEmpty() ? "" : " — " + file.reason()));
		}
		long notAccepted = c.totalFiles() - c.statuses().get(FileStatuses.Status.ACCEPTED);
		if (notAccepted > c.notAccepted().size()) {
			out.println("  … và " + (notAccepted - c.notAccepted().size())
					+ " tệp khác chưa được nhận; từng tệp và lý do: files.csv.");
		}
		printTime(execution, c.files("NEW") + c.files("DUPLICATE"), out);
	}

	public void printConsolidate(JobExecution execution, int year, java.nio.file.Path folder, PrintStream out) {
		printConsolidate(execution, year, folder, null, out);
	}

	/**
	 * The consolidation's summary, with {@code warning} (when not null) at its top: what
	 * a reader must know before using the figures.
	 */
	public void printConsolidate(JobExecution execution, int year, java.nio.file.Path folder, String warning,
			PrintStream out) {
		long returns = execution.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().equals("writeReturnsCsvStep"))
			.mapToLong((s) -> s.getWriteCount())
			.sum();
		long findings = execution.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().equals("writeIssuesCsvStep"))
			.mapToLong((s) -> s.getWriteCount())
			.sum();
		out.println();
		out.println("== Tổng hợp năm " + year + " (" + execution.getStatus() + ") ==");
		if (warning != null) {
			out.println("CẢNH BÁO: " + warning);
		}
		out.printf("Báo cáo được tổng hợp: %d; phát hiện trong issues.csv: %d%n", returns, findings);
		boolean feedback = execution.getStepExecutions()
			.stream()
			.anyMatch((s) -> s.getStepName().equals("writeFeedbackStep") && s.getStatus() == BatchStatus.COMPLETED);
		if (feedback) {
			printNoFeedback(year, out);
		}
		out.println("Kết quả: " + folder.toAbsolutePath().normalize());
		printTime(execution, returns, out);
	}

	/**
	 * The files whose feedback copy the consolidation could not make: how many, and the
	 * first {@link #NAMED_FILES} with why (all of them are in files.csv).
	 */
	private void printNoFeedback(int year, PrintStream out) {
		long count = count("SELECT COUNT(*) FROM feedback_failure WHERE report_year = ?", year);
		if (count == 0) {
			return;
		}
		out.println("Bản phản hồi không tạo được: " + count + " (từng tệp và lý do: files.csv)");
		this.jdbc.query("SELECT s.source_file, f.reason FROM feedback_failure f JOIN submission s"
				+ " ON s.id = f.submission_id WHERE f.report_year = ? ORDER BY s.source_file, s.id FETCH FIRST "
				+ NAMED_FILES + " ROWS ONLY", (rs) -> {
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
