package vn.tonghop.report.workbook;

import java.time.LocalDate;

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
 * @param deadline the province's deadline, {@code null} without one (and for a sector or
 * the total)
 * @param onTime accepted unions whose first accepted return came by the deadline;
 * {@code null} without a deadline (a sector or the total: the unions of the provinces
 * with one)
 * @param late accepted unions whose first accepted return came after it; {@code null} as
 * {@code onTime}
 */
public record CompletenessRow(String code, String name, Long expected, long received, long accepted, long rejected,
		Long missing, LocalDate deadline, Long onTime, Long late) {

	/** A line without a deadline. */
	public CompletenessRow(String code, String name, Long expected, long received, long accepted, long rejected,
			Long missing) {
		this(code, name, expected, received, accepted, rejected, missing, null, null, null);
	}

}
