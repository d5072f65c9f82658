package vn.tonghop.rollup;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import vn.tonghop.normalise.TextFold;
import vn.tonghop.store.CheckedReturns;
import vn.tonghop.store.Pages;
import vn.tonghop.store.ProvinceScope;
import vn.tonghop.store.StoredValues;

/**
 * Rolls up the returns that count for a year: accepted and not superseded. Every sum is
 * exact, over whole numbers, as the database's {@code SUM} would give it. Each method
 * takes the year's returns of every province, or of a {@link ProvinceScope}'s only (a
 * condition of each query).
 */
public class Rollups {

	/** The returns that count for year {@code ?}. */
	static final String CURRENT = "r.report_year = ? AND r.accepted AND r.superseded_by IS NULL";

	/** A group's key values, its number of returns and its indicator columns as text. */
	public record Group(List<String> keys, long returns, List<String> values) {
	}

	/**
	 * One return: as in {@code returns.csv} (union code, name, province, sector,
	 * industry, year, source file; then its columns), and its id after the identity's
	 * seven.
	 */
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

	private final CheckedReturns checked;

	/** Which province's upper-level unions a year's pass sums as well; may be null. */
	private final ProvincialViews views;

	public Rollups(JdbcTemplate jdbc, IndicatorColumns columns) {
		this(jdbc, columns, null);
	}

	/**
	 * @param views in a year consolidated in a provincial federation's own view, the pass
	 * that sums the year also sums its province by upper-level union
	 * ({@link #byParentUnion}), so that neither the consolidation nor the sums made ahead
	 * of it need a pass of their own
	 */
	public Rollups(JdbcTemplate jdbc, IndicatorColumns columns, ProvincialViews views) {
		this.jdbc = jdbc;
		this.columns = columns;
		this.checked = new CheckedReturns(jdbc);
		this.views = views;
	}

	public IndicatorColumns columns() {
		return this.columns;
	}

	/**
	 * A year's groups, valid while its returns are as {@code fingerprint} says: the
	 * finest groups (province × sector × industry), summed from the stored values, and
	 * the coarser ones made from them; and in a provincial federation's own view its
	 * province's groups by upper-level union as written.
	 */
	private record Snapshot(List<Long> fingerprint, Summed summed, Map<By, Map<List<String>, Group>> groups) {

		Map<List<String>, Group> finest() {
			return this.summed.finest();
		}

	}

	/**
	 * What one pass sums: the finest groups, and the groups by upper-level union as
	 * written of province {@code parentsOf} (null, and no groups, in a national
	 * consolidation).
	 */
	private record Summed(Map<List<String>, Group> finest, String parentsOf, Map<String, Group> parents) {
	}

	/** The finest grouping; every other is a sum of its groups. */
	private static final List<String> FINEST = List.of("r.province_code", "r.sector_code",
			"COALESCE(r.industry_code, '')");

	/** A year's returns of a scope: what a snapshot is kept for. */
	private record Scoped(int year, ProvinceScope scope) {
	}

	private final Map<Scoped, Snapshot> snapshots = new ConcurrentHashMap<>();

	private final AtomicLong passes = new AtomicLong();

	/** How many passes over the stored values this instance has made, in all years. */
	public long passes() {
		return this.passes.get();
	}

	/**
	 * Groups by key, in no particular order (callers order by their reference tables).
	 * The returns are summed once, by province, sector and industry together (one pass
	 * over their stored values); the groups of each {@link By} are sums of those, since
	 * every return is in exactly one of them. They are kept while the year's returns stay
	 * as they are: returns are never edited, only added or superseded, so their number,
	 * highest id and number superseded tell.
	 */
	public Map<List<String>, Group> groups(int year, By by) {
		return groups(year, ProvinceScope.all(), by);
	}

	/**
	 * The groups of {@code by} made of the returns of some provinces only (the scope of a
	 * console user), as {@link #groups(int, ProvinceScope, By)}.
	 * @param provinces the 2025 codes of the provinces; null for every return
	 */
	public Map<List<String>, Group> groupsWithin(int year, By by, Set<String> provinces) {
		if (provinces == null) {
			return groups(year, ProvinceScope.all(), by);
		}
		if (provinces.isEmpty()) {
			return Collections.unmodifiableMap(combine(Map.of(), by));
		}
		return groups(year, ProvinceScope.of(provinces), by);
	}

