package vn.tonghop.rollup;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.tonghop.TestDatabase;
import vn.tonghop.TonghopApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The returns of returns.csv, read page by page of one province through the index, are
 * the returns that count, each once, in the order a sort of them all gives: the returns
 * without a province first, then by province, union code and id. Made to cross the pages'
 * edges: a province of several pages, a union code on many returns (so a page can end
 * inside it), returns that do not count between those that do, a province with none that
 * counts.
 */
@SpringBootTest(classes = TonghopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:returns-order;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupsReturnsOrderIntegrationTests {

	private static final int YEAR = 2026;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgresql() && TestDatabase.unreachable() == null) {
			registry.add("spring.datasource.url", () -> TestDatabase.freshPostgresql("returnsorder"));
			registry.add("spring.datasource.username", () -> "postgres");
		}
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Rollups rollups;

	private record Expected(String province, String union, long id) {
	}

	private final List<Expected> expected = new ArrayList<>();

	@BeforeAll
	void returns() {
		Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4));
		this.jdbc.update(
				"INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
						+ " ingested_at) VALUES (1, ?, ?, 'a.xlsx', 1, ?, 'ACCEPTED', ?)",
				YEAR, "0".repeat(64), now, now);
		Random random = new Random(20261204);
		String[] provinces = { null, "01", "01", "01", "01", "01", "79", "1", "02" };
		List<Object[]> rows = new ArrayList<>();
		for (long id = 1; id <= 2600; id++) {
			String province = provinces[random.nextInt(provinces.length)];
			// many returns of one union, so that pages end inside it
			String union = (id % 3 == 0) ? "U0007" : String.format("U%04d", random.nextInt(400));
			int year = (id % 23 == 0) ? YEAR - 1 : YEAR;
			// a province whose returns all fail to count
			boolean accepted = id % 7 != 0 && !"02".equals(province);
			rows.add(new Object[] { id, year, union, province, accepted, now });
		}
		this.jdbc.batchUpdate("INSERT INTO return_record (id, submission_id, report_year, sheet, union_code,"
				+ " province_code, accepted, last_modified) VALUES (?, 1, ?, 'S', ?, ?, ?, ?)", rows);
		for (long id = 3; id <= 2600; id += 17) {
			this.jdbc.update("UPDATE return_record SET superseded_by = ? WHERE id = ?", id + 1, id);
		}
		this.jdbc.query("SELECT province_code, union_code, id FROM return_record r WHERE " + Rollups.CURRENT, (rs) -> {
			String province = rs.getString(1);
			this.expected.add(new Expected((province != null) ? province.strip() : "", rs.getString(2), rs.getLong(3)));
		}, YEAR);
		this.expected.sort(Comparator.comparing(Expected::province)
			.thenComparing(Expected::union)
			.thenComparingLong(Expected::id));
	}

	@Test
	void theReturnsThatCountInProvinceUnionCodeAndIdOrder() {
		List<Expected> actual = new ArrayList<>();
		this.rollups.returns(YEAR, (row) -> actual
			.add(new Expected(row.identity().get(2), row.identity().get(0), Long.parseLong(row.identity().get(7)))));
		assertThat(actual).isEqualTo(this.expected);
		assertThat(actual).filteredOn((row) -> row.province().equals("01"))
			.as("a province of several pages")
			.hasSizeGreaterThan(2 * 500);
		assertThat(actual).filteredOn((row) -> row.union().equals("U0007")).hasSizeGreaterThan(500);
		assertThat(actual).extracting(Expected::province).contains("").doesNotContain("02");
	}

	@Test
	void aYearWithoutReturnsHasNone() {
		List<Rollups.ReturnRow> none = new ArrayList<>();
		this.rollups.returns(YEAR + 5, none::add);
		assertThat(none).isEmpty();
	}

	/** On H2, each page is read in the index's order, not sorted. */
	@Test
	void aPageIsReadThroughTheIndexWithoutASort() {
		assumeFalse(TestDatabase.postgresql(), "H2's plan");
		String plan = this.jdbc.queryForObject("EXPLAIN " + Rollups.PROVINCE_PAGE, String.class, YEAR, "01", "U0007",
				"U0007", 100L);
		assertThat(plan).contains("RETURN_RECORD_PROVINCE").contains("/* index sorted */");
	}

}
