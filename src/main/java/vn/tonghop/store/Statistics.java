package vn.tonghop.store;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planner's statistics of the tables a step has just filled, brought up to date on
 * PostgreSQL ({@code ANALYZE}) before the queries that read them. PostgreSQL plans from
 * statistics that its autovacuum gathers minutes after the rows arrive (or never, where
 * it is off); a year's returns stored by one ingest had none, and the consolidation's
 * page queries read whole tables for each page: at 150,000 returns files.csv took 31.4 s
 * instead of 1.5 s, completeness.csv 9.3 s instead of 0.6 s, the consolidation 59 s
 * instead of 11 s. {@code ANALYZE} reads a sample of each table (30,000 rows by default),
 * 0.7 s for the four tables of 150,000 returns. H2 keeps its own statistics as rows
 * change, and is left alone.
 */
public final class Statistics {

	/** What an ingest fills. */
	public static final List<String> INGEST = List.of("submission", "return_record", "intake_log", "finding");

	/** What loading a registry fills. */
	public static final List<String> REGISTRY = List.of("registry_load", "registry_entry");

	private static final Log logger = LogFactory.getLog(Statistics.class);

	private Statistics() {
	}

	/**
	 * {@code ANALYZE} of the tables on PostgreSQL, in the caller's transaction if any;
	 * nothing on other databases.
	 */
	public static void refresh(JdbcTemplate jdbc, List<String> tables) {
		String product = jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
		if (!"PostgreSQL".equals(product)) {
			return;
		}
		long start = System.nanoTime();
		jdbc.execute("ANALYZE " + String.join(", ", tables));
		if (logger.isDebugEnabled()) {
			logger.debug("ANALYZE " + tables + ": " + (System.nanoTime() - start) / 1_000_000 + " ms");
		}
	}

}
