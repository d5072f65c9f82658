package vn.tonghop.read;

/**
 * One row of a form's indicator table as found in the sheet.
 *
 * @param row zero-based sheet row
 * @param code the catalogue code this row is for, or null when it matches none
 * @param writtenCode the code text as written (may be blank when found by label)
 * @param label the label text on the row, if any
 * @param match how the row was recognised
 * @param total the "Tổng số" cell, or null when blank
 * @param female the female cell, or null when blank or when the form has no female column
 * @param totalAt where the total belongs, even when it is blank
 */
public record IndicatorRow(int row, String code, String writtenCode, String label, Match match, RawCell total,
		RawCell female, CellRef totalAt) {

	/** How a row was tied to the catalogue. */
	public enum Match {

		/** By the code in the code column. */
		CODE,
		/** The code cell was empty; the label is a catalogue label. */
		LABEL,
		/** A code that is not in the catalogue. */
		UNKNOWN_CODE,
		/** No code, a label the catalogue does not know, and a value. */
		UNKNOWN_LABEL

	}

	/** The cell a finding about this row points at: the value, else where it belongs. */
	public CellRef anchor() {
		return (this.total != null) ? this.total.ref() : this.totalAt;
	}

}
