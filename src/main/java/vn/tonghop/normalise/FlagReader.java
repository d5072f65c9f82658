package vn.tonghop.normalise;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a yes/no cell (F04): Có · Đạt · x · 1 mean yes; Không · Chưa đạt · 0 mean no.
 */
public final class FlagReader {

	private static final Set<String> YES = Set.of("co", "dat", "dat chuan", "x", "1", "yes", "true", "✓", "✔", "☑");

	private static final Set<String> NO = Set.of("khong", "chua dat", "khong dat", "chua dat chuan", "khong dat chuan",
			"0", "no", "false");

	private static final Pattern ONE_OR_ZERO = Pattern.compile("([01])(?:[.,]0+)?");

	private FlagReader() {
	}

	/**
	 * Yes or no as written in the cell ({@code 1.0} and {@code 0.0} included); blank or a
	 * dash (no answer, as in a numeric cell) is {@link FlagReading.Status#MISSING},
	 * anything else {@link FlagReading.Status#INVALID}.
	 */
	public static FlagReading read(String text) {
		String cleaned = TextFold.clean(text);
		if (cleaned.isEmpty() || cleaned.matches("[-–—]+")) {
			return FlagReading.MISSING;
		}
		Matcher number = ONE_OR_ZERO.matcher(cleaned);
		if (number.matches()) {
			return number.group(1).equals("1") ? FlagReading.YES : FlagReading.NO;
		}
		String folded = TextFold.fold(cleaned);
		if (YES.contains(folded) || YES.contains(cleaned)) {
			return FlagReading.YES;
		}
		if (NO.contains(folded)) {
			return FlagReading.NO;
		}
		return FlagReading.INVALID;
	}

}
