package vn.tonghop.report.workbook;

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
 * "Tổng hợp", the first sheet: the key totals beside the previous year's, the key rates,
 * completeness, and two charts (members by province, or by upper-level union in a
 * provincial federation's own view; the rating distribution). It is a normal (not
 * streamed) sheet because charts need one; the charts read a small data range to the
 * right of the printed area.
 */
final class SummarySheet {

	static final String NAME = "Tổng hợp";

	/** The totals shown, when the workbook has their column. */
	static final List<String> KEY_TOTALS = List.of(Figures.RETURNS, "A01", "A01_nu", "A02", "A02_nu", "A03", "B01",
			"B02", "B02_nu", "B03", "B03_nu", "B06", "C01", "C02", "C03", "D01", "D02", "F01", "F02", "F04");

	/** Printed columns: code, item, unit, year, previous year, change, change %. */
	private static final int[] WIDTHS = { 16, 52, 12, 16, 16, 14, 14 };

	/**
	 * Series and slice colours: LibreOffice draws a chart without explicit fills as empty
	 * outlines.
	 */
	private static final int[] MEMBER_COLOURS = { 0x2F5597, 0xED7D31 };

	/** Excellent green, good blue, completed yellow, not completed red. */
	private static final int[] RATING_COLOURS = { 0x70AD47, 0x4472C4, 0xFFC000, 0xC00000 };

	/** First column of the chart data, right of the printed area. */
	static final int DATA_COLUMN = 9;

	static final int CHART_ROWS = 24;

	private final XSSFWorkbook workbook;

	private final Styles styles;

	private final Figures figures;

	private final WorkbookInput input;

	private final RollupSheets rollups;

	private XSSFSheet sheet;

	private int next;

	SummarySheet(XSSFWorkbook workbook, Styles styles, Figures figures, WorkbookInput input, RollupSheets rollups) {
		this.workbook = workbook;
		this.styles = styles;
		this.figures = figures;
		this.input = input;
		this.rollups = rollups;
	}

