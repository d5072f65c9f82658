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
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.ss.usermodel.FontScheme;

/**
 * The few cell styles of the workbook, made once (a workbook holds at most 64,000). Table
 * cells have thin borders so that a printed table reads like a form.
 */
final class Styles {

	static final String FONT = "Times New Roman";

	static final String COUNT = "#,##0";

	static final String PERCENT = "0.0%";

	static final String CHANGE = "+#,##0;-#,##0;0";

	static final String CHANGE_PERCENT = "+0.0%;-0.0%;0.0%";

	final CellStyle title;

	final CellStyle subtitle;

	/** The title and the note of a table printed as several pages of columns. */
	final CellStyle wrappedTitle;

	final CellStyle wrappedSubtitle;

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

	/** The letterhead and signature block (Nghị định 30/2020/NĐ-CP): centred, bold. */
	final CellStyle centredBold;

	/** The body above the issuing body, and the signer's office: centred. */
	final CellStyle centred;

	/** The place and date line, "(Ký, ghi rõ họ tên)": centred, italic. */
	final CellStyle centredItalic;

	/** The report's title on the summary: centred, large. */
	final CellStyle centredTitle;

	/** A machine code beside the printed area: small, grey. */
	final CellStyle machine;

	Styles(Workbook workbook) {
		// the typeface of administrative documents (Nghị định 30/2020/NĐ-CP), in every
		// cell: the default font also sets the width of a column's character
		Font base = workbook.getFontAt(0);
		base.setFontName(FONT);
		if (base instanceof XSSFFont xssf) {
			// a font of the theme's scheme is the theme's (Calibri), whatever its name
			xssf.setScheme(FontScheme.NONE);
		}
		DataFormat formats = workbook.createDataFormat();
		Font bold = font(workbook, 11, true, false);
		Font small = font(workbook, 8, false, true);
		small.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

		this.title = workbook.createCellStyle();
		this.title.setFont(font(workbook, 14, true, false));
		this.subtitle = workbook.createCellStyle();
		// 11 pt: at the least print scale (75 %) a note still prints at 8 pt or more
		this.subtitle.setFont(font(workbook, 11, false, true));
		this.wrappedTitle = workbook.createCellStyle();
		this.wrappedTitle.setFont(workbook.getFontAt(this.title.getFontIndex()));
		this.wrappedTitle.setWrapText(true);
		this.wrappedTitle.setVerticalAlignment(VerticalAlignment.TOP);
		this.wrappedSubtitle = workbook.createCellStyle();
		this.wrappedSubtitle.setFont(workbook.getFontAt(this.subtitle.getFontIndex()));
		this.wrappedSubtitle.setWrapText(true);
		this.wrappedSubtitle.setVerticalAlignment(VerticalAlignment.TOP);
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

		// wrapped: a long name takes more lines, never spills over or is cut at the edge
		// the body's font given, not left to the default (LibreOffice printed it at 10
		// pt)
		Font body = font(workbook, 11, false, false);
		this.text = bordered(workbook);
		this.text.setFont(body);
		this.text.setVerticalAlignment(VerticalAlignment.TOP);
		this.text.setWrapText(true);
		this.wrapped = bordered(workbook);
		this.wrapped.setFont(body);
		this.wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		this.wrapped.setWrapText(true);
		this.count = numeric(workbook, formats, COUNT, body);
		this.percent = numeric(workbook, formats, PERCENT, body);
		this.change = numeric(workbook, formats, CHANGE, body);
		this.changePercent = numeric(workbook, formats, CHANGE_PERCENT, body);

		this.totalText = bordered(workbook);
		this.totalText.setFont(bold);
		this.totalText.setVerticalAlignment(VerticalAlignment.TOP);
		this.totalText.setWrapText(true);
		this.totalCount = numeric(workbook, formats, COUNT, bold);
		this.totalPercent = numeric(workbook, formats, PERCENT, bold);
		this.totalChange = numeric(workbook, formats, CHANGE, bold);
		this.totalChangePercent = numeric(workbook, formats, CHANGE_PERCENT, bold);

		Font letterBold = font(workbook, 12, true, false);
		this.centredBold = centred(workbook, letterBold);
		this.centred = centred(workbook, font(workbook, 12, false, false));
		this.centredItalic = centred(workbook, font(workbook, 12, false, true));
		this.centredTitle = centred(workbook, font(workbook, 14, true, false));
		this.machine = workbook.createCellStyle();
		this.machine.setFont(small);
	}

	private static CellStyle centred(Workbook workbook, Font font) {
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		style.setAlignment(HorizontalAlignment.CENTER);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		style.setWrapText(true);
		return style;
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
		font.setFontName(FONT);
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
		// level with the first line of a label that wraps
		style.setVerticalAlignment(VerticalAlignment.TOP);
		if (font != null) {
			style.setFont(font);
		}
		return style;
	}

}
