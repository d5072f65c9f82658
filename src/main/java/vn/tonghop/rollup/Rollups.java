package vn.tonghop.rollup;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rolls up the returns that count for a year: accepted and not superseded. Every sum is
 * done by the database over whole numbers.
 */
public class Rollups {

	/** The returns that count for year {@code ?}. */
	static final String CURRENT = "r.report_year = ? AND r.accepted AND r.superseded_by IS NULL";

	/** A group's key values, its number of returns and its indicator columns as text. */
	public record Group(List<String> keys, long returns, List<String> values) {
	}

	/** One return, as in {@code returns.csv}. */
	public record ReturnRow(List<String> identity, List<String> values) {
	}

	/** What a group is made by. */
	public enum By {

		PROVINCE(0), SECTOR(1), PROVINCE_SECTOR(0, 1), INDUSTRY(2), TOTAL();

		/** Which of the finest group's keys (province, sector, industry) it keeps. */
		private final int[] keys;

		By(int... keys) {
			this.keys = keys;
		}

		List<String> project(List<String> finest) {
			List<String> keys = new ArrayList<>(this.keys.length);
			for (int key : this.keys) {
				keys.add(finest.get(key));
			}
			return keys;
		}

	}

	private final JdbcTemplate jdbc;

	private final IndicatorColumns columns;

	public Rollups(JdbcTemplate jdbc, IndicatorColumns columns) {
		this.jdbc = jdbc;
		this.columns = columns;
	}

	public IndicatorColumns columns() {
		return this.columns;
	}

	/**
	 * A year's groups, valid while its returns are as {@code fingerprint} says: the
	 * finest groups (province × sector × industry), summed by the database, and the
	 * coarser ones made from them.
	 */
	private record Snapshot(List<Long> fingerprint, Map<List<String>, Group> finest,
			Map<By, Map<List<String>, Group>> groups) {
	}

	/** The finest grouping; every other is a sum of its groups. */
	private static final List<String> FINEST = List.of("r.province_code", "r.sector_code",
			"COALESCE(r.industry_code, '')");

	private final Map<Integer, Snapshot> snapshots = new ConcurrentHashMap<>();

	/**
	 * Groups by key, in no particular order (callers order by their reference tables).
	 * The database sums the returns once, by province, sector and industry together (one
	 * pass over the values); the groups of each {@link By} are sums of those, since every
	 * return is in exactly one of them. They are kept while the year's returns stay as
	 * they are: returns are never edited, only added or superseded, so their number,
	 * highest id and number superseded tell.
	 */
	public Map<List<String>, Group> groups(int year, By by) {
		List<Long> fingerprint = this.jdbc.queryForObject(
				"SELECT COUNT(*), COALESCE(MAX(id), 0), COUNT(superseded_by) FROM return_record WHERE report_year = ?",
				(rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), year);
		Snapshot snapshot = this.snapshots.compute(year,
				(y, current) -> (current != null && current.fingerprint().equals(fingerprint)) ? current
						: new Snapshot(fingerprint, sum(year), new ConcurrentHashMap<>()));
		return snapshot.groups().computeIfAbsent(by, (b) -> Collections.unmodifiableMap(combine(snapshot.finest(), b)));
	}

