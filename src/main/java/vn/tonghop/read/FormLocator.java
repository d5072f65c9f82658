package vn.tonghop.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.TextFold;

/**
 * Finds a return's header fields and indicator table on a sheet by their labels and
 * codes, never by fixed addresses (spec section 1): unions insert rows, move columns,
 * merge cells and retype labels.
 */
public final class FormLocator {

	private static final Pattern CODE_SHAPE = Pattern.compile("[A-Z]{1,2}[0-9]{1,3}");

	private static final Pattern LEADING_NUMBERING = Pattern
		.compile("^(?:[0-9]+(?:\\.[0-9]+)*|[ivxIVX]+|[a-zđA-Z])[.)]\\s+");

	private final Map<String, String> codeByFoldedLabel = new HashMap<>();

	private final IndicatorCatalogue catalogue;

	public FormLocator(IndicatorCatalogue catalogue) {
		this.catalogue = catalogue;
		for (Indicator indicator : catalogue.all()) {
			this.codeByFoldedLabel.put(TextFold.fold(indicator.labelVi()), indicator.code());
		}
	}

	public FormCells locate(SheetCells sheet) throws UnreadableFileException {
		TableHeader table = findTableHeader(sheet);
		Map<HeaderField, RawCell> header = new EnumMap<>(HeaderField.class);
		Map<HeaderField, CellRef> labels = new EnumMap<>(HeaderField.class);
		findHeaderFields(sheet, table, header, labels);
		if (table == null && labels.isEmpty()) {
			throw new UnreadableFileException("Không tìm thấy biểu mẫu báo cáo trong trang tính '" + sheet.name()
					+ "': không có ô 'Mã công đoàn cơ sở', 'Tên công đoàn cơ sở'… và không có bảng chỉ tiêu"
					+ " với cột 'Mã số' và 'Tổng số'.");
		}
		List<IndicatorRow> rows = (table != null) ? findRows(sheet, table) : List.of();
		return new FormCells(sheet.name(), header, labels, rows, (table != null) ? table.codeHeader : null, false,
				sheet.legacy());
	}

	private record TableHeader(int row, int codeColumn, int totalColumn, int femaleColumn, CellRef codeHeader) {
	}

	private static TableHeader findTableHeader(SheetCells sheet) {
		for (int r : sheet.rowNumbers()) {
			int code = -1;
			int total = -1;
			int female = -1;
			for (RawCell cell : sheet.row(r)) {
				if (cell.kind() != RawCell.Kind.TEXT) {
					continue;
				}
				String folded = TextFold.fold(cell.text());
				switch (folded) {
					case "ma so", "ma chi tieu" -> code = (code < 0) ? cell.ref().column() : code;
					case "tong so" -> total = (total < 0) ? cell.ref().column() : total;
					case "nu", "trong do nu" -> female = (female < 0) ? cell.ref().column() : female;
					default -> {
					}
				}
			}
			if (code >= 0 && total >= 0) {
				if (female < 0) {
					female = femaleOnNextRow(sheet, r);
				}
				return new TableHeader(r, code, total, female, new CellRef(r, code));
			}
		}
		return null;
	}

	/** A two-row heading: "Tổng số" over "Tổng" / "Trong đó nữ" on the row below. */
	private static int femaleOnNextRow(SheetCells sheet, int headerRow) {
		for (RawCell cell : sheet.row(headerRow + 1)) {
			if (cell.kind() == RawCell.Kind.TEXT) {
				String folded = TextFold.fold(cell.text());
				if (folded.equals("nu") || folded.equals("trong do nu")) {
					return cell.ref().column();
				}
			}
		}
		return -1;
	}

