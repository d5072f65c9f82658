package vn.tonghop.rollup;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

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
import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.Rating;
import vn.tonghop.read.CellRef;
import vn.tonghop.store.StoredValues;
import vn.tonghop.validate.IndicatorValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups summed from the stored values are those the database's aggregates give over
 * the same values kept a row each in a table of this test's own ({@link #aggregates()}
 * grouped by the keys), on returns made to be awkward: missing keys and values, padded
 * keys, values of no column, ratings of no rating, sums beyond a {@code long}, returns
 * not counted and returns without values.
 */
@SpringBootTest(classes = TonghopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:rollup-sums;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupSumsIntegrationTests {

	private static final int YEAR = 2026;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgresql() && TestDatabase.unreachable() == null) {
			registry.add("spring.datasource.url", () -> TestDatabase.freshPostgresql("rollupsums"));
			registry.add("spring.datasource.username", () -> "postgres");
		}
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Rollups rollups;

	@Autowired
	IndicatorCatalogue catalogue;

	@BeforeAll
	void returns() {
		Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4));
		this.jdbc.update(
				"INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
						+ " ingested_at) VALUES (1, ?, ?, 'a.xlsx', 1, ?, 'ACCEPTED', ?)",
				YEAR, "0".repeat(64), now, now);
		Random random = new Random(20260101);
		String[] provinces = { null, "01", "79", "1" };
		String[] sectors = { null, "1", "12", " 3" };
		String[] industries = { null, "", "A", "B " };
		List<String> codes = new ArrayList<>(codes(this.rollups.columns()));
		codes.addAll(List.of("Z99", "a02"));
		List<Object[]> values = new ArrayList<>();
		for (long id = 1; id <= 400; id++) {
			int year = (id % 37 == 0) ? YEAR - 1 : YEAR;
			boolean accepted = id % 11 != 0;
			this.jdbc.update(
					"INSERT INTO return_record (id, submission_id, report_year, sheet, union_code,"
							+ " province_code, sector_code, industry_code, accepted, last_modified)"
							+ " VALUES (?, 1, ?, 'S', ?, ?, ?, ?, ?, ?)",
					id, year, "U" + id, pick(random, provinces), pick(random, sectors), pick(random, industries),
					accepted, now);
			if (id % 9 == 0) {
				continue; // no values
			}
			for (String code : codes) {
				if (random.nextInt(3) > 0) {
					values.add(new Object[] { id, code, number(random), number(random),
							pick(random, new String[] { null, "HTXSNV", "HTTNV", "HTNV", "KHTNV", "KHAC" }),
							pick(random, new Boolean[] { null, true, false }) });
				}
			}
		}
		// beyond a long, in one group and in total
		for (long id = 401; id <= 404; id++) {
			this.jdbc.update("INSERT INTO return_record (id, submission_id, report_year, sheet, union_code,"
					+ " province_code, sector_code, industry_code, accepted, last_modified)"
					+ " VALUES (?, 1, ?, 'S', ?, '79', '12', 'A', TRUE, ?)", id, YEAR, "U" + id, now);
			long big = (id == 404) ? Long.MIN_VALUE : Long.MAX_VALUE;
			values.add(new Object[] { id, "A01", big, big - 1, null, null });
		}
		// alone in their province: a value of nothing, and no values at all
		for (long id = 405; id <= 406; id++) {
			this.jdbc.update(
					"INSERT INTO return_record (id, submission_id, report_year, sheet, union_code,"
							+ " province_code, sector_code, industry_code, accepted, last_modified)"
							+ " VALUES (?, 1, ?, 'S', ?, ?, NULL, NULL, TRUE, ?)",
					id, YEAR, "U" + id, "0" + (id - 403), now);
		}
		// far apart, on both sides of the edges of the pages the values are read by, with
		// another year's returns between
		for (long id : new long[] { 1500, 1501, 1999, 2000, 2001, 2000 + Rollups.VALUE_PAGE, 5000 }) {
			int year = (id == 1999) ? YEAR - 1 : YEAR;
			this.jdbc.update("INSERT INTO return_record (id, submission_id, report_year, sheet, union_code,"
					+ " province_code, sector_code, industry_code, accepted, last_modified)"
					+ " VALUES (?, 1, ?, 'S', ?, '79', '1', 'A', TRUE, ?)", id, year, "U" + id, now);
			values.add(new Object[] { id, "A01", id, 1L, null, null });
			values.add(new Object[] { id, "F04", null, null, "HTNV", null });
		}
		values.add(new Object[] { 405L, "A01", null, 5L, null, null });
		values.add(new Object[] { 405L, "F03", null, null, null, null });
		values.add(new Object[] { 405L, "F04", 1L, null, "HTNV", null });
		// the oracle's copy, a row each, as return_value held them before they were
		// packed
		this.jdbc.execute("CREATE TABLE test_value (return_id BIGINT NOT NULL, code VARCHAR(10) NOT NULL,"
				+ " total BIGINT, female BIGINT, category VARCHAR(10), flag BOOLEAN, PRIMARY KEY (return_id, code))");
		this.jdbc.batchUpdate("INSERT INTO test_value (return_id, code, total, female, category, flag)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", values);
		Map<Long, List<IndicatorValue>> packed = new LinkedHashMap<>();
		for (Object[] value : values) {
			packed.computeIfAbsent((Long) value[0], (id) -> new ArrayList<>())
				.add(new IndicatorValue((String) value[1], (Long) value[2], (Long) value[3], (String) value[4],
						(Boolean) value[5], new CellRef(1, 1), null));
		}
		packed.forEach((id, list) -> this.jdbc.update("UPDATE return_record SET indicator_values = ? WHERE id = ?",
				StoredValues.pack(list), id));
		// returns without values: nothing stored, or an empty text
		this.jdbc.update("UPDATE return_record SET indicator_values = '' WHERE MOD(id, 18) = 0");
		for (long id = 5; id <= 400; id += 13) {
			this.jdbc.update("UPDATE return_record SET superseded_by = ? WHERE id = ?", id + 1, id);
		}
	}

	@Test
	void sumsAsTheDatabaseAggregates() {
		for (Rollups.By by : Rollups.By.values()) {
			assertThat(actual(YEAR, by)).as(by.name()).isEqualTo(expected(YEAR, by));
		}
		assertThat(actual(YEAR, Rollups.By.TOTAL).get(List.of()).get(1)).as("A01 beyond a long").hasSizeGreaterThan(19);
		List<String> nothing = new ArrayList<>(List.of("1"));
		nothing.addAll(Collections.nCopies(this.rollups.columns().all().size(), ""));
		assertThat(actual(YEAR, Rollups.By.PROVINCE).get(List.of("03"))).as("no values").isEqualTo(nothing);
		int a01 = this.rollups.columns().names().indexOf("A01");
		assertThat(actual(YEAR, Rollups.By.PROVINCE).get(List.of("02")).subList(1 + a01, 1 + a01 + 2))
			.isEqualTo(List.of("", "5"));
	}

	/**
	 * The workbook's returns, read page by page of ids, are the returns that count, in id
	 * order, with the columns the province-ordered stream of returns.csv gives them (one
	 * query for the identities, one for the values).
	 */
	@Test
	void returnsByIdAreTheReturnsThatCountWithTheirColumns() {
		List<Rollups.ReturnRow> byProvince = new ArrayList<>();
		this.rollups.returns(YEAR, byProvince::add);
		List<Rollups.ReturnRow> expected = new ArrayList<>(byProvince);
		expected.sort(Comparator.comparingLong((row) -> Long.parseLong(row.identity().get(7))));

		List<Rollups.ReturnRow> byId;
		try (Stream<Rollups.ReturnRow> rows = this.rollups.returnsById(YEAR)) {
			byId = rows.toList();
		}

		assertThat(byId).isEqualTo(expected);
		assertThat(byId).extracting((row) -> row.identity().get(7))
			.as("across the pages' edges, without the other year's return, superseded or rejected ones")
			.contains("1500", "2000", "2001", Long.toString(2000 + Rollups.VALUE_PAGE), "5000")
			.doesNotContain("1999", "5", "11");
		assertThat(this.rollups.returnsById(YEAR + 5)).isEmpty();
	}

	@Test
	void aYearWithoutReturnsHasAnEmptyTotal() {
		for (Rollups.By by : Rollups.By.values()) {
			assertThat(actual(YEAR + 5, by)).as(by.name()).isEqualTo(expected(YEAR + 5, by));
		}
	}

	@Test
	void partsAreWhatASingleReturnGives() {
		IndicatorColumns columns = this.rollups.columns();
		// the code of a value plays no part in what it adds
		List<StoredValues.Value> values = new ArrayList<>();
		for (Long number : Arrays.asList(null, 0L, -3L, 42L)) {
			for (String category : Arrays.asList(null, "HTNV", "KHAC")) {
				for (Boolean flag : Arrays.asList(null, true, false)) {
					values.add(new StoredValues.Value(null, number, (number != null) ? number + 1 : null, category,
							flag, null, null));
				}
			}
		}
		int covered = 0;
		for (String code : codes(columns)) {
			for (StoredValues.Value value : values) {
				List<String> ofOne = columns.ofOne(Map.of(code, value));
				for (int column : columns.columnsOf(code)) {
					Long part = columns.part(column, value);
					assertThat((part != null) ? part.toString() : "").as(columns.all().get(column).name())
						.isEqualTo(ofOne.get(column));
				}
			}
			covered += columns.columnsOf(code).length;
		}
		assertThat(covered).isEqualTo(columns.all().size());
		assertThat(columns.columnsOf("Z99")).isEmpty();
		assertThat(columns.columnsOf("F03")).hasSize(Rating.values().length);
	}

	/**
	 * The groups of some provinces only (a console user's scope) are those the aggregates
	 * give over their returns: a province's as among every return's, the total theirs;
	 * none, an empty total.
	 */
	@Test
	void sumsWithinProvincesAsTheDatabaseAggregatesTheirReturns() {
		for (Rollups.By by : Rollups.By.values()) {
			assertThat(actual(YEAR, by, Set.of("79", "02"))).as(by.name())
				.isEqualTo(expected(YEAR, by, " AND r.province_code IN ('79', '02')"))
				.isNotEqualTo(actual(YEAR, by));
			assertThat(actual(YEAR, by, Set.of())).as(by.name()).isEqualTo(expected(YEAR, by, " AND 1 = 0"));
			assertThat(actual(YEAR, by, null)).as(by.name()).isEqualTo(actual(YEAR, by));
		}
		assertThat(actual(YEAR, Rollups.By.PROVINCE, Set.of("79")).get(List.of("79")))
			.isEqualTo(actual(YEAR, Rollups.By.PROVINCE).get(List.of("79")));
		assertThat(actual(YEAR, Rollups.By.TOTAL, Set.of("79")).get(List.of()))
			.isEqualTo(actual(YEAR, Rollups.By.PROVINCE).get(List.of("79")));
	}

	/**
	 * A trace within some provinces lists their returns only, summing to their roll-up,
	 * each line with the submission it came in.
	 */
	@Test
	void aTraceWithinProvincesSumsToTheirRollup() {
		Trace trace = new Trace(this.jdbc, this.catalogue, this.rollups.columns());
		Trace.Filter everywhere = new Trace.Filter(null, null, null);
		for (String column : List.of("A01", "A02_nu", "F03_HTNV", "F04")) {
			int index = this.rollups.columns().names().indexOf(column);
			for (Set<String> provinces : Arrays.asList(Set.of("79"), Set.of("01", "02"), null)) {
				BigInteger sum = BigInteger.ZERO;
				for (Trace.Line line : trace.lines(YEAR, everywhere, column, provinces)) {
					sum = sum.add(BigInteger.valueOf(line.value()));
					assertThat(line.submissionId()).isEqualTo(1);
					assertThat(line.unionName()).isEmpty();
				}
				String rollup = this.rollups.groupsWithin(YEAR, Rollups.By.TOTAL, provinces)
					.get(List.of())
					.values()
					.get(index);
				assertThat(sum).as(column + " " + provinces)
					.isEqualTo(rollup.isEmpty() ? BigInteger.ZERO : new BigInteger(rollup));
			}
			assertThat(trace.lines(YEAR, everywhere, column, Set.of())).isEmpty();
			assertThat(trace.lines(YEAR, everywhere, column, null)).isEqualTo(trace.lines(YEAR, everywhere, column));
		}
	}

	/** The groups of {@code by}, each as its number of returns then its columns. */
	private Map<List<String>, List<String>> actual(int year, Rollups.By by) {
		return actual(year, by, null);
	}

	/** The same, of the returns of {@code provinces} only when not null. */
	private Map<List<String>, List<String>> actual(int year, Rollups.By by, Set<String> provinces) {
		Map<List<String>, List<String>> groups = new HashMap<>();
		this.rollups.groupsWithin(year, by, provinces).forEach((keys, group) -> {
			List<String> row = new ArrayList<>();
			row.add(Long.toString(group.returns()));
			row.addAll(group.values());
			groups.put(keys, row);
		});
		return groups;
	}

	/** The same, as the database's aggregates give them. */
	private Map<List<String>, List<String>> expected(int year, Rollups.By by) {
		return expected(year, by, "");
	}

	/** The same, of the returns {@code condition} keeps. */
	private Map<List<String>, List<String>> expected(int year, Rollups.By by, String condition) {
		List<String> keys = switch (by) {
			case PROVINCE -> List.of("r.province_code");
			case SECTOR -> List.of("r.sector_code");
			case PROVINCE_SECTOR -> List.of("r.province_code", "r.sector_code");
			case INDUSTRY -> List.of("COALESCE(r.industry_code, '')");
			case TOTAL -> List.of();
		};
		StringBuilder sql = new StringBuilder("SELECT ");
		keys.forEach((key) -> sql.append(key).append(", "));
		sql.append("COUNT(DISTINCT r.id), ").append(aggregates());
		sql.append(" FROM return_record r LEFT JOIN test_value v ON v.return_id = r.id WHERE ").append(Rollups.CURRENT);
		sql.append(condition);
		if (!keys.isEmpty()) {
			sql.append(" GROUP BY ").append(String.join(", ", keys));
		}
		Map<List<String>, List<String>> groups = new HashMap<>();
		int width = this.rollups.columns().all().size();
		this.jdbc.query(sql.toString(), (rs) -> {
			List<String> groupKeys = new ArrayList<>();
			for (int i = 1; i <= keys.size(); i++) {
				String key = rs.getString(i);
				groupKeys.add((key != null) ? key.strip() : "");
			}
			List<String> row = new ArrayList<>();
			row.add(Long.toString(rs.getLong(keys.size() + 1)));
			for (int i = 0; i < width; i++) {
				BigDecimal value = rs.getBigDecimal(keys.size() + 2 + i);
				row.add((value != null) ? value.toBigIntegerExact().toString() : "");
			}
			assertThat(groups.put(groupKeys, row)).as("keys apart once stripped").isNull();
		}, year);
		return groups;
	}

	/**
	 * Each output column as an SQL aggregate over the values {@code v} of a group, in the
	 * order of {@link IndicatorColumns#all()}: {@code SUM} of the total or female count;
	 * of 1 or 0 for each rating, over the values with a rating; of 1 or 0 over the values
	 * with a yes/no.
	 */
	private String aggregates() {
		List<String> columns = new ArrayList<>();
		for (Indicator indicator : this.catalogue.all()) {
			String isCode = "v.code = '" + indicator.code() + "'";
			switch (indicator.kind()) {
				case COUNT, MONEY -> {
					columns.add("SUM(CASE WHEN " + isCode + " THEN v.total END)");
					if (indicator.hasFemaleColumn()) {
						columns.add("SUM(CASE WHEN " + isCode + " THEN v.female END)");
					}
				}
				case CATEGORY -> {
					for (Rating rating : Rating.values()) {
						columns.add("SUM(CASE WHEN " + isCode + " AND v.category IS NOT NULL THEN (CASE WHEN"
								+ " v.category = '" + rating.name() + "' THEN 1 ELSE 0 END) END)");
					}
				}
				case FLAG -> columns.add("SUM(CASE WHEN " + isCode
						+ " AND v.flag IS NOT NULL THEN (CASE WHEN v.flag THEN 1 ELSE 0 END) END)");
			}
		}
		assertThat(columns).hasSameSizeAs(this.rollups.columns().all());
		return String.join(", ", columns);
	}

	/** The indicator codes: the column names before {@code _}. */
	private static List<String> codes(IndicatorColumns columns) {
		return columns.names().stream().map((name) -> name.split("_")[0]).distinct().toList();
	}

	private static <T> T pick(Random random, T[] choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static Long number(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> null;
			case 1 -> 0L;
			case 2 -> (long) random.nextInt(1000);
			case 3 -> (long) -random.nextInt(50);
			default -> random.nextLong(1_000_000_000_000L);
		};
	}

}
