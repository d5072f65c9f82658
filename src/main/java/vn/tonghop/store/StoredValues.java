package vn.tonghop.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import vn.tonghop.validate.IndicatorValue;

/**
 * A return's indicator values as stored: in one column of its row
 * ({@code return_record.indicator_values}), not a row each. A return is always written
 * and read whole, and one row instead of forty made the ingest and every consolidation
 * pass over the values several times cheaper.
 * <p>
 * The text is one entry per value, separated by {@code ;}, each
 * {@code code,total,female,category,flag,totalCell,femaleCell} with an empty field for
 * nothing and the yes/no as {@code 1}/{@code 0}:
 * {@code A02,120,45,,,C12,D12;F04,,,,1,C40,}. A {@code %}, {@code ,} or {@code ;} inside
 * a text field is written {@code %25}, {@code %2C}, {@code %3B}.
 */
public final class StoredValues {

	/** One stored value, with the cells (A1) it was read from. */
	public record Value(String code, Long total, Long female, String category, Boolean flag, String totalCell,
			String femaleCell) {
	}

	private StoredValues() {
	}

	/** The column's text for a return's values, in their order. */
	public static String pack(Collection<IndicatorValue> values) {
		StringBuilder text = new StringBuilder(values.size() * 24);
		for (IndicatorValue v : values) {
			append(text, v.code(), v.total(), v.female(), v.category(), v.flag(),
					(v.totalCell() != null) ? v.totalCell().a1() : null,
					(v.femaleCell() != null) ? v.femaleCell().a1() : null);
		}
		return text.toString();
	}

	/** The column's text for values already stored (as {@link #unpack} gives them). */
	public static String packStored(Collection<Value> values) {
		StringBuilder text = new StringBuilder(values.size() * 24);
		for (Value v : values) {
			append(text, v.code(), v.total(), v.female(), v.category(), v.flag(), v.totalCell(), v.femaleCell());
		}
		return text.toString();
	}

	private static void append(StringBuilder text, String code, Long total, Long female, String category, Boolean flag,
			String totalCell, String femaleCell) {
		if (!text.isEmpty()) {
			text.append(';');
		}
		escaped(text, code).append(',');
		if (total != null) {
			text.append(total.longValue());
		}
		text.append(',');
		if (female != null) {
			text.append(female.longValue());
		}
		text.append(',');
		escaped(text, category).append(',');
		if (flag != null) {
			text.append(flag ? '1' : '0');
		}
		text.append(',');
		escaped(text, totalCell).append(',');
		escaped(text, femaleCell);
	}

	/** The values of a column's text, in their order; none for {@code null}. */
	public static List<Value> unpack(String text) {
		List<Value> values = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return values;
		}
		int at = 0;
		int length = text.length();
		String[] fields = new String[7];
		while (at <= length) {
			int end = text.indexOf(';', at);
			if (end < 0) {
				end = length;
			}
			int field = 0;
			int from = at;
			for (int i = at; i <= end; i++) {
				if (i == end || text.charAt(i) == ',') {
					if (field == fields.length) {
						throw malformed(text, at);
					}
					fields[field++] = (i > from) ? text.substring(from, i) : null;
					from = i + 1;
				}
			}
			if (field != fields.length || fields[0] == null) {
				throw malformed(text, at);
			}
			try {
				values.add(new Value(unescape(fields[0]), number(fields[1]), number(fields[2]), unescape(fields[3]),
						yesNo(fields[4]), unescape(fields[5]), unescape(fields[6])));
			}
			catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
				throw malformed(text, at);
			}
			at = end + 1;
		}
		return values;
	}

	/** The value of {@code code} in a column's text, or null. */
	public static Value find(String text, String code) {
		for (Value value : unpack(text)) {
			if (value.code().equals(code)) {
				return value;
			}
		}
		return null;
	}

	/**
	 * The text cannot be read from {@code at}: says where, with a few characters from
	 * there (the callers name the return, {@link CheckedReturns}).
	 */
	private static IllegalArgumentException malformed(String text, int at) {
		String from = text.substring(Math.min(at, text.length()), Math.min(text.length(), at + 40));
		return new IllegalArgumentException(
				"giá trị sai dạng ở ký tự " + at + " (\"" + from + ((at + 40 < text.length()) ? "…" : "") + "\")");
	}

	private static Long number(String field) {
		return (field != null) ? Long.valueOf(field) : null;
	}

	private static Boolean yesNo(String field) {
		return (field != null) ? field.equals("1") : null;
	}

	private static StringBuilder escaped(StringBuilder text, String field) {
		if (field == null) {
			return text;
		}
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			switch (c) {
				case '%' -> text.append("%25");
				case ',' -> text.append("%2C");
				case ';' -> text.append("%3B");
				default -> text.append(c);
			}
		}
		return text;
	}

	private static String unescape(String field) {
		if (field == null || field.indexOf('%') < 0) {
			return field;
		}
		StringBuilder text = new StringBuilder(field.length());
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '%' && i + 2 < field.length()) {
				text.append((char) Integer.parseInt(field, i + 1, i + 3, 16));
				i += 2;
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

}
