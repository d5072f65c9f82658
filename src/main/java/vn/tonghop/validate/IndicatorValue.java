package vn.tonghop.validate;

import vn.tonghop.read.CellRef;

/**
 * One indicator's value on a return, normalised, with the cells it came from.
 *
 * @param code catalogue code
 * @param total whole number (counts, money), or null when missing
 * @param female female value, or null when missing or not asked for
 * @param category the F03 rating code, or null
 * @param flag the F04 answer, or null
 * @param totalCell where the total (or category, flag) was read
 * @param femaleCell where the female value was read, or null
 */
public record IndicatorValue(String code, Long total, Long female, String category, Boolean flag, CellRef totalCell,
		CellRef femaleCell) {

	public boolean isMissing() {
		return this.total == null && this.female == null && this.category == null && this.flag == null;
	}

}
