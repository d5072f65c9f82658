package vn.tonghop.normalise;

import java.util.List;

/**
 * What a province written in a return resolved to.
 *
 * @param province the 2025 unit to roll up to; null when the text could not be resolved
 * (rule R02)
 * @param preMerger whether the text named a pre-2025 unit that no longer exists as such
 * (warning W02)
 * @param writtenAs the text as written, cleaned
 * @param oldName the pre-2025 unit's name when {@code preMerger}, else null
 * @param candidates up to three 2025 names closest to the text when unresolved, else
 * empty
 */
public record ProvinceResolution(Province province, boolean preMerger, String writtenAs, String oldName,
		List<String> candidates) {

	public ProvinceResolution {
		candidates = (candidates != null) ? List.copyOf(candidates) : List.of();
	}

}
