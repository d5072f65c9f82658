package vn.tonghop.validate;

import java.math.BigDecimal;

/**
 * One line of {@code validation/rules.csv}. A {@link Check#COMPARE} rule reads like a
 * DHIS2 validation rule: left side, operator, right side (times a factor), and what to do
 * when a value is missing; a {@link Check#BUILTIN} rule is evaluated by code and only
 * declares its code and severity here.
 */
public record Rule(String code, Severity severity, Check check, Operand left, Operator operator, Operand right,
		BigDecimal factor, MissingPolicy missing, String summary, long line) {

	/** How the rule is evaluated. */
	public enum Check {

		BUILTIN, COMPARE

	}

	/** An indicator's total ({@code A01}) or its female value ({@code A01_nu}). */
	public record Operand(String code, boolean female) {

		@Override
		public String toString() {
			return this.female ? this.code + "_nu" : this.code;
		}

	}

	/**
	 * The relation that must hold between left and right; the rule fires when it does
	 * not.
	 */
	public enum Operator {

		LE("<="), LT("<"), GE(">="), GT(">"), EQ("==");

		private final String symbol;

		Operator(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return this.symbol;
		}

		public static Operator of(String symbol) {
			for (Operator operator : values()) {
				if (operator.symbol.equals(symbol)) {
					return operator;
				}
			}
			return null;
		}

		public boolean holds(BigDecimal left, BigDecimal right) {
			int c = left.compareTo(right);
			return switch (this) {
				case LE -> c <= 0;
				case LT -> c < 0;
				case GE -> c >= 0;
				case GT -> c > 0;
				case EQ -> c == 0;
			};
		}

	}

	/** What a comparison does when a value is missing (missing is not zero). */
	public enum MissingPolicy {

		/** Skip the rule when either side is missing. */
		SKIP_IF_ANY_MISSING,
		/** Skip only when both sides are missing; a missing side counts as 0. */
		SKIP_IF_ALL_MISSING,
		/** Never skip; a missing side counts as 0. */
		NEVER_SKIP

	}

}
