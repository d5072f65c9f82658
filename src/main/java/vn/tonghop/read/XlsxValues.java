package vn.tonghop.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of values in the fast path's parts that it reads itself, each read as the
 * streaming path reads it: digits, cell references, plain numbers, {@code _xHHHH_}
 * escapes.
 */
final class XlsxValues {

	/** An {@code _xHHHH_} escape, as {@code XSSFRichTextString} decodes it. */
	private static final Pattern UTF_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	private XlsxValues() {
	}

	/** Whether the text is 1 to {@code max} ASCII digits. */
	static boolean digits(String text, int max) {
		int length = text.length();
		if (length == 0 || length > max) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The column of a cell reference such as {@code AB12} (1 to 3 capitals, then 1 to 7
	 * digits), or -1 for anything else.
	 */
	static int column(String reference) {
		int length = reference.length();
		int letters = 0;
		while (letters < length && reference.charAt(letters) >= 'A' && reference.charAt(letters) <= 'Z') {
			letters++;
		}
		int digits = length - letters;
		if (letters == 0 || letters > 3 || digits == 0 || digits > 7) {
			return -1;
		}
		for (int i = letters; i < length; i++) {
			if (!isDigit(reference.charAt(i))) {
				return -1;
			}
		}
		// as CellReference.convertColStringToIndex, without the substrings (every cell)
		int column = 0;
		for (int i = 0; i < letters; i++) {
			column = column * 26 + (reference.charAt(i) - 'A' + 1);
		}
		return column - 1;
	}

	/**
	 * Whether the text is a plain decimal number, which {@link Double#parseDouble} and
	 * the streaming reader's trimming parse read alike:
	 * {@code -?(digits[.digits]|.digits)} then an optional exponent.
	 */
	static boolean plainNumber(String text) {
		int length = text.length();
		int i = (length > 0 && text.charAt(0) == '-') ? 1 : 0;
		int intDigits = 0;
		while (i < length && isDigit(text.charAt(i))) {
			i++;
			intDigits++;
		}
		int fractionDigits = 0;
		if (i < length && text.charAt(i) == '.') {
			i++;
			while (i < length && isDigit(text.charAt(i))) {
				i++;
				fractionDigits++;
			}
		}
		if (intDigits == 0 && fractionDigits == 0) {
			return false;
		}
		if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
			i++;
			if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
				i++;
			}
			int exponentDigits = 0;
			while (i < length && isDigit(text.charAt(i))) {
				i++;
				exponentDigits++;
			}
			if (exponentDigits == 0) {
				return false;
			}
		}
		return i == length;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** {@code XSSFRichTextString.utfDecode}: {@code _xHHHH_} escapes to characters. */
	static String utfDecode(String value) {
		if (value == null || !value.contains("_x")) {
			return value;
		}
		StringBuilder buf = new StringBuilder();
		Matcher m = UTF_ESCAPE.matcher(value);
		int idx = 0;
		while (m.find()) {
			int pos = m.start();
			if (pos > idx) {
				buf.append(value, idx, pos);
			}
			buf.append((char) Integer.parseInt(m.group(1), 16));
			idx = m.end();
		}
		if (idx == 0) {
			return value;
		}
		buf.append(value.substring(idx));
		return buf.toString();
	}

}
