package vn.tonghop.report.workbook;

import java.util.List;

/**
 * How many returns were expected and received, per province and per sector.
 *
 * @param byProvince one row per province
 * @param bySector one row per sector
 * @param total all provinces
 * @param registryLoaded whether a registry of expected unions is loaded; without one
 * {@code expected} and {@code missing} are {@code null}
 */
public record Completeness(List<CompletenessRow> byProvince, List<CompletenessRow> bySector, CompletenessRow total,
		boolean registryLoaded) {

}
