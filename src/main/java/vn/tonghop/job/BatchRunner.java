package vn.tonghop.job;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.rollup.Rollups;
import vn.tonghop.store.LastIngest;
import vn.tonghop.store.ProvinceScope;
import vn.tonghop.store.ReturnStore;
import vn.tonghop.store.StoreRepair;
import vn.tonghop.store.YearMismatch;

/**
 * Starts the jobs for the command line. When the last run of a job with the same input
 * failed, was stopped or was killed, that execution is restarted instead of starting
 * afresh: an ingest goes on from its last committed chunk (the files it already stored
 * are not read again), a consolidation runs all its steps again (each rewrites its
 * outputs whole from the database).
 *
 * <p>
 * The caller holds the {@link RunLock}: an execution the job repository still shows as
 * running can then only be one whose process died (killed, power cut), and is recovered
 * (marked failed) before it is restarted.
 */
@Component
public class BatchRunner {

	private static final Log logger = LogFactory.getLog(BatchRunner.class);

	/** What {@link JobOperator#recover} puts in the execution context it recovers. */
	private static final String RECOVERED = "batch.recovered";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job ingestReturnsJob;

	private final Job consolidateYearJob;

	private final ReturnStore store;

	private final Rollups rollups;

	private final JdbcTemplate jdbc;

	private final StoreRepair repair;

	/** Set by {@link #stop()}: no job starts any more. */
	private volatile boolean stopRequested;

	BatchRunner(JobOperator jobOperator, JobRepository jobRepository, ReturnStore store, Rollups rollups,
			JdbcTemplate jdbc, StoreRepair repair, @Qualifier(IngestJobConfiguration.JOB) Job ingestReturnsJob,
			@Qualifier(ConsolidateJobConfiguration.JOB) Job consolidateYearJob) {
		this.rollups = rollups;
		this.jdbc = jdbc;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.ingestReturnsJob = ingestReturnsJob;
		this.consolidateYearJob = consolidateYearJob;
		this.store = store;
		this.repair = repair;
	}

	/**
	 * {@code --repair}: before an ingest of {@code year}, removes the year's submissions
	 * with a damaged return, so that the ingest stores their files anew
	 * ({@link StoreRepair}). Returns those removed.
	 */
	public List<StoreRepair.Removed> removeDamaged(int year) {
		return this.repair.removeDamaged(year);
	}

	/** Of the submissions {@code removed}, those the ingest did not store again. */
	public List<StoreRepair.Removed> notStoredAgain(List<StoreRepair.Removed> removed, int year) {
		return this.repair.notStoredAgain(removed, year);
	}

	public JobExecution ingest(Path input, int year) throws Exception {
		return ingest(input, year, null);
	}

	/**
	 * Ingests {@code input}; a single file is known in the reports by {@code name}
	 * instead of its path (a union's upload, kept under its checksum), when not null.
	 */
	public JobExecution ingest(Path input, int year, String name) throws Exception {
		JobParametersBuilder builder = new JobParametersBuilder()
			.addString("input", input.toAbsolutePath().normalize().toString())
			.addLong("year", (long) year)
			.addLocalDateTime("startedAt", LocalDateTime.now());
		if (name != null) {
			builder.addString("name", name, false);
		}
		JobParameters parameters = builder.toJobParameters();
		return launch(this.ingestReturnsJob, parameters, "input", "year");
	}

	/**
	 * The year's last ingest, when it did not finish (a consolidation would have only
	 * part of the year's returns).
	 */
	public Optional<LastIngest> unfinishedIngest(int year) {
		return LastIngest.unfinished(this.jdbc, year);
	}

	/** Whether most of the year's returns name another year. */
	public Optional<YearMismatch> yearMismatch(int year) {
		return YearMismatch.of(this.jdbc, year);
	}

	public JobExecution consolidate(int year, Path output) throws Exception {
		return consolidate(year, output, false);
	}

	/**
	 * @param yearMismatchCopies whether the feedback copies of returns whose only error
	 * is the year are written even when most returns name another year
	 * ({@link YearMismatch})
	 */
	public JobExecution consolidate(int year, Path output, boolean yearMismatchCopies) throws Exception {
		return consolidate(year, output, yearMismatchCopies, ProvinceScope.all());
	}

	/**
	 * A consolidation of the returns of {@code scope}'s provinces only: the same outputs,
	 * in the same format, in {@code output}, with only their rows
	 * ({@link ProvinceScope}). A failed one is restarted only by a consolidation of the
	 * same year, output and scope.
	 * @param yearMismatchCopies as {@link #consolidate(int, Path, boolean)}
	 * @param scope the provinces, or {@link ProvinceScope#all()}
	 */
	public JobExecution consolidate(int year, Path output, boolean yearMismatchCopies, ProvinceScope scope)
			throws Exception {
		JobParametersBuilder parameters = new JobParametersBuilder().addLong("year", (long) year)
			.addString("output", output.toAbsolutePath().normalize().toString())
			.addLocalDateTime("startedAt", LocalDateTime.now())
			.addString(ConsolidateJobConfiguration.YEAR_MISMATCH_COPIES, Boolean.toString(yearMismatchCopies), false);
		if (!scope.isAll()) {
			parameters.addString(ProvinceScope.PARAMETER, scope.parameter());
		}
		return launch(this.consolidateYearJob, parameters.toJobParameters(), "year", "output", ProvinceScope.PARAMETER);
	}

