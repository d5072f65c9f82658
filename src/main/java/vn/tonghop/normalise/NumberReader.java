package vn.tonghop.normalise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads numbers as unions write them: Vietnamese thousands and decimal separators,
 * approximate forms ({@code trên 30}), unit and currency words, money multipliers
 * ({@code 5 triệu}) and percentages. Exact: text is never read through a {@code double}.
 */
public final class NumberReader {

	private static final Set<String> MISSING_MARKERS = Set.of("x", "X", "...", "…");

	private static final Pattern DASHES = Pattern.compile("[-–—]+");

	/** Digit runs with one separator (space, dot or comma) between them. */
	private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d+(?:[ .,]\\d+)*");

	/** Folded approximation prefixes, longest first. */
	private static final List<String> APPROXIMATE_PREFIXES = longestFirst("khoang chung", "uoc tinh", "xap xi",
			"khoang", "tren", "hon", "gan", "uoc", ">=", "≥", "~", ">", "≈");

	/** Folded approximation suffixes. */
	private static final List<String> APPROXIMATE_SUFFIXES = longestFirst("tro len", "+");

	/** Folded unit words of the catalogue, allowed after a count or an amount. */
	private static final List<String> UNITS = longestFirst("nguoi", "to", "tap the", "sang kien", "luot", "gia dinh",
			"chi tieu", "d", "dong");

	/** Folded unit and currency words, allowed after an amount. */
	private static final List<String> UNITS_AND_CURRENCIES = longestFirst("nguoi", "to", "tap the", "sang kien", "luot",
			"gia dinh", "chi tieu", "d", "dong", "vnd", "vn dong");

	/** Folded multipliers after an amount, with their value. */
	private static final List<Multiplier> MULTIPLIERS = List.of(new Multiplier("nghin", 3), new Multiplier("ngan", 3),
			new Multiplier("trieu", 6), new Multiplier("tr", 6), new Multiplier("ty", 9), new Multiplier("ti", 9));

	private static final List<String> PERCENT = longestFirst("%", "phan tram");

	private NumberReader() {
	}

