package vn.tonghop.job;

import java.nio.file.Path;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import vn.tonghop.report.CsvReports;

/**
 * {@code consolidateYearJob}: rolls up what is stored for a year and writes the outputs.
 * Each step rewrites its files whole (under a temporary name, then renamed), so a failed
 * step simply runs again on restart. Job parameters: {@code year} and {@code output}.
 */
@Configuration(proxyBeanMethods = false)
class ConsolidateJobConfiguration {

	static final String JOB = "consolidateYearJob";

	@Bean
	Job consolidateYearJob(JobRepository jobRepository, Step writeReturnsCsvStep, Step writeRollupsStep,
			Step writeIssuesCsvStep) {
		return new JobBuilder(JOB, jobRepository).start(writeReturnsCsvStep)
			.next(writeRollupsStep)
			.next(writeIssuesCsvStep)
			.build();
	}

	@Bean
	Step writeReturnsCsvStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvReports reports) {
		return step("writeReturnsCsvStep", jobRepository, transactionManager, (contribution, chunk) -> {
			JobParameters parameters = chunk.getStepContext().getStepExecution().getJobParameters();
			long written = reports.writeReturns(output(parameters), year(parameters));
			contribution.incrementWriteCount(written);
			return RepeatStatus.FINISHED;
		});
	}

	@Bean
	Step writeRollupsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvReports reports) {
		return step("writeRollupsStep", jobRepository, transactionManager, (contribution, chunk) -> {
			JobParameters parameters = chunk.getStepContext().getStepExecution().getJobParameters();
			reports.writeRollups(output(parameters), year(parameters));
			return RepeatStatus.FINISHED;
		});
	}

	@Bean
	Step writeIssuesCsvStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvReports reports) {
		return step("writeIssuesCsvStep", jobRepository, transactionManager, (contribution, chunk) -> {
			JobParameters parameters = chunk.getStepContext().getStepExecution().getJobParameters();
			long written = reports.writeIssues(output(parameters), year(parameters));
			contribution.incrementWriteCount(written);
			return RepeatStatus.FINISHED;
		});
	}

	private static Step step(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet tasklet) {
		return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	private static int year(JobParameters parameters) {
		return parameters.getLong("year").intValue();
	}

	private static Path output(JobParameters parameters) {
		return Path.of(parameters.getString("output"));
	}

}
