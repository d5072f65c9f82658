package vn.tonghop.report.workbook;

/**
 * Expected and received unions of one province or sector, or of all (README, "What the
 * counts mean").
 *
 * @param code province or sector code ({@code TOTAL} for the total)
 * @param name its Vietnamese name
 * @param expected unions in the registry, {@code null} without a registry
 * @param received unions that sent a return (in the registry, when there is one)
 * @param accepted received unions with a return that counts
 * @param rejected received unions whose every return was rejected
 * @param missing registered unions that sent no return, {@code null} without a registry
 */
public record CompletenessRow(String code, String name, Long expected, long received, long accepted, long rejected,
		Long missing) {

}
