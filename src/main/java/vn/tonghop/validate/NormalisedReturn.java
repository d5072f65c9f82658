package vn.tonghop.validate;

import java.util.Map;

import vn.tonghop.read.CellRef;

/**
 * A return after normalisation: identity fields resolved against the reference tables
 * (the text as written kept beside), and indicator values by code in catalogue order.
 *
 * @param provinceCode the 2025 province (34 units) it rolls up to, or null when
 * unresolved
 * @param declaredYear the year written on the return, or null when missing or unreadable
 * @param templateVersion the version stamp of the blank form it was filled in on, or ""
 * @param headerCells where each header value was, by field key ({@code union_code}…)
 */
public record NormalisedReturn(String sheet, String unionCode, String unionName, String provinceWritten,
		String provinceCode, String sectorWritten, String sectorCode, String industryWritten, String industryCode,
		String parentUnion, Integer declaredYear, String templateVersion, Map<String, String> contact,
		Map<String, CellRef> headerCells, Map<String, IndicatorValue> values) {

	public IndicatorValue value(String code) {
		return this.values.get(code);
	}

}
