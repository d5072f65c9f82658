package vn.tonghop.normalise;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Cleans text typed in returns and folds it for label matching.
 */
public final class TextFold {

	private TextFold() {
	}

	/**
	 * Null becomes "", the text is put in NFC, trimmed of every kind of Unicode space
	 * (no-break space included) and inner runs of spaces become one space. The soft
	 * hyphen U+00AD is kept: it is a letter in legacy TCVN3 text.
	 */
	public static String clean(String s) {
		if (s == null || s.isEmpty()) {
			return "";
		}
		return CLEANED.get(s, TextFold::cleanAnew);
	}

	private static String cleanAnew(String s) {
		String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(nfc.length());
		boolean pendingSpace = false;
		for (int i = 0; i < nfc.length(); i++) {
			char c = nfc.charAt(i);
			if (isSpace(c)) {
				pendingSpace = out.length() > 0;
			}
			else {
				if (pendingSpace) {
					out.append(' ');
					pendingSpace = false;
				}
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * The key two labels are compared by: {@link #clean(String) cleaned}, without accents
	 * ({@code đ} becomes {@code d}), lower case, every character that is not a letter or
	 * a digit made a space, spaces collapsed and trimmed. {@code "Mã CĐCS:"} folds to
	 * {@code "ma cdcs"}; {@code "Thanh Hoá"} and {@code "Thanh Hóa"} both fold to
	 * {@code "thanh hoa"}.
	 */
	public static String fold(String s) {
		if (s == null || s.isEmpty()) {
			return "";
		}
		return FOLDED.get(s, TextFold::foldAnew);
	}

	private static String foldAnew(String s) {
		String plain = plain(s);
		StringBuilder out = new StringBuilder(plain.length());
		boolean pendingSpace = false;
		for (int i = 0; i < plain.length();) {
			int cp = plain.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetterOrDigit(cp)) {
				if (pendingSpace) {
					out.append(' ');
					pendingSpace = false;
				}
				out.appendCodePoint(cp);
			}
			else {
				pendingSpace = out.length() > 0;
			}
		}
		return out.toString();
	}

	/**
	 * The first instance seen of an equal text, for texts every return repeats (a
	 * workbook's shared strings): the memos of {@link #clean} and {@link #fold} then find
	 * that instance by its kept hash and by identity, where a new instance of the same
	 * label is hashed and compared character by character at every lookup, several per
	 * cell. Bounded as those memos are; other texts come back as they are.
	 */
	public static String shared(String s) {
		if (s == null || s.isEmpty()) {
			return s;
		}
		return SHARED.get(s, UnaryOperator.identity());
	}

	/**
	 * {@link #clean(String) Cleaned}, lower case and without accents, but punctuation
	 * kept: what number and unit words are matched on.
	 */
	static String plain(String s) {
		String lower = clean(s).toLowerCase(Locale.ROOT);
		String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(nfd.length());
		for (int i = 0; i < nfd.length();) {
			int cp = nfd.codePointAt(i);
			i += Character.charCount(cp);
			int type = Character.getType(cp);
			if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
					|| type == Character.ENCLOSING_MARK) {
				continue;
			}
			if (cp == 'đ' || cp == 'Đ') {
				out.append('d');
			}
			else {
				out.appendCodePoint(cp);
			}
		}
		return out.toString();
	}

	/**
	 * The same labels come in every return: each text is cleaned and folded once. Short
	 * texts only, and a bounded number of them, so memory stays the same however many
	 * returns a run reads. The texts and results these two memos keep are the
	 * {@link #shared} instances, so that a lookup with a shared text (or a result of
	 * either) is decided by identity.
	 */
	private static final Memo SHARED = new Memo(false);

	private static final Memo CLEANED = new Memo(true);

	private static final Memo FOLDED = new Memo(true);

	private static final class Memo {

		private static final int MAX_ENTRIES = 20_000;

		private static final int MAX_LENGTH = 200;

		private final Map<String, String> results = new ConcurrentHashMap<>();

		private final boolean shared;

		Memo(boolean shared) {
			this.shared = shared;
		}

		String get(String text, UnaryOperator<String> function) {
			if (text.length() > MAX_LENGTH) {
				return function.apply(text);
			}
			String result = this.results.get(text);
			if (result == null) {
				result = function.apply(text);
				if (this.shared) {
					result = shared(result);
				}
				if (this.results.size() < MAX_ENTRIES) {
					this.results.put(this.shared ? shared(text) : text, result);
				}
			}
			return result;
		}

	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

}
