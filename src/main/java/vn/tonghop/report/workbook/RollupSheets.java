package vn.tonghop.report.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import vn.tonghop.normalise.Rating;

/**
 * The roll-up sheets: by province, by sector, by province and sector, by industry, and
 * the ratings. Each row gives its keys' codes and names, the number of returns, the key
 * rates, every indicator column and, when the previous year is stored, the previous
 * year's value and the change beside the key indicators; a "Tổng cộng" row ends the
 * table.
 */
final class RollupSheets {

	static final String TOTAL_CODE = "TOTAL";

	static final String TOTAL_NAME = "Tổng cộng";

	static final String NOT_GIVEN = "(không ghi)";

	private final Workbook workbook;

	private final Styles styles;

	private final Figures figures;

	private final WorkbookInput input;

	RollupSheets(Workbook workbook, Styles styles, Figures figures, WorkbookInput input) {
		this.workbook = workbook;
		this.styles = styles;
		this.figures = figures;
		this.input = input;
	}

	/**
	 * What a key column is called: code and heading of its code, then of its name; a key
	 * without a code of its own (an upper-level union) has {@code null} for both and
	 * shows its name only.
	 */
	record Key(String code, String codeHeading, String name, String nameHeading) {

		/** How many columns it takes. */
		int width() {
			return (this.code != null) ? 2 : 1;
		}

	}

	static final Key PROVINCE = new Key("province_code", "Mã tỉnh", "province_name", "Tỉnh, thành phố");

	static final Key SECTOR = new Key("sector_code", "Mã khu vực", "sector_name", "Khu vực");

	static final Key INDUSTRY = new Key("industry_code", "Mã ngành", "industry_name", "Ngành");

	static final Key PARENT_UNION = new Key(null, null, "parent_union", "Công đoàn cấp trên trực tiếp");

	/** One column of a roll-up and how it is filled from a group. */
	private record Field(Layout.Column column, FieldWriter writer) {
	}

	@FunctionalInterface
	private interface FieldWriter {

		void write(Row row, int column, Group group, Group previous, boolean total);

	}

	void write(String name, String title, List<Key> keys, Table table, Table previous) {
		Integer previousYear = (previous != null) ? this.input.previousYear() : null;
		List<Field> fields = fields(keys, previousYear);
		String note = "Số liệu cộng từ các báo cáo được chấp nhận; ô trống: không báo cáo nào có số liệu. "
				+ "Tỷ lệ tính từ tổng của nhóm." + ((previousYear != null) ? " So sánh với năm " + previousYear + "."
						: " Không có số liệu năm trước để so sánh.");
		TableSheet sheet = TableSheet.open(this.workbook, this.styles, this.input.year(), name, title, note,
				fields.stream().map(Field::column).toList(), keys.stream().mapToInt(Key::width).sum());
		Map<List<String>, Group> previousRows = new HashMap<>();
		if (previous != null) {
			for (Group group : previous.rows()) {
				previousRows.put(group.keys(), group);
			}
		}
		for (Group group : table.rows()) {
			write(sheet, fields, group, previousRows.get(group.keys()), false);
		}
		write(sheet, fields, total(keys.size(), table), (previous != null) ? total(keys.size(), previous) : null, true);
		sheet.finish();
	}

	/** "Xếp loại": the F03 distribution by province and in total, with shares. */
	void writeRatings() {
		writeRatings(PROVINCE, this.input.byProvince(), "theo tỉnh, thành phố");
	}

	/**
	 * "Xếp loại": the F03 distribution by the groups of {@code table} ({@code by} says by
	 * what, after the title's "năm Y") and in total, with shares.
	 */
	void writeRatings(Key key, Table table, String by) {
		List<Layout.Column> columns = new ArrayList<>();
		if (key.code() != null) {
			columns.add(new Layout.Column(key.code(), key.codeHeading(), Layout.CODE_WIDTH));
		}
		columns.add(new Layout.Column(key.name(), key.nameHeading(), Layout.NAME_WIDTH));
		columns.add(new Layout.Column(Figures.RETURNS, this.figures.heading(Figures.RETURNS), Layout.NUMBER_WIDTH,
				Themes.TARGETS));
		columns.add(new Layout.Column("F03", "Số CĐCS được xếp loại", Layout.NUMBER_WIDTH, Themes.TARGETS));
		for (Rating rating : Rating.values()) {
			String column = Figures.ratingColumn(rating);
			columns.add(new Layout.Column(column, rating.label() + " (CĐCS)", Layout.NUMBER_WIDTH, Themes.TARGETS));
			columns.add(new Layout.Column(column + "/F03", rating.label() + " (tỷ lệ)", Layout.NUMBER_WIDTH,
					Themes.TARGETS));
		}
		TableSheet sheet = TableSheet.open(this.workbook, this.styles, this.input.year(), "Xếp loại",
				"Xếp loại công đoàn cơ sở năm " + this.input.year() + " " + by,
				"Số CĐCS theo từng mức xếp loại; tỷ lệ trên số CĐCS được xếp loại của "
						+ ((key == PROVINCE) ? "tỉnh." : "nhóm."),
				columns, key.width());
		for (Group group : table.rows()) {
			writeRating(sheet, key, group, false);
		}
		writeRating(sheet, key, total(1, table), true);
		sheet.finish();
	}

