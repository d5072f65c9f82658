package vn.tonghop.report.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.Rating;

/**
 * Reads a group's figures by column name, names the columns in Vietnamese, and computes
 * rates and changes, always from sums: a rate of a group is the ratio of its sums, never
 * an average of its members' rates.
 */
final class Figures {

	/** The pseudo-column of the number of returns in a group. */
	static final String RETURNS = "returns";

	static final String F03 = "F03";

	/** The indicators compared with the previous year. */
	static final List<String> COMPARED = List.of(RETURNS, "A01", "A02", "B02", "B03");

	private static final List<Rate> RATES = List.of(new Rate("A02", "A01", "Tỷ lệ đoàn viên trên người lao động"),
			new Rate("A02_nu", "A02", "Tỷ lệ nữ trong đoàn viên"),
			new Rate("B02", "A01", "Tỷ lệ Lao động tiên tiến trên người lao động"),
			new Rate("B03", "B02", "Tỷ lệ Chiến sĩ thi đua trên Lao động tiên tiến"),
			new Rate("C03", "C01", "Tỷ lệ tập thể lao động xuất sắc trên tổng số tập thể"),
			new Rate("F02", "F01", "Tỷ lệ chỉ tiêu thi đua đạt trên chỉ tiêu đề ra"));

	private final IndicatorCatalogue catalogue;

	private final List<String> columns;

	private final Map<String, Integer> index = new HashMap<>();

	private final List<Rate> rates = new ArrayList<>();

	private final List<String> ratingColumns = new ArrayList<>();

	Figures(IndicatorCatalogue catalogue, List<String> columns) {
		this.catalogue = catalogue;
		this.columns = List.copyOf(columns);
		for (int i = 0; i < columns.size(); i++) {
			this.index.put(columns.get(i), i);
		}
		for (Rate rate : RATES) {
			if (has(rate.numerator()) && has(rate.denominator())) {
				this.rates.add(rate);
			}
		}
		for (Rating rating : Rating.values()) {
			if (has(ratingColumn(rating))) {
				this.ratingColumns.add(ratingColumn(rating));
			}
		}
	}

	/** A rate: numerator over denominator, both columns. */
	record Rate(String numerator, String denominator, String label) {

		String code() {
			return this.numerator + "/" + this.denominator;
		}

	}

	List<String> columns() {
		return this.columns;
	}

	boolean has(String column) {
		return RETURNS.equals(column) || this.index.containsKey(column);
	}

	/** The rates whose columns are in this workbook. */
	List<Rate> rates() {
		return this.rates;
	}

	/** The F03 columns in this workbook, in rating order. */
	List<String> ratingColumns() {
		return this.ratingColumns;
	}

	static String ratingColumn(Rating rating) {
		return F03 + "_" + rating.name();
	}

	/** The value of a column in a group; {@code null} when missing. */
	Long value(Group group, String column) {
		if (group == null) {
			return null;
		}
		if (RETURNS.equals(column)) {
			return group.returns();
		}
		Integer i = this.index.get(column);
		return (i != null && i < group.values().size()) ? group.values().get(i) : null;
	}

	Double rate(Group group, Rate rate) {
		return ratio(value(group, rate.numerator()), value(group, rate.denominator()));
	}

	/** The unions rated, all ratings together; {@code null} when no return gave one. */
	Long rated(Group group) {
		Long sum = null;
		for (String column : this.ratingColumns) {
			Long value = value(group, column);
			if (value != null) {
				sum = (sum != null) ? sum + value : value;
			}
		}
		return sum;
	}

	/** Empty when either side is missing or the denominator is 0. */
	static Double ratio(Long numerator, Long denominator) {
		if (numerator == null || denominator == null || denominator == 0) {
			return null;
		}
		return numerator.doubleValue() / denominator.doubleValue();
	}

	static Long difference(Long current, Long previous) {
		return (current != null && previous != null) ? current - previous : null;
	}

