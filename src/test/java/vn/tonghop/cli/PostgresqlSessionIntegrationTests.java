package vn.tonghop.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.tonghop.TestDatabase;
import vn.tonghop.samples.SyntheticReturns;
import vn.tonghop.store.ReturnStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database given with {@code --db jdbc:postgresql:...} is opened with the session
 * settings of {@link DatabaseOptions#POSTGRESQL_OPTIONS}: a statement first used while a
 * run's tables are empty is planned again for the tables as they grow. And what the
 * ingest and the registry store has statistics for the queries after them
 * ({@code store.Statistics}).
 */
class PostgresqlSessionIntegrationTests {

	static final int YEAR = 2026;

	/** Heap rows of {@code submission} read by the current transaction, so far. */
	static final String ROWS_READ = "SELECT COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0)"
			+ " FROM pg_stat_xact_user_tables WHERE relname = 'submission'";

	@BeforeEach
	void postgresqlOnly() {
		assumeTrue(TestDatabase.postgresql(), "PostgreSQL only");
	}

	@Test
	void everyStatementIsPlannedForItsValues() throws Exception {
		assertThat(Runs.asked(on(TestDatabase.freshPostgresql("session-settings")), "SHOW plan_cache_mode"))
			.isEqualTo("force_custom_plan");
	}

	/** Options given in the URL are the user's, and replace ours (as the docs say). */
	@Test
	void optionsInTheUrlReplaceTheDefault() throws Exception {
		String url = TestDatabase.freshPostgresql("session-options") + "?options=-c%20work_mem%3D5MB";
		assertThat(
				Runs.asked(on(url), "SELECT current_setting('plan_cache_mode') || ' ' || current_setting('work_mem')"))
			.isEqualTo("auto 5MB");
	}

	/**
	 * The ingest's lookup of a checksum, used a dozen times on an empty table (the driver
	 * prepares it on the server after its fifth use, PostgreSQL may keep one plan after
	 * its fifth), then once the year holds 20,000 submissions: it reads the one row it
	 * finds, not the year's. Without the setting it read all 20,000.
	 */
	@Test
	void theChecksumLookupReadsOneRowAfterTheYearGrew() throws Exception {
		long[] read = new long[2];
		Spring.inContext(on(TestDatabase.freshPostgresql("checksum-lookup")), (context) -> {
			try (Connection connection = context.getBean(DataSource.class).getConnection()) {
				connection.setAutoCommit(false);
				JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				for (int i = 0; i < 12; i++) {
					assertThat(earlier(jdbc, "x".repeat(63) + (char) ('a' + i))).isNull();
				}
				jdbc.update("INSERT INTO submission (report_year, sha256, source_file, bytes, last_modified, status,"
						+ " ingested_at) SELECT ?, md5(g::text) || md5(g::text), 'f' || g || '.xlsx', 8000, now(),"
						+ " 'ACCEPTED', now() FROM generate_series(1, 20000) g", YEAR);
				long before = jdbc.queryForObject(ROWS_READ, Long.class);
				String sha256 = jdbc.queryForObject("SELECT md5('777') || md5('777')", String.class);
				assertThat(earlier(jdbc, sha256)).isNotNull();
				read[0] = jdbc.queryForObject(ROWS_READ, Long.class) - before;
				read[1] = jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE report_year = ?", Long.class,
						YEAR);
				connection.rollback();
			}
			return 0;
		});
		assertThat(read[1]).isEqualTo(20_000);
		assertThat(read[0]).as("rows of submission read by one lookup").isLessThanOrEqualTo(2);
	}

	/**
	 * The ingest and the registry gather the statistics of what they stored: the planner
	 * knows the tables' rows (without, it knows none: -1, or 0 from the migrations'
	 * indexes).
	 */
	@Test
	void theIngestAndTheRegistryLeaveStatisticsOfWhatTheyStored(@TempDir Path work) throws Exception {
		Path input = work.resolve("hộp thư");
		SyntheticReturns.write(input, 20, YEAR, 3);
		Path data = work.resolve("data");
		Runs.Result ingest = Runs.tonghop("ingest", "--input", input.toString(), "--year", Integer.toString(YEAR),
				"--data-dir", data.toString());
		assertThat(ingest.status()).as(ingest.out() + ingest.err()).isZero();
		Runs.Result registry = Runs.tonghop("registry", "--input",
				ConsolidationIntegrationTests.resource("/samples/registry-2026.xlsx").toString(), "--year",
				Integer.toString(YEAR), "--data-dir", data.toString());
		assertThat(registry.status()).as(registry.out() + registry.err()).isZero();
		Map<String, Long> rows = new TreeMap<>();
		Map<String, Long> known = new TreeMap<>();
		try (Connection connection = TestDatabase.connect(data); Statement statement = connection.createStatement()) {
			for (String table : List.of("submission", "return_record", "intake_log", "registry_entry")) {
				try (ResultSet rs = statement.executeQuery("SELECT COUNT(*), (SELECT reltuples::bigint FROM pg_class"
						+ " WHERE oid = '" + table + "'::regclass) FROM " + table)) {
					rs.next();
					rows.put(table, rs.getLong(1));
					known.put(table, rs.getLong(2));
				}
			}
		}
		assertThat(rows.get("submission")).isEqualTo(20);
		assertThat(rows.get("registry_entry")).isPositive();
		assertThat(known).isEqualTo(rows);
	}

	private static DatabaseOptions on(String url) {
		DatabaseOptions options = new DatabaseOptions();
		options.jdbcUrl = url;
		return options;
	}

	private static Long earlier(JdbcTemplate jdbc, String sha256) {
		return jdbc.query(ReturnStore.EARLIER_SUBMISSION, (rs) -> rs.next() ? rs.getLong(1) : null, YEAR, sha256);
	}

}
