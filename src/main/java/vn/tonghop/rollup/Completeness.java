package vn.tonghop.rollup;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.store.Deadlines;
import vn.tonghop.store.ProvinceScope;

/**
 * Who reported, union by union (README, "What the counts mean"): per province and per
 * sector, expected (in the registry), received (sent a return that is not superseded,
 * accepted or rejected), accepted (one of them counts), rejected (none counts), missing
 * (in the registry, no return) and, with a registry, unlisted: unions that sent a return
 * without being in it, counted there only, so that expected = received + missing and
 * received = accepted + rejected. A union is counted where the registry places it, else
 * where its return does; a union placed in no province (or sector) the tool knows is
 * counted in a line of its own with an empty code. Without a registry, every union that
 * sent a return is received, and expected, missing and unlisted are unknown (null). A
 * return without a union code is no union's: the report counts those apart
 * ({@link Report#unidentified}).
 * <p>
 * Where a province has a deadline for the year ({@link Deadlines}), its accepted unions
 * are also on time (the union's first accepted return, superseded or not, was received by
 * the end of that day, Vietnam time) or late (after it): on time + late = accepted. A
 * union with only rejected returns is neither. A province without a deadline has no such
 * figures (null); the lines of sectors and the total count the unions of the provinces
 * with a deadline only, and have none when no province in scope has one.
 */
public class Completeness {

	/**
	 * One line: a province, a sector, or the total.
	 *
	 * @param unlisted unions not in the registry that sent a return; null without a
	 * registry
	 * @param deadline the province's deadline; null for a province without one, a sector
	 * and the total
	 * @param onTime accepted unions whose first accepted return was received by the
	 * deadline; null without a deadline (for a sector or the total: when no province in
	 * scope has one)
	 * @param late accepted unions whose first accepted return was received after it; null
	 * as {@code onTime}
	 */
	public record Line(String code, String name, Long expected, long received, long accepted, long rejected,
			Long missing, Long unlisted, LocalDate deadline, Long onTime, Long late) {
	}

	/** A union of the registry that sent nothing. */
	public record MissingUnion(String unionCode, String unionName, String provinceCode, String sectorCode) {
	}

	/**
	 * The year's completeness.
	 *
	 * @param unidentified returns not superseded that name no union (rejected: R01), in
	 * no line
	 * @param deadlines the deadlines of the provinces in scope that have one, by code
	 */
	public record Report(boolean registryLoaded, List<Line> byProvince, List<Line> bySector, Line total,
			List<MissingUnion> missing, long unidentified, Map<String, LocalDate> deadlines) {

		/**
		 * Whether a province in scope has a deadline: then on time and late are counted.
		 */
		public boolean deadlinesSet() {
			return !this.deadlines.isEmpty();
		}

	}

	private final JdbcTemplate jdbc;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	private final Deadlines deadlines;

	public Completeness(JdbcTemplate jdbc, ProvinceResolver provinces, SectorResolver sectors) {
		this.jdbc = jdbc;
		this.provinces = provinces;
		this.sectors = sectors;
		this.deadlines = new Deadlines(jdbc);
	}

	/** Registry entries and unions read a page at a time. */
	static final int PAGE = 1000;

	/**
	 * A page of the year's registry in its order, from after a row, with whether each
	 * union sent a current return and whether one is accepted (looked up in the index
	 * {@code return_record_union_current}).
	 */
	public static final String REGISTRY_PAGE = "SELECT e.union_code, e.union_name, e.province_code, e.sector_code,"
			+ " e.source_row, CASE WHEN EXISTS (SELECT 1 FROM return_record r WHERE r.report_year = ?"
			+ " AND r.union_code = e.union_code AND r.union_code <> '' AND r.superseded_by IS NULL) THEN 1 ELSE 0 END,"
			+ " CASE WHEN EXISTS (SELECT 1 FROM return_record r WHERE r.report_year = ? AND r.union_code = e.union_code"
			+ " AND r.union_code <> '' AND r.superseded_by IS NULL AND r.accepted) THEN 1 ELSE 0 END"
			+ " FROM registry_entry e WHERE e.load_id = ? AND e.source_row > ?"
			+ " ORDER BY e.load_id, e.source_row FETCH FIRST " + PAGE + " ROWS ONLY";

