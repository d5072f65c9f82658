package vn.tonghop.catalogue;

/**
 * One line of the indicator catalogue ({@code reference/indicators.csv}): what a return
 * reports, in which unit, and whether it has a female breakdown.
 *
 * @param code stable code such as {@code A02}
 * @param section catalogue section letter
 * @param labelVi the Vietnamese label printed on the form
 * @param labelEn English label, for developers
 * @param unit Vietnamese unit ("người", "đồng", …), empty for categories and flags
 * @param kind how the value is read and rolled up
 * @param female whether the return gives a female value beside the total
 * @param required a return without this indicator is rejected (R17)
 */
public record Indicator(String code, String section, String labelVi, String labelEn, String unit, Kind kind,
		Female female, boolean required) {

	/** How an indicator's value is read. */
	public enum Kind {

		/** A whole number of people, collectives, …. */
		COUNT,
		/** An amount in đồng. */
		MONEY,
		/** One of a fixed list of values (the F03 rating). */
		CATEGORY,
		/** Yes or no (F04). */
		FLAG;

		public boolean numeric() {
			return this == COUNT || this == MONEY;
		}

	}

	/** Whether the indicator has a female column. */
	public enum Female {

		/** Total only. */
		NO,
		/** Total and, beside it, the female value. */
		YES,
		/** The indicator counts women only: its total is a female figure (B06). */
		ONLY

	}

	public boolean hasFemaleColumn() {
		return this.female == Female.YES;
	}

}
