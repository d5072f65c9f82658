package vn.tonghop.rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.Rating;

/**
 * The indicator columns of every output (spec section 5), in catalogue order, each with
 * the SQL aggregate that computes it over {@code return_value v}. Sums are exact
 * integers; a missing value adds nothing, and a column is empty when no return in the
 * group gave it.
 */
public final class IndicatorColumns {

	/**
	 * One output column: its name, its aggregate over a group's values, and what that
	 * aggregate gives over a single return's values (by code).
	 */
	public record Column(String name, String sql, Function<Map<String, StoredValue>, String> ofOne) {
	}

	/** A stored value of one return: a row of {@code return_value}. */
	public record StoredValue(Long total, Long female, String category, Boolean flag) {
	}

	private final List<Column> columns;

	public IndicatorColumns(IndicatorCatalogue catalogue) {
		List<Column> list = new ArrayList<>();
		for (Indicator indicator : catalogue.all()) {
			String code = indicator.code();
			String isCode = "v.code = '" + code + "'";
			switch (indicator.kind()) {
				case COUNT, MONEY -> {
					list.add(new Column(code, "SUM(CASE WHEN " + isCode + " THEN v.total END)",
							(values) -> text(values.get(code), StoredValue::total)));
					if (indicator.hasFemaleColumn()) {
						list.add(new Column(code + "_nu", "SUM(CASE WHEN " + isCode + " THEN v.female END)",
								(values) -> text(values.get(code), StoredValue::female)));
					}
				}
				case CATEGORY -> {
					for (Rating rating : Rating.values()) {
						list.add(new Column(code + "_" + rating.name(),
								"SUM(CASE WHEN " + isCode + " AND v.category IS NOT NULL THEN (CASE WHEN v.category = '"
										+ rating.name() + "' THEN 1 ELSE 0 END) END)",
								(values) -> text(values.get(code),
										(v) -> (v.category() != null) ? v.category().equals(rating.name()) : null)));
					}
				}
				case FLAG -> list.add(new Column(code,
						"SUM(CASE WHEN " + isCode
								+ " AND v.flag IS NOT NULL THEN (CASE WHEN v.flag THEN 1 ELSE 0 END) END)",
						(values) -> text(values.get(code), StoredValue::flag)));
			}
		}
		this.columns = List.copyOf(list);
	}

	public List<Column> all() {
		return this.columns;
	}

	public List<String> names() {
		return this.columns.stream().map(Column::name).toList();
	}

	/**
	 * A single return's columns from its stored values by code, as the aggregates give
	 * them.
	 */
	public List<String> ofOne(Map<String, StoredValue> values) {
		List<String> row = new ArrayList<>(this.columns.size());
		for (Column column : this.columns) {
			row.add(column.ofOne().apply(values));
		}
		return row;
	}

	/** A number as text, a yes/no as 1/0, nothing as "". */
	private static String text(StoredValue value, Function<StoredValue, Object> part) {
		Object v = (value != null) ? part.apply(value) : null;
		if (v instanceof Boolean yes) {
			return yes ? "1" : "0";
		}
		return (v != null) ? v.toString() : "";
	}

	/** The aggregates as a SELECT list, aliased {@code c0, c1, …}. */
	public String selectList() {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < this.columns.size(); i++) {
			sql.append((i > 0) ? ", " : "").append(this.columns.get(i).sql()).append(" AS c").append(i);
		}
		return sql.toString();
	}

}