	/** The same of the returns of {@code scope}'s provinces only. */
	public Map<List<String>, Group> groups(int year, ProvinceScope scope, By by) {
		Snapshot snapshot = snapshot(year, scope);
		return snapshot.groups().computeIfAbsent(by, (b) -> Collections.unmodifiableMap(combine(snapshot.finest(), b)));
	}

	/**
	 * The groups of {@code by} made of the returns of one province only (a provincial
	 * federation's own view): its sectors, its industries. The total has a row even
	 * without returns.
	 */
	public Map<List<String>, Group> groupsIn(int year, By by, String province) {
		return groupsIn(year, ProvinceScope.all(), by, province);
	}

	/**
	 * The same, taken from the sums of {@code scope}'s returns (which hold the
	 * province's).
	 */
	public Map<List<String>, Group> groupsIn(int year, ProvinceScope scope, By by, String province) {
		Map<List<String>, Group> finest = new LinkedHashMap<>();
		snapshot(year, scope).finest().forEach((keys, group) -> {
			if (keys.get(0).equals(province)) {
				finest.put(keys, group);
			}
		});
		return Collections.unmodifiableMap(combine(finest, by));
	}

	/**
	 * The sums of the year's returns of {@code scope}, made anew when the year's returns
	 * (of any province) changed.
	 */
	private Snapshot snapshot(int year, ProvinceScope scope) {
		List<Long> fingerprint = this.jdbc.queryForObject(
				"SELECT COUNT(*), COALESCE(MAX(id), 0), COUNT(superseded_by) FROM return_record WHERE report_year = ?",
				(rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), year);
		return this.snapshots.compute(new Scoped(year, scope),
				(key, current) -> (current != null && current.fingerprint().equals(fingerprint)) ? current
						: new Snapshot(fingerprint, sum(year, scope), new ConcurrentHashMap<>()));
	}

	/**
	 * The province whose upper-level unions a pass over {@code year}'s returns of
	 * {@code scope} sums, or null.
	 */
	private String parentsOf(int year, ProvinceScope scope) {
		return (this.views != null) ? this.views.of(year, scope).map((view) -> view.province().code()).orElse(null)
				: null;
	}

	/**
	 * The returns that count of one province, by upper-level union as written (the form's
	 * {@code parent_union}, {@link TextFold#clean cleaned}; "" when not given), in no
	 * particular order. Summed with the year's other groups when the province is the
	 * year's provincial view's, else in a pass of its own over the year's stored values.
	 * {@link ParentUnions} groups the spellings of one union.
	 */
	public Map<String, Group> byParentUnion(int year, String province) {
		return byParentUnion(year, ProvinceScope.all(), province);
	}

	/**
	 * The same, taken from the sums of {@code scope}'s returns when they hold the
	 * province's upper-level unions.
	 */
	public Map<String, Group> byParentUnion(int year, ProvinceScope scope, String province) {
		Summed summed = snapshot(year, scope).summed();
		if (province.equals(summed.parentsOf())) {
			return summed.parents();
		}
		this.passes.incrementAndGet();
		Map<List<String>, Sums> groups = new LinkedHashMap<>();
		long[] range = idRange(year);
		if (range != null) {
			RowCallbackHandler adder = (rs) -> {
				if (!counts(rs, 3, year)) {
					this.checked.check(rs, CHECKED);
					return;
				}
				String code = rs.getString(1);
				if (code == null || !code.strip().equals(province)) {
					this.checked.check(rs, CHECKED);
					return;
				}
				Sums group = groups.computeIfAbsent(List.of(TextFold.clean(rs.getString(2))), this::sums);
				group.returns++;
				add(group, this.checked.values(rs, CHECKED));
			};
			for (long from = range[0]; from <= range[1]; from += VALUE_PAGE) {
				this.jdbc.query(PARENT_VALUES, adder, from, Math.min(range[1], from + VALUE_PAGE - 1));
			}
		}
		Map<String, Group> bySpelling = new LinkedHashMap<>();
		groups.forEach((keys, sums) -> bySpelling.put(keys.get(0), new Group(keys, sums.returns, sums.values())));
		return bySpelling;
	}

