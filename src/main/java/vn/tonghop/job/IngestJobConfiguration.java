package vn.tonghop.job;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.tonghop.TonghopProperties;
import vn.tonghop.intake.InputFile;
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
 * and stored; a chunk of files is one transaction. Job parameters: {@code input} (folder
 * or file) and {@code year}.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobConfiguration {

	static final String JOB = "ingestReturnsJob";

	@Bean
	Job ingestReturnsJob(JobRepository jobRepository, Step readReturnFilesStep) {
		return new JobBuilder(JOB, jobRepository).start(readReturnFilesStep).build();
	}

	@Bean
	Step readReturnFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReturnFileReader returnFileReader, ReturnFileProcessor returnFileProcessor,
			SubmissionWriter submissionWriter, IngestProgress ingestProgress, TonghopProperties properties) {
		ChunkOrientedStepBuilder<InputFile, ReceivedFile> step = new StepBuilder("readReturnFilesStep", jobRepository)
			.<InputFile, ReceivedFile>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(returnFileReader)
			.processor(returnFileProcessor)
			.writer(submissionWriter)
			.listener((ItemWriteListener<ReceivedFile>) ingestProgress)
			.listener((StepExecutionListener) ingestProgress);
		int threads = ingestThreads(properties);
		if (threads > 1) {
			// the files of a chunk are read and judged at the same time, then stored in
			// their order in the chunk's one transaction: restart and the order of
			// resubmissions stay as with one thread
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(threads);
			executor.setMaxPoolSize(threads);
			executor.setQueueCapacity(Integer.MAX_VALUE);
			executor.setThreadNamePrefix("tonghop-read-");
			executor.setDaemon(true);
			executor.initialize();
			step.taskExecutor(executor);
		}
		return step.build();
	}

	static int ingestThreads(TonghopProperties properties) {
		return (properties.ingestThreads() > 0) ? properties.ingestThreads()
				: Runtime.getRuntime().availableProcessors();
	}

	@Bean
	@StepScope
	ReturnFileReader returnFileReader(@Value("#{jobParameters['input']}") String input,
			@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance, JdbcTemplate jdbc,
			IngestProgress ingestProgress) {
		Supplier<Set<String>> alreadyStored = () -> new HashSet<>(jdbc.queryForList(
				"SELECT source_file FROM intake_log WHERE job_execution IN"
						+ " (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?)",
				String.class, jobInstance));
		return new ReturnFileReader(Path.of(input), alreadyStored, ingestProgress);
	}

	/**
	 * Files done of the total and returns read per province against the registry: a bar
	 * on a terminal, log lines otherwise.
	 */
	@Bean
	@StepScope
	IngestProgress ingestProgress(@Value("#{jobParameters['year']}") Integer year, JdbcTemplate jdbc,
			ProvinceResolver provinces, TonghopProperties properties) {
		Map<String, String> names = new HashMap<>();
		provinces.all().forEach((province) -> names.put(province.code(), province.name()));
		Map<String, Integer> expected = new HashMap<>();
		jdbc.query("SELECT province_code, COUNT(*) FROM registry_entry WHERE province_code IS NOT NULL AND load_id ="
				+ " (SELECT MAX(id) FROM registry_load WHERE report_year = ?) GROUP BY province_code", (rs) -> {
					expected.put(rs.getString(1), rs.getInt(2));
				}, year);
		return new IngestProgress(new IngestProgress.ProgressLine(names, expected), properties.progressSeconds(),
				IngestProgress.terminal(), System::currentTimeMillis);
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