	private static void findHeaderFields(SheetCells sheet, TableHeader table, Map<HeaderField, RawCell> header,
			Map<HeaderField, CellRef> labels) {
		for (int r : sheet.rowNumbers()) {
			if (table != null && r == table.row) {
				continue;
			}
			for (RawCell cell : sheet.row(r)) {
				if (cell.kind() != RawCell.Kind.TEXT) {
					continue;
				}
				if (table != null && r > table.row && isTableColumn(cell.ref().column(), table)) {
					continue;
				}
				HeaderField field = HeaderField.forLabel(cell.text());
				if (field != null) {
					if (labels.containsKey(field)) {
						continue;
					}
					labels.put(field, cell.ref());
					RawCell value = sheet.firstRightOf(r, cell.ref().column());
					if (value != null
							&& !(value.kind() == RawCell.Kind.TEXT && HeaderField.forLabel(value.text()) != null)) {
						header.put(field, value);
					}
					continue;
				}
				HeaderField.LabelledValue labelled = HeaderField.splitLabelled(cell.text());
				if (labelled != null && !labels.containsKey(labelled.field())) {
					labels.put(labelled.field(), cell.ref());
					header.put(labelled.field(), RawCell.text(cell.ref(), labelled.value()));
				}
			}
		}
	}

	private static boolean isTableColumn(int column, TableHeader table) {
		return column == table.codeColumn || column == table.totalColumn || column == table.femaleColumn;
	}

	private List<IndicatorRow> findRows(SheetCells sheet, TableHeader table) {
		List<IndicatorRow> rows = new ArrayList<>();
		for (int r : sheet.rowNumbers()) {
			if (r <= table.row) {
				continue;
			}
			RawCell codeCell = sheet.get(r, table.codeColumn);
			RawCell total = sheet.get(r, table.totalColumn);
			RawCell female = (table.femaleColumn >= 0) ? sheet.get(r, table.femaleColumn) : null;
			String label = labelOf(sheet, r, table);
			String written = (codeCell != null && codeCell.kind() == RawCell.Kind.TEXT)
					? TextFold.clean(codeCell.text()).toUpperCase(Locale.ROOT) : "";
			if (!written.isEmpty() && this.catalogue.contains(written)) {
				rows.add(new IndicatorRow(r, written, written, label, IndicatorRow.Match.CODE, total, female,
						new CellRef(r, table.totalColumn)));
				continue;
			}
			if (!written.isEmpty() && CODE_SHAPE.matcher(written).matches()) {
				rows.add(new IndicatorRow(r, null, written, label, IndicatorRow.Match.UNKNOWN_CODE, total, female,
						new CellRef(r, table.totalColumn)));
				continue;
			}
			if (label.isEmpty() || HeaderField.forLabel(label) != null) {
				continue;
			}
			String byLabel = codeForLabel(label);
			if (byLabel != null) {
				rows.add(new IndicatorRow(r, byLabel, written, label, IndicatorRow.Match.LABEL, total, female,
						new CellRef(r, table.totalColumn)));
			}
			else if (total != null) {
				rows.add(new IndicatorRow(r, null, written, label, IndicatorRow.Match.UNKNOWN_LABEL, total, female,
						new CellRef(r, table.totalColumn)));
			}
		}
		return rows;
	}

	/** The longest text on the row outside the code, total and female columns. */
	private static String labelOf(SheetCells sheet, int row, TableHeader table) {
		String label = "";
		for (RawCell cell : sheet.row(row)) {
			if (cell.kind() == RawCell.Kind.TEXT && !isTableColumn(cell.ref().column(), table)) {
				String text = TextFold.clean(cell.text());
				if (text.length() > label.length()) {
					label = text;
				}
			}
		}
		return label;
	}

	/**
	 * The catalogue code whose label this is, allowing leading numbering and a trailing
	 * unit.
	 */
	String codeForLabel(String label) {
		String text = LEADING_NUMBERING.matcher(TextFold.clean(label)).replaceFirst("");
		String code = this.codeByFoldedLabel.get(TextFold.fold(text));
		if (code != null) {
			return code;
		}
		int paren = text.lastIndexOf('(');
		if (paren > 0 && text.endsWith(")")) {
			String unit = TextFold.fold(text.substring(paren + 1, text.length() - 1));
			String withoutUnit = TextFold.fold(text.substring(0, paren));
			String candidate = this.codeByFoldedLabel.get(withoutUnit);
			if (candidate != null && TextFold.fold(this.catalogue.get(candidate).unit()).equals(unit)) {
				return candidate;
			}
		}
		return null;
	}

}
