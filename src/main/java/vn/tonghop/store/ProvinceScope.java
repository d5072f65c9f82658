package vn.tonghop.store;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;

/**
 * Which provinces a consolidation covers: all of them, or a set of 2025 province codes
 * (an analyst's provinces). A scoped consolidation writes the same outputs with only the
 * rows of those provinces; every query of its steps takes the scope as a condition
 * ({@link #and}). Passed to the consolidation job as the job parameter
 * {@value #PARAMETER} ({@link #parameter()}, absent for all).
 */
public final class ProvinceScope {

	/** The job parameter: the codes, comma-separated; absent for all provinces. */
	public static final String PARAMETER = "provinces";

	private static final Pattern CODE = Pattern.compile("\\d{2}");

	private static final ProvinceScope ALL = new ProvinceScope(List.of());

	/** The codes in order; empty for all provinces. */
	private final List<String> codes;

	private ProvinceScope(List<String> codes) {
		this.codes = codes;
	}

	/** Every province: a national consolidation. */
	public static ProvinceScope all() {
		return ALL;
	}

	/**
	 * The provinces of {@code codes} (two-digit 2025 codes, in any order, repeated or
	 * not).
	 * @throws IllegalArgumentException when there is none (a scope of no province is not
	 * all of them) or one is not two digits
	 */
	public static ProvinceScope of(Collection<String> codes) {
		if (codes.isEmpty()) {
			throw new IllegalArgumentException("a province scope needs at least one province");
		}
		TreeSet<String> sorted = new TreeSet<>();
		for (String code : codes) {
			String stripped = (code != null) ? code.strip() : "";
			if (!CODE.matcher(stripped).matches()) {
				throw new IllegalArgumentException("not a province code: '" + code + "'");
			}
			sorted.add(stripped);
		}
		return new ProvinceScope(List.copyOf(sorted));
	}

	/**
	 * The scope a job parameter {@link #parameter()} gave: null or blank for all.
	 * @throws IllegalArgumentException when a code is not two digits
	 */
	public static ProvinceScope parse(String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return ALL;
		}
		return of(List.of(parameter.split(",", -1)));
	}

	/** The job parameter: the codes comma-separated, null for all provinces. */
	public String parameter() {
		return isAll() ? null : String.join(",", this.codes);
	}

	public boolean isAll() {
		return this.codes.isEmpty();
	}

	/** The codes in order; empty for all provinces. */
	public List<String> codes() {
		return this.codes;
	}

	/** Whether a province's returns are in the scope (never those of no province). */
	public boolean contains(String code) {
		return isAll() || (code != null && this.codes.contains(code.strip()));
	}

	/**
	 * The condition on a province code column for a query's WHERE (or HAVING):
	 * {@code " AND r.province_code IN ('01','75')"}, or "" for all provinces. The codes
	 * are written into the statement: they are two digits each, never text from outside.
	 */
	public String and(String column) {
		if (isAll()) {
			return "";
		}
		return " AND " + column + " IN ("
				+ this.codes.stream().map((code) -> "'" + code + "'").collect(Collectors.joining(",")) + ")";
	}

	/**
	 * The condition that a province code column is outside the scope (or has no
	 * province):
	 * {@code " AND (x.province_code IS NULL OR x.province_code NOT IN ('01','75'))"}; for
	 * all provinces, never ({@code " AND 1 = 0"}).
	 */
	public String outside(String column) {
		if (isAll()) {
			return " AND 1 = 0";
		}
		return " AND (" + column + " IS NULL OR " + column + " NOT IN ("
				+ this.codes.stream().map((code) -> "'" + code + "'").collect(Collectors.joining(",")) + "))";
	}

	/**
	 * The provinces' names in the order of their codes, for people ("Hà Nội, Đồng Nai");
	 * null for all provinces.
	 */
	public String names(ProvinceResolver provinces) {
		if (isAll()) {
			return null;
		}
		return this.codes.stream()
			.map((code) -> provinces.byCode(code).map(Province::name).orElse(code))
			.collect(Collectors.joining(", "));
	}

	/** "Phạm vi: Hà Nội, Đồng Nai", or null for all provinces. */
	public String describe(ProvinceResolver provinces) {
		return isAll() ? null : "Phạm vi: " + names(provinces);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ProvinceScope scope && scope.codes.equals(this.codes);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.codes);
	}

	@Override
	public String toString() {
		return isAll() ? "all" : String.join(",", this.codes);
	}

}
