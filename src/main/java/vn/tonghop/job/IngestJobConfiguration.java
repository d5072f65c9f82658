package vn.tonghop.job;

import java.nio.file.Path;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import vn.tonghop.TonghopProperties;
import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.ReceivedFile;
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
			SubmissionWriter submissionWriter, TonghopProperties properties) {
		return new StepBuilder("readReturnFilesStep", jobRepository)
			.<InputFile, ReceivedFile>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(returnFileReader)
			.processor(returnFileProcessor)
			.writer(submissionWriter)
			.build();
	}

	@Bean
	@StepScope
	ReturnFileReader returnFileReader(@Value("#{jobParameters['input']}") String input, TonghopProperties properties) {
		return new ReturnFileReader(Path.of(input), properties.progressSeconds());
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
