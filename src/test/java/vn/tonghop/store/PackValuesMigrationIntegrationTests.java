package vn.tonghop.store;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made before values were packed keeps every value: migration 7 packs each
 * return's rows of {@code return_value} into its {@code indicator_values}, as the store
 * now writes them, and drops the table.
 */
class PackValuesMigrationIntegrationTests {

	@Test
	void packsTheValuesOfADatabaseMadeBeforeAndDropsTheirTable() {
		DriverManagerDataSource dataSource = TestDatabase.fresh("pack-values");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TestDatabase.flyway(dataSource).target("6").load().migrate();
		jdbc.update("INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
				+ " ingested_at) VALUES (1, 2025, ?, 'a.xlsx', 1, CURRENT_TIMESTAMP, 'ACCEPTED', CURRENT_TIMESTAMP)",
				"0".repeat(64));
		List<Object[]> returns = new ArrayList<>();
		List<Object[]> a02 = new ArrayList<>();
		List<Object[]> f04 = new ArrayList<>();
		for (long id = 1; id <= 1203; id++) {
			returns.add(new Object[] { id, "U" + id });
			if (id != 7) { // 7: a return without values
				a02.add(new Object[] { id, id * 10, id });
				f04.add(new Object[] { id, id % 2 == 0 });
			}
		}
		jdbc.batchUpdate("INSERT INTO return_record (id, submission_id, report_year, sheet, union_code, accepted,"
				+ " last_modified) VALUES (?, 1, 2025, 'S', ?, TRUE, CURRENT_TIMESTAMP)", returns);
		jdbc.batchUpdate("INSERT INTO return_value (return_id, code, total, female, total_cell, female_cell)"
				+ " VALUES (?, 'A02', ?, ?, 'C12', 'D12')", a02);
		jdbc.batchUpdate("INSERT INTO return_value (return_id, code, category, total_cell) VALUES (?, 'F03', 'HTNV',"
				+ " 'C40')", a02.stream().map((row) -> new Object[] { row[0] }).toList());
		jdbc.batchUpdate("INSERT INTO return_value (return_id, code, flag, total_cell) VALUES (?, 'F04', ?, 'C41')",
				f04);

		TestDatabase.flyway(dataSource).load().migrate();

		assertThat(jdbc.queryForObject("SELECT indicator_values FROM return_record WHERE id = 1", String.class))
			.isEqualTo("A02,10,1,,,C12,D12;F03,,,HTNV,,C40,;F04,,,,0,C41,");
		assertThat(StoredValues
			.unpack(jdbc.queryForObject("SELECT indicator_values FROM return_record WHERE id = 1200", String.class)))
			.containsExactly(new StoredValues.Value("A02", 12000L, 1200L, null, null, "C12", "D12"),
					new StoredValues.Value("F03", null, null, "HTNV", null, "C40", null),
					new StoredValues.Value("F04", null, null, null, true, "C41", null));
		assertThat(jdbc.queryForObject("SELECT indicator_values FROM return_record WHERE id = 7", String.class))
			.isEmpty();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM return_record WHERE indicator_values LIKE 'A02,%'",
				Long.class))
			.isEqualTo(1202);
		assertThat(jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) =" + " 'return_value'",
				String.class))
			.isEmpty();
	}

	@Test
	void aNewDatabaseHasNoValueTable() {
		DriverManagerDataSource dataSource = TestDatabase.fresh("pack-values-new");
		TestDatabase.flyway(dataSource).load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) =" + " 'return_value'",
				String.class))
			.isEmpty();
		assertThat(jdbc.queryForObject("SELECT COUNT(indicator_values) FROM return_record", Long.class)).isZero();
	}

}