	/** The change as a share of the previous value. */
	static Double change(Long current, Long previous) {
		return ratio(difference(current, previous), previous);
	}

	static Double difference(Double current, Double previous) {
		return (current != null && previous != null) ? current - previous : null;
	}

	/** The sum of the rows, column by column, for a table without a total. */
	Group sum(List<Group> rows, List<String> keys, List<String> names) {
		long returns = 0;
		List<Long> values = new ArrayList<>();
		for (int i = 0; i < this.columns.size(); i++) {
			values.add(null);
		}
		for (Group row : rows) {
			returns += row.returns();
			for (int i = 0; i < this.columns.size() && i < row.values().size(); i++) {
				Long value = row.values().get(i);
				if (value != null) {
					Long sum = values.get(i);
					values.set(i, (sum != null) ? sum + value : value);
				}
			}
		}
		return new Group(keys, names, returns, values);
	}

	/** "Tổng số đoàn viên công đoàn (người)", "… – trong đó nữ (người)", …. */
	String heading(String column) {
		if (RETURNS.equals(column)) {
			return "Số báo cáo (CĐCS)";
		}
		if (column.startsWith(F03 + "_")) {
			String code = column.substring(F03.length() + 1);
			for (Rating rating : Rating.values()) {
				if (rating.name().equals(code)) {
					return "Xếp loại: " + rating.label() + " (CĐCS)";
				}
			}
		}
		boolean female = column.endsWith("_nu");
		String code = female ? column.substring(0, column.length() - 3) : column;
		Indicator indicator = this.catalogue.find(code).orElse(null);
		if (indicator == null) {
			return column;
		}
		String unit = switch (indicator.kind()) {
			case COUNT, MONEY -> indicator.unit();
			case CATEGORY, FLAG -> "CĐCS";
		};
		String label = indicator.labelVi() + (female ? " – trong đó nữ" : "");
		return (unit == null || unit.isBlank()) ? label : label + " (" + unit + ")";
	}

	/**
	 * Columns are narrow, so that a wide roll-up still prints one page wide; money is
	 * wider.
	 */
	int width(String column) {
		String code = column.endsWith("_nu") ? column.substring(0, column.length() - 3) : column;
		boolean money = this.catalogue.find(code)
			.map((indicator) -> indicator.kind() == Indicator.Kind.MONEY)
			.orElse(false);
		return money ? 15 : Layout.NUMBER_WIDTH;
	}

	/** The heading without its unit, for short labels. */
	String label(String column) {
		if (RETURNS.equals(column)) {
			return "Số báo cáo";
		}
		String code = column.endsWith("_nu") ? column.substring(0, column.length() - 3) : column;
		return this.catalogue.find(code)
			.map((indicator) -> indicator.labelVi() + (column.endsWith("_nu") ? " – nữ" : ""))
			.orElse(column);
	}

	/**
	 * The printed theme of a column: its indicator's catalogue section's; the number of
	 * returns is with the workers and members.
	 */
	String theme(String column) {
		if (RETURNS.equals(column)) {
			return Themes.WORKERS;
		}
		String code = column.endsWith("_nu") ? column.substring(0, column.length() - 3) : column;
		if (code.startsWith(F03 + "_")) {
			code = F03;
		}
		return Themes.of(this.catalogue.find(code).map(Indicator::section).orElse(null));
	}

	/** The columns of a theme, in catalogue order. */
	List<String> columns(String theme) {
		return this.columns.stream().filter((column) -> theme(column).equals(theme)).toList();
	}

	/** The unit of a column, for the summary. */
	String unit(String column) {
		if (RETURNS.equals(column)) {
			return "báo cáo";
		}
		String code = column.endsWith("_nu") ? column.substring(0, column.length() - 3) : column;
		return this.catalogue.find(code)
			.map((indicator) -> indicator.kind().numeric() ? indicator.unit() : "CĐCS")
			.orElse("");
	}

}
