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
import vn.tonghop.normalise.TextFold;

/**
 * Finds the returns of a list (table layout, spec section 2): one header row — the first
 * that names a union code column and at least one indicator column, below any title rows
 * — then one return per row. Indicator columns are named by code ({@code A02}), female
 * columns {@code A02_NU} or {@code A02 Nữ}, or by the catalogue label (and the label
 * followed by "nữ"); identity columns by field name or Vietnamese label. Each row comes
 * out as a located return, so forms and lists are judged by the same rules, and findings
 * name the row's cells.
 */
public final class ListLocator {

	private final IndicatorCatalogue catalogue;

	private final Map<String, String> codeByFoldedLabel = new HashMap<>();

	public ListLocator(IndicatorCatalogue catalogue) {
		this.catalogue = catalogue;
		for (Indicator indicator : catalogue.all()) {
			this.codeByFoldedLabel.put(TextFold.fold(indicator.labelVi()), indicator.code());
		}
	}

	/** A column's indicator: its code, and whether it holds the female value. */
	record Column(String code, boolean female) {
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
		indicators.forEach((column, indicator) -> {
			if (indicator.female()) {
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
		return rows;
	}

	/** The indicator a column heading names, or null. */
	Column column(String heading) {
		String text = TextFold.clean(heading);
		String upper = text.toUpperCase(Locale.ROOT);
		if (this.catalogue.contains(upper)) {
			return new Column(upper, false);
		}
		String folded = TextFold.fold(text);
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
