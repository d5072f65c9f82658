package vn.tonghop.report.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles of the workbook, made once (a workbook holds at most 64,000). Table
 * cells have thin borders so that a printed table reads like a form.
 */
final class Styles {

	static final String COUNT = "#,##0";

	static final String PERCENT = "0.0%";

	static final String CHANGE = "+#,##0;-#,##0;0";

	static final String CHANGE_PERCENT = "+0.0%;-0.0%;0.0%";

	final CellStyle title;

	final CellStyle subtitle;

	final CellStyle section;

	final CellStyle codes;

	final CellStyle heading;

	final CellStyle text;

	/** Long text (messages): wrapped, so that it neither spills nor widens the page. */
	final CellStyle wrapped;

	final CellStyle count;

	final CellStyle percent;

	final CellStyle change;

	final CellStyle changePercent;

	final CellStyle totalText;

	final CellStyle totalCount;

	final CellStyle totalPercent;

	final CellStyle totalChange;

	final CellStyle totalChangePercent;

	Styles(Workbook workbook) {
		DataFormat formats = workbook.createDataFormat();
		Font bold = font(workbook, 11, true, false);
		Font small = font(workbook, 8, false, true);
		small.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

		this.title = workbook.createCellStyle();
		this.title.setFont(font(workbook, 14, true, false));
		this.subtitle = workbook.createCellStyle();
		this.subtitle.setFont(font(workbook, 10, false, true));
		this.section = workbook.createCellStyle();
		this.section.setFont(font(workbook, 12, true, false));

		this.codes = bordered(workbook);
		this.codes.setFont(small);
		this.codes.setAlignment(HorizontalAlignment.CENTER);

		this.heading = bordered(workbook);
		this.heading.setFont(bold);
		this.heading.setWrapText(true);
		this.heading.setAlignment(HorizontalAlignment.CENTER);
		this.heading.setVerticalAlignment(VerticalAlignment.CENTER);
		this.heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);

		this.text = bordered(workbook);
		this.text.setVerticalAlignment(VerticalAlignment.TOP);
		this.wrapped = bordered(workbook);
		this.wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		this.wrapped.setWrapText(true);
		this.count = numeric(workbook, formats, COUNT, null);
		this.percent = numeric(workbook, formats, PERCENT, null);
		this.change = numeric(workbook, formats, CHANGE, null);
		this.changePercent = numeric(workbook, formats, CHANGE_PERCENT, null);

		this.totalText = bordered(workbook);
		this.totalText.setFont(bold);
		this.totalCount = numeric(workbook, formats, COUNT, bold);
		this.totalPercent = numeric(workbook, formats, PERCENT, bold);
		this.totalChange = numeric(workbook, formats, CHANGE, bold);
		this.totalChangePercent = numeric(workbook, formats, CHANGE_PERCENT, bold);
	}

	CellStyle text(boolean total) {
		return total ? this.totalText : this.text;
	}

	CellStyle count(boolean total) {
		return total ? this.totalCount : this.count;
	}

	CellStyle percent(boolean total) {
		return total ? this.totalPercent : this.percent;
	}

	CellStyle change(boolean total) {
		return total ? this.totalChange : this.change;
	}

	CellStyle changePercent(boolean total) {
		return total ? this.totalChangePercent : this.changePercent;
	}

	private static Font font(Workbook workbook, int points, boolean bold, boolean italic) {
		Font font = workbook.createFont();
		font.setFontHeightInPoints((short) points);
		font.setBold(bold);
		font.setItalic(italic);
		return font;
	}

	private static CellStyle bordered(Workbook workbook) {
		CellStyle style = workbook.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	private static CellStyle numeric(Workbook workbook, DataFormat formats, String format, Font font) {
		CellStyle style = bordered(workbook);
		style.setDataFormat(formats.getFormat(format));
		if (font != null) {
			style.setFont(font);
		}
		return style;
	}

}