	void write() {
		this.sheet = this.workbook.createSheet(NAME);
		int year = this.input.year();
		Integer previousYear = this.input.previousYear();
		// a provincial federation's own view: its province's totals
		boolean compare = previousYear != null && this.input.previousHeadline() != null;
		Group total = this.rollups.total(1, this.input.headline());
		Group previous = compare ? this.rollups.total(1, this.input.previousHeadline()) : null;

		Cells.text(this.sheet.createRow(0), 0, "TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA NĂM " + year, this.styles.title);
		StringBuilder subtitle = new StringBuilder(
				"Số liệu cộng từ " + total.returns() + " báo cáo được chấp nhận của các công đoàn cơ sở");
		if (this.input.run() != null && this.input.run().generatedAt() != null) {
			subtitle.append("; lập lúc ").append(ListSheets.DATE_TIME.format(this.input.run().generatedAt()));
		}
		subtitle.append(compare ? "; so sánh với năm " + previousYear + "." : "; không có số liệu năm trước.");
		Cells.text(this.sheet.createRow(1), 0, subtitle.toString(), this.styles.subtitle);
		FederationView federation = this.input.federation();
		if (federation != null) {
			// which view it is, and the returns of other provinces left out (one line:
			// "Thông tin" tells more)
			Cells.text(
					this.sheet.createRow(2), 0, federation.description() + ((federation.outside() > 0) ? "; không tính "
							+ federation.outside() + " báo cáo của tỉnh, thành phố khác (có trong các tệp CSV)." : "."),
					this.styles.subtitle);
		}
		for (int i = 0; i < WIDTHS.length; i++) {
			this.sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		this.next = 3;

		section("1. Các chỉ tiêu chính");
		List<String> codes = new ArrayList<>(List.of("code", "item", "unit", Integer.toString(year)));
		List<String> headings = new ArrayList<>(List.of("Mã", "Chỉ tiêu", "Đơn vị", "Năm " + year));
		if (compare) {
			codes.addAll(List.of(Integer.toString(previousYear), "change", "change_pct"));
			headings.addAll(List.of("Năm " + previousYear, "Tăng (+), giảm (−)", "Tăng, giảm (%)"));
		}
		headings(codes, headings);
		for (String column : KEY_TOTALS) {
			if (!this.figures.has(column)) {
				continue;
			}
			Row row = this.sheet.createRow(this.next++);
			Long value = this.figures.value(total, column);
			Cells.text(row, 0, column, this.styles.text);
			Cells.text(row, 1, this.figures.label(column), this.styles.text);
			Cells.text(row, 2, this.figures.unit(column), this.styles.text);
			Cells.number(row, 3, value, this.styles.count);
			if (compare) {
				Long before = this.figures.value(previous, column);
				Cells.number(row, 4, before, this.styles.count);
				Cells.number(row, 5, Figures.difference(value, before), this.styles.change);
				Cells.number(row, 6, Figures.change(value, before), this.styles.changePercent);
			}
		}
		this.next++;

		section("2. Các tỷ lệ (tính từ tổng số)");
		codes = new ArrayList<>(List.of("code", "item", "", Integer.toString(year)));
		headings = new ArrayList<>(List.of("Mã", "Tỷ lệ", "", "Năm " + year));
		if (compare) {
			codes.addAll(List.of(Integer.toString(previousYear), "change_points"));
			headings.addAll(List.of("Năm " + previousYear, "Chênh lệch (điểm %)"));
		}
		headings(codes, headings);
		for (Figures.Rate rate : this.figures.rates()) {
			rateRow(rate.code(), rate.label(), this.figures.rate(total, rate),
					compare ? this.figures.rate(previous, rate) : null, compare);
		}
		Long rated = this.figures.rated(total);
		Long ratedBefore = compare ? this.figures.rated(previous) : null;
		for (Rating rating : Rating.values()) {
			String column = Figures.ratingColumn(rating);
			if (this.figures.has(column)) {
				rateRow(column + "/F03", "Tỷ lệ CĐCS xếp loại " + rating.label(),
						Figures.ratio(this.figures.value(total, column), rated),
						compare ? Figures.ratio(this.figures.value(previous, column), ratedBefore) : null, compare);
			}
		}
		this.next++;

		section("3. Mức độ đầy đủ của báo cáo");
		headings(List.of("code", "item", "unit", Integer.toString(year)),
				List.of("Mã", "Nội dung", "Đơn vị", "Năm " + year));
		Completeness completeness = this.input.completeness();
		CompletenessRow all = completeness.total();
		if (!completeness.registryLoaded()) {
			Cells.text(this.sheet.createRow(this.next++), 0, ListSheets.NO_REGISTRY, this.styles.subtitle);
		}
		if (all != null) {
			countRow("expected", "Số CĐCS phải báo cáo (theo danh sách)", all.expected());
			countRow("received", "Số CĐCS đã gửi báo cáo", all.received());
			countRow("accepted", "Số CĐCS có báo cáo được chấp nhận", all.accepted());
			countRow("rejected", "Số CĐCS có báo cáo bị loại", all.rejected());
			countRow("missing", "Số CĐCS chưa báo cáo", all.missing());
			Row row = this.sheet.createRow(this.next++);
			Cells.text(row, 0, "reported_share", this.styles.text);
			Cells.text(row, 1, "Tỷ lệ đã báo cáo", this.styles.text);
			Cells.text(row, 2, "%", this.styles.text);
			Cells.number(row, 3, ListSheets.reportedShare(all), this.styles.percent);
		}
		this.next++;

		section("4. Biểu đồ");
		int lastPrinted = charts(total);

		this.sheet.createFreezePane(0, 2);
		this.workbook.setPrintArea(this.workbook.getSheetIndex(this.sheet), 0, WIDTHS.length - 1, 0, lastPrinted);
		Layout.print(this.sheet, "Tổng hợp thi đua năm " + year + " – " + NAME, 0, 1);
	}

	private void section(String title) {
		Cells.text(this.sheet.createRow(this.next++), 0, title, this.styles.section);
	}

	private void headings(List<String> codes, List<String> headings) {
		Row codeRow = this.sheet.createRow(this.next++);
		Row headingRow = this.sheet.createRow(this.next++);
		for (int i = 0; i < headings.size(); i++) {
			Cells.text(codeRow, i, codes.get(i), this.styles.codes);
			Cells.text(headingRow, i, headings.get(i), this.styles.heading);
		}
		headingRow.setHeightInPoints(30f);
	}

	private void rateRow(String code, String label, Double value, Double before, boolean compare) {
		Row row = this.sheet.createRow(this.next++);
		Cells.text(row, 0, code, this.styles.text);
		Cells.text(row, 1, label, this.styles.text);
		Cells.text(row, 2, "%", this.styles.text);
		Cells.number(row, 3, value, this.styles.percent);
		if (compare) {
			Cells.number(row, 4, before, this.styles.percent);
			Cells.number(row, 5, Figures.difference(value, before), this.styles.changePercent);
		}
	}

	private void countRow(String code, String label, Long value) {
		Row row = this.sheet.createRow(this.next++);
		Cells.text(row, 0, code, this.styles.text);
		Cells.text(row, 1, label, this.styles.text);
		Cells.text(row, 2, "CĐCS", this.styles.text);
		Cells.number(row, 3, value, this.styles.count);
	}

	/** Writes the chart data right of the printed area, then the charts; the last row. */
	private int charts(Group total) {
		int top = this.next;
		int dataRow = 3;
		this.sheet.setColumnWidth(DATA_COLUMN, 24 * 256);
		this.sheet.setColumnWidth(DATA_COLUMN + 1, 14 * 256);
		this.sheet.setColumnWidth(DATA_COLUMN + 2, 14 * 256);
		cell(dataRow++, DATA_COLUMN, "Số liệu cho biểu đồ", null, true);

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
		membersChart(drawing, top, membersHeading, firstProvince, lastProvince,
				federation ? "công đoàn cấp trên trực tiếp" : "tỉnh, thành phố");
		ratingChart(drawing, top + CHART_ROWS + 1, ratingHeading, firstRating, lastRating);
		return top + 2 * CHART_ROWS + 1;
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
			Cells.text(row, column, text, bold ? this.styles.section : this.styles.text);
		}
		else {
			Cells.number(row, column, (number != null) ? number : 0L, this.styles.count);
		}
	}

}