	/**
	 * The finest groups, summed here from the stored values exactly as the aggregates
	 * would: each group's number of returns from one small query, then its columns from
	 * one pass over the values of the returns that count, streamed. Memory holds one
	 * running sum per group and column, whatever the number of returns. Of the returns of
	 * {@code provinces} only, when not null (and then no upper-level unions).
	 */
	private Summed sum(int year, ProvinceScope scope) {
		this.passes.incrementAndGet();
		String parentsOf = parentsOf(year, scope);
		Map<List<String>, Sums> groups = new LinkedHashMap<>();
		String grouping = String.join(", ", FINEST);
		this.jdbc.query("SELECT " + grouping + ", COUNT(*) FROM return_record r WHERE " + CURRENT
				+ scope.and("r.province_code") + " GROUP BY " + grouping, (rs) -> {
					groups.computeIfAbsent(keys(rs.getString(1), rs.getString(2), rs.getString(3)),
							this::sums).returns += rs.getLong(4);
				}, year);
		Map<String, Sums> parents = new LinkedHashMap<>();
		ValueAdder adder = new ValueAdder(groups, year, parentsOf, parents);
		streamValues(year, scope, adder);
		Map<List<String>, Group> finest = new LinkedHashMap<>();
		groups.forEach((keys, sums) -> finest.put(keys, new Group(keys, sums.returns, sums.values())));
		Map<String, Group> byParent = new LinkedHashMap<>();
		parents.forEach(
				(spelling, sums) -> byParent.put(spelling, new Group(List.of(spelling), sums.returns, sums.values())));
		return new Summed(finest, parentsOf, Collections.unmodifiableMap(byParent));
	}

	/** The prefix of the columns {@link CheckedReturns} reads. */
	private static final String CHECKED = "ck_";

	/**
	 * The returns whose ids are in a range, with their keys, what says whether they count
	 * (year, accepted, superseded) and their stored values with what
	 * {@link CheckedReturns} checks them by, in no particular order (sorting them would
	 * cost more than the sums). Only the id range is in the condition, so that the
	 * database reads the range by the primary key: given {@link #CURRENT} as well, H2
	 * reads every current return of the year through that index for each page, which made
	 * the pages quadratic (23.5 s at 150,000 returns). Whether a return counts is decided
	 * by {@link ValueAdder} instead.
	 */
	private static final String VALUES = "SELECT r.province_code, r.sector_code, r.industry_code, r.report_year,"
			+ " r.accepted, r.superseded_by, r.parent_union, " + CheckedReturns.columns("r", CHECKED)
			+ " FROM return_record r WHERE r.id BETWEEN ? AND ?";

	/** As {@link #VALUES}, with the upper-level union in place of sector and industry. */
	private static final String PARENT_VALUES = "SELECT r.province_code, r.parent_union, r.report_year,"
			+ " r.accepted, r.superseded_by, " + CheckedReturns.columns("r", CHECKED)
			+ " FROM return_record r WHERE r.id BETWEEN ? AND ?";

	/** Return ids a query of {@link #streamValues} covers. */
	static final int VALUE_PAGE = 500;

	/**
	 * Gives each row of {@link #VALUES} to {@code adder}, page by page of return ids: the
	 * database makes one page's rows at a time, so memory stays the same whatever the
	 * number of returns, and no cursor stays open across the pages. Not H2's lazy query
	 * execution: with it, a long scan can meet pages whose chunk the store has meanwhile
	 * freed ("Chunk 140 not found", seen at 60,000 returns; H2 issue 4142). Only the rows
	 * of {@code provinces} when not null, still read by the id range.
	 */
	private void streamValues(int year, ProvinceScope scope, RowCallbackHandler adder) {
		long[] range = idRange(year);
		if (range == null) {
			return;
		}
		String values = VALUES + scope.and("r.province_code");
		for (long from = range[0]; from <= range[1]; from += VALUE_PAGE) {
			this.jdbc.query(values, adder, from, Math.min(range[1], from + VALUE_PAGE - 1));
		}
	}

	/**
	 * Whether the return of a row read by id range counts, as {@link #CURRENT} says: its
	 * year, accepted and superseded by nothing in the three columns from {@code column}.
	 */
	private static boolean counts(ResultSet rs, int column, int year) throws SQLException {
		if (rs.getInt(column) != year || !rs.getBoolean(column + 1)) {
			return false;
		}
		rs.getLong(column + 2);
		return rs.wasNull();
	}

