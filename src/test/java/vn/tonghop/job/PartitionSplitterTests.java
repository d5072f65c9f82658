package vn.tonghop.job;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The ingest's partitions each know their number, even after a run was stopped between
 * making a partition's step execution and saving its number (as a kill, with the embedded
 * H2 losing its last commits, did once in CI: every restart then failed).
 */
class PartitionSplitterTests {

	private EmbeddedDatabase database;

	private DataSourceTransactionManager transactions;

	private JobRepository repository;

	@BeforeEach
	void repository() throws Exception {
		this.database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.addScript("/org/springframework/batch/core/schema-h2.sql")
			.build();
		this.transactions = new DataSourceTransactionManager(this.database);
		this.repository = repository(this.database, this.transactions);
	}

	@AfterEach
	void shutdown() {
		this.database.shutdown();
	}

	@Test
	void eachPartitionHasItsNumberAndTheirCount() throws Exception {
		StepExecution manager = managerStep(this.repository);
		Set<StepExecution> partitions = IngestJobConfiguration.partitionSplitter(this.repository).split(manager, 3);
		assertThat(partitions).extracting((step) -> step.getExecutionContext().getInt("partition"))
			.containsExactlyInAnyOrder(0, 1, 2);
		assertThat(partitions).extracting((step) -> step.getExecutionContext().getInt("partitions")).containsOnly(3);
	}

	@Test
	void aPartitionLeftWithoutItsNumberTakesItFromItsNameOnTheRestart() throws Exception {
		AtomicBoolean fail = new AtomicBoolean(true);
		StepExecution manager = managerStep(this.repository);
		StepExecutionSplitter killed = IngestJobConfiguration
			.partitionSplitter(failingOnPartitionContext(this.repository, fail));
		assertThatRuntimeException().isThrownBy(() -> killed.split(manager, 3));
		JobInstance instance = manager.getJobExecution().getJobInstance();
		assertThat(this.repository.getLastStepExecution(instance, "readReturnFilesPartitionStep:partition1")
			.getExecutionContext()
			.containsKey("partition")).as("the partition the kill left without its number").isFalse();

		// as a restart finds them once the killed run was marked failed
		for (int i = 0; i <= 1; i++) {
			StepExecution left = this.repository.getLastStepExecution(instance,
					"readReturnFilesPartitionStep:partition" + i);
			left.setStatus(BatchStatus.FAILED);
			left.setEndTime(LocalDateTime.now());
			this.repository.update(left);
		}
		// the restart, with another number of threads: the partitions the run began with
		Set<StepExecution> partitions = IngestJobConfiguration.partitionSplitter(this.repository).split(manager, 2);
		assertThat(partitions).extracting((step) -> step.getExecutionContext().get("partition"))
			.containsExactlyInAnyOrder(0, 1, 2);
		assertThat(partitions).extracting((step) -> step.getExecutionContext().get("partitions")).containsOnly(3);
		for (StepExecution partition : partitions) {
			ExecutionContext stored = this.repository.getLastStepExecution(instance, partition.getStepName())
				.getExecutionContext();
			assertThat(stored.get("partition")).as(partition.getStepName())
				.isEqualTo(partition.getExecutionContext().get("partition"));
		}
	}

	/**
	 * A restart killed in its turn never saved its partitioned step's context, where
	 * Spring Batch keeps the count the run began with (three here); the restart after it,
	 * with two threads, restarted two partitions that still divided the files by three,
	 * and the third's files were never read (CI, twice, in
	 * {@code CrashRecoveryIntegrationTests}).
	 */
	@Test
	void theRestartedPartitionsDivideTheFilesByTheCountOfTheirOwnExecution() throws Exception {
		StepExecution first = managerStep(this.repository);
		IngestJobConfiguration.partitionSplitter(this.repository).split(first, 3);
		JobInstance instance = first.getJobExecution().getJobInstance();
		killed(first, instance);

		// the restart's own execution of the partitioned step, its context never saved
		JobExecution restart = this.repository.createJobExecution(instance, first.getJobExecution().getJobParameters(),
				new ExecutionContext());
		StepExecution manager = this.repository.createStepExecution("readReturnFilesStep", restart);
		Set<StepExecution> partitions = IngestJobConfiguration.partitionSplitter(this.repository).split(manager, 2);

		assertThat(partitions).extracting(StepExecution::getStepName)
			.containsExactlyInAnyOrder("readReturnFilesPartitionStep:partition0",
					"readReturnFilesPartitionStep:partition1");
		for (StepExecution partition : partitions) {
			ExecutionContext stored = this.repository.getLastStepExecution(instance, partition.getStepName())
				.getExecutionContext();
			assertThat(stored.get("partitions")).as(partition.getStepName()).isEqualTo(2);
			assertThat(partition.getExecutionContext().get("partitions")).as(partition.getStepName()).isEqualTo(2);
			assertThat(stored.get("partition")).as(partition.getStepName())
				.isEqualTo(partition.getStepName().endsWith("0") ? 0 : 1);
		}
		// and the next restart finds the count this one split by
		assertThat(this.repository.getLastStepExecution(instance, "readReturnFilesStep")
			.getExecutionContext()
			.getLong("SimpleStepExecutionSplitter.GRID_SIZE")).isEqualTo(2);
	}

	/** The run's step executions and the run marked failed, as a restart finds them. */
	private void killed(StepExecution manager, JobInstance instance) {
		for (int i = 0; i < 3; i++) {
			StepExecution left = this.repository.getLastStepExecution(instance,
					"readReturnFilesPartitionStep:partition" + i);
			left.setStatus(BatchStatus.FAILED);
			left.setEndTime(LocalDateTime.now());
			this.repository.update(left);
		}
		manager.setStatus(BatchStatus.FAILED);
		manager.setEndTime(LocalDateTime.now());
		this.repository.update(manager);
		JobExecution job = manager.getJobExecution();
		job.setStatus(BatchStatus.FAILED);
		job.setEndTime(LocalDateTime.now());
		this.repository.update(job);
	}

	private static JobRepository repository(DataSource dataSource, DataSourceTransactionManager transactions)
			throws Exception {
		JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
		factory.setDataSource(dataSource);
		factory.setTransactionManager(transactions);
		factory.afterPropertiesSet();
		return factory.getObject();
	}

	private static StepExecution managerStep(JobRepository repository) {
		JobParameters parameters = new JobParametersBuilder().addLong("year", 2026L).toJobParameters();
		JobInstance instance = repository.createJobInstance(IngestJobConfiguration.JOB, parameters);
		JobExecution job = repository.createJobExecution(instance, parameters, new ExecutionContext());
		return repository.createStepExecution("readReturnFilesStep", job);
	}

	/** The repository, failing as it saves the second partition's context. */
	private static JobRepository failingOnPartitionContext(JobRepository repository, AtomicBoolean fail) {
		return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
				new Class<?>[] { JobRepository.class }, (proxy, method, arguments) -> {
					if (fail.get() && method.getName().equals("updateExecutionContext")
							&& arguments[0] instanceof StepExecution step
							&& step.getStepName().endsWith("partition1")) {
						throw new IllegalStateException("killed");
					}
					try {
						return method.invoke(repository, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
