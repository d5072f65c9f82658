package vn.tonghop.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Most of a year's returns name another year than the one consolidated: more likely
 * {@code --year} is wrong than every union. {@code run --input input-samples/2026 --year
 * 2025} exited 0 and wrote 24 feedback copies telling unions their year was wrong (issue
 * 24, item 9); now the summary says so at its top, and the copies of returns whose only
 * error is the year (R04) are not written unless asked.
 *
 * @param year the year consolidated
 * @param judged the year's current returns (accepted or rejected, not superseded)
 * @param otherYear those of them that name another year
 * @param byYear how many name each other year
 * @param onlyYearWrong submissions whose only error is the year (R04): their feedback
 * copies are withheld unless asked
 */
public record YearMismatch(int year, long judged, long otherYear, Map<Integer, Long> byYear, long onlyYearWrong) {

	/** The option that writes the withheld copies anyway. */
	public static final String OPTION = "--feedback-year-mismatch";

	/**
	 * The condition on a submission {@code s} whose findings' only error is R04 (the
	 * year): a copy would only tell the union its year is wrong.
	 */
	static final String ONLY_YEAR_WRONG = "EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id AND f.rule = 'R04')"
			+ " AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id AND f.severity = 'error'"
			+ " AND f.rule <> 'R04')"
			+ " AND EXISTS (SELECT 1 FROM return_record r WHERE r.submission_id = s.id AND r.superseded_by IS NULL)";

	/**
	 * The year's mismatch, when more than half of its current returns name another year;
	 * else empty.
	 */
	public static Optional<YearMismatch> of(JdbcTemplate jdbc, int year) {
		Map<Integer, Long> byYear = new TreeMap<>();
		long[] judged = { 0 };
		jdbc.query("SELECT declared_year, COUNT(*) FROM return_record WHERE report_year = ? AND superseded_by IS NULL"
				+ " GROUP BY declared_year", (rs) -> {
					long count = rs.getLong(2);
					judged[0] += count;
					int declared = rs.getInt(1);
					if (!rs.wasNull() && declared != year) {
						byYear.put(declared, count);
					}
				}, year);
		long other = byYear.values().stream().mapToLong(Long::longValue).sum();
		if (other * 2 <= judged[0]) {
			return Optional.empty();
		}
		Long onlyYearWrong = jdbc.queryForObject(
				"SELECT COUNT(*) FROM submission s WHERE s.report_year = ? AND " + ONLY_YEAR_WRONG, Long.class, year);
		return Optional
			.of(new YearMismatch(year, judged[0], other, byYear, (onlyYearWrong != null) ? onlyYearWrong : 0));
	}

	/**
	 * The submissions of the year whose feedback copies are withheld: those whose only
	 * error is the year, when most returns name another year; empty otherwise.
	 */
	public static List<Long> withheldCopies(JdbcTemplate jdbc, int year) {
		if (of(jdbc, year).isEmpty()) {
			return List.of();
		}
		return jdbc.queryForList("SELECT s.id FROM submission s WHERE s.report_year = ? AND " + ONLY_YEAR_WRONG,
				Long.class, year);
	}

	/**
	 * "24 trong 25 báo cáo ghi năm 2026, không phải năm 2025: --year có đúng không?", and
	 * what became of the feedback copies.
	 * @param copiesAsked whether {@value #OPTION} was given
	 */
	public String warning(boolean copiesAsked) {
		String years = (this.byYear.size() == 1) ? "năm " + this.byYear.keySet().iterator().next()
				: "năm khác (" + this.byYear.entrySet()
					.stream()
					.sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder()))
					.map((entry) -> entry.getKey() + ": " + entry.getValue())
					.collect(Collectors.joining(", ")) + ")";
		StringBuilder text = new StringBuilder().append(this.otherYear)
			.append(" trong ")
			.append(this.judged)
			.append(" báo cáo ghi ")
			.append(years)
			.append(", không phải năm ")
			.append(this.year)
			.append(": --year có đúng không?");
		if (this.onlyYearWrong > 0) {
			text.append(copiesAsked
					? " Vẫn tạo bản phản hồi cho " + this.onlyYearWrong + " tệp chỉ sai năm (R04), theo " + OPTION + "."
					: " Không tạo bản phản hồi cho " + this.onlyYearWrong + " tệp chỉ sai năm (R04); thêm " + OPTION
							+ " để vẫn tạo.");
		}
		return text.toString();
	}

}
