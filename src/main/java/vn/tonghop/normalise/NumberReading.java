package vn.tonghop.normalise;

import java.math.BigDecimal;

/**
 * What a numeric cell was read as. {@code value} is set only for {@link Status#NUMBER};
 * {@code approximate} is true when the text was a form like {@code "trên 30"} (warning
 * W04); {@code raw} is the text as it was in the cell.
 *
 * @param status whether the cell was blank, a number or text that is not a number
 * @param value the number, exact, without trailing zeros; null unless a number
 * @param approximate whether the number was written as an approximation
 * @param raw the text as written
 */
public record NumberReading(Status status, BigDecimal value, boolean approximate, String raw) {

	/** The three outcomes of reading a numeric cell. */
	public enum Status {

		/**
		 * Blank or a placeholder such as {@code -} or {@code x}: missing, which is not 0.
		 */
		MISSING,

		/** A number. */
		NUMBER,

		/** Text that is not a number (rule R05). */
		NOT_A_NUMBER

	}

	public NumberReading {
		if (status == null) {
			throw new IllegalArgumentException("status is required");
		}
		if ((status == Status.NUMBER) != (value != null)) {
			throw new IllegalArgumentException("a value is given exactly when the status is NUMBER");
		}
	}

	public static NumberReading missing(String raw) {
		return new NumberReading(Status.MISSING, null, false, raw);
	}

	public static NumberReading number(BigDecimal v, boolean approximate, String raw) {
		return new NumberReading(Status.NUMBER, v, approximate, raw);
	}

	public static NumberReading notANumber(String raw) {
		return new NumberReading(Status.NOT_A_NUMBER, null, false, raw);
	}

	public boolean isMissing() {
		return this.status == Status.MISSING;
	}

	public boolean isNumber() {
		return this.status == Status.NUMBER;
	}

}