	/**
	 * Adds the values of each return of {@link #VALUES} to its group's sums, and a return
	 * of province {@code parentsOf} to its upper-level union's as written.
	 */
	private final class ValueAdder implements RowCallbackHandler {

		private final Map<List<String>, Sums> groups;

		private final int year;

		private final String parentsOf;

		private final Map<String, Sums> parents;

		ValueAdder(Map<List<String>, Sums> groups, int year, String parentsOf, Map<String, Sums> parents) {
			this.groups = groups;
			this.year = year;
			this.parentsOf = parentsOf;
			this.parents = parents;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			if (!counts(rs, 4, this.year)) {
				Rollups.this.checked.check(rs, CHECKED);
				return;
			}
			List<StoredValues.Value> values = Rollups.this.checked.values(rs, CHECKED);
			String province = rs.getString(1);
			if (this.parentsOf != null && province != null && province.strip().equals(this.parentsOf)) {
				Sums parent = this.parents.computeIfAbsent(TextFold.clean(rs.getString(7)), (k) -> sums(List.of()));
				parent.returns++;
				add(parent, values);
			}
			if (values.isEmpty()) {
				return;
			}
			// a group the count did not see (a return added since) counts no return
			Sums group = this.groups.computeIfAbsent(keys(rs.getString(1), rs.getString(2), rs.getString(3)),
					Rollups.this::sums);
			add(group, values);
		}

	}

	/** Adds a return's stored values to its group's sums. */
	private void add(Sums group, List<StoredValues.Value> values) {
		for (StoredValues.Value stored : values) {
			int[] columns = this.columns.columnsOf(stored.code());
			if (columns.length == 0) {
				continue;
			}
			for (int column : columns) {
				Long part = this.columns.part(column, stored);
				if (part != null) {
					group.add(column, part);
				}
			}
		}
	}

	/** A finest group's keys as the grouping gives them: stripped, nothing as "". */
	private static List<String> keys(String province, String sector, String industry) {
		List<String> keys = new ArrayList<>(FINEST.size());
		for (String key : new String[] { province, sector, industry }) {
			keys.add((key != null) ? key.strip() : "");
		}
		return keys;
	}

	private Sums sums(List<String> keys) {
		return new Sums(this.columns.all().size());
	}

	/**
	 * A group's number of returns and running sums, exact: in a {@code long} while it
	 * holds, with what overflows it carried into a {@link BigInteger}. A column no value
	 * added to stays empty, as {@code SUM} over no value is {@code NULL}.
	 */
	private static final class Sums {

		private long returns;

		private final long[] sums;

		private final boolean[] given;

		/** What overflowed each column's {@code long}, once one did. */
		private BigInteger[] carried;

		Sums(int width) {
			this.sums = new long[width];
			this.given = new boolean[width];
		}

		void add(int column, long value) {
			this.given[column] = true;
			try {
				this.sums[column] = Math.addExact(this.sums[column], value);
			}
			catch (ArithmeticException ex) {
				if (this.carried == null) {
					this.carried = new BigInteger[this.sums.length];
				}
				BigInteger carried = (this.carried[column] != null) ? this.carried[column] : BigInteger.ZERO;
				this.carried[column] = carried.add(BigInteger.valueOf(this.sums[column]));
				this.sums[column] = value;
			}
		}

		List<String> values() {
			List<String> values = new ArrayList<>(this.sums.length);
			for (int i = 0; i < this.sums.length; i++) {
				if (!this.given[i]) {
					values.add("");
				}
				else if (this.carried != null && this.carried[i] != null) {
					values.add(this.carried[i].add(BigInteger.valueOf(this.sums[i])).toString());
				}
				else {
					values.add(Long.toString(this.sums[i]));
				}
			}
			return values;
		}

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

	/** Returns a page of returns.csv holds. */
	private static final int BATCH = 500;

	/** Streams the returns that count, ordered by province, union code. */
	public void returns(int year, Consumer<ReturnRow> consumer) {
		returns(year, ProvinceScope.all(), consumer);
	}

	/** The same of {@code scope}'s provinces only. */
	public void returns(int year, ProvinceScope scope, Consumer<ReturnRow> consumer) {
		try (Stream<ReturnRow> returns = byProvince(year, scope)) {
			returns.forEach(consumer);
		}
	}

