package vn.tonghop.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.tonghop.TonghopProperties;
import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.store.ReturnStore;
import vn.tonghop.validate.ReturnJudge;

/**
 * {@code ingestReturnsJob}: every file under the input folder is one item, read, judged
 * and stored; a chunk of files is one transaction. The files are split into partitions
 * (one per ingest thread) that run at the same time; then the year's resubmissions are
 * decided. Job parameters: {@code input} (folder or file) and {@code year}.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobConfiguration {

	private static final Log logger = LogFactory.getLog(IngestJobConfiguration.class);

	static final String JOB = "ingestReturnsJob";

	/** The partition's number and the number of partitions, in its execution context. */
	static final String PARTITION = "partition";

	static final String PARTITIONS = "partitions";

	@Bean
	Job ingestReturnsJob(JobRepository jobRepository, Step readReturnFilesStep, Step resolveResubmissionsStep) {
		return new JobBuilder(JOB, jobRepository).start(readReturnFilesStep).next(resolveResubmissionsStep).build();
	}

	/**
	 * The files split by partition: a file's partition follows from its size, so files
	 * with the same bytes (duplicates) always meet in one partition, which stores them in
	 * order. Each partition is a step of its own that restarts from its last committed
	 * chunk; a completed partition runs again on a restart too (finding nothing left but
	 * files that arrived in the inbox meanwhile).
	 */
	@Bean
	Step readReturnFilesStep(JobRepository jobRepository, Step readReturnFilesPartitionStep, ProgressRelay progress,
			TonghopProperties properties) {
		int partitions = ingestThreads(properties);
		StepExecutionSplitter splitter = partitionSplitter(jobRepository);
		TaskExecutor executor;
		if (partitions > 1) {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(partitions);
			pool.setMaxPoolSize(partitions);
			pool.setThreadNamePrefix("tonghop-read-");
			pool.setDaemon(true);
			pool.initialize();
			executor = pool;
		}
		else {
			executor = new SyncTaskExecutor();
		}
		TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
		handler.setStep(readReturnFilesPartitionStep);
		handler.setTaskExecutor(executor);
		handler.setGridSize(partitions);
		return new StepBuilder("readReturnFilesStep", jobRepository).partitioner(readReturnFilesPartitionStep)
			.splitter(splitter)
			.partitionHandler(handler)
			.listener(progress.starter())
			.build();
	}

	/**
	 * The partitions' step executions, each with its partition's number and the number of
	 * partitions of this execution in its context. Spring Batch makes a partition's step
	 * execution, then saves its context, in two commits, and a restart copies the context
	 * of the partition's last execution: a process killed between the two commits (or the
	 * embedded H2 losing its last commits to a kill) left a partition without its number,
	 * and every restart after failed on it. Such a partition takes its number from its
	 * name again ({@code readReturnFilesPartitionStep:partition2}).
	 * <p>
	 * A restart keeps the number of partitions the run began with, which Spring Batch
	 * keeps in the partitioned step's context; but it saves that context only when the
	 * step ends, so a restart killed in its turn left it empty, and the next restart
	 * split the files among as many partitions as it had threads while the partitions it
	 * restarted still divided them by the first count: with three first and two then, the
	 * files of the third partition were never read (CI, twice). Every partition now
	 * divides the files by the count of the execution it runs in, which is saved at once.
	 * The files stored before are left out by path, whichever partition stored them.
	 */
	static StepExecutionSplitter partitionSplitter(JobRepository jobRepository) {
		SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(jobRepository,
				"readReturnFilesPartitionStep", (grid) -> {
					Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
					for (int i = 0; i < grid; i++) {
						ExecutionContext context = new ExecutionContext();
						context.putInt(PARTITION, i);
						context.putInt(PARTITIONS, grid);
						contexts.put(PARTITION + i, context);
					}
					return contexts;
				});
		splitter.setAllowStartIfComplete(true);
		return new StepExecutionSplitter() {

			@Override
			public String getStepName() {
				return splitter.getStepName();
			}

			@Override
			public Set<StepExecution> split(StepExecution manager, int gridSize) throws JobExecutionException {
				String key = SimpleStepExecutionSplitter.class.getSimpleName() + ".GRID_SIZE";
				// a restart finds the count the run began with, which the splitter keeps
				// but does not save again: saved here, for the next restart
				boolean restarted = manager.getExecutionContext().containsKey(key);
				Set<StepExecution> partitions = splitter.split(manager, gridSize);
				int grid = (int) manager.getExecutionContext().getLong(key);
				if (restarted) {
					jobRepository.updateExecutionContext(manager);
				}
				for (StepExecution partition : partitions) {
					ExecutionContext context = partition.getExecutionContext();
					String name = partition.getStepName();
					int number = Integer.parseInt(name.substring(name.lastIndexOf(PARTITION) + PARTITION.length()));
					boolean numbered = context.containsKey(PARTITION) && context.containsKey(PARTITIONS);
					if (!numbered || context.getInt(PARTITION) != number || context.getInt(PARTITIONS) != grid) {
						logger.debug("Phần " + name + (numbered
								? " chia tệp theo " + context.getInt(PARTITIONS) + " phần của lần chạy trước: nay theo "
										+ grid + " phần của lần này."
								: " không còn số của nó (lần chạy trước bị dừng khi đang tạo): lấy lại từ tên."));
						context.putInt(PARTITION, number);
						context.putInt(PARTITIONS, grid);
						jobRepository.updateExecutionContext(partition);
					}
				}
				return partitions;
			}

		};
	}

	@Bean
	Step readReturnFilesPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReturnFileReader returnFileReader, ReturnFileProcessor returnFileProcessor,
			SubmissionWriter submissionWriter, ProgressRelay progress, TonghopProperties properties) {
		return new StepBuilder("readReturnFilesPartitionStep", jobRepository)
			.<InputFile, ReceivedFile>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(returnFileReader)
			.processor(returnFileProcessor)
			.writer(submissionWriter)
			.listener(progress)
			.build();
	}

	/**
	 * W06: the year's resubmissions decided once the files are stored; first, on
	 * PostgreSQL, the statistics of what was stored
	 * ({@link ReturnStore#refreshStatistics}).
	 */
	@Bean
	Step resolveResubmissionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReturnStore store) {
		return new StepBuilder("resolveResubmissionsStep", jobRepository).tasklet((contribution, chunk) -> {
			int year = chunk.getStepContext().getStepExecution().getJobParameters().getLong("year").intValue();
			store.refreshStatistics();
			contribution.incrementWriteCount(store.resolveResubmissions(year));
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	static int ingestThreads(TonghopProperties properties) {
		return (properties.ingestThreads() > 0) ? properties.ingestThreads()
				: Runtime.getRuntime().availableProcessors();
	}

	@Bean
	@StepScope
	ReturnFileReader returnFileReader(@Value("#{jobParameters['input']}") String input,
			@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance,
			@Value("#{stepExecution.jobExecution.id}") Long jobExecution,
			@Value("#{stepExecutionContext['partition']}") Integer partition,
			@Value("#{stepExecutionContext['partitions']}") Integer partitions,
			@Value("#{jobParameters['name']}") String name, JdbcTemplate jdbc) {
		Path file = Path.of(input);
		return new ReturnFileReader(file, partition, partitions, () -> storedBy(jdbc, jobInstance, jobExecution),
				Files.isRegularFile(file) ? name : null);
	}

	/**
	 * The files earlier executions of a run stored (their relative paths): not the
	 * current execution's ({@code jobExecution}), which its partitions may already be
	 * storing when this is asked (the display's count of a small inbox, asked after the
	 * partitions had stored it all, counted every file twice). Not those whose submission
	 * {@code ingest --repair} removed since (a stored file's row without its submission):
	 * they are read again.
	 */
	static Set<String> storedBy(JdbcTemplate jdbc, long jobInstance, long jobExecution) {
		return new HashSet<>(jdbc.queryForList(
				"SELECT source_file FROM intake_log WHERE job_execution IN"
						+ " (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?"
						+ " AND JOB_EXECUTION_ID <> ?)"
						+ " AND NOT (submission_id IS NULL AND outcome IN ('NEW', 'DUPLICATE'))",
				String.class, jobInstance, jobExecution));
	}

	@Bean
	ProgressRelay ingestProgress(JdbcTemplate jdbc, ProvinceResolver provinces, TonghopProperties properties,
			RunProgress live) {
		return new ProgressRelay(jdbc, provinces, properties, live);
	}

	/**
	 * Files done of the total and returns read per province against the registry: a bar
	 * on a terminal, log lines otherwise. Made anew as each ingest starts (by the
	 * {@link #starter() listener of the partitioned step}) and told of every chunk any
	 * partition stores. Its figures are also {@link RunProgress}'s, for the console.
	 */
	static final class ProgressRelay implements ItemWriteListener<ReceivedFile> {

		private final JdbcTemplate jdbc;

		private final ProvinceResolver provinces;

		private final TonghopProperties properties;

		private final RunProgress live;

		private volatile IngestProgress current;

		/** Counting the input's files for {@link #current}, while the partitions read. */
		private volatile Thread counter;

		ProgressRelay(JdbcTemplate jdbc, ProvinceResolver provinces, TonghopProperties properties, RunProgress live) {
			this.jdbc = jdbc;
			this.provinces = provinces;
			this.properties = properties;
			this.live = live;
		}

		/** Starts and ends the display with the partitioned step. */
		StepExecutionListener starter() {
			return new StepExecutionListener() {
				@Override
				public void beforeStep(StepExecution step) {
					start(step);
				}

				@Override
				public ExitStatus afterStep(StepExecution step) {
					end(step);
					return null;
				}
			};
		}

		private void start(StepExecution step) {
			int year = step.getJobParameters().getLong("year").intValue();
			Path input = Path.of(step.getJobParameters().getString("input"));
			Map<String, String> names = new HashMap<>();
			this.provinces.all().forEach((province) -> names.put(province.code(), province.name()));
			Map<String, Integer> expected = new HashMap<>();
			this.jdbc.query("SELECT province_code, COUNT(*) FROM registry_entry WHERE province_code IS NOT NULL"
					+ " AND load_id = (SELECT MAX(id) FROM registry_load WHERE report_year = ?) GROUP BY province_code",
					(rs) -> {
						expected.put(rs.getString(1), rs.getInt(2));
					}, year);
			IngestProgress progress = new IngestProgress(new IngestProgress.ProgressLine(names, expected),
					this.properties.progressSeconds(), IngestProgress.terminal(), System::currentTimeMillis);
			progress.begin();
			this.current = progress;
			this.live.ingestStarted(() -> {
				synchronized (progress) {
					return progress.snapshot(false);
				}
			});
			// the partitions start at once; the files are counted for the display beside
			// them (walking 150,000 files took 1.7 s, with both cores but one idle)
			long instance = step.getJobExecution().getJobInstance().getInstanceId();
			long execution = step.getJobExecution().getId();
			Thread counter = new Thread(() -> count(progress, input, instance, execution), "tonghop-count");
			counter.setDaemon(true);
			this.counter = counter;
			counter.start();
		}

		/** Counts the input's files, and those earlier executions of the run stored. */
		private void count(IngestProgress progress, Path input, long instance, long execution) {
			try {
				// one walk of the inbox counts both
				Set<String> stored = storedBy(this.jdbc, instance, execution);
				long total = 0;
				long done = 0;
				try (InputFiles.Walk walk = InputFiles.walk(input)) {
					for (InputFile file = walk.next(); file != null; file = walk.next()) {
						total++;
						done += (!stored.isEmpty() && stored.contains(file.relative())) ? 1 : 0;
					}
				}
				logger.info("Tìm thấy " + total + " tệp trong " + input);
				if (!stored.isEmpty()) {
					logger.info("Tiếp tục lần chạy trước: " + done + " tệp đã lưu trước đó, còn " + (total - done)
							+ " tệp");
				}
				synchronized (progress) {
					progress.counted(Math.toIntExact(total), Math.toIntExact(done));
				}
			}
			catch (RuntimeException ex) {
				// the partitions' readers report an input that cannot be listed; the
				// display goes on without a total
				logger.debug("Không đếm được các tệp trong " + input, ex);
			}
		}

		@Override
		public void afterWrite(Chunk<? extends ReceivedFile> files) {
			IngestProgress progress = this.current;
			if (progress != null) {
				synchronized (progress) {
					progress.afterWrite(files);
				}
			}
		}

		private void end(StepExecution step) {
			Thread counter = this.counter;
			if (counter != null) {
				// the last line with the total (the count is quicker than the ingest)
				try {
					counter.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.counter = null;
			}
			IngestProgress progress = this.current;
			if (progress != null) {
				synchronized (progress) {
					progress.afterStep(step);
					this.live.ingestEnded(progress.snapshot(true));
				}
			}
			this.current = null;
		}

	}

	@Bean
	FileCheck fileCheck(WorkbookReader reader, CsvSheetReader csvReader, FormLocator locator, ListLocator lists,
			ReturnJudge judge) {
		return new FileCheck(reader, csvReader, locator, lists, judge);
	}

	@Bean
	@StepScope
	ReturnFileProcessor returnFileProcessor(@Value("#{jobParameters['year']}") Integer year, WorkbookReader reader,
			CsvSheetReader csvReader, FormLocator locator, ListLocator lists, ReturnJudge judge) {
		return new ReturnFileProcessor(reader, csvReader, locator, lists, judge, year);
	}

	@Bean
	@StepScope
	SubmissionWriter submissionWriter(@Value("#{jobParameters['year']}") Integer year,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId, ReturnStore store) {
		return new SubmissionWriter(store, year, jobExecutionId);
	}

}
