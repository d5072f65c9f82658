package vn.tonghop.read;

import java.math.BigDecimal;

/**
 * One non-empty cell as the workbook holds it, before any normalisation.
 *
 * @param ref where it is
 * @param kind what the workbook stores
 * @param text the text for {@link Kind#TEXT}, the error code for {@link Kind#ERROR}, the
 * formula for {@link Kind#UNCALCULATED}; for numbers, the number written plainly
 * @param number the value for {@link Kind#NUMBER} (and 1 or 0 for booleans)
 * @param legacy the legacy encoding the text was converted from ("TCVN3", "VNI"), or null
 * @param original the text as stored before that conversion, or null
 */
public record RawCell(CellRef ref, Kind kind, String text, double number, String legacy, String original) {

	/**
	 * A NUL character ({@code _x0000_} in a workbook's XML) is dropped: Excel shows
	 * nothing for it, and PostgreSQL refuses it in text, which failed a whole ingest over
	 * one cell of one file.
	 */
	public RawCell {
		text = withoutNul(text);
		original = withoutNul(original);
	}

	private static String withoutNul(String text) {
		return (text != null && text.indexOf('\0') >= 0) ? text.replace("\0", "") : text;
	}

	public RawCell(CellRef ref, Kind kind, String text, double number) {
		this(ref, kind, text, number, null, null);
	}

	/** What a cell holds. */
	public enum Kind {

		TEXT, NUMBER, BOOLEAN, ERROR,
		/** A formula without a cached value that could not be calculated either. */
		UNCALCULATED

	}

	public static RawCell text(CellRef ref, String text) {
		return new RawCell(ref, Kind.TEXT, text, Double.NaN);
	}

	/** Text converted from a legacy Vietnamese encoding. */
	public static RawCell converted(CellRef ref, String text, String legacy, String original) {
		return new RawCell(ref, Kind.TEXT, text, Double.NaN, legacy, original);
	}

	public static RawCell number(CellRef ref, double number) {
		return new RawCell(ref, Kind.NUMBER, plain(number), number);
	}

	public static RawCell bool(CellRef ref, boolean value) {
		return new RawCell(ref, Kind.BOOLEAN, value ? "TRUE" : "FALSE", value ? 1 : 0);
	}

	public static RawCell error(CellRef ref, String errorCode) {
		return new RawCell(ref, Kind.ERROR, errorCode, Double.NaN);
	}

	public static RawCell uncalculated(CellRef ref, String formula) {
		return new RawCell(ref, Kind.UNCALCULATED, "=" + formula, Double.NaN);
	}

	/** Text as a person would see it in the cell; used in messages. */
	public String shown() {
		return this.text;
	}

	public boolean isNumber() {
		return this.kind == Kind.NUMBER;
	}

	/**
	 * Whole numbers below this are written as the long they are: the same digits as below
	 * (a double holds every whole number up to 2^53 exactly), without the BigDecimal,
	 * which was 2% of an ingest where nearly every figure is whole.
	 */
	private static final double WHOLE_LIMIT = 1e15;

	static String plain(double number) {
		if (Double.isNaN(number) || Double.isInfinite(number)) {
			return Double.toString(number);
		}
		if (number > -WHOLE_LIMIT && number < WHOLE_LIMIT && number == (long) number) {
			return Long.toString((long) number);
		}
		return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
	}

}
