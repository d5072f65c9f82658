package vn.tonghop.job;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import vn.tonghop.report.CsvReports;
import vn.tonghop.report.FeedbackReports;
import vn.tonghop.report.WorkbookReports;
import vn.tonghop.report.YearOutputs;
import vn.tonghop.rollup.CrossChecks;
import vn.tonghop.store.ProvinceScope;

/**
 * {@code consolidateYearJob}: rolls up what is stored for a year and writes the outputs.
 * Each step rewrites its files whole, into a folder of the run's own, and the last step
 * publishes them all at once ({@link YearOutputs}); a failed run publishes nothing and
 * runs every step again on restart. Job parameters: {@code year}, {@code output} and, for
 * a consolidation scoped to some provinces, {@value ProvinceScope#PARAMETER} (their
 * codes, comma-separated; absent for all), which each step reads as it runs.
 */
@Configuration(proxyBeanMethods = false)
class ConsolidateJobConfiguration {

	private static final Log logger = LogFactory.getLog(ConsolidateJobConfiguration.class);

	static final String JOB = "consolidateYearJob";

	/**
	 * The job parameter ("true") that writes the feedback copies of returns whose only
	 * error is the year even when most returns name another year.
	 */
	static final String YEAR_MISMATCH_COPIES = "feedbackYearMismatch";

	/**
	 * The cross-checks first (the outputs show their findings), then three flows at once:
	 * the analysts' workbook, the longest step of a clean inbox; the CSV files one after
	 * the other; and the feedback copies, the longest when many returns have findings
	 * (started with the others, not after the CSV files: at 150,000 returns a third of
	 * them with findings it waited 25 s for returns.csv and issues.csv on one core). Each
	 * flow only reads the database and writes its own files; files.csv, which names the
	 * copies that could not be made, comes after all three.
	 */
	@Bean
	Job consolidateYearJob(JobRepository jobRepository, Step crossCheckReturnsStep, Step writeReturnsCsvStep,
			Step writeRollupsStep, Step writeCompletenessStep, Step writeIssuesCsvStep, Step writeFilesCsvStep,
			Step writeFeedbackStep, Step writeWorkbookStep, Step publishOutputsStep, RunProgress progress) {
		Flow files = new FlowBuilder<Flow>("writeFilesFlow").start(writeReturnsCsvStep)
			.next(writeRollupsStep)
			.next(writeCompletenessStep)
			.next(writeIssuesCsvStep)
			.build();
		Flow feedback = new FlowBuilder<Flow>("writeFeedbackFlow").start(writeFeedbackStep).build();
		Flow workbook = new FlowBuilder<Flow>("writeWorkbookFlow").start(writeWorkbookStep).build();
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("tonghop-write-");
		executor.setConcurrencyLimit(3);
		return new JobBuilder(JOB, jobRepository).listener(new JobExecutionListener() {
			@Override
			public void beforeJob(JobExecution execution) {
				JobParameters parameters = execution.getJobParameters();
				progress.consolidationStarted(parameters.getLong("year").intValue());
				YearOutputs.prepare(Path.of(parameters.getString("output")), parameters.getLong("year").intValue());
			}

			@Override
			public void afterJob(JobExecution execution) {
				progress.consolidationEnded();
				if (execution.getStatus() != BatchStatus.COMPLETED) {
					JobParameters parameters = execution.getJobParameters();
					YearOutputs.discard(Path.of(parameters.getString("output")), parameters.getLong("year").intValue());
				}
			}
		})
			.start(new FlowBuilder<Flow>("crossCheckFlow").start(crossCheckReturnsStep).build())
			.next(new FlowBuilder<Flow>("writeOutputsFlow").split(executor).add(workbook, files, feedback).build())
			// files.csv names the copies the feedback step could not make
			.next(new FlowBuilder<Flow>("writeFilesCsvFlow").start(writeFilesCsvStep).build())
			.next(new FlowBuilder<Flow>("publishOutputsFlow").start(publishOutputsStep).build())
			.end()
			.build();
	}