	/**
	 * The returns that count, by id. The last column of each identity is the return's id.
	 * Read page by page of return ids, by the primary key, with their values in the same
	 * query, as {@link #streamValues} reads them, so no cursor stays open between pages:
	 * through the index of the current returns H2 sorted all the year's returns first
	 * (the workbook's sheet of returns, written beside returns.csv, took 34 s at
	 * 150,000). The next page is read while the workbook writes one
	 * ({@link Pages#streamReadingAhead}): the workbook is the consolidation's longest
	 * step, and the other core is free once the files beside it are written.
	 */
	public Stream<ReturnRow> returnsById(int year) {
		return returnsById(year, ProvinceScope.all());
	}

	/** The same of {@code scope}'s provinces only. */
	public Stream<ReturnRow> returnsById(int year, ProvinceScope scope) {
		long[] range = idRange(year);
		if (range == null) {
			return Stream.empty();
		}
		String byId = BY_ID.replace(BY_ID_ORDER, scope.and("r.province_code") + BY_ID_ORDER);
		long[] from = { range[0] };
		return Pages.streamReadingAhead(() -> {
			if (from[0] > range[1]) {
				return null;
			}
			long to = Math.min(range[1], from[0] + VALUE_PAGE - 1);
			List<ReturnRow> page = new ArrayList<>(VALUE_PAGE);
			this.jdbc.query(byId, (rs) -> {
				ReturnRow row = countedReturn(rs, year);
				if (row != null) {
					page.add(row);
				}
			}, from[0], to);
			from[0] = to + 1;
			return page;
		}, "tonghop-returns-read");
	}

	/** The lowest and highest id of the year's returns, or null when it has none. */
	private long[] idRange(int year) {
		Map<String, Object> range = this.jdbc
			.queryForMap("SELECT MIN(id) AS low, MAX(id) AS high FROM return_record WHERE report_year = ?", year);
		if (range.get("low") == null) {
			return null;
		}
		return new long[] { ((Number) range.get("low")).longValue(), ((Number) range.get("high")).longValue() };
	}

	/**
	 * The returns that count, by province, union code (the returns without a province
	 * first), page by page: each page is read through the index on year, province, union
	 * code and id, from where the last page ended, within one province
	 * ({@link #PROVINCE_PAGE}); the next province is found through the same index
	 * ({@link #NEXT_PROVINCE}). The database never sorts the year's returns: H2 kept such
	 * a sorted result in memory whole, some 45 MB at 150,000 returns, where these pages
	 * hold {@value #BATCH} returns at a time however many there are. The returns that do
	 * not count are read and passed over (filtering them in the query let H2 choose the
	 * index of the current returns and sort them all again). Each return's values come in
	 * the same query, made into columns here (a second query by id read every row twice:
	 * 14 s of a thread at 150,000). In a scope, only its provinces are read: the returns
	 * without a province are in none.
	 */
	private Stream<ReturnRow> byProvince(int year, ProvinceScope scope) {
		String firstProvince = FIRST_PROVINCE.replace(PROVINCE_ORDER, scope.and("r.province_code") + PROVINCE_ORDER);
		String nextProvince = NEXT_PROVINCE.replace(PROVINCE_ORDER, scope.and("r.province_code") + PROVINCE_ORDER);
		return Pages.stream(new Supplier<>() {

			/** The province being read; null for the returns without one. */
			private String province;

			/** Where the last page ended in that province: union code and id. */
			private String union = "";

			private long id = Long.MIN_VALUE;

			@Override
			public List<ReturnRow> get() {
				List<ReturnRow> page = new ArrayList<>(BATCH);
				int[] read = new int[1];
				RowCallbackHandler row = (rs) -> {
					read[0]++;
					this.union = rs.getString(1);
					this.id = rs.getLong(8);
					ReturnRow counted = countedReturn(rs, year);
					if (counted != null) {
						page.add(counted);
					}
				};
				if (this.province == null) {
					if (scope.isAll()) {
						Rollups.this.jdbc.query(NO_PROVINCE_PAGE, row, year, this.union, this.union, this.id);
					}
				}
				else {
					Rollups.this.jdbc.query(PROVINCE_PAGE, row, year, this.province, this.union, this.union, this.id);
				}
				return (read[0] > 0) ? page : nextProvince();
			}

			/** Moves to the next province: an empty page, or null when there is none. */
			private List<ReturnRow> nextProvince() {
				List<String> following = (this.province == null)
						? Rollups.this.jdbc.queryForList(firstProvince, String.class, year)
						: Rollups.this.jdbc.queryForList(nextProvince, String.class, year, this.province);
				if (following.isEmpty()) {
					return null;
				}
				this.province = following.get(0);
				this.union = "";
				this.id = Long.MIN_VALUE;
				return List.of();
			}

		});
	}

