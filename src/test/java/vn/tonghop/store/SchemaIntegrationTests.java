package vn.tonghop.store;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema the migrations make, on the database the tests run on: no table has two
 * indexes on the same columns in the same order, which every insert would update twice
 * for nothing (H2 makes an index of its own for a foreign key that has none).
 */
class SchemaIntegrationTests {

	/** Per table, the column lists of its indexes that more than one index has. */
	static final String H2_DUPLICATES = "SELECT TABLE_NAME, COLUMNS, COUNT(*) FROM (SELECT TABLE_NAME, INDEX_NAME,"
			+ " LISTAGG(COLUMN_NAME, ',') WITHIN GROUP (ORDER BY ORDINAL_POSITION) AS COLUMNS"
			+ " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' GROUP BY TABLE_NAME, INDEX_NAME)"
			+ " GROUP BY TABLE_NAME, COLUMNS HAVING COUNT(*) > 1";

	static final String POSTGRESQL_DUPLICATES = "SELECT CAST(i.indrelid::regclass AS TEXT), CAST(i.indkey AS TEXT),"
			+ " COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n"
			+ " ON n.oid = c.relnamespace WHERE n.nspname = current_schema() GROUP BY i.indrelid, i.indkey"
			+ " HAVING COUNT(*) > 1";

	@Test
	void noTableHasTwoIndexesOnTheSameColumns() {
		DriverManagerDataSource dataSource = TestDatabase.fresh("schema-indexes");
		TestDatabase.flyway(dataSource).load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		List<Map<String, Object>> duplicates = jdbc
			.queryForList(TestDatabase.postgresql() ? POSTGRESQL_DUPLICATES : H2_DUPLICATES);
		assertThat(duplicates).isEmpty();
	}

}