	private Map<List<String>, Group> sum(int year) {
		StringBuilder sql = new StringBuilder("SELECT ");
		for (int i = 0; i < FINEST.size(); i++) {
			sql.append(FINEST.get(i)).append(" AS k").append(i).append(", ");
		}
		sql.append("COUNT(DISTINCT r.id) AS returns, ").append(this.columns.selectList());
		sql.append(" FROM return_record r LEFT JOIN return_value v ON v.return_id = r.id WHERE ").append(CURRENT);
		sql.append(" GROUP BY ").append(String.join(", ", FINEST));
		Map<List<String>, Group> groups = new LinkedHashMap<>();
		this.jdbc.query(sql.toString(), (rs) -> {
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < FINEST.size(); i++) {
				String key = rs.getString("k" + i);
				keys.add((key != null) ? key.strip() : "");
			}
			groups.put(keys, new Group(keys, rs.getLong("returns"), values(rs)));
		}, year);
		return groups;
	}

	/**
	 * The groups of {@code by} as sums of the finest groups: counts add, and a column
	 * stays empty when it is empty in every group summed.
	 */
	private Map<List<String>, Group> combine(Map<List<String>, Group> finest, By by) {
		int width = this.columns.all().size();
		Map<List<String>, long[]> returns = new LinkedHashMap<>();
		Map<List<String>, BigInteger[]> sums = new LinkedHashMap<>();
		if (by == By.TOTAL) {
			// the total has a row even without returns
			returns.put(List.of(), new long[1]);
			sums.put(List.of(), new BigInteger[width]);
		}
		for (Group group : finest.values()) {
			List<String> keys = by.project(group.keys());
			returns.computeIfAbsent(keys, (k) -> new long[1])[0] += group.returns();
			BigInteger[] sum = sums.computeIfAbsent(keys, (k) -> new BigInteger[width]);
			for (int i = 0; i < width; i++) {
				String value = group.values().get(i);
				if (!value.isEmpty()) {
					sum[i] = (sum[i] != null) ? sum[i].add(new BigInteger(value)) : new BigInteger(value);
				}
			}
		}
		Map<List<String>, Group> groups = new LinkedHashMap<>();
		sums.forEach((keys, sum) -> {
			List<String> values = new ArrayList<>(width);
			for (BigInteger value : sum) {
				values.add((value != null) ? value.toString() : "");
			}
			groups.put(keys, new Group(keys, returns.get(keys)[0], values));
		});
		return groups;
	}

	/** Streams the returns that count, ordered by province, union code. */
	public void returns(int year, Consumer<ReturnRow> consumer) {
		String sql = returnsQuery("") + " ORDER BY r.province_code, r.union_code, r.id";
		this.jdbc.query((connection) -> {
			var ps = connection.prepareStatement(sql);
			ps.setFetchSize(500);
			ps.setInt(1, year);
			return ps;
		}, (rs) -> {
			consumer.accept(returnRow(rs));
		});
	}

	/**
	 * A page of the returns that count, by id after {@code afterId}: for readers that
	 * must not hold every return at once. The last column of each identity is the
	 * return's id.
	 */
	public List<ReturnRow> returnsAfter(int year, long afterId, int limit) {
		// the page's ids first, then the pivot over that id range only: grouping every
		// return of the year for each page would make the whole read quadratic
		List<Long> ids = this.jdbc.queryForList("SELECT r.id FROM return_record r WHERE " + CURRENT
				+ " AND r.id > ? ORDER BY r.id FETCH FIRST " + limit + " ROWS ONLY", Long.class, year, afterId);
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(returnsQuery(" AND r.id > ? AND r.id <= ?") + " ORDER BY r.id", (rs, n) -> {
			ReturnRow row = returnRow(rs);
			List<String> identity = new ArrayList<>(row.identity());
			identity.add(Long.toString(rs.getLong("id")));
			return new ReturnRow(identity, row.values());
		}, year, afterId, ids.get(ids.size() - 1));
	}

	private String returnsQuery(String condition) {
		return "SELECT r.union_code, r.union_name, r.province_code, r.sector_code, r.industry_code, r.report_year,"
				+ " s.source_file, r.id, " + this.columns.selectList()
				+ " FROM return_record r JOIN submission s ON s.id = r.submission_id"
				+ " LEFT JOIN return_value v ON v.return_id = r.id WHERE " + CURRENT + condition
				+ " GROUP BY r.id, r.union_code, r.union_name, r.province_code, r.sector_code, r.industry_code,"
				+ " r.report_year, s.source_file";
	}

	private ReturnRow returnRow(ResultSet rs) throws SQLException {
		List<String> identity = new ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			String value = rs.getString(i);
			identity.add((value != null) ? value.strip() : "");
		}
		return new ReturnRow(identity, values(rs));
	}

	private List<String> values(ResultSet rs) throws SQLException {
		List<String> values = new ArrayList<>(this.columns.all().size());
		for (int i = 0; i < this.columns.all().size(); i++) {
			BigDecimal value = rs.getBigDecimal("c" + i);
			values.add((value != null) ? value.toBigIntegerExact().toString() : "");
		}
		return values;
	}

}
