package vn.tonghop.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.tonghop.normalise.TextFold;

/**
 * Finds a table (table layout, spec section 2) on a sheet: the header row is the first
 * row that names a union code column, by its Vietnamese label or its field name
 * ({@code union_code}); title rows above it are allowed. Each later row with a union code
 * is one record.
 */
public final class TableLocator {

	/** One record: the header fields' cells of one row. */
	public record Record(int row, Map<HeaderField, RawCell> fields) {

		public String text(HeaderField field) {
			RawCell cell = this.fields.get(field);
			return (cell != null) ? TextFold.clean(cell.text()) : "";
		}

	}

	public List<Record> records(SheetCells sheet) throws UnreadableFileException {
		int headerRow = -1;
		Map<HeaderField, Integer> columns = new EnumMap<>(HeaderField.class);
		for (int r : sheet.rowNumbers()) {
			columns.clear();
			for (RawCell cell : sheet.row(r)) {
				HeaderField field = field(cell);
				if (field != null) {
					columns.putIfAbsent(field, cell.ref().column());
				}
			}
			if (columns.containsKey(HeaderField.UNION_CODE)) {
				headerRow = r;
				break;
			}
		}
		if (headerRow < 0) {
			throw new UnreadableFileException("Không tìm thấy dòng tiêu đề của bảng: không có cột 'Mã công đoàn cơ sở'"
					+ " (hoặc 'Mã CĐCS', 'union_code').");
		}
		List<Record> records = new ArrayList<>();
		for (int r : sheet.rowNumbers()) {
			if (r <= headerRow || sheet.get(r, columns.get(HeaderField.UNION_CODE)) == null) {
				continue;
			}
			Map<HeaderField, RawCell> fields = new EnumMap<>(HeaderField.class);
			for (Map.Entry<HeaderField, Integer> column : columns.entrySet()) {
				RawCell cell = sheet.get(r, column.getValue());
				if (cell != null) {
					fields.put(column.getKey(), cell);
				}
			}
			records.add(new Record(r, fields));
		}
		return records;
	}

	/** Fields by their folded name ({@code union_code} → "union code"), made once. */
	private static final Map<String, HeaderField> BY_KEY = java.util.Arrays.stream(HeaderField.values())
		.collect(
				java.util.stream.Collectors.toUnmodifiableMap((field) -> TextFold.fold(field.key()), (field) -> field));

	static HeaderField field(RawCell cell) {
		if (cell.kind() != RawCell.Kind.TEXT) {
			return null;
		}
		String folded = TextFold.fold(cell.text());
		HeaderField byLabel = HeaderField.forFolded(folded);
		return (byLabel != null) ? byLabel : BY_KEY.get(folded);
	}

}
