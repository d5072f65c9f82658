package vn.tonghop.validate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.tonghop.read.CellRef;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.HeaderField;
import vn.tonghop.read.IndicatorRow;
import vn.tonghop.read.RawCell;

/**
 * Builds located forms for rule tests: a valid 2026 return by default, changed one cell
 * at a time. Header labels sit in column A, values in B; the indicator table has codes in
 * C, totals in E and female values in F, one row per indicator from row 20.
 */
final class TestForms {

	static final int TOTAL_COLUMN = 4;

	static final int FEMALE_COLUMN = 5;

	private final Map<HeaderField, Object> header = new EnumMap<>(HeaderField.class);

	private final Map<String, Object[]> values = new LinkedHashMap<>();

	private final List<String> unknownCodes = new ArrayList<>();

	private TestForms() {
		this.header.put(HeaderField.UNION_CODE, "CD0001");
		this.header.put(HeaderField.UNION_NAME, "Công đoàn Trường THPT Lê Quý Đôn");
		this.header.put(HeaderField.PROVINCE, "Hà Nội");
		this.header.put(HeaderField.SECTOR, "HCSN");
		this.header.put(HeaderField.INDUSTRY, "P");
		this.header.put(HeaderField.YEAR, 2026.0);
		value("A01", 100.0, 60.0);
		value("A02", 80.0, 50.0);
		value("A04", 5.0, null);
		value("B02", 60.0, 30.0);
		value("B03", 5.0, 2.0);
		value("B05", 10.0, 4.0);
		value("B06", 20.0, null);
		value("C01", 10.0, null);
		value("C02", 6.0, null);
		value("C03", 2.0, null);
		value("C04", 1.0, null);
		value("F01", 5.0, null);
		value("F02", 4.0, null);
		value("F03", "HTTNV", null);
		value("F04", "Có", null);
	}

	static TestForms valid() {
		return new TestForms();
	}

	/** Sets a header field; null removes it. A Double is a numeric cell, else text. */
	TestForms header(HeaderField field, Object value) {
		if (value == null) {
			this.header.remove(field);
		}
		else {
			this.header.put(field, value);
		}
		return this;
	}

	/**
	 * Sets an indicator's cells; a Double is a numeric cell, a String typed text, null
	 * blank.
	 */
	TestForms value(String code, Object total, Object female) {
		this.values.put(code, new Object[] { total, female });
		return this;
	}

	TestForms without(String code) {
		this.values.remove(code);
		return this;
	}

	TestForms unknownCode(String code) {
		this.unknownCodes.add(code);
		return this;
	}

	/** The cell of an indicator's total, as the built form places it. */
	String totalCell(String code) {
		return new CellRef(rowOf(code), TOTAL_COLUMN).a1();
	}

	String femaleCell(String code) {
		return new CellRef(rowOf(code), FEMALE_COLUMN).a1();
	}

	private int rowOf(String code) {
		return 20 + new ArrayList<>(this.values.keySet()).indexOf(code);
	}

	FormCells build() {
		Map<HeaderField, RawCell> cells = new EnumMap<>(HeaderField.class);
		Map<HeaderField, CellRef> labels = new EnumMap<>(HeaderField.class);
		int row = 2;
		for (HeaderField field : HeaderField.values()) {
			labels.put(field, new CellRef(row, 0));
			Object value = this.header.get(field);
			if (value != null) {
				cells.put(field, cell(new CellRef(row, 1), value));
			}
			row++;
		}
		List<IndicatorRow> rows = new ArrayList<>();
		for (Map.Entry<String, Object[]> entry : this.values.entrySet()) {
			int r = rowOf(entry.getKey());
			rows.add(new IndicatorRow(r, entry.getKey(), entry.getKey(), "", IndicatorRow.Match.CODE,
					cell(new CellRef(r, TOTAL_COLUMN), entry.getValue()[0]),
					cell(new CellRef(r, FEMALE_COLUMN), entry.getValue()[1]), new CellRef(r, TOTAL_COLUMN)));
		}
		int r = 60;
		for (String code : this.unknownCodes) {
			rows.add(new IndicatorRow(r, null, code, "", IndicatorRow.Match.UNKNOWN_CODE,
					RawCell.number(new CellRef(r, TOTAL_COLUMN), 3), null, new CellRef(r, TOTAL_COLUMN)));
			r++;
		}
		return new FormCells("BaoCao", cells, labels, rows, new CellRef(19, 2), false, List.of());
	}

	private static RawCell cell(CellRef ref, Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Double number) {
			return RawCell.number(ref, number);
		}
		return RawCell.text(ref, value.toString());
	}

}
