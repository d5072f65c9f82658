package vn.tonghop.rollup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.registry.RegistryStore;

/**
 * Who reported, against the registry of expected unions: per province and per sector,
 * expected (in the registry), received (a return, accepted or rejected), accepted,
 * rejected (returns, none accepted) and missing (in the registry, no return). A union is
 * counted where the registry places it, else where its return does. Without a registry,
 * expected and missing are unknown (null).
 */
public class Completeness {

	/** One line: a province, a sector, or the total. */
	public record Line(String code, String name, Long expected, long received, long accepted, long rejected,
			Long missing) {
	}

	/** A union of the registry that sent nothing. */
	public record MissingUnion(String unionCode, String unionName, String provinceCode, String sectorCode) {
	}

	/** The year's completeness. */
	public record Report(boolean registryLoaded, List<Line> byProvince, List<Line> bySector, Line total,
			List<MissingUnion> missing) {
	}

	private final JdbcTemplate jdbc;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	public Completeness(JdbcTemplate jdbc, ProvinceResolver provinces, SectorResolver sectors) {
		this.jdbc = jdbc;
		this.provinces = provinces;
		this.sectors = sectors;
	}

	private static final class Union {

		String name;

		String province;

		String sector;

		boolean expected;

		boolean received;

		boolean accepted;

	}

	/**
	 * Each union of year {@code ?} with a current return, whether one is accepted, and
	 * where it is: read from the index {@code return_record_union_current} alone (through
	 * the returns' rows it took 3.2 s at 150,000).
	 */
	public static final String RECEIVED = "SELECT union_code, MAX(CASE WHEN accepted THEN 1 ELSE 0 END) AS accepted,"
			+ " MAX(province_code) AS province_code, MAX(sector_code) AS sector_code FROM return_record"
			+ " WHERE report_year = ? AND superseded_by IS NULL AND union_code <> '' GROUP BY union_code";

	public Report report(int year) {
		Map<String, Union> unions = new LinkedHashMap<>();
		this.jdbc.query(RegistryStore.CURRENT + " ORDER BY e.source_row", (rs) -> {
			Union union = unions.computeIfAbsent(rs.getString("union_code"), (c) -> new Union());
			union.expected = true;
			union.name = rs.getString("union_name");
			union.province = trim(rs.getString("province_code"));
			union.sector = rs.getString("sector_code");
		}, year);
		boolean registryLoaded = !unions.isEmpty() || this.jdbc
			.queryForObject("SELECT COUNT(*) FROM registry_load WHERE report_year = ?", Long.class, year) > 0;
		this.jdbc.query(RECEIVED, (rs) -> {
			Union union = unions.computeIfAbsent(rs.getString("union_code"), (c) -> new Union());
			union.received = true;
			union.accepted = rs.getInt("accepted") == 1;
			if (!union.expected) {
				union.province = trim(rs.getString("province_code"));
				union.sector = rs.getString("sector_code");
			}
		}, year);
		Map<String, long[]> byProvince = new HashMap<>();
		Map<String, long[]> bySector = new HashMap<>();
		long[] total = new long[5];
		List<MissingUnion> missing = new ArrayList<>();
		unions.forEach((code, union) -> {
			long[] counts = { union.expected ? 1 : 0, union.received ? 1 : 0, union.accepted ? 1 : 0,
					(union.received && !union.accepted) ? 1 : 0, (union.expected && !union.received) ? 1 : 0 };
			add(byProvince.computeIfAbsent(String.valueOf(union.province), (k) -> new long[5]), counts);
			add(bySector.computeIfAbsent(String.valueOf(union.sector), (k) -> new long[5]), counts);
			add(total, counts);
			if (union.expected && !union.received) {
				missing.add(new MissingUnion(code, union.name, union.province, union.sector));
			}
		});
		List<Line> provinceLines = new ArrayList<>();
		for (Province province : this.provinces.all()) {
			provinceLines.add(line(province.code(), province.name(), byProvince.get(province.code()), registryLoaded));
		}
		List<Line> sectorLines = new ArrayList<>();
		for (Sector sector : this.sectors.all()) {
			sectorLines.add(line(sector.code(), sector.name(), bySector.get(sector.code()), registryLoaded));
		}
		return new Report(registryLoaded, provinceLines, sectorLines, line("TOTAL", "Tổng cộng", total, registryLoaded),
				missing);
	}

	private static void add(long[] into, long[] counts) {
		for (int i = 0; i < counts.length; i++) {
			into[i] += counts[i];
		}
	}

	private static Line line(String code, String name, long[] counts, boolean registryLoaded) {
		long[] c = (counts != null) ? counts : new long[5];
		return new Line(code, name, registryLoaded ? c[0] : null, c[1], c[2], c[3], registryLoaded ? c[4] : null);
	}

	private static String trim(String text) {
		return (text != null) ? text.strip() : null;
	}

}