	/**
	 * The return of a row of {@link #PAGE_COLUMNS}, with its columns; null when it does
	 * not count ({@link #counts}).
	 */
	private ReturnRow countedReturn(ResultSet rs, int year) throws SQLException {
		if (!counts(rs, 9, year)) {
			this.checked.check(rs, CHECKED);
			return null;
		}
		List<String> identity = identity(rs);
		identity.add(Long.toString(rs.getLong(8)));
		return new ReturnRow(identity, this.columns.ofOne(IndicatorColumns.byCode(this.checked.values(rs, CHECKED))));
	}

	/**
	 * A return's identity columns (as {@link #identity(ResultSet)} reads them), then its
	 * id.
	 */
	private static final String IDENTITY_COLUMNS = "r.union_code, r.union_name, r.province_code, r.sector_code,"
			+ " r.industry_code, r.report_year, s.source_file, r.id";

	private static final String RETURN_AND_SUBMISSION = "return_record r JOIN submission s ON s.id = r.submission_id";

	/**
	 * What a page of returns reads ({@link #countedReturn}): the identity columns, then
	 * whether the return counts (year again, accepted, superseded: {@link #counts}) and
	 * what {@link CheckedReturns} reads its values with.
	 */
	private static final String PAGE_COLUMNS = "SELECT " + IDENTITY_COLUMNS
			+ ", r.report_year, r.accepted, r.superseded_by, " + CheckedReturns.columns("r", CHECKED) + " FROM "
			+ RETURN_AND_SUBMISSION;

	/** A page of {@link #returnsById}: an id range. */
	private static final String BY_ID = PAGE_COLUMNS + " WHERE r.id BETWEEN ? AND ? ORDER BY r.id";

	/** Where a scope's condition goes in {@link #BY_ID}. */
	private static final String BY_ID_ORDER = " ORDER BY r.id";

	/**
	 * A page of {@link #byProvince}: the returns of one province after a union code and
	 * id, in the order of the index {@code return_record_province}, whose columns the
	 * ORDER BY names all (H2 uses an index for the order only so).
	 */
	static final String PROVINCE_PAGE = PAGE_COLUMNS
			+ " WHERE r.report_year = ? AND r.province_code = ? AND r.union_code >= ? AND (r.union_code > ? OR r.id > ?)"
			+ " ORDER BY r.report_year, r.province_code, r.union_code, r.id FETCH FIRST " + BATCH + " ROWS ONLY";

	/** The same for the returns without a province. */
	private static final String NO_PROVINCE_PAGE = PROVINCE_PAGE.replace("r.province_code = ?",
			"r.province_code IS NULL");

	/** The first province after one that has returns of the year. */
	private static final String NEXT_PROVINCE = "SELECT r.province_code FROM return_record r"
			+ " WHERE r.report_year = ? AND r.province_code > ?"
			+ " ORDER BY r.report_year, r.province_code FETCH FIRST 1 ROWS ONLY";

	/** The first province that has returns of the year. */
	private static final String FIRST_PROVINCE = NEXT_PROVINCE.replace("r.province_code > ?",
			"r.province_code IS NOT NULL");

	/**
	 * Where a scope's condition goes in {@link #NEXT_PROVINCE} and
	 * {@link #FIRST_PROVINCE}.
	 */
	private static final String PROVINCE_ORDER = " ORDER BY r.report_year, r.province_code FETCH";

	/**
	 * The first seven columns: union code to source file, stripped (codes are padded) but
	 * for the source file, which is named as files.csv names it, leading space and all.
	 */
	private static List<String> identity(ResultSet rs) throws SQLException {
		List<String> identity = new ArrayList<>(7);
		for (int i = 1; i <= 7; i++) {
			String value = rs.getString(i);
			identity.add((value == null) ? "" : (i == 7) ? value : value.strip());
		}
		return identity;
	}

}
