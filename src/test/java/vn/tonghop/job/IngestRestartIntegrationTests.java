package vn.tonghop.job;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.tonghop.TestDatabase;
import vn.tonghop.TonghopApplication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.tonghop.store.ReturnStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

/**
 * A failure in the middle of an ingest (here: the database refusing a write on the third
 * file, once) fails the job; running the same ingest again restarts that execution from
 * the last committed chunk and ends with every return stored exactly once.
 */
@SpringBootTest(classes = TonghopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.url=jdbc:h2:mem:restart;DB_CLOSE_DELAY=-1", "tonghop.chunk-size=2",
				// one partition: the file the store refuses is the third it is given
				"tonghop.ingest-threads=1",
				// the failure is this test's own doing: Spring Batch's ERROR lines and
				// stack
				// traces for it would read as a failing build in the test run's output
				"logging.level.org.springframework.batch=OFF" })
class IngestRestartIntegrationTests {

	/** On the PostgreSQL run, a database of its own instead of the in-memory H2. */
	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgresql() && TestDatabase.unreachable() == null) {
			registry.add("spring.datasource.url", () -> TestDatabase.freshPostgresql("restart"));
			registry.add("spring.datasource.username", () -> "postgres");
		}
	}

	@Autowired
	BatchRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@MockitoSpyBean
	ReturnStore store;

	@TempDir
	Path input;

	/** Each test starts from an empty store (the job metadata may stay). */
	@BeforeEach
	void emptyStore() {
		this.jdbc.update("DELETE FROM finding");
		this.jdbc.update("UPDATE return_record SET superseded_by = NULL");
		this.jdbc.update("DELETE FROM return_record");
		this.jdbc.update("DELETE FROM intake_log");
		this.jdbc.update("DELETE FROM submission");
	}

	@Test
	void restartsFailedIngestWithoutLosingOrDuplicatingReturns() throws Exception {
		AtomicInteger calls = threeFilesWhoseThirdFailsToStore();

		JobExecution failed = this.runner.ingest(this.input, 2026);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(count("submission")).as("the first chunk of two files is committed").isEqualTo(2);

		JobExecution restarted = this.runner.ingest(this.input, 2026);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(count("submission")).isEqualTo(3);
		assertThat(count("return_record")).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT union_code) FROM return_record", Long.class))
			.isEqualTo(3);
		assertThat(count("intake_log")).as("each file logged once over both executions").isEqualTo(3);
		assertThat(calls.get()).as("the restart read only the file that had failed").isEqualTo(4);
	}

	@Test
	void restartTakesFilesThatArrivedInTheInboxMeanwhile() throws Exception {
		threeFilesWhoseThirdFailsToStore();
		JobExecution failed = this.runner.ingest(this.input, 2026);
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		// sorts before the two files already stored: a restart by position would skip it
		Files.copy(sample("form-tcvn3-2024.xls"), this.input.resolve("0 nộp muộn.xls"));

		JobExecution restarted = this.runner.ingest(this.input, 2026);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(this.jdbc.queryForList("SELECT source_file FROM intake_log ORDER BY source_file", String.class))
			.as("every file logged once over both executions")
			.containsExactly("0 nộp muộn.xls", "form-edited.xlsx", "form-formulas-libreoffice.xlsx",
					"form-libreoffice.xls");
		assertThat(count("submission")).isEqualTo(4);
	}

	/**
	 * A run killed after the job repository made its instance and before it made the
	 * instance's first execution (two transactions): the next run removes that empty
	 * instance, so no run is left looking unfinished, and starts afresh.
	 */
	@Test
	void anInstanceKilledBeforeItsFirstExecutionIsRemoved() throws Exception {
		Files.copy(sample("form-edited.xlsx"), this.input.resolve("form-edited.xlsx"));
		JobInstance empty = this.jobRepository.createJobInstance(IngestJobConfiguration.JOB,
				new JobParametersBuilder().addString("input", this.input.toString())
					.addLong("year", 2026L)
					.addLocalDateTime("startedAt", LocalDateTime.now().minusMinutes(1))
					.toJobParameters());

		JobExecution run = this.runner.ingest(this.input, 2026);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(run.getJobInstance().getInstanceId()).isNotEqualTo(empty.getInstanceId());
		assertThat(this.jobRepository.getJobInstance(empty.getInstanceId())).isNull();
		assertThat(count("submission")).isEqualTo(1);
	}

	/**
	 * Rows the database kept from a transaction rolled back by a kill (seen once with
	 * H2): the restart removes them, and nothing else.
	 */
	@Test
	void rowsWithoutTheirSubmissionAreRemoved() throws Exception {
		Files.copy(sample("form-edited.xlsx"), this.input.resolve("form-edited.xlsx"));
		assertThat(this.runner.ingest(this.input, 2026).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		String values = this.jdbc.queryForObject("SELECT indicator_values FROM return_record", String.class);
		references(false);
		try {
			this.jdbc.update("INSERT INTO return_record (id, submission_id, report_year, sheet, union_code, accepted,"
					+ " last_modified, indicator_values) VALUES (999999, 888888, 2026, 'Sheet1', 'X', TRUE,"
					+ " CURRENT_TIMESTAMP, 'A02,5,,,,C12,')");
			this.jdbc.update("INSERT INTO intake_log (job_execution, report_year, source_file, outcome, submission_id)"
					+ " VALUES (1, 2026, 'lost.xlsx', 'NEW', 888888)");
		}
		finally {
			references(true);
		}

		assertThat(this.store.removeOrphans()).isEqualTo(2);

		assertThat(count("return_record")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT indicator_values FROM return_record", String.class))
			.isEqualTo(values)
			.contains("A02,");
		assertThat(this.jdbc.queryForList("SELECT source_file FROM intake_log", String.class))
			.containsExactly("form-edited.xlsx");
	}

	private void references(boolean checked) {
		if (TestDatabase.postgresql()) {
			for (String table : List.of("return_record", "intake_log")) {
				this.jdbc.execute("ALTER TABLE " + table + (checked ? " ENABLE" : " DISABLE") + " TRIGGER ALL");
			}
		}
		else {
			this.jdbc.execute("SET REFERENTIAL_INTEGRITY " + (checked ? "TRUE" : "FALSE"));
		}
	}

	/**
	 * Three returns in the input; the database refuses to store the third, once (with the
	 * chunk of two files: the second chunk). Returns the number of files given to the
	 * store so far.
	 */
	private AtomicInteger threeFilesWhoseThirdFailsToStore() throws Exception {
		for (String name : List.of("form-libreoffice.xls", "form-formulas-libreoffice.xlsx", "form-edited.xlsx")) {
			Files.copy(sample(name), this.input.resolve(name));
		}
		AtomicInteger calls = new AtomicInteger();
		doAnswer((invocation) -> {
			List<?> files = invocation.getArgument(0);
			if (calls.getAndAdd(files.size()) < 3 && calls.get() >= 3) {
				throw new DataAccessResourceFailureException("disk full (simulated)");
			}
			return invocation.callRealMethod();
		}).when(this.store).store(anyList(), anyInt(), anyLong());
		return calls;
	}

	long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

	static Path sample(String name) throws URISyntaxException {
		return Path.of(IngestRestartIntegrationTests.class.getResource("/samples/" + name).toURI());
	}

}