	/**
	 * A numeric Excel cell, or the cached number of a formula: converted exactly,
	 * trailing zeros dropped ({@code 5.0} is 5).
	 */
	public static NumberReading fromNumeric(double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			return NumberReading.notANumber(Double.toString(d));
		}
		BigDecimal value = normalise(BigDecimal.valueOf(d));
		return NumberReading.number(value, false, value.toPlainString());
	}

	/**
	 * Text typed in a count cell: {@code 05}, {@code 1.234}, {@code trên 30},
	 * {@code 30 người}.
	 */
	public static NumberReading readCount(String text) {
		return read(text, Kind.COUNT);
	}

	/**
	 * Text typed in a money cell: as a count, plus currency words and multipliers
	 * ({@code 5.000.000 đồng}, {@code 1,5 triệu}, {@code 2 tỷ}, {@code 5tr}).
	 */
	public static NumberReading readMoney(String text) {
		return read(text, Kind.MONEY);
	}

	/**
	 * Text typed where a rate is expected, as a fraction: {@code 94,5%} and {@code 94,5}
	 * are 0.945, {@code 0,945} is 0.945.
	 */
	public static NumberReading readRate(String text) {
		return read(text, Kind.RATE);
	}

	private static NumberReading read(String raw, Kind kind) {
		String cleaned = TextFold.clean(raw);
		if (cleaned.isEmpty() || MISSING_MARKERS.contains(cleaned) || DASHES.matcher(cleaned).matches()) {
			return NumberReading.missing(raw);
		}
		String s = TextFold.plain(cleaned).replace('–', '-').replace('—', '-').replace('−', '-');
		boolean approximate = false;
		String prefix;
		while ((prefix = startingWord(s, APPROXIMATE_PREFIXES)) != null) {
			s = s.substring(prefix.length()).strip();
			approximate = true;
		}
		boolean percent = false;
		boolean unit = false;
		int exponent = 0;
		boolean changed = true;
		while (changed) {
			changed = false;
			if (s.endsWith(".") && s.length() > 1 && Character.isLetter(s.charAt(s.length() - 2))) {
				s = s.substring(0, s.length() - 1);
			}
			String suffix = endingWord(s, APPROXIMATE_SUFFIXES);
			if (suffix != null) {
				approximate = true;
			}
			if (suffix == null && kind == Kind.RATE && !percent) {
				suffix = endingWord(s, PERCENT);
				percent = suffix != null;
			}
			if (suffix == null && kind != Kind.RATE && !unit) {
				suffix = endingWord(s, (kind == Kind.MONEY) ? UNITS_AND_CURRENCIES : UNITS);
				unit = suffix != null;
			}
			if (suffix == null && kind == Kind.MONEY && exponent == 0) {
				for (Multiplier multiplier : MULTIPLIERS) {
					if (endingWord(s, List.of(multiplier.word())) != null) {
						suffix = multiplier.word();
						exponent = multiplier.exponent();
						break;
					}
				}
			}
			if (suffix != null) {
				s = s.substring(0, s.length() - suffix.length()).strip();
				changed = true;
			}
		}
		boolean negative = false;
		if (s.length() > 2 && s.startsWith("(") && s.endsWith(")")) {
			negative = true;
			s = s.substring(1, s.length() - 1).strip();
		}
		else if (s.startsWith("-")) {
			negative = true;
			s = s.substring(1).strip();
		}
		BigDecimal value = parseDigits(s);
		if (value == null) {
			return NumberReading.notANumber(raw);
		}
		if (negative) {
			value = value.negate();
		}
		value = value.movePointRight(exponent);
		if (kind == Kind.RATE && (percent || value.abs().compareTo(BigDecimal.ONE) > 0)) {
			value = value.movePointLeft(2);
		}
		return NumberReading.number(normalise(value), approximate, raw);
	}

	/**
	 * Reads digit groups: one {@code .} or {@code ,} followed by exactly three digits
	 * after a valid leading group is a thousands separator, otherwise a decimal point;
	 * several equal separators must be a valid thousands grouping; with both kinds, the
	 * last one (once only) is the decimal point.
	 */
	static BigDecimal parseDigits(String s) {
		if (!DIGIT_GROUPS.matcher(s).matches()) {
			return null;
		}
		List<String> groups = new ArrayList<>();
		List<Character> separators = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!Character.isDigit(c)) {
				groups.add(s.substring(start, i));
				separators.add(c);
				start = i + 1;
			}
		}
		groups.add(s.substring(start));
		if (separators.isEmpty()) {
			return new BigDecimal(s);
		}
		char last = separators.get(separators.size() - 1);
		boolean allSame = separators.stream().allMatch((c) -> c == last);
		if (allSame) {
			if (isThousandsGrouping(groups)) {
				return new BigDecimal(String.join("", groups));
			}
			if (separators.size() == 1 && last != ' ') {
				return new BigDecimal(groups.get(0) + "." + groups.get(1));
			}
			return null;
		}
		if (last == ' ' || separators.stream().filter((c) -> c == last).count() != 1) {
			return null;
		}
		char thousands = separators.get(0);
		if (separators.subList(0, separators.size() - 1).stream().anyMatch((c) -> c != thousands)) {
			return null;
		}
		List<String> integerGroups = groups.subList(0, groups.size() - 1);
		if (!isThousandsGrouping(integerGroups)) {
			return null;
		}
		return new BigDecimal(String.join("", integerGroups) + "." + groups.get(groups.size() - 1));
	}

	private static boolean isThousandsGrouping(List<String> groups) {
		String first = groups.get(0);
		if (groups.size() < 2 || first.length() > 3 || first.startsWith("0")) {
			return false;
		}
		return groups.subList(1, groups.size()).stream().allMatch((group) -> group.length() == 3);
	}

	/** Exact, without trailing zeros, and never in exponent form ({@code 3.11E+7}). */
	private static BigDecimal normalise(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static String startingWord(String s, List<String> words) {
		for (String word : words) {
			if (s.length() > word.length() && s.startsWith(word) && !(Character.isLetter(word.charAt(word.length() - 1))
					&& Character.isLetter(s.charAt(word.length())))) {
				return word;
			}
		}
		return null;
	}

	private static String endingWord(String s, List<String> words) {
		for (String word : words) {
			int before = s.length() - word.length() - 1;
			if (before >= 0 && s.endsWith(word)
					&& !(Character.isLetter(word.charAt(0)) && Character.isLetter(s.charAt(before)))) {
				return word;
			}
		}
		return null;
	}

	private static List<String> longestFirst(String... words) {
		return List.of(words).stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
	}

	private enum Kind {

		COUNT, MONEY, RATE

	}

	private record Multiplier(String word, int exponent) {
	}

}