	/** Where a scope's condition on the entries goes in {@link #REGISTRY_PAGE}. */
	private static final String REGISTRY_ORDER = " ORDER BY e.load_id";

	/**
	 * The last union code of the next page of the year's returns after a code, in the
	 * order of the index {@code return_record_union_current}; none when fewer are left.
	 */
	public static final String UNION_PAGE_END = "SELECT r.union_code FROM return_record r"
			+ " WHERE r.report_year = ? AND r.union_code > ? ORDER BY r.report_year, r.union_code OFFSET " + (PAGE - 1)
			+ " ROWS FETCH FIRST 1 ROWS ONLY";

	/**
	 * Each union of year {@code ?} with a current return and no entry in the registry
	 * load {@code ?}, with a code after one and (in {@link #RECEIVED_UP_TO}) up to
	 * another: whether one of its returns is accepted, and where they are. Read from the
	 * index {@code return_record_union_current} alone (through the returns' rows it took
	 * 3.2 s at 150,000).
	 */
	public static final String RECEIVED = "SELECT r.union_code, MAX(CASE WHEN r.accepted THEN 1 ELSE 0 END),"
			+ " MAX(r.province_code), MAX(r.sector_code) FROM return_record r"
			+ " WHERE r.report_year = ? AND r.superseded_by IS NULL AND r.union_code <> '' AND r.union_code > ?"
			+ " AND NOT EXISTS (SELECT 1 FROM registry_entry e WHERE e.load_id = ? AND e.union_code = r.union_code)"
			+ " GROUP BY r.report_year, r.union_code";

	public static final String RECEIVED_UP_TO = RECEIVED.replace(" AND NOT EXISTS",
			" AND r.union_code <= ? AND NOT EXISTS");

	/**
	 * {@link #RECEIVED} or {@link #RECEIVED_UP_TO} for the unions a scope holds: those
	 * its returns place in one of its provinces, as counted below.
	 */
	private static String received(String sql, ProvinceScope scope) {
		return scope.isAll() ? sql : sql + " HAVING 1 = 1" + scope.and("MAX(r.province_code)");
	}

	/**
	 * The time the union {@code union} first had a return accepted (superseded since or
	 * not), for a union placed in one of the provinces with a deadline (null for the
	 * others, so that no other union's returns are read: the indexes do not hold the
	 * time). {@code province} is where the query places the union.
	 */
	private static String firstAccepted(String union, String province, Map<String, LocalDate> deadlines) {
		String codes = deadlines.keySet().stream().map((code) -> "'" + code + "'").collect(Collectors.joining(","));
		return ", CASE WHEN " + province + " IN (" + codes + ") THEN (SELECT MIN(a.last_modified) FROM return_record a"
				+ " WHERE a.report_year = ? AND a.union_code = " + union + " AND a.accepted) END";
	}

	/**
	 * Counts the registry's unions where the registry places them, then the unions that
	 * sent returns without being in it where their returns place them, page by page: what
	 * stays in memory is the counts by province and sector and the list of missing unions
	 * (which the outputs print), never a union for each union of the year (those took 45
	 * MB at 150,000, and H2 held the year's unions once more as a result).
	 */
	public Report report(int year) {
		return report(year, ProvinceScope.all());
	}

