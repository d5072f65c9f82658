package vn.tonghop.template;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.FontFamily;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFFont;

/** The few cell styles a form uses, created once per workbook. */
final class FormCellStyles {

	/** The size of the form's text, in points. */
	static final int POINTS = 12;

	final CellStyle plain;

	final CellStyle title;

	final CellStyle titleMerged;

	final CellStyle subtitle;

	final CellStyle subtitleMerged;

	final CellStyle headerLabel;

	final CellStyle headerValue;

	final CellStyle headerYear;

	final CellStyle tableHead;

	final CellStyle section;

	final CellStyle label;

	final CellStyle centred;

	final CellStyle number;

	final CellStyle text;

	final CellStyle greyed;

	final CellStyle footerLabel;

	FormCellStyles(Workbook workbook) {
		Font normal = workbook.getFontAt(0);
		normal.setFontName("Times New Roman");
		normal.setFontHeightInPoints((short) POINTS);
		if (normal instanceof XSSFFont xssf) {
			// the default font names the theme's ("minor") font, which Excel and
			// LibreOffice show instead of its name: Calibri
			xssf.setScheme(FontScheme.NONE);
			xssf.setFamily(FontFamily.ROMAN);
		}
		Font bold = font(workbook, 12, true, false);
		Font italic = font(workbook, 11, false, true);
		Font big = font(workbook, 14, true, false);
		short textFormat = workbook.createDataFormat().getFormat("@");
		short numberFormat = workbook.createDataFormat().getFormat("#,##0");
		short yearFormat = workbook.createDataFormat().getFormat("0");

		this.plain = workbook.createCellStyle();
		this.title = workbook.createCellStyle();
		this.title.setFont(big);
		this.title.setAlignment(HorizontalAlignment.CENTER_SELECTION);
		this.title.setVerticalAlignment(VerticalAlignment.CENTER);
		this.titleMerged = workbook.createCellStyle();
		this.titleMerged.cloneStyleFrom(this.title);
		this.titleMerged.setAlignment(HorizontalAlignment.CENTER);
		this.subtitle = workbook.createCellStyle();
		this.subtitle.setFont(italic);
		this.subtitle.setAlignment(HorizontalAlignment.CENTER_SELECTION);
		this.subtitleMerged = workbook.createCellStyle();
		this.subtitleMerged.cloneStyleFrom(this.subtitle);
		this.subtitleMerged.setAlignment(HorizontalAlignment.CENTER);

		this.headerLabel = workbook.createCellStyle();
		this.headerLabel.setFont(bold);
		this.headerValue = workbook.createCellStyle();
		this.headerValue.setDataFormat(textFormat);
		this.headerValue.setBorderBottom(BorderStyle.DOTTED);
		this.headerYear = workbook.createCellStyle();
		this.headerYear.cloneStyleFrom(this.headerValue);
		this.headerYear.setDataFormat(yearFormat);
		this.headerYear.setAlignment(HorizontalAlignment.LEFT);
		this.footerLabel = workbook.createCellStyle();
		this.footerLabel.setFont(italic);
		// right-aligned, a long label runs into the empty cell to its left
		this.footerLabel.setAlignment(HorizontalAlignment.RIGHT);

		this.tableHead = bordered(workbook);
		this.tableHead.setFont(bold);
		this.tableHead.setAlignment(HorizontalAlignment.CENTER);
		this.tableHead.setVerticalAlignment(VerticalAlignment.CENTER);
		this.tableHead.setWrapText(true);
		fill(this.tableHead, IndexedColors.GREY_25_PERCENT);
		this.section = bordered(workbook);
		this.section.setFont(bold);
		fill(this.section, IndexedColors.LIGHT_CORNFLOWER_BLUE);
		this.label = bordered(workbook);
		this.label.setWrapText(true);
		this.centred = bordered(workbook);
		this.centred.setAlignment(HorizontalAlignment.CENTER);
		this.number = bordered(workbook);
		this.number.setDataFormat(numberFormat);
		this.text = bordered(workbook);
		this.text.setDataFormat(textFormat);
		this.text.setAlignment(HorizontalAlignment.RIGHT);
		this.greyed = bordered(workbook);
		fill(this.greyed, IndexedColors.GREY_25_PERCENT);
		// named, not inherited: LibreOffice shows a style without a font of its own in
		// its default font (Liberation Sans) instead of the workbook's first font
		for (CellStyle style : new CellStyle[] { this.plain, this.headerValue, this.headerYear, this.label,
				this.centred, this.number, this.text, this.greyed }) {
			style.setFont(normal);
		}
	}

	private static Font font(Workbook workbook, int points, boolean bold, boolean italic) {
		Font font = workbook.createFont();
		font.setFontName("Times New Roman");
		font.setFontHeightInPoints((short) points);
		font.setBold(bold);
		font.setItalic(italic);
		return font;
	}

	private static CellStyle bordered(Workbook workbook) {
		CellStyle cellStyle = workbook.createCellStyle();
		cellStyle.setBorderTop(BorderStyle.THIN);
		cellStyle.setBorderBottom(BorderStyle.THIN);
		cellStyle.setBorderLeft(BorderStyle.THIN);
		cellStyle.setBorderRight(BorderStyle.THIN);
		cellStyle.setVerticalAlignment(VerticalAlignment.CENTER);
		return cellStyle;
	}

	private static void fill(CellStyle cellStyle, IndexedColors colour) {
		cellStyle.setFillForegroundColor(colour.getIndex());
		cellStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

}
