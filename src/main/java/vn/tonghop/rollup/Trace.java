package vn.tonghop.rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Rating;
import vn.tonghop.store.CheckedReturns;
import vn.tonghop.store.ProvinceScope;
import vn.tonghop.store.StoredValues;

/**
 * Lineage of a consolidated number: every return that counts behind it, with the file,
 * sheet and cell each value was read from.
 */
public class Trace {

	/**
	 * One value behind the number: where it was read, whose it is, and the submission
	 * (the stored file) it came in.
	 */
	public record Line(String sourceFile, String sheet, String cell, String unionCode, long value, String unionName,
			long submissionId) {
	}

	/** Which returns: a province (2025 code), and optionally a sector and an industry. */
	public record Filter(String provinceCode, String sectorCode, String industryCode) {
	}

	/**
	 * How {@code --province} was read, when it is not the 2025 unit's own name: a
	 * pre-2025 province ("Tỉnh Bình Dương (trước sắp xếp năm 2025) nay thuộc Thành phố Hồ
	 * Chí Minh; số liệu dưới đây là của Hồ Chí Minh."), a code or another spelling; null
	 * for the unit's own name. A trace for "Bình Dương" answered for all of Hồ Chí Minh
	 * without saying so.
	 */
	public static String provinceReading(ProvinceResolution resolution, ProvinceResolver provinces) {
		Province province = resolution.province();
		if (province == null) {
			return null;
		}
		String full = provinces.fullName(province);
		if (resolution.preMerger()) {
			// every unit gone in 2025 was a province: the six cities kept their names
			return "Tỉnh " + resolution.oldName() + " (trước sắp xếp năm 2025) nay thuộc " + full
					+ "; số liệu dưới đây là của " + province.name() + ".";
		}
		if (resolution.writtenAs().chars().allMatch(Character::isDigit)) {
			return "Mã " + resolution.writtenAs() + " (mã năm 2025) là " + full + ".";
		}
		if (!provinces.isOwnName(resolution.writtenAs(), province)) {
			return "Đọc \"" + resolution.writtenAs() + "\" là " + full + ".";
		}
		return null;
	}

	private final JdbcTemplate jdbc;

	private final IndicatorCatalogue catalogue;

	private final IndicatorColumns columns;

	private final CheckedReturns checked;

	public Trace(JdbcTemplate jdbc, IndicatorCatalogue catalogue, IndicatorColumns columns) {
		this.jdbc = jdbc;
		this.checked = new CheckedReturns(jdbc);
		this.catalogue = catalogue;
		this.columns = columns;
	}

	/**
	 * @param column an output column: {@code A02}, {@code A02_nu}, {@code F03_HTXSNV},
	 * {@code F04}
	 */
	public List<Line> lines(int year, Filter filter, String column) {
		return lines(year, filter, column, null);
	}

	/**
	 * The lines behind a number of the returns of some provinces only (the scope of a
	 * console user), with the provinces in the query's condition, as
	 * {@link Rollups#groupsWithin} sums them.
	 * @param column as {@link #lines(int, Filter, String)}
	 * @param provinces the 2025 codes of the provinces; null for every return
	 */
	public List<Line> lines(int year, Filter filter, String column, Set<String> provinces) {
		String name = column.strip().toUpperCase(Locale.ROOT);
		String code = name.substring(0, Math.min(3, name.length()));
		Indicator indicator = this.catalogue.find(code)
			.orElseThrow(() -> new IllegalArgumentException("không có chỉ tiêu " + column + " trong danh mục"));
		boolean female = false;
		switch (indicator.kind()) {
			case COUNT, MONEY -> {
				female = name.equals(code + "_NU");
				if (!female && !name.equals(code)) {
					throw new IllegalArgumentException(
							"cột " + column + " không có; dùng " + code + " hoặc " + code + "_nu");
				}
				if (female && !indicator.hasFemaleColumn()) {
					throw new IllegalArgumentException("chỉ tiêu " + code + " không có số nữ");
				}
			}
			case CATEGORY -> {
				String rating = name.startsWith(code + "_") ? name.substring(code.length() + 1) : "";
				Rating.valueOf(rating.isEmpty() ? "?" : rating);
			}
			default -> {
			}
		}
		StringBuilder sql = new StringBuilder(
				"SELECT s.source_file, r.sheet, r.union_code, r.union_name, s.id, " + CheckedReturns.columns("r", "ck_")
						+ " FROM return_record r JOIN submission s ON s.id = r.submission_id WHERE " + Rollups.CURRENT);
		List<Object> args = new ArrayList<>(List.of(year));
		if (filter.provinceCode() != null) {
			sql.append(" AND r.province_code = ?");
			args.add(filter.provinceCode());
		}
		if (filter.sectorCode() != null) {
			sql.append(" AND r.sector_code = ?");
			args.add(filter.sectorCode());
		}
		if (filter.industryCode() != null) {
			sql.append(" AND COALESCE(r.industry_code, '') = ?");
			args.add(filter.industryCode());
		}
		if (provinces != null) {
			// as the roll-ups of a scope are summed
			sql.append(provinces.isEmpty() ? " AND 1 = 0" : ProvinceScope.of(provinces).and("r.province_code"));
		}
		sql.append(" ORDER BY s.source_file, r.id");
		// the output column, whose parts are what each value adds to the consolidated
		// number
		int index = this.columns.names()
			.stream()
			.map((n) -> n.toUpperCase(Locale.ROOT))
			.toList()
			.indexOf((indicator.kind() == Indicator.Kind.FLAG) ? code : name);
		// a number is behind the sum whatever it is; a rating or a yes/no only where it
		// counts one
		boolean counted = indicator.kind() == Indicator.Kind.COUNT || indicator.kind() == Indicator.Kind.MONEY;
		boolean femaleCell = female;
		List<Line> lines = new ArrayList<>();
		this.jdbc.query(sql.toString(), (rs) -> {
			StoredValues.Value v = CheckedReturns.find(this.checked.values(rs, "ck_"), code);
			Long value = (v != null) ? this.columns.part(index, v) : null;
			if (value != null && (counted || value != 0)) {
				String unionName = rs.getString(4);
				lines.add(new Line(rs.getString(1), rs.getString(2), femaleCell ? v.femaleCell() : v.totalCell(),
						rs.getString(3), value, (unionName != null) ? unionName.strip() : "", rs.getLong(5)));
			}
		}, args.toArray());
		return lines;
	}

}