	/**
	 * The same for the unions of the provinces of {@code scope} only (where the registry
	 * or their returns place them; one province in a provincial federation's own view):
	 * their lines are the only province lines (no line of unknown province), with their
	 * sectors, their missing unions and their returns without a union code.
	 */
	public Report report(int year, ProvinceScope scope) {
		String registryPage = REGISTRY_PAGE.replace(REGISTRY_ORDER, scope.and("e.province_code") + REGISTRY_ORDER);
		Map<String, LocalDate> deadlines = this.deadlines.dates(year, scope);
		String receivedSql = RECEIVED;
		String receivedUpTo = RECEIVED_UP_TO;
		if (!deadlines.isEmpty()) {
			// the time of each union's first accepted return, where there is a deadline
			registryPage = registryPage.replace(" FROM registry_entry e",
					firstAccepted("e.union_code", "e.province_code", deadlines) + " FROM registry_entry e");
			String column = firstAccepted("r.union_code", "MAX(r.province_code)", deadlines);
			receivedSql = RECEIVED.replace(" FROM return_record r WHERE", column + " FROM return_record r WHERE");
			receivedUpTo = RECEIVED_UP_TO.replace(" FROM return_record r WHERE",
					column + " FROM return_record r WHERE");
		}
		boolean timed = !deadlines.isEmpty();
		Long load = this.jdbc.queryForObject("SELECT MAX(id) FROM registry_load WHERE report_year = ?", Long.class,
				year);
		boolean registryLoaded = load != null;
		Map<String, long[]> byProvince = new HashMap<>();
		Map<String, long[]> bySector = new HashMap<>();
		long[] total = new long[COUNTS];
		Tally tally = new Tally(byProvince, bySector, total, deadlines);
		List<MissingUnion> missing = new ArrayList<>();
		if (load != null) {
			int[] after = { Integer.MIN_VALUE };
			int[] read = new int[1];
			Object[] arguments = timed ? new Object[] { year, year, year, load, 0 }
					: new Object[] { year, year, load, 0 };
			do {
				read[0] = 0;
				arguments[arguments.length - 1] = after[0];
				this.jdbc.query(registryPage, (rs) -> {
					read[0]++;
					// the last row read, in the scope or not: the next page starts after
					// it
					after[0] = rs.getInt(5);
					String code = rs.getString(1);
					String province = trim(rs.getString(3));
					String sector = rs.getString(4);
					boolean received = rs.getInt(6) == 1;
					boolean accepted = rs.getInt(7) == 1;
					tally.count(province, sector, true, received, accepted, timed ? rs.getTimestamp(8) : null);
					if (!received) {
						missing.add(new MissingUnion(code, rs.getString(2), province, sector));
					}
				}, arguments);
			}
			while (read[0] == PAGE);
		}
		// unions not in the registry: received where there is none, else unlisted
		RowCallbackHandler received = (rs) -> {
			tally.count(trim(rs.getString(3)), rs.getString(4), false, !registryLoaded, rs.getInt(2) == 1,
					timed ? rs.getTimestamp(5) : null);
		};
		long registry = (load != null) ? load : -1L;
		String from = "";
		while (from != null) {
			List<String> ends = this.jdbc.queryForList(UNION_PAGE_END, String.class, year, from);
			String to = ends.isEmpty() ? null : ends.get(0);
			if (to != null) {
				this.jdbc.query(received(receivedUpTo, scope), received, timed
						? new Object[] { year, year, from, to, registry } : new Object[] { year, from, to, registry });
			}
			else {
				this.jdbc.query(received(receivedSql, scope), received,
						timed ? new Object[] { year, year, from, registry } : new Object[] { year, from, registry });
			}
			from = to;
		}
		List<Line> provinceLines = new ArrayList<>();
		for (Province province : this.provinces.all()) {
			if (!scope.contains(province.code())) {
				continue;
			}
			provinceLines.add(line(province.code(), province.name(), byProvince.remove(province.code()), registryLoaded,
					deadlines.get(province.code()), deadlines.containsKey(province.code())));
		}
		unknown(byProvince, UNKNOWN_PROVINCE, registryLoaded, false).ifPresent(provinceLines::add);
		List<Line> sectorLines = new ArrayList<>();
		for (Sector sector : this.sectors.all()) {
			sectorLines
				.add(line(sector.code(), sector.name(), bySector.remove(sector.code()), registryLoaded, null, timed));
		}
		unknown(bySector, UNKNOWN_SECTOR, registryLoaded, timed).ifPresent(sectorLines::add);
		Long unidentified = this.jdbc.queryForObject(UNIDENTIFIED + scope.and("r.province_code"), Long.class, year);
		return new Report(registryLoaded, provinceLines, sectorLines,
				line("TOTAL", "Tổng cộng", total, registryLoaded, null, timed), missing,
				(unidentified != null) ? unidentified : 0, Map.copyOf(deadlines));
	}

