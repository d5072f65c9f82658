package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consolidation runs two flows at once (the workbook beside the CSV files), and each
 * flow's step is created in the job repository as the other's is. Spring Batch creates
 * them in SERIALIZABLE transactions by default, and PostgreSQL failed one of two such
 * transactions at random ("could not serialize access due to read/write dependencies
 * among transactions"): a consolidation of 150,000 returns failed at its start. The job
 * repository creates them READ COMMITTED; one run at a time per database is the run
 * lock's work, not the isolation's.
 */
class ConcurrentStepsIntegrationTests {

	static final int PAIRS = 40;

	@TempDir
	Path work;

	@Test
	void twoFlowsCreateTheirStepsAtOnce() throws Exception {
		DatabaseOptions options = new DatabaseOptions();
		if (TestDatabase.postgresql()) {
			options.jdbcUrl = TestDatabase.freshPostgresql("concurrent-steps");
		}
		else {
			options.dataDir = this.work.resolve("data");
		}
		List<String> failures = new ArrayList<>();
		int[] created = new int[1];
		Spring.inContext(options, (context) -> {
			JobRepository repository = context.getBean(JobRepository.class);
			JobParameters parameters = new JobParametersBuilder().addString("test", "concurrent-steps")
				.toJobParameters();
			JobInstance instance = repository.createJobInstance("concurrentStepsTest", parameters);
			JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
			if (TestDatabase.postgresql()) {
				// as autovacuum leaves a database that has run for a while: with
				// statistics
				// of a few rows, PostgreSQL reads the small job tables whole, and a whole
				// table read in a SERIALIZABLE transaction conflicts with any insert into
				// it
				for (int i = 0; i < 12; i++) {
					repository.createStepExecution("earlier" + i, execution);
				}
				new JdbcTemplate(context.getBean(DataSource.class)).execute("ANALYZE");
			}
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				for (int pair = 0; pair < PAIRS; pair++) {
					CyclicBarrier together = new CyclicBarrier(2);
					List<Future<StepExecution>> steps = new ArrayList<>();
					for (String flow : List.of("workbook", "files")) {
						String name = flow + "Flow.step" + pair;
						steps.add(threads.submit(() -> {
							together.await(10, TimeUnit.SECONDS);
							return repository.createStepExecution(name, execution);
						}));
					}
					for (Future<StepExecution> step : steps) {
						try {
							assertThat(step.get(30, TimeUnit.SECONDS).getId()).isNotNull();
							created[0]++;
						}
						catch (java.util.concurrent.ExecutionException ex) {
							failures.add(ex.getCause().toString());
						}
					}
				}
			}
			finally {
				threads.shutdownNow();
			}
			return 0;
		});
		assertThat(failures).isEmpty();
		assertThat(created[0]).isEqualTo(2 * PAIRS);
	}

}
