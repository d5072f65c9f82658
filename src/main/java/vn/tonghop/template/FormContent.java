package vn.tonghop.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one return form says: its header fields and, per indicator code, the total and the
 * female value. A value is {@code null} (the cell is left blank: missing), a
 * {@link Number} (a numeric cell), a {@link String} (typed as text, as unions do:
 * {@code "1.234"}, {@code "5 triệu"}, {@code "trên 30"}, {@code "Vững mạnh"}) or a
 * {@link Formula}.
 *
 * @param header header fields by key ({@link #HEADER_KEYS}); absent or blank keys leave
 * the value cell blank while the label is still printed
 * @param values indicator values by catalogue code, in any order
 */
public record FormContent(Map<String, String> header, Map<String, Entry> values) {

	/** Every header key the form prints, in the order of the standard form. */
	public static final List<String> HEADER_KEYS = List.of("union_code", "union_name", "province", "sector", "industry",
			"parent_union", "year", "preparer", "prepared_on", "phone", "email");

	public FormContent {
		Objects.requireNonNull(header, "header");
		Objects.requireNonNull(values, "values");
		for (String key : header.keySet()) {
			if (!HEADER_KEYS.contains(key)) {
				throw new IllegalArgumentException("unknown header key '" + key + "', expected one of " + HEADER_KEYS);
			}
		}
		header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/** A form with nothing filled in but the year: the blank template. */
	public static FormContent blank(int year) {
		return new FormContent(Map.of("year", Integer.toString(year)), Map.of());
	}

	/** The header value for a key, or "" when absent. */
	public String headerValue(String key) {
		String value = this.header.get(key);
		return (value != null) ? value : "";
	}

	/** The entry for a code, never null (both values null when the code is absent). */
	public Entry entry(String code) {
		Entry entry = this.values.get(code);
		return (entry != null) ? entry : Entry.BLANK;
	}

	/**
	 * One indicator row's values.
	 *
	 * @param total the {@code Tổng số} cell, see {@link FormContent} for the accepted
	 * types
	 * @param female the female cell, same types; ignored (left blank) for indicators
	 * without a female column
	 */
	public record Entry(Object total, Object female) {

		static final Entry BLANK = new Entry(null, null);

		public Entry {
			check(total, "total");
			check(female, "female");
		}

		/** A total with no female value. */
		public static Entry of(Object total) {
			return new Entry(total, null);
		}

		private static void check(Object value, String what) {
			if (value != null && !(value instanceof Number) && !(value instanceof String)
					&& !(value instanceof Formula)) {
				throw new IllegalArgumentException(
						what + " must be null, a Number, a String or a Formula, not " + value.getClass().getName());
			}
		}

	}

	/**
	 * A formula cell, as unions type them ({@code =412+388}).
	 *
	 * @param expression the formula without the leading {@code =}; {@code {A01}} and
	 * {@code {A01_nu}} stand for the total and female cells of an indicator on the same
	 * form, for example {@code "{B02_nu}+41"}
	 * @param cacheValue true to evaluate the formula when writing so the file carries a
	 * cached value (as Excel and LibreOffice save it); false to leave it unevaluated, as
	 * a file written by a program that never calculated it (in {@code .xlsx} and
	 * {@code .xlsm} the cell then has no cached value at all; the {@code .xls} format
	 * always stores one, which stays 0)
	 */
	public record Formula(String expression, boolean cacheValue) {

		public Formula {
			Objects.requireNonNull(expression, "expression");
			if (expression.startsWith("=")) {
				expression = expression.substring(1);
			}
			if (expression.isBlank()) {
				throw new IllegalArgumentException("a formula needs an expression");
			}
		}

	}

}
