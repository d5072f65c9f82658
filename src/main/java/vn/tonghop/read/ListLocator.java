package vn.tonghop.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.FlagReader;
import vn.tonghop.normalise.FlagReading;
import vn.tonghop.normalise.Rating;
import vn.tonghop.normalise.TextFold;

/**
 * Finds the returns of a list (table layout, spec section 2): one header row — the first
 * that names a union code column and at least one indicator column, below any title rows
 * — then one return per row. Indicator columns are named by code ({@code A02}), female
 * columns {@code A02_NU} or {@code A02 Nữ}, or by the catalogue label (and the label
 * followed by "nữ"); identity columns by field name or Vietnamese label. Each row comes
 * out as a located return, so forms and lists are judged by the same rules, and findings
 * name the row's cells.
 * <p>
 * A {@code returns.csv} of tonghop reads back as a list: its code columns
 * ({@code province_code}…) are {@link HeaderField}s, and a rating given as one column per
 * value, 1 in the union's ({@code F03_HTXSNV}…{@code F03_KHTNV}, the columns of the
 * roll-ups), is read as the rating of the column marked. Any other column
 * ({@code source_file}, a status, a count) is not the return's and is passed over.
 */
public final class ListLocator {

	private final IndicatorCatalogue catalogue;

	private final Map<String, String> codeByFoldedLabel = new HashMap<>();

	/** The columns of a rating split by value ({@code F03_HTTNV}), by folded heading. */
	private final Map<String, Column> ratingColumns = new HashMap<>();

	public ListLocator(IndicatorCatalogue catalogue) {
		this.catalogue = catalogue;
		for (Indicator indicator : catalogue.all()) {
			this.codeByFoldedLabel.put(TextFold.fold(indicator.labelVi()), indicator.code());
			if (indicator.kind() == Indicator.Kind.CATEGORY) {
				for (Rating rating : Rating.values()) {
					this.ratingColumns.put(TextFold.fold(rating.columnOf(indicator.code())),
							new Column(indicator.code(), false, rating));
				}
			}
		}
	}

	/**
	 * A column's indicator: its code, whether it holds the female value, and for one
	 * column of a rating split by value, the rating it marks (else null).
	 */
	record Column(String code, boolean female, Rating rating) {

		Column(String code, boolean female) {
			this(code, female, null);
		}

	}