	/**
	 * The outputs, all written, switched in for those of the year's folder at once
	 * ({@link YearOutputs}); returns the number of files and folders published.
	 */
	@Bean
	Step publishOutputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunProgress progress) {
		return new StepBuilder("publishOutputsStep", jobRepository).listener(announce("publishOutputsStep", progress))
			.tasklet((contribution, chunk) -> {
				StepExecution step = chunk.getStepContext().getStepExecution();
				JobParameters parameters = step.getJobParameters();
				List<String> published = YearOutputs.publish(Path.of(parameters.getString("output")),
						parameters.getLong("year").intValue(), "số " + step.getJobExecutionId());
				contribution.incrementWriteCount(published.size());
				return RepeatStatus.FINISHED;
			}, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	/** The union's own workbook with its findings marked, under phan-hoi/. */
	@Bean
	Step writeFeedbackStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FeedbackReports feedback, RunProgress progress) {
		return reportStep("writeFeedbackStep", jobRepository, transactionManager, progress,
				(output, year, scope, parameters) -> feedback.write(output, year,
						Boolean.parseBoolean(parameters.getString(YEAR_MISMATCH_COPIES)), scope));
	}

	/** The analysts' workbook tong-hop-thi-dua-Y.xlsx. */
	@Bean
	Step writeWorkbookStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WorkbookReports workbook, RunProgress progress) {
		return reportStep("writeWorkbookStep", jobRepository, transactionManager, progress, workbook::write);
	}

	/**
	 * W03, W05, W08: findings against the registry and last year, made anew for the year.
	 * Of every province, in a scoped consolidation too: these are stored findings, not an
	 * output, and the outputs of the scope show those of its provinces.
	 */
	@Bean
	Step crossCheckReturnsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CrossChecks crossChecks, RunProgress progress) {
		return reportStep("crossCheckReturnsStep", jobRepository, transactionManager, progress,
				(output, year, scope) -> crossChecks.recompute(year));
	}

	@Bean
	Step writeCompletenessStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvReports reports, RunProgress progress) {
		return reportStep("writeCompletenessStep", jobRepository, transactionManager, progress,
				reports::writeCompleteness);
	}

	@Bean
	Step writeReturnsCsvStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvReports reports, RunProgress progress) {
		return reportStep("writeReturnsCsvStep", jobRepository, transactionManager, progress, reports::writeReturns);
	}

	/**
	 * by-province.csv, by-sector.csv, by-province-sector.csv, by-industry.csv, and
	 * by-parent-union.csv in a provincial federation's own view (its rows are the step's
	 * write count).
	 */
	@Bean
	Step writeRollupsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvReports reports, RunProgress progress) {
		return reportStep("writeRollupsStep", jobRepository, transactionManager, progress, reports::writeRollups);
	}

	@Bean
	Step writeIssuesCsvStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvReports reports, RunProgress progress) {
		return reportStep("writeIssuesCsvStep", jobRepository, transactionManager, progress, reports::writeIssues);
	}

	/** files.csv: every file looked at for the year, with its status and why. */
	@Bean
	Step writeFilesCsvStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvReports reports, RunProgress progress) {
		return reportStep("writeFilesCsvStep", jobRepository, transactionManager, progress, reports::writeFiles);
	}

	/**
	 * Writes files for the job's year and output folder, with the rows of its provinces
	 * ({@link ProvinceScope}); returns the rows written.
	 */
	@FunctionalInterface
	interface Report {

		long write(Path output, int year, ProvinceScope scope);

	}

	/**
	 * What each step does, for the log, numbered in this order: the cross-checks, the CSV
	 * files one after the other (2–5), the feedback copies (6) and the workbook (7),
	 * which run at the same time as 2–5, each on a thread of its own, then files.csv and
	 * publishing. The log lines of 2, 6 and 7 say that they run together, so a log where
	 * 7 comes before 3 is true.
	 */
	static final Map<String, String> STEPS = steps();

	private static Map<String, String> steps() {
		Map<String, String> steps = new LinkedHashMap<>();
		steps.put("crossCheckReturnsStep", "đối chiếu với danh sách đơn vị và năm trước");
		steps.put("writeReturnsCsvStep", "ghi returns.csv (các bước 2–5, bước 6 và bước 7 chạy cùng lúc)");
		steps.put("writeRollupsStep", "ghi các bảng tổng hợp CSV");
		steps.put("writeCompletenessStep", "ghi completeness.csv");
		steps.put("writeIssuesCsvStep", "ghi issues.csv");
		steps.put("writeFeedbackStep", "ghi bản phản hồi cho các đơn vị (phan-hoi/; cùng lúc với các bước 2–5 và 7)");
		steps.put("writeWorkbookStep", "ghi sổ tổng hợp Excel (cùng lúc với các bước 2–6)");
		steps.put("writeFilesCsvStep", "ghi files.csv (tình trạng từng tệp)");
		steps.put("publishOutputsStep", "thay bộ kết quả cũ bằng bộ vừa ghi");
		return Collections.unmodifiableMap(steps);
	}

	/**
	 * Logs the step's number and what it does as it starts, and tells {@code progress}
	 * when it starts and ends.
	 */
	private static StepExecutionListener announce(String name, RunProgress progress) {
		return new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution step) {
				logger.info(logLine(name, step.getJobParameters().getLong("year")));
				progress.stepStarted(name);
			}

			@Override
			public ExitStatus afterStep(StepExecution step) {
				progress.stepEnded(name, !step.getStatus().isUnsuccessful() && step.getStatus() != BatchStatus.STOPPED
						&& step.getFailureExceptions().isEmpty());
				return null;
			}
		};
	}

	/**
	 * "Tổng hợp năm 2026, bước 7/9: ghi sổ tổng hợp Excel (cùng lúc với các bước 2–6)".
	 */
	static String logLine(String step, long year) {
		int number = List.copyOf(STEPS.keySet()).indexOf(step) + 1;
		return "Tổng hợp năm " + year + ", bước " + number + "/" + STEPS.size() + ": " + STEPS.get(step);
	}

	/** A {@link Report} that takes other job parameters too. */
	@FunctionalInterface
	interface ReportWithParameters {

		long write(Path output, int year, ProvinceScope scope, JobParameters parameters);

	}

	/** The provinces a consolidation's parameters scope it to ({@link ProvinceScope}). */
	static ProvinceScope scope(JobParameters parameters) {
		return ProvinceScope.parse(parameters.getString(ProvinceScope.PARAMETER));
	}

	private static Step reportStep(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, RunProgress progress, Report report) {
		return reportStep(name, jobRepository, transactionManager, progress,
				(ReportWithParameters) (output, year, scope, parameters) -> report.write(output, year, scope));
	}

	private static Step reportStep(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, RunProgress progress, ReportWithParameters report) {
		return new StepBuilder(name, jobRepository).listener(announce(name, progress))
			.tasklet((contribution, chunk) -> {
				JobParameters parameters = chunk.getStepContext().getStepExecution().getJobParameters();
				// written where they wait to be published together
				long rows = report.write(YearOutputs.staging(Path.of(parameters.getString("output"))),
						parameters.getLong("year").intValue(), scope(parameters), parameters);
				contribution.incrementWriteCount(rows);
				return RepeatStatus.FINISHED;
			}, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

}
