package vn.tonghop.rollup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.Rating;
import vn.tonghop.store.StoredValues;

/**
 * The indicator columns of every output (spec section 5), in catalogue order, each with
 * what a return's stored values give it and what one stored value adds to its sum. Sums
 * are exact integers; a missing value adds nothing, and a column is empty when no return
 * in the group gave it (as {@code SUM} over no value is {@code NULL}).
 */
public final class IndicatorColumns {

	/**
	 * One output column: its name, and what it is for a single return's values (by code).
	 */
	public record Column(String name, Function<Map<String, StoredValues.Value>, String> ofOne) {
	}

	/** A return's stored values by code (the code stripped). */
	public static Map<String, StoredValues.Value> byCode(List<StoredValues.Value> values) {
		Map<String, StoredValues.Value> byCode = new HashMap<>();
		for (StoredValues.Value value : values) {
			byCode.put(value.code().strip(), value);
		}
		return byCode;
	}

	private final List<Column> columns;

	/**
	 * For each column, in the same order, what one stored value of its code adds to it,
	 * as its aggregate counts it.
	 */
	private final List<Part> parts;

	/**
	 * The columns (indexes in {@link #all()}) that the stored values of a code add to.
	 */
	private final Map<String, int[]> columnsByCode;

	public IndicatorColumns(IndicatorCatalogue catalogue) {
		List<Column> list = new ArrayList<>();
		List<Part> parts = new ArrayList<>();
		for (Indicator indicator : catalogue.all()) {
			String code = indicator.code();
			switch (indicator.kind()) {
				case COUNT, MONEY -> {
					list.add(new Column(code, (values) -> text(values.get(code), StoredValues.Value::total)));
					if (indicator.hasFemaleColumn()) {
						list.add(new Column(code + "_nu",
								(values) -> text(values.get(code), StoredValues.Value::female)));
					}
				}
				case CATEGORY -> {
					for (Rating rating : Rating.values()) {
						list.add(new Column(rating.columnOf(code), (values) -> text(values.get(code),
								(v) -> (v.category() != null) ? v.category().equals(rating.name()) : null)));
					}
				}
				case FLAG -> list.add(new Column(code, (values) -> text(values.get(code), StoredValues.Value::flag)));
			}
			parts.addAll(parts(indicator));
		}
		this.columns = List.copyOf(list);
		this.parts = List.copyOf(parts);
		if (this.parts.size() != this.columns.size()) {
			throw new IllegalStateException("every column has its part");
		}
		Map<String, List<Integer>> byCode = new HashMap<>();
		for (int i = 0; i < this.parts.size(); i++) {
			byCode.computeIfAbsent(this.parts.get(i).code(), (c) -> new ArrayList<>()).add(i);
		}
		Map<String, int[]> columnsByCode = new HashMap<>();
		byCode.forEach(
				(code, indexes) -> columnsByCode.put(code, indexes.stream().mapToInt(Integer::intValue).toArray()));
		this.columnsByCode = Map.copyOf(columnsByCode);
	}

	/**
	 * The code whose stored values make a column, and what one of them adds to the
	 * column's sum: {@code null} for nothing, as {@code SUM} skips a {@code NULL}.
	 */
	private record Part(String code, Function<StoredValues.Value, Long> of) {
	}

	/**
	 * The parts of an indicator's columns, in the order of its columns: as their
	 * aggregates, {@code SUM} of the total or female count; of 1 or 0 for each rating,
	 * over the values with a rating; of 1 or 0 over the values with a yes/no.
	 */
	private static List<Part> parts(Indicator indicator) {
		String code = indicator.code();
		List<Part> parts = new ArrayList<>();
		switch (indicator.kind()) {
			case COUNT, MONEY -> {
				parts.add(new Part(code, StoredValues.Value::total));
				if (indicator.hasFemaleColumn()) {
					parts.add(new Part(code, StoredValues.Value::female));
				}
			}
			case CATEGORY -> {
				for (Rating rating : Rating.values()) {
					parts.add(new Part(code,
							(v) -> (v.category() != null) ? (v.category().equals(rating.name()) ? 1L : 0L) : null));
				}
			}
			case FLAG -> parts.add(new Part(code, (v) -> (v.flag() != null) ? (v.flag() ? 1L : 0L) : null));
		}
		return parts;
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
	public List<String> ofOne(Map<String, StoredValues.Value> values) {
		List<String> row = new ArrayList<>(this.columns.size());
		for (Column column : this.columns) {
			row.add(column.ofOne().apply(values));
		}
		return row;
	}

	/**
	 * The columns, as indexes in {@link #all()}, that a stored value of {@code code} adds
	 * to (the code compared exactly, as {@code v.code = 'X'} does); none for a code that
	 * has no column. The array is shared: not to be changed.
	 */
	public int[] columnsOf(String code) {
		int[] columns = this.columnsByCode.get(code);
		return (columns != null) ? columns : NONE;
	}

	private static final int[] NONE = {};

	/**
	 * What one stored value of the column's code adds to the sum of column {@code column}
	 * (an index in {@link #all()}), exactly as the column's aggregate counts it: the
	 * total or the female count, 1 or 0 for a rating or a yes/no; {@code null} when it
	 * adds nothing (the aggregate's {@code NULL}), so that a column no value of a group
	 * adds to stays empty.
	 */
	public Long part(int column, StoredValues.Value value) {
		return this.parts.get(column).of().apply(value);
	}

	/** A number as text, a yes/no as 1/0, nothing as "". */
	private static String text(StoredValues.Value value, Function<StoredValues.Value, Object> part) {
		Object v = (value != null) ? part.apply(value) : null;
		if (v instanceof Boolean yes) {
			return yes ? "1" : "0";
		}
		return (v != null) ? v.toString() : "";
	}

}
