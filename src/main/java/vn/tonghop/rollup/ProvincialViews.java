package vn.tonghop.rollup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.TextFold;
import vn.tonghop.store.ProvinceScope;

/**
 * Decides whether a year is consolidated in a provincial federation's own view
 * ({@link ProvincialView}): when the setting {@code tonghop.federation.province} names a
 * province, always, for that province; without it, when every accepted return of the year
 * lies in one province. Otherwise the consolidation is national. A consolidation scoped
 * to some provinces ({@link ProvinceScope}) is decided from its returns only: the setting
 * counts when its province is in the scope; a scope of one province with returns is that
 * province's view, as a year whose returns all lie in one province; a scope of several is
 * national in form, with only their rows, whatever its returns.
 */
public final class ProvincialViews {

	/** The setting, as the messages name it. */
	public static final String SETTING = "tonghop.federation.province";

	private final JdbcTemplate jdbc;

	private final ProvinceResolver provinces;

	private final Province named;

	/**
	 * @param setting the value of {@value #SETTING}; blank for none
	 * @throws IllegalArgumentException with the Vietnamese message of {@link #resolve}
	 * when it names no province
	 */
	public ProvincialViews(JdbcTemplate jdbc, ProvinceResolver provinces, String setting) {
		this.jdbc = jdbc;
		this.provinces = provinces;
		this.named = resolve(provinces, setting).orElse(null);
	}

	/**
	 * The province a value of {@value #SETTING} names (a 2025 name, an alias, a pre-2025
	 * name or a 2025 code, as returns write them); empty when blank.
	 * @throws IllegalArgumentException naming the setting, its value and the closest
	 * names, when it names no province
	 */
	public static Optional<Province> resolve(ProvinceResolver provinces, String setting) {
		if (TextFold.clean(setting).isEmpty()) {
			return Optional.empty();
		}
		ProvinceResolution resolution = provinces.resolve(setting, ProvinceResolver.FIRST_YEAR_OF_NEW_SCHEME);
		if (resolution.province() == null) {
			throw new IllegalArgumentException(SETTING + " = '" + TextFold.clean(setting)
					+ "': không phải tên hay mã của tỉnh, thành phố nào trong 34 đơn vị hành chính từ 01/7/2025"
					+ (resolution.candidates().isEmpty() ? ""
							: " (có phải: " + String.join(", ", resolution.candidates()) + "?)"));
		}
		return Optional.of(resolution.province());
	}

	/** The view of {@code year}, or empty for a national consolidation. */
	public Optional<ProvincialView> of(int year) {
		return of(year, ProvinceScope.all());
	}

	/**
	 * The view of {@code year} consolidated for {@code scope}, or empty for a national
	 * one (of all provinces or several).
	 */
	public Optional<ProvincialView> of(int year, ProvinceScope scope) {
		if (this.named != null && scope.contains(this.named.code())) {
			Map<String, Object> counts = this.jdbc.queryForMap("SELECT COUNT(*) AS total,"
					+ " COUNT(CASE WHEN r.province_code = ? THEN 1 END) AS inside FROM return_record r WHERE "
					+ Rollups.CURRENT + scope.and("r.province_code"), this.named.code(), year);
			long inside = ((Number) counts.get("inside")).longValue();
			long total = ((Number) counts.get("total")).longValue();
			return Optional.of(new ProvincialView(this.named, true, inside, total - inside));
		}
		if (scope.codes().size() > 1) {
			return Optional.empty();
		}
		List<Map<String, Object>> provinces = this.jdbc.queryForList(
				"SELECT r.province_code AS code," + " COUNT(*) AS returns FROM return_record r WHERE " + Rollups.CURRENT
						+ scope.and("r.province_code") + " GROUP BY r.province_code FETCH FIRST 2 ROWS ONLY",
				year);
		if (provinces.size() != 1 || provinces.get(0).get("code") == null) {
			return Optional.empty();
		}
		String code = provinces.get(0).get("code").toString().strip();
		return this.provinces.byCode(code)
			.map((province) -> new ProvincialView(province, false,
					((Number) provinces.get(0).get("returns")).longValue(), 0));
	}

}
