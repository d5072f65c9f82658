package vn.tonghop.report.workbook;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

import vn.tonghop.normalise.Rating;

/**
 * "Tổng hợp", the first sheet, printed as an administrative report (Nghị định
 * 30/2020/NĐ-CP): the letterhead, the title, the key totals beside the previous year's,
 * the key rates, completeness, two charts (members by province, or by upper-level union
 * in a provincial federation's own view; the rating distribution) and the signature
 * block. It is a normal (not streamed) sheet because charts need one.
 * <p>
 * Printed columns A–G: an ordinal, the item, its unit, the year, the previous year, the
 * change and the change in percent. The machine code of each line is in column H, and the
 * charts' data right of it, neither printed. Every row's height is set as it is written,
 * so that the sheet knows where a page ends and breaks it by hand before a section or a
 * chart that would not fit: a chart never splits across pages.
 */
final class SummarySheet {

	static final String NAME = "Tổng hợp";

	/** The totals shown, when the workbook has their column. */
	static final List<String> KEY_TOTALS = List.of(Figures.RETURNS, "A01", "A01_nu", "A02", "A02_nu", "A03", "B01",
			"B02", "B02_nu", "B03", "B03_nu", "B06", "C01", "C02", "C03", "D01", "D02", "F01", "F02", "F04");

	/** Printed columns: ordinal, item, unit, year, previous year, change, change %. */
	private static final int[] WIDTHS = { 5, 60, 11, 14, 14, 13, 13 };

	/** The column of the machine codes, right of the printed area. */
	static final int CODE_COLUMN = WIDTHS.length;

	/**
	 * Series and slice colours: LibreOffice draws a chart without explicit fills as empty
	 * outlines.
	 */
	private static final int[] MEMBER_COLOURS = { 0x2F5597, 0xED7D31 };

	/** Excellent green, good blue, completed yellow, not completed red. */
	private static final int[] RATING_COLOURS = { 0x70AD47, 0x4472C4, 0xFFC000, 0xC00000 };

	/** First column of the chart data, right of the printed area. */
	static final int DATA_COLUMN = 9;

	static final int CHART_ROWS = 21;

	/** Height of a row of the tables, and of a row under a chart. */
	private static final float ROW = 16f;

	private static final float HEADING = 32f;

	/**
	 * What of a page the rows may fill, in points: the paper between the margins, less a
	 * little for LibreOffice's rounding.
	 */
	static final double PAGE = Layout.PAPER_HEIGHT - 16;

	private final XSSFWorkbook workbook;

	private final Styles styles;

	private final Figures figures;

	private final WorkbookInput input;

	private final RollupSheets rollups;

	private final Issuer issuer;

	private XSSFSheet sheet;

	/** A section's title has been written. */
	private boolean sectionWritten;

	private int next;

	/** Points of the current page filled so far. */
	private double used;

	SummarySheet(XSSFWorkbook workbook, Styles styles, Figures figures, WorkbookInput input, RollupSheets rollups,
			Issuer issuer) {
		this.workbook = workbook;
		this.styles = styles;
		this.figures = figures;
		this.input = input;
		this.rollups = rollups;
		this.issuer = issuer;
	}

