package vn.tonghop.normalise;

/**
 * What a yes/no cell (F04) was read as. {@code value} means something only for
 * {@link Status#VALUE}.
 *
 * @param status whether the cell was blank, a yes/no value or something else
 * @param value the answer, when the status is {@link Status#VALUE}
 */
public record FlagReading(Status status, boolean value) {

	static final FlagReading MISSING = new FlagReading(Status.MISSING, false);

	static final FlagReading YES = new FlagReading(Status.VALUE, true);

	static final FlagReading NO = new FlagReading(Status.VALUE, false);

	static final FlagReading INVALID = new FlagReading(Status.INVALID, false);

	/** The three outcomes of reading a yes/no cell. */
	public enum Status {

		/** Blank: the question was not answered. */
		MISSING,

		/** Yes or no. */
		VALUE,

		/** Text that is neither yes nor no (rule R15). */
		INVALID

	}

}
