package vn.tonghop.report.workbook;

import java.util.List;

/**
 * Who was expected and who reported, union by union, per province and per sector (README,
 * "What the counts mean").
 *
 * @param byProvince one row per province
 * @param bySector one row per sector
 * @param total all provinces
 * @param registryLoaded whether a registry of expected unions is loaded; without one
 * {@code expected} and {@code missing} are {@code null}
 * @param unlisted unions not in the registry that sent a return (in no row's received);
 * {@code null} without a registry
 * @param unidentified returns not superseded that name no union (in no row)
 * @see #deadlinesSet()
 */
public record Completeness(List<CompletenessRow> byProvince, List<CompletenessRow> bySector, CompletenessRow total,
		boolean registryLoaded, Long unlisted, long unidentified) {

	/** Without unlisted unions or returns without a union code. */
	public Completeness(List<CompletenessRow> byProvince, List<CompletenessRow> bySector, CompletenessRow total,
			boolean registryLoaded) {
		this(byProvince, bySector, total, registryLoaded, registryLoaded ? 0L : null, 0);
	}

	/**
	 * Whether a province has a deadline: then the rows have on time and late (those of
	 * the provinces without one left blank, the sectors and the total counting the
	 * provinces with one).
	 */
	public boolean deadlinesSet() {
		return this.total != null && this.total.onTime() != null;
	}

}