	void write() {
		this.sheet = this.workbook.createSheet(NAME);
		this.sheet.setDefaultRowHeightInPoints(ROW);
		int year = this.input.year();
		Integer previousYear = this.input.previousYear();
		// a provincial federation's own view: its province's totals
		boolean compare = previousYear != null && this.input.previousHeadline() != null;
		Group total = this.rollups.total(1, this.input.headline());
		Group previous = compare ? this.rollups.total(1, this.input.previousHeadline()) : null;
		for (int i = 0; i < WIDTHS.length; i++) {
			this.sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		this.sheet.setColumnWidth(CODE_COLUMN, 16 * 256);

		LocalDateTime generated = (this.input.run() != null) ? this.input.run().generatedAt() : null;
		Letterhead letterhead = new Letterhead(this.sheet, this.styles, this.issuer, 1, WIDTHS.length - 1);
		letterhead.heading(row(Letterhead.LINE), row(Letterhead.LINE), row(Letterhead.LINE), generated);
		row(8f);
		Row title = row(22f);
		Cells.text(title, 0, "BÁO CÁO TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA NĂM " + year, this.styles.centredTitle);
		mergePrinted(title);
		StringBuilder subtitle = new StringBuilder(
				"Số liệu cộng từ " + total.returns() + " báo cáo được chấp nhận của các công đoàn cơ sở");
		if (generated != null) {
			subtitle.append("; lập lúc ").append(ListSheets.DATE_TIME.format(generated));
		}
		subtitle.append(compare ? "; so sánh với năm " + previousYear + "." : "; không có số liệu năm trước.");
		Row subtitleRow = row(ROW);
		Cells.text(subtitleRow, 0, subtitle.toString(), this.styles.centredItalic);
		mergePrinted(subtitleRow);
		FederationView federation = this.input.federation();
		String scope = (this.input.run() != null) ? this.input.run().scope() : null;
		if (federation != null || scope != null) {
			// the provinces of a scoped consolidation, which view it is, and the returns
			// of other provinces left out ("Thông tin" tells more): one line, so that the
			// key totals still start on the first page
			String view = (scope != null) ? "Phạm vi: " + scope + " (chỉ số liệu của các tỉnh, thành phố này)." : "";
			if (federation != null) {
				view += ((scope != null) ? " " : "") + federation.description()
						+ ((federation.outside() > 0) ? "; không tính " + federation.outside()
								+ " báo cáo của tỉnh, thành phố khác (có trong các tệp CSV)." : ".");
			}
			Row viewRow = row(Math.max(ROW, Layout.height(Layout.lines(view, 120)) - 2f));
			Cells.text(viewRow, 0, view, this.styles.centredItalic);
			mergePrinted(viewRow);
		}
		else {
			// the view's line takes the space: the key totals still start on the first
			// page (with it and the space, they went to the second, leaving the
			// letterhead
			// alone on the first)
			row(8f);
		}

		List<String> keyTotals = KEY_TOTALS.stream().filter(this.figures::has).toList();
		section("1. Các chỉ tiêu chính", keyTotals.size());
		List<String> headings = new ArrayList<>(List.of("TT", "Chỉ tiêu", "Đơn vị", "Năm " + year));
		if (compare) {
			headings.addAll(List.of("Năm " + previousYear, "Tăng (+), giảm (−)", "Tăng, giảm (%)"));
		}
		headings(headings);
		int ordinal = 0;
		for (String column : keyTotals) {
			Row row = line(++ordinal, column, this.figures.label(column), this.figures.unit(column));
			Long value = this.figures.value(total, column);
			Cells.number(row, 3, value, this.styles.count);
			if (compare) {
				Long before = this.figures.value(previous, column);
				Cells.number(row, 4, before, this.styles.count);
				Cells.number(row, 5, Figures.difference(value, before), this.styles.change);
				Cells.number(row, 6, Figures.change(value, before), this.styles.changePercent);
			}
		}
		row(8f);

		int rates = this.figures.rates().size() + this.figures.ratingColumns().size();
		section("2. Các tỷ lệ (tính từ tổng số)", rates);
		headings = new ArrayList<>(List.of("TT", "Tỷ lệ", "Đơn vị", "Năm " + year));
		if (compare) {
			headings.addAll(List.of("Năm " + previousYear, "Chênh lệch (điểm %)"));
		}
		headings(headings);
		ordinal = 0;
		for (Figures.Rate rate : this.figures.rates()) {
			rateRow(++ordinal, rate.code(), rate.label(), this.figures.rate(total, rate),
					compare ? this.figures.rate(previous, rate) : null, compare);
		}
		Long rated = this.figures.rated(total);
		Long ratedBefore = compare ? this.figures.rated(previous) : null;
		for (Rating rating : Rating.values()) {
			String column = Figures.ratingColumn(rating);
			if (this.figures.has(column)) {
				rateRow(++ordinal, column + "/F03", "Tỷ lệ CĐCS xếp loại " + rating.label(),
						Figures.ratio(this.figures.value(total, column), rated),
						compare ? Figures.ratio(this.figures.value(previous, column), ratedBefore) : null, compare);
			}
		}
		row(8f);

		Completeness completeness = this.input.completeness();
		CompletenessRow all = completeness.total();
		section("3. Mức độ đầy đủ của báo cáo", ((all != null) ? (completeness.registryLoaded() ? 8 : 7) : 0)
				+ (completeness.registryLoaded() ? 0 : 1) + (completeness.deadlinesSet() ? 2 : 0));
		headings(List.of("TT", "Nội dung", "Đơn vị", "Năm " + year));
		if (!completeness.registryLoaded()) {
			Row row = row(Layout.height(Layout.lines(ListSheets.NO_REGISTRY, 120)));
			Cells.text(row, 0, ListSheets.NO_REGISTRY, this.styles.subtitle);
			mergePrinted(row);
		}
		if (all != null) {
			ordinal = 0;
			countRow(++ordinal, "expected", "Số CĐCS phải báo cáo (theo danh sách)", all.expected());
			countRow(++ordinal, "received", "Số CĐCS đã gửi báo cáo", all.received());
			countRow(++ordinal, "accepted", "Số CĐCS có báo cáo được chấp nhận", all.accepted());
			countRow(++ordinal, "rejected", "Số CĐCS chỉ có báo cáo bị từ chối", all.rejected());
			if (completeness.deadlinesSet()) {
				countRow(++ordinal, "on_time", "Số CĐCS nộp đúng hạn (các tỉnh, thành phố đã đặt hạn nộp)",
						all.onTime());
				countRow(++ordinal, "late", "Số CĐCS nộp muộn (các tỉnh, thành phố đã đặt hạn nộp)", all.late());
			}
			countRow(++ordinal, "missing", "Số CĐCS chưa báo cáo", all.missing());
			if (completeness.registryLoaded()) {
				countRow(++ordinal, "unlisted", "Số CĐCS ngoài danh sách đã gửi báo cáo", completeness.unlisted());
			}
			countRow(++ordinal, "unidentified", "Số báo cáo không có mã CĐCS (không tính vào CĐCS nào)",
					completeness.unidentified(), "báo cáo");
			Row row = line(++ordinal, "reported_share", "Tỷ lệ đã báo cáo", "%");
			Cells.number(row, 3, ListSheets.reportedShare(all), this.styles.percent);
		}
		row(8f);

		charts(total);

		// the signature block, whole on the last page
		keep(8f + Letterhead.SIGNATURE_ROWS * ROW);
		row(8f);
		Row[] signature = new Row[Letterhead.SIGNATURE_ROWS];
		for (int i = 0; i < signature.length; i++) {
			signature[i] = row(ROW);
		}
		letterhead.signature(signature);
		int lastPrinted = this.next - 1;

		this.workbook.setPrintArea(this.workbook.getSheetIndex(this.sheet), 0, WIDTHS.length - 1, 0, lastPrinted);
		Layout.print(this.sheet, "Tổng hợp thi đua năm " + year + " – " + NAME, 100);
		// on screen: the print preview's page breaks, not a frozen pane (the letterhead
		// is not a heading to keep in view)
		this.sheet.createFreezePane(0, 0);
	}

	/**
	 * A new row of the given height; a page break above it when it does not fit on the
	 * page.
	 */
	private Row row(float height) {
		if (this.used > 0 && this.used + height > PAGE) {
			pageBreak();
		}
		Row row = this.sheet.getRow(this.next);
		if (row == null) {
			row = this.sheet.createRow(this.next);
		}
		this.next++;
		row.setHeightInPoints(height);
		this.used += height;
		return row;
	}

	/** A page break above the next row unless {@code height} fits on this page. */
	private void keep(double height) {
		if (this.used > 0 && this.used + height > PAGE) {
			pageBreak();
		}
	}

	private void pageBreak() {
		this.sheet.setRowBreak(this.next - 1);
		this.used = 0;
	}

	private void mergePrinted(Row row) {
		this.sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, WIDTHS.length - 1));
	}

	/**
	 * A section's title; kept on one page with its headings and {@code rows} rows, but
	 * for the first section, which starts under the letterhead whatever its length (its
	 * last rows go on to the next page): the first page is never the letterhead alone.
	 */
	private void section(String title, int rows) {
		double whole = 22f + HEADING + rows * ROW;
		boolean first = this.sheet.getRowBreaks().length == 0 && !this.sectionWritten;
		this.sectionWritten = true;
		keep((whole <= PAGE && !first) ? whole : 22f + HEADING + 3 * ROW);
		Cells.text(row(22f), 0, title, this.styles.section);
	}

	private void headings(List<String> headings) {
		Row headingRow = row(HEADING);
		for (int i = 0; i < headings.size(); i++) {
			Cells.text(headingRow, i, headings.get(i), this.styles.heading);
		}
		Cells.text(headingRow, CODE_COLUMN, "Mã (không in)", this.styles.machine);
	}

	/**
	 * A printed line: its ordinal, item and unit, and its code beside the printed area.
	 */
	private Row line(int ordinal, String code, String label, String unit) {
		Row row = row(Math.max(ROW, Layout.height(Layout.lines(label, WIDTHS[1])) - 2f));
		Cells.number(row, 0, (long) ordinal, this.styles.count);
		Cells.text(row, 1, label, this.styles.text);
		Cells.text(row, 2, unit, this.styles.text);
		Cells.text(row, CODE_COLUMN, code, this.styles.machine);
		return row;
	}

	private void rateRow(int ordinal, String code, String label, Double value, Double before, boolean compare) {
		Row row = line(ordinal, code, label, "%");
		Cells.number(row, 3, value, this.styles.percent);
		if (compare) {
			Cells.number(row, 4, before, this.styles.percent);
			Cells.number(row, 5, Figures.difference(value, before), this.styles.changePercent);
		}
	}

	private void countRow(int ordinal, String code, String label, Long value) {
		countRow(ordinal, code, label, value, "CĐCS");
	}

	private void countRow(int ordinal, String code, String label, Long value, String unit) {
		Row row = line(ordinal, code, label, unit);
		Cells.number(row, 3, value, this.styles.count);
	}

	/**
	 * Writes the chart data right of the printed area, then the charts, each with its
	 * title on one page: a page break above a chart that would not fit.
	 */
	private void charts(Group total) {
		keep(22f + CHART_ROWS * ROW);
		Cells.text(row(22f), 0, "4. Biểu đồ", this.styles.section);
		int members = this.next;
		for (int i = 0; i < CHART_ROWS; i++) {
			row(ROW);
		}
		row(8f);
		keep(CHART_ROWS * ROW);
		int ratings = this.next;
		for (int i = 0; i < CHART_ROWS; i++) {
			row(ROW);
		}

		int dataRow = 0;
		this.sheet.setColumnWidth(DATA_COLUMN, 24 * 256);
		this.sheet.setColumnWidth(DATA_COLUMN + 1, 14 * 256);
		this.sheet.setColumnWidth(DATA_COLUMN + 2, 14 * 256);
		cell(dataRow++, DATA_COLUMN, "Số liệu cho biểu đồ (không in)", null, true);

		// members by province (by upper-level union in a federation's own view): the
		// groups with returns (all when none has)
		boolean federation = this.input.federation() != null;
		List<Group> provinces = this.input.headline().rows().stream().filter((group) -> group.returns() > 0).toList();
		if (provinces.isEmpty()) {
			provinces = this.input.headline().rows();
		}
		cell(dataRow, DATA_COLUMN, federation ? "Công đoàn cấp trên trực tiếp" : "Tỉnh, thành phố", null, false);
		cell(dataRow, DATA_COLUMN + 1, "Đoàn viên", null, false);
		cell(dataRow, DATA_COLUMN + 2, "Đoàn viên nữ", null, false);
		int membersHeading = dataRow++;
		int firstProvince = dataRow;
		for (Group group : provinces) {
			cell(dataRow, DATA_COLUMN, (group.names().isEmpty()) ? null : group.names().get(0), null, false);
			cell(dataRow, DATA_COLUMN + 1, null, this.figures.value(group, "A02"), false);
			cell(dataRow, DATA_COLUMN + 2, null, this.figures.value(group, "A02_nu"), false);
			dataRow++;
		}
		if (provinces.isEmpty()) {
			cell(dataRow, DATA_COLUMN, "—", null, false);
			cell(dataRow++, DATA_COLUMN + 1, null, 0L, false);
		}
		int lastProvince = dataRow - 1;
		dataRow++;

		cell(dataRow, DATA_COLUMN, "Xếp loại", null, false);
		cell(dataRow, DATA_COLUMN + 1, "Số CĐCS", null, false);
		int ratingHeading = dataRow++;
		int firstRating = dataRow;
		for (Rating rating : Rating.values()) {
			cell(dataRow, DATA_COLUMN, rating.label(), null, false);
			cell(dataRow, DATA_COLUMN + 1, null, this.figures.value(total, Figures.ratingColumn(rating)), false);
			dataRow++;
		}
		int lastRating = dataRow - 1;

		XSSFDrawing drawing = this.sheet.createDrawingPatriarch();
		membersChart(drawing, members, membersHeading, firstProvince, lastProvince,
				federation ? "công đoàn cấp trên trực tiếp" : "tỉnh, thành phố");
		ratingChart(drawing, ratings, ratingHeading, firstRating, lastRating);
	}

	private void membersChart(XSSFDrawing drawing, int top, int heading, int first, int last, String by) {
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, WIDTHS.length, top + CHART_ROWS);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText("Đoàn viên công đoàn theo " + by + " năm " + this.input.year());
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
		values.setCrosses(AxisCrosses.AUTO_ZERO);
		values.setNumberFormat(Styles.COUNT);
		XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(this.sheet,
				new CellRangeAddress(first, last, DATA_COLUMN, DATA_COLUMN));
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
		data.setBarDirection(BarDirection.COL);
		data.setBarGrouping(BarGrouping.CLUSTERED);
		data.setVaryColors(false);
		for (int c = DATA_COLUMN + 1; c <= DATA_COLUMN + 2; c++) {
			XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(this.sheet,
					new CellRangeAddress(first, last, c, c));
			XDDFChartData.Series series = data.addSeries(names, numbers);
			series.setTitle(this.sheet.getRow(heading).getCell(c).getStringCellValue(),
					new CellReference(NAME, heading, c, true, true));
			series.setFillProperties(fill(MEMBER_COLOURS[c - DATA_COLUMN - 1]));
		}
		chart.plot(data);
	}

	private void ratingChart(XSSFDrawing drawing, int top, int heading, int first, int last) {
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, WIDTHS.length, top + CHART_ROWS);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText("Xếp loại công đoàn cơ sở năm " + this.input.year());
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
		XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(this.sheet,
				new CellRangeAddress(first, last, DATA_COLUMN, DATA_COLUMN));
		XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(this.sheet,
				new CellRangeAddress(first, last, DATA_COLUMN + 1, DATA_COLUMN + 1));
		XDDFPieChartData data = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
		data.setVaryColors(true);
		XDDFChartData.Series series = data.addSeries(labels, counts);
		series.setTitle("Số CĐCS", new CellReference(NAME, heading, DATA_COLUMN + 1, true, true));
		for (int i = 0; i <= last - first; i++) {
			series.getDataPoint(i).setFillProperties(fill(RATING_COLOURS[i % RATING_COLOURS.length]));
		}
		chart.plot(data);
		// the share of each rating on its slice
		CTDLbls labelsXml = chart.getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0).addNewDLbls();
		labelsXml.addNewShowLegendKey().setVal(false);
		labelsXml.addNewShowVal().setVal(false);
		labelsXml.addNewShowCatName().setVal(false);
		labelsXml.addNewShowSerName().setVal(false);
		labelsXml.addNewShowPercent().setVal(true);
		labelsXml.addNewShowBubbleSize().setVal(false);
	}

	private static XDDFSolidFillProperties fill(int rgb) {
		return new XDDFSolidFillProperties(
				XDDFColor.from(new byte[] { (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb }));
	}

	/** A plain cell of the chart data; a missing number is 0 so that the chart draws. */
	private void cell(int rowIndex, int column, String text, Long number, boolean bold) {
		Row row = this.sheet.getRow(rowIndex);
		if (row == null) {
			row = this.sheet.createRow(rowIndex);
		}
		if (text != null) {
			Cells.text(row, column, text, bold ? this.styles.machine : null);
		}
		else {
			Cells.number(row, column, (number != null) ? number : 0L, null);
		}
	}

}
