package vn.tonghop.job;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files a run stored before: its earlier executions' only. Regression: the display's
 * count of a small inbox, asked after the partitions had stored it all, took this
 * execution's files for earlier ones and showed 52 of 26 files done.
 */
class StoredByTests {

	@Test
	void countsTheEarlierExecutionsOfTheRunNotTheCurrentOneNorOtherRuns() {
		SingleConnectionDataSource data = new SingleConnectionDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(data);
			jdbc.execute("CREATE TABLE BATCH_JOB_EXECUTION (JOB_EXECUTION_ID BIGINT PRIMARY KEY,"
					+ " JOB_INSTANCE_ID BIGINT NOT NULL)");
			jdbc.execute("CREATE TABLE intake_log (source_file VARCHAR(100), job_execution BIGINT,"
					+ " submission_id BIGINT, outcome VARCHAR(20))");
			// run 1: executions 10 (killed) and 11 (going on); run 2: execution 20
			jdbc.update("INSERT INTO BATCH_JOB_EXECUTION VALUES (10, 1), (11, 1), (20, 2)");
			jdbc.update("INSERT INTO intake_log VALUES ('a.xlsx', 10, 100, 'NEW'), ('b.xlsx', 10, NULL, 'UNREADABLE'),"
					+ " ('c.xlsx', 10, NULL, 'NEW'), ('d.xlsx', 11, 101, 'NEW'), ('e.xlsx', 20, 102, 'NEW')");

			assertThat(IngestJobConfiguration.storedBy(jdbc, 1, 11)).as("c.xlsx: its submission was removed")
				.containsExactlyInAnyOrder("a.xlsx", "b.xlsx");
			assertThat(IngestJobConfiguration.storedBy(jdbc, 2, 20)).isEmpty();
		}
		finally {
			data.destroy();
		}
	}

}
