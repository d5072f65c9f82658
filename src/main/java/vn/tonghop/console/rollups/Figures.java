package vn.tonghop.console.rollups;

import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers as a reader of the page's language writes them: 1.234.567 in Vietnamese,
 * 1,234,567 in English. The roll-ups give their sums as text, exact whatever their size.
 */
final class Figures {

	private Figures() {
	}

	/** A whole number given as text ({@code "1234"}), written for {@code locale}. */
	static String format(String value, Locale locale) {
		return format(new BigInteger(value.strip()), locale);
	}

	static String format(BigInteger value, Locale locale) {
		NumberFormat format = NumberFormat.getIntegerInstance(locale);
		format.setGroupingUsed(true);
		return format.format(value);
	}

	static String format(long value, Locale locale) {
		return format(BigInteger.valueOf(value), locale);
	}

}