	/**
	 * Sums the year's roll-ups on a thread of its own, for a consolidation about to
	 * start: what comes before it (the ingest's summary, the cross-checks) keeps one core
	 * busy, and the workbook's flow, the consolidation's longest, would otherwise begin
	 * by summing. The consolidation takes these sums while the year's returns stay as
	 * they are, and sums anew otherwise (or when this failed: the future then completes
	 * with null, the reason in the debug log).
	 * @param year the year about to be consolidated
	 * @return the year's total, once summed
	 */
	public CompletableFuture<Map<List<String>, Rollups.Group>> sumAhead(int year) {
		return sumAhead(year, ProvinceScope.all());
	}

	/** The same for a consolidation of {@code scope}'s provinces. */
	public CompletableFuture<Map<List<String>, Rollups.Group>> sumAhead(int year, ProvinceScope scope) {
		CompletableFuture<Map<List<String>, Rollups.Group>> total = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				total.complete(this.rollups.groups(year, scope, Rollups.By.TOTAL));
			}
			catch (RuntimeException ex) {
				logger.debug("Cộng trước các bảng tổng hợp năm " + year + " không được; bước tổng hợp sẽ cộng lại", ex);
			}
			finally {
				total.complete(null);
			}
		}, "tonghop-sums");
		thread.setDaemon(true);
		thread.start();
		return total;
	}

	/**
	 * Asks the jobs to stop: from now no job starts ({@link Stopped}), and every running
	 * execution is marked {@link BatchStatus#STOPPING} in the job repository. Each step
	 * sees that when it next saves its state (an ingest partition after its chunk, a step
	 * of the consolidation when it ends), ends {@link BatchStatus#STOPPED}, and so does
	 * the job; the next run restarts it from there. Safe to call again and from any
	 * thread (a shutdown hook calls it until the job has ended: a job that started in
	 * between is stopped too); never throws.
	 * <p>
	 * Not {@code JobOperator.stop}: in Spring Batch 6.0.4 it also saves the running step
	 * executions from the calling thread, a second writer of the rows their own threads
	 * save after every chunk; when the step's thread loses that race
	 * ({@code OptimisticLockingFailureException}) its step ends UNKNOWN and cannot be
	 * restarted (spring-batch issues 5120, 5308, 5484).
	 */
	public void stop() {
		this.stopRequested = true;
		for (String job : List.of(this.ingestReturnsJob.getName(), this.consolidateYearJob.getName())) {
			try {
				for (JobExecution execution : this.jobRepository.findRunningJobExecutions(job)) {
					if (execution.getStatus() == BatchStatus.STARTING || execution.getStatus() == BatchStatus.STARTED) {
						execution.setStatus(BatchStatus.STOPPING);
						this.jobRepository.update(execution);
						logger.debug("Lần chạy " + execution.getId() + " (" + job + ") được yêu cầu dừng");
					}
				}
			}
			catch (RuntimeException ex) {
				// the job saved its execution meanwhile, or the database is closing:
				// the next call tries again
				logger.debug("Chưa yêu cầu dừng được " + job, ex);
			}
		}
	}

	private JobExecution launch(Job job, JobParameters parameters, String... sameRunKeys) throws Exception {
		if (this.stopRequested) {
			throw new Stopped(job.getName());
		}
		JobExecution unfinished = unfinished(job.getName(), parameters, sameRunKeys);
		if (unfinished != null) {
			logger.info("Lần chạy " + unfinished.getId() + " trước đó chưa xong (" + describe(unfinished)
					+ "): chạy tiếp từ chỗ đã dừng.");
			return this.jobOperator.restart(unfinished);
		}
		return this.jobOperator.start(job, parameters);
	}

	private static String describe(JobExecution execution) {
		if (execution.getExecutionContext().containsKey(RECOVERED)) {
			return "tiến trình đã bị dừng đột ngột";
		}
		return RunSummary.state(execution.getStatus());
	}

	/**
	 * The last execution of the job, when it failed, stopped or was killed for the same
	 * input. A killed one is recovered first, whatever its input. An instance without any
	 * execution (the process was killed between the two, which the job repository makes
	 * in separate transactions) never ran: it is removed.
	 */
	private JobExecution unfinished(String jobName, JobParameters parameters, String... keys) {
		JobInstance last = this.jobRepository.getLastJobInstance(jobName);
		if (last == null) {
			return null;
		}
		JobExecution execution = this.jobRepository.getLastJobExecution(last);
		if (execution == null) {
			logger.warn("Lần chạy " + last.getInstanceId() + " bị dừng đột ngột trước khi bắt đầu: bỏ nó đi.");
			this.jobRepository.deleteJobInstance(last);
			return null;
		}
		if (execution.getStatus().isRunning()) {
			// its process is gone: whoever holds the run lock is the only run
			execution = this.jobOperator.recover(execution);
			int orphans = this.store.removeOrphans();
			if (orphans > 0) {
				logger.warn("Đã xoá " + orphans + " dòng dở dang của lần chạy bị dừng đột ngột; chúng được làm lại.");
			}
		}
		if (!(execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED)) {
			return null;
		}
		JobParameters previous = execution.getJobParameters();
		for (String key : keys) {
			Object before = (previous.getParameter(key) != null) ? previous.getParameter(key).value() : null;
			Object now = (parameters.getParameter(key) != null) ? parameters.getParameter(key).value() : null;
			if (!Objects.equals(before, now)) {
				return null;
			}
		}
		return execution;
	}

	/** A job not started because the run was asked to stop. */
	public static final class Stopped extends RuntimeException {

		Stopped(String job) {
			super("Không bắt đầu " + job + ": lần chạy đã được yêu cầu dừng.");
		}

	}

}
