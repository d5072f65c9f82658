package vn.tonghop.store;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Returns stored before migration 14 get their checksum from it, computed as the store
 * computes it for new ones, so that they are checked when read back like the others.
 */
class ReturnChecksumMigrationIntegrationTests {

	@Test
	void givesEveryReturnStoredBeforeItsChecksum() {
		DriverManagerDataSource dataSource = TestDatabase.fresh("return-checksum");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TestDatabase.flyway(dataSource).target("13").load().migrate();
		jdbc.update("INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
				+ " ingested_at) VALUES (5, 2025, ?, 'a.xlsx', 1, CURRENT_TIMESTAMP, 'ACCEPTED', CURRENT_TIMESTAMP)",
				"0".repeat(64));
		for (long id = 1; id <= 2500; id += 3) {
			jdbc.update(
					"INSERT INTO return_record (id, submission_id, report_year, sheet, union_code, union_name,"
							+ " province_code, sector_code, industry_code, accepted, last_modified, indicator_values)"
							+ " VALUES (?, 5, 2025, 'S', ?, 'Tên', '01', '3', NULL, ?, CURRENT_TIMESTAMP, ?)",
					id, "U" + id, id % 2 == 0, "A02," + id + ",1,,,C12,D12");
		}

		TestDatabase.flyway(dataSource).load().migrate();

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM return_record WHERE checksum IS NULL", Long.class))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT checksum FROM return_record WHERE id = 2497", Long.class))
			.isEqualTo(ReturnChecksum.of(5, 2025, "S", "U2497", "Tên", "01", "3", null, false, "A02,2497,1,,,C12,D12"));
		// and read back checked: as stored, then with a digit changed
		CheckedReturns checked = new CheckedReturns(jdbc);
		String select = "SELECT " + CheckedReturns.columns("r", "ck_") + " FROM return_record r WHERE r.id = 2497";
		List<List<StoredValues.Value>> values = jdbc.query(select, (rs, n) -> checked.values(rs, "ck_"));
		assertThat(values.get(0)).containsExactly(new StoredValues.Value("A02", 2497L, 1L, null, null, "C12", "D12"));
		jdbc.update("UPDATE return_record SET indicator_values = 'A02,2498,1,,,C12,D12' WHERE id = 2497");
		assertThatThrownBy(() -> jdbc.query(select, (rs, n) -> checked.values(rs, "ck_")))
			.isInstanceOf(DamagedStoreException.class)
			.hasMessageContaining("báo cáo U2497 năm 2025 (tệp a.xlsx, lần nộp số 5, báo cáo số 2497)");
	}

}