	/** The name of the line of unions whose province is not known (code empty). */
	public static final String UNKNOWN_PROVINCE = "Không rõ tỉnh, thành phố";

	/** The name of the line of unions whose sector is not known (code empty). */
	public static final String UNKNOWN_SECTOR = "Không rõ khu vực";

	/**
	 * The unions left when every province (or sector) of the reference table took its
	 * own: those whose return names none the tool knows (rejected, R02 or R03). One line
	 * with an empty code, after the others, so that the lines add up to the total; none
	 * when there are none.
	 */
	private static java.util.Optional<Line> unknown(Map<String, long[]> left, String name, boolean registryLoaded,
			boolean timed) {
		if (left.isEmpty()) {
			return java.util.Optional.empty();
		}
		long[] sum = new long[COUNTS];
		left.values().forEach((counts) -> add(sum, counts));
		return java.util.Optional.of(line("", name, sum, registryLoaded, null, timed));
	}

	/** The returns of year {@code ?} not superseded that name no union. */
	static final String UNIDENTIFIED = "SELECT COUNT(*) FROM return_record r WHERE r.report_year = ?"
			+ " AND r.superseded_by IS NULL AND (r.union_code IS NULL OR r.union_code = '')";

	/** expected, received, accepted, rejected, missing, unlisted, on time, late. */
	private static final int COUNTS = 8;

	/**
	 * The counts by province, by sector and in all, and the deadlines they are kept by.
	 */
	private record Tally(Map<String, long[]> byProvince, Map<String, long[]> bySector, long[] total,
			Map<String, LocalDate> deadlines) {

		/**
		 * Counts a union: {@code expected} when in the registry, {@code received} when it
		 * counts as received (it sent a return, and is in the registry when there is
		 * one); a union that sent a return, not in the registry, is unlisted. A received
		 * union with an accepted return, in a province with a deadline, is on time or
		 * late by {@code firstAccepted}, the time of its first accepted return.
		 */
		void count(String province, String sector, boolean expected, boolean received, boolean accepted,
				Timestamp firstAccepted) {
			boolean unlisted = !expected && !received;
			LocalDate deadline = (province != null) ? this.deadlines.get(province) : null;
			boolean timed = received && accepted && deadline != null && firstAccepted != null;
			boolean late = timed && Deadlines.late(deadline, firstAccepted.toInstant());
			long[] counts = { expected ? 1 : 0, received ? 1 : 0, (received && accepted) ? 1 : 0,
					(received && !accepted) ? 1 : 0, (expected && !received) ? 1 : 0, unlisted ? 1 : 0,
					(timed && !late) ? 1 : 0, late ? 1 : 0 };
			add(this.byProvince.computeIfAbsent(String.valueOf(province), (k) -> new long[COUNTS]), counts);
			add(this.bySector.computeIfAbsent(String.valueOf(sector), (k) -> new long[COUNTS]), counts);
			add(this.total, counts);
		}

	}

	private static void add(long[] into, long[] counts) {
		for (int i = 0; i < counts.length; i++) {
			into[i] += counts[i];
		}
	}

	/**
	 * A line of counts; {@code timed}: whether it has on-time and late figures (a
	 * province with a deadline; a sector or the total when a province in scope has one).
	 */
	private static Line line(String code, String name, long[] counts, boolean registryLoaded, LocalDate deadline,
			boolean timed) {
		long[] c = (counts != null) ? counts : new long[COUNTS];
		return new Line(code, name, registryLoaded ? c[0] : null, c[1], c[2], c[3], registryLoaded ? c[4] : null,
				registryLoaded ? c[5] : null, deadline, timed ? c[6] : null, timed ? c[7] : null);
	}

	private static String trim(String text) {
		return (text != null) ? text.strip() : null;
	}

}
