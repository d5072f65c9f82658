package vn.tonghop.report.workbook;

/**
 * Expected and received returns of one province or sector, or of all.
 *
 * @param code province or sector code ({@code TOTAL} for the total)
 * @param name its Vietnamese name
 * @param expected unions in the registry, {@code null} without a registry
 * @param received unions that sent a return
 * @param accepted unions whose return counts
 * @param rejected unions whose every return was rejected
 * @param missing registered unions without an accepted return, {@code null} without a
 * registry
 */
public record CompletenessRow(String code, String name, Long expected, long received, long accepted, long rejected,
		Long missing) {

}