	/** The rows' returns, or empty when the sheet is not a list. */
	public Optional<List<FormCells>> locate(SheetCells sheet) {
		for (int r : sheet.rowNumbers()) {
			if (!namesUnionCode(sheet.row(r))) {
				// not the header row: a form's rows are passed over at this cost only
				continue;
			}
			Map<HeaderField, Integer> identity = new EnumMap<>(HeaderField.class);
			Map<Integer, Column> indicators = new LinkedHashMap<>();
			for (RawCell cell : sheet.row(r)) {
				if (cell.kind() != RawCell.Kind.TEXT) {
					continue;
				}
				Column column = column(cell.text());
				if (column != null) {
					indicators.put(cell.ref().column(), column);
					continue;
				}
				HeaderField field = TableLocator.field(cell);
				if (field != null) {
					identity.putIfAbsent(field, cell.ref().column());
				}
			}
			if (identity.containsKey(HeaderField.UNION_CODE) && !indicators.isEmpty()) {
				return Optional.of(returns(sheet, r, identity, indicators));
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether a cell of the row names the union code column: without one the row is not
	 * the header row, whatever else it holds. (A cell that names an indicator is never
	 * taken as a field; no indicator is named like the union code.)
	 */
	private static boolean namesUnionCode(Collection<RawCell> row) {
		for (RawCell cell : row) {
			if (cell.kind() == RawCell.Kind.TEXT && TableLocator.field(cell) == HeaderField.UNION_CODE) {
				return true;
			}
		}
		return false;
	}

	private List<FormCells> returns(SheetCells sheet, int headerRow, Map<HeaderField, Integer> identity,
			Map<Integer, Column> indicators) {
		Map<HeaderField, CellRef> labels = new EnumMap<>(HeaderField.class);
		identity.forEach((field, column) -> labels.put(field, new CellRef(headerRow, column)));
		CellRef codeHeader = labels.get(HeaderField.UNION_CODE);
		List<FormCells> returns = new ArrayList<>();
		for (int r : sheet.rowNumbers()) {
			if (r <= headerRow || sheet.get(r, identity.get(HeaderField.UNION_CODE)) == null) {
				continue;
			}
			Map<HeaderField, RawCell> header = new EnumMap<>(HeaderField.class);
			for (Map.Entry<HeaderField, Integer> field : identity.entrySet()) {
				RawCell cell = sheet.get(r, field.getValue());
				if (cell != null) {
					header.put(field.getKey(), cell);
				}
			}
			int row = r;
			List<RawCell> legacy = sheet.legacy().stream().filter((cell) -> cell.ref().row() == row).toList();
			returns
				.add(new FormCells(sheet.name(), header, labels, rows(sheet, r, indicators), codeHeader, true, legacy));
		}
		return returns;
	}

	private static List<IndicatorRow> rows(SheetCells sheet, int r, Map<Integer, Column> indicators) {
		Map<String, Integer> totals = new LinkedHashMap<>();
		Map<String, Integer> females = new HashMap<>();
		Map<String, Map<Rating, Integer>> ratings = new LinkedHashMap<>();
		indicators.forEach((column, indicator) -> {
			if (indicator.rating() != null) {
				ratings.computeIfAbsent(indicator.code(), (code) -> new EnumMap<>(Rating.class))
					.putIfAbsent(indicator.rating(), column);
			}
			else if (indicator.female()) {
				females.putIfAbsent(indicator.code(), column);
			}
			else {
				totals.putIfAbsent(indicator.code(), column);
			}
		});
		females.keySet().forEach((code) -> totals.putIfAbsent(code, -1));
		List<IndicatorRow> rows = new ArrayList<>();
		totals.forEach((code, totalColumn) -> {
			Integer femaleColumn = females.get(code);
			RawCell total = (totalColumn >= 0) ? sheet.get(r, totalColumn) : null;
			RawCell female = (femaleColumn != null) ? sheet.get(r, femaleColumn) : null;
			CellRef totalAt = new CellRef(r, (totalColumn >= 0) ? totalColumn : femaleColumn);
			rows.add(new IndicatorRow(r, code, code, "", IndicatorRow.Match.CODE, total, female, totalAt));
		});
		// a rating in one column per value: read only when no column gives it whole
		ratings.forEach((code, columns) -> {
			if (!totals.containsKey(code)) {
				CellRef first = new CellRef(r, columns.values().iterator().next());
				rows.add(new IndicatorRow(r, code, code, "", IndicatorRow.Match.CODE, marked(sheet, r, code, columns),
						null, first));
			}
		});
		return rows;
	}

	/**
	 * The rating a row marks in the columns of a split rating, as the cell a form would
	 * hold: the code of the rating whose column says yes ({@code 1}, {@code x}), in that
	 * column's cell; null when none does (the rating is missing). Two marked, or a cell
	 * that is neither yes nor no, give a text that is no rating, so that the judge
	 * reports it (R15) in that cell with what the row holds.
	 */
	private static RawCell marked(SheetCells sheet, int r, String code, Map<Rating, Integer> columns) {
		List<RawCell> yes = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Map.Entry<Rating, Integer> column : columns.entrySet()) {
			RawCell cell = sheet.get(r, column.getValue());
			if (cell == null) {
				continue;
			}
			FlagReading reading = FlagReader.read(cell.text());
			if (reading.status() == FlagReading.Status.INVALID) {
				return RawCell.text(cell.ref(), column.getKey().columnOf(code) + " = " + TextFold.clean(cell.text()));
			}
			if (reading.status() == FlagReading.Status.VALUE && reading.value()) {
				yes.add(cell);
				names.add(column.getKey().name());
			}
		}
		if (yes.isEmpty()) {
			return null;
		}
		return RawCell.text(yes.get(0).ref(), String.join(" + ", names));
	}

	/** The indicator a column heading names, or null. */
	Column column(String heading) {
		String text = TextFold.clean(heading);
		String upper = text.toUpperCase(Locale.ROOT);
		if (this.catalogue.contains(upper)) {
			return new Column(upper, false);
		}
		String folded = TextFold.fold(text);
		Column rating = this.ratingColumns.get(folded);
		if (rating != null) {
			return rating;
		}
		for (String suffix : List.of(" trong do nu", " nu")) {
			if (folded.endsWith(suffix)) {
				String base = folded.substring(0, folded.length() - suffix.length()).strip();
				String code = this.catalogue.contains(base.toUpperCase(Locale.ROOT)) ? base.toUpperCase(Locale.ROOT)
						: this.codeByFoldedLabel.get(base);
				if (code != null && this.catalogue.get(code).hasFemaleColumn()) {
					return new Column(code, true);
				}
			}
		}
		String code = this.codeByFoldedLabel.get(folded);
		return (code != null) ? new Column(code, false) : null;
	}

}