	private void writeRating(TableSheet sheet, Key key, Group group, boolean total) {
		Row row = sheet.row();
		int c = 0;
		if (key.code() != null) {
			Cells.text(row, c++, total ? null : key(group, 0), this.styles.text(total));
		}
		Cells.text(row, c++, name(group, 0), this.styles.text(total));
		Cells.number(row, c++, group.returns(), this.styles.count(total));
		Long rated = this.figures.rated(group);
		Cells.number(row, c++, rated, this.styles.count(total));
		for (Rating rating : Rating.values()) {
			Long value = this.figures.value(group, Figures.ratingColumn(rating));
			Cells.number(row, c++, value, this.styles.count(total));
			Cells.number(row, c++, Figures.ratio(value, rated), this.styles.percent(total));
		}
		sheet.fit(row);
	}

	/**
	 * The table's total, named "Tổng cộng", its code {@value #TOTAL_CODE} (printed
	 * blank); added up from the rows when not given.
	 */
	Group total(int keys, Table table) {
		Group total = (table.total() != null) ? table.total() : this.figures.sum(table.rows(), List.of(), List.of());
		List<String> codes = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < keys; i++) {
			codes.add((i == 0) ? TOTAL_CODE : "");
			names.add((i == 0) ? TOTAL_NAME : "");
		}
		return new Group(codes, names, total.returns(), total.values());
	}

	private void write(TableSheet sheet, List<Field> fields, Group group, Group previous, boolean total) {
		Row row = sheet.row();
		for (int i = 0; i < fields.size(); i++) {
			fields.get(i).writer().write(row, i, group, previous, total);
		}
		sheet.fit(row);
	}

	private List<Field> fields(List<Key> keys, Integer previousYear) {
		List<Field> fields = new ArrayList<>();
		for (int k = 0; k < keys.size(); k++) {
			int at = k;
			Key key = keys.get(k);
			if (key.code() != null) {
				fields.add(new Field(new Layout.Column(key.code(), key.codeHeading(), Layout.CODE_WIDTH),
						(row, c, group, previous, total) -> Cells.text(row, c, total ? null : key(group, at),
								this.styles.text(total))));
			}
			fields.add(new Field(new Layout.Column(key.name(), key.nameHeading(), Layout.NAME_WIDTH),
					(row, c, group, previous, total) -> Cells.text(row, c, name(group, at), this.styles.text(total))));
		}
		for (String theme : Themes.ORDER) {
			if (theme.equals(Themes.WORKERS)) {
				addCount(fields, Figures.RETURNS, previousYear);
			}
			for (String column : this.figures.columns(theme)) {
				addCount(fields, column, previousYear);
			}
			for (Figures.Rate rate : this.figures.rates()) {
				if (this.figures.theme(rate.numerator()).equals(theme)) {
					fields.add(new Field(new Layout.Column(rate.code(), rate.label(), Layout.NUMBER_WIDTH, theme),
							(row, c, group, previous, total) -> Cells.number(row, c, this.figures.rate(group, rate),
									this.styles.percent(total))));
				}
			}
		}
		return fields;
	}

	/** A count column and, for the key indicators, last year's value and the change. */
	private void addCount(List<Field> fields, String column, Integer previousYear) {
		String theme = this.figures.theme(column);
		fields.add(new Field(new Layout.Column(column, this.figures.heading(column), this.figures.width(column), theme),
				(row, c, group, previous, total) -> Cells.number(row, c, this.figures.value(group, column),
						this.styles.count(total))));
		if (previousYear == null || !Figures.COMPARED.contains(column)) {
			return;
		}
		String label = this.figures.label(column);
		fields.add(new Field(
				new Layout.Column(column + "_" + previousYear, label + " năm " + previousYear, Layout.NUMBER_WIDTH,
						theme),
				(row, c, group, previous, total) -> Cells.number(row, c, this.figures.value(previous, column),
						this.styles.count(total))));
		fields.add(new Field(
				new Layout.Column(column + "_change", label + ": tăng (+), giảm (−) so với " + previousYear,
						Layout.NUMBER_WIDTH, theme),
				(row, c, group, previous, total) -> Cells.number(row, c,
						Figures.difference(this.figures.value(group, column), this.figures.value(previous, column)),
						this.styles.change(total))));
		fields.add(new Field(
				new Layout.Column(column + "_change_pct", label + ": tăng, giảm (%) so với " + previousYear,
						Layout.NUMBER_WIDTH, theme),
				(row, c, group, previous, total) -> Cells.number(row, c,
						Figures.change(this.figures.value(group, column), this.figures.value(previous, column)),
						this.styles.changePercent(total))));
	}

	private static String key(Group group, int i) {
		return (group.keys() != null && i < group.keys().size()) ? group.keys().get(i) : null;
	}

	/** The name of a key; a group whose code is empty (industry not given) says so. */
	private static String name(Group group, int i) {
		String name = (group.names() != null && i < group.names().size()) ? group.names().get(i) : null;
		String key = key(group, i);
		if ((name == null || name.isBlank()) && (key == null || key.isBlank()) && !TOTAL_CODE.equals(key(group, 0))) {
			return NOT_GIVEN;
		}
		return name;
	}

}
