package vn.tonghop.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.report.WrappedText;
import vn.tonghop.validate.RuleBook;

/**
 * The {@code Hướng dẫn} sheet of the blank form, in Vietnamese: how to fill the form in,
 * every indicator and every rule (generated from the catalogue and {@code rules.csv}),
 * what not to change and how to send the return.
 */
final class InstructionsSheet {

	/**
	 * Column widths in characters: number or code, text, then the indicator table's; 91
	 * in all, so that the sheet prints on A4 portrait at 9 points or more.
	 */
	static final int[] WIDTHS = { 6, 36, 10, 20, 10, 9 };

	private static final int LAST_COLUMN = WIDTHS.length - 1;

	/** Sizes of the text and the title, in points. */
	static final int TEXT_POINTS = 12;

	static final int TITLE_POINTS = 14;

	/** Bold letters are about this much wider than regular ones. */
	private static final double BOLD = 1.1;

	private final IndicatorCatalogue catalogue;

	private final RuleBook rules;

	private final TemplateTexts texts;

	private Sheet sheet;

	private CellStyle title;

	private CellStyle heading;

	private CellStyle text;

	private CellStyle tableHead;

	private CellStyle tableCell;

	private int row;

	InstructionsSheet(IndicatorCatalogue catalogue, RuleBook rules, TemplateTexts texts) {
		this.catalogue = catalogue;
		this.rules = rules;
		this.texts = texts;
	}

	/**
	 * Writes the sheet, named {@link ReturnFormWriter#INSTRUCTIONS_SHEET}, after the
	 * workbook's last sheet.
	 * @param formSheet the name of the form's sheet
	 * @param femaleHeading the heading of the form's female column
	 * @param version the template version stamp
	 */
	Sheet write(Workbook workbook, int year, String formSheet, String femaleHeading, String version) {
		this.sheet = workbook.createSheet(ReturnFormWriter.INSTRUCTIONS_SHEET);
		createStyles(workbook);
		for (int i = 0; i < WIDTHS.length; i++) {
			this.sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		FormPages.a4Portrait(this.sheet, this.texts.format("guide.header", year, version));
		this.row = 0;
		line(null, this.texts.format("guide.title", year), this.title);
		line(null, this.texts.format("guide.version", version), this.text);
		this.row++;

		line(null, this.texts.format("guide.fill"), this.heading);
		List<String> fields = new ArrayList<>();
		for (String key : FormContent.HEADER_KEYS) {
			fields.add(ReturnFormWriter.headerLabel(key) + (required(key) ? ReturnFormWriter.REQUIRED_MARK : ""));
		}
		List<String> ratings = RuleMeanings.ratings();
		numbered("guide.fill.1", formSheet);
		numbered("guide.fill.2", String.join("; ", fields));
		numbered("guide.fill.3");
		numbered("guide.fill.4", ReturnFormWriter.HEAD_TOTAL, femaleHeading);
		numbered("guide.fill.5");
		numbered("guide.fill.6");
		numbered("guide.fill.7", String.join("; ", ratings));
		numbered("guide.fill.8");
		numbered("guide.fill.9");
		this.row++;

		line(null, this.texts.format("guide.indicators"), this.heading);
		tableRow(this.tableHead, this.texts.format("guide.indicators.head").split("\\|"));
		for (Indicator indicator : this.catalogue.all()) {
			tableRow(this.tableCell, indicator.code(),
					indicator.labelVi() + (indicator.required() ? ReturnFormWriter.REQUIRED_MARK : ""),
					indicator.unit(), kind(indicator, ratings),
					this.texts.format("guide.female." + indicator.female().name()),
					this.texts.format(indicator.required() ? "guide.yes" : "guide.no"));
		}
		this.row++;

		line(null, this.texts.format("guide.rules"), this.heading);
		line(null, this.texts.format("guide.rules.intro"), this.text);
		tableRow(this.tableHead, this.texts.format("guide.rules.head").split("\\|"));
		Set<String> inForm = FormValidations.cellRuleCodes(this.rules);
		new RuleMeanings(this.catalogue, this.rules, this.texts).of(year).forEach((code, meaning) -> {
			String shown = inForm.contains(code) ? meaning + " " + this.texts.format("guide.rules.inform") : meaning;
			tableRow(this.tableCell, code, shown,
					this.texts.format("guide.severity." + this.rules.severity(code).name()));
		});
		this.row++;

		line(null, this.texts.format("guide.keep"), this.heading);
		numbered("guide.keep.1", ReturnFormWriter.HEAD_CODE);
		numbered("guide.keep.2", formSheet);
		numbered("guide.keep.3", TemplateWriter.VERSION_LABEL, version);
		numbered("guide.keep.4");
		this.row++;

		line(null, this.texts.format("guide.send"), this.heading);
		numbered("guide.send.1", year);
		numbered("guide.send.2", year, year + 1);
		numbered("guide.send.3");
		return this.sheet;
	}

	private static boolean required(String key) {
		return ReturnFormWriter.required(key);
	}

	private String kind(Indicator indicator, List<String> ratings) {
		return this.texts.format("guide.kind." + indicator.kind().name(), String.join("; ", ratings));
	}

	private void numbered(String key, Object... args) {
		String number = key.substring(key.lastIndexOf('.') + 1) + ".";
		line(number, this.texts.format(key, args), this.text);
	}

	/** A paragraph: an optional number in the first column, the text across the rest. */
	private void line(String number, String content, CellStyle style) {
		Row target = this.sheet.createRow(this.row++);
		if (number != null) {
			Cell cell = target.createCell(0);
			cell.setCellValue(number);
			cell.setCellStyle(this.text);
		}
		int first = (number != null) ? 1 : 0;
		Cell cell = target.createCell(first);
		cell.setCellValue(content);
		cell.setCellStyle(style);
		for (int col = first + 1; col <= LAST_COLUMN; col++) {
			target.createCell(col).setCellStyle(style);
		}
		this.sheet.addMergedRegion(new CellRangeAddress(target.getRowNum(), target.getRowNum(), first, LAST_COLUMN));
		double ratio = (style == this.title) ? BOLD * TITLE_POINTS / TEXT_POINTS : (style == this.heading) ? BOLD : 1.0;
		int lines = WrappedText.lines(content, width(first, LAST_COLUMN), ratio);
		target.setHeightInPoints(WrappedText.rowHeight(lines, (style == this.title) ? TITLE_POINTS : TEXT_POINTS)
				+ ((style == this.title) ? 4 : 0));
	}

	/**
	 * The width of columns {@code first} to {@code last} for wrapping text, in
	 * characters: a twelfth less than the columns' own. Times New Roman in a sheet whose
	 * column unit is another font's digit (Liberation Serif, its metric twin, printed by
	 * LibreOffice) filled a line the estimate thought had room: the last word of "… giữ
	 * nguyên mẫu." went to a line the row had no height for, and was not printed.
	 */
	private static double width(int first, int last) {
		int width = 0;
		for (int c = first; c <= last; c++) {
			width += WIDTHS[c];
		}
		return width * WRAP_MARGIN;
	}

	/** The part of a text column's width its wrapped text is laid out in. */
	static final double WRAP_MARGIN = 11.0 / 12;

	/**
	 * A row of a table: the first value in the first column, the second across the text
	 * column (and, for a two- or three-column table, the columns it would leave empty).
	 */
	private void tableRow(CellStyle style, String... values) {
		Row target = this.sheet.createRow(this.row++);
		int lastOfSecond = (values.length <= 3) ? LAST_COLUMN - (values.length - 2) : 1;
		int col = 0;
		int lines = 1;
		for (int i = 0; i < values.length; i++) {
			int last = (i == 1) ? lastOfSecond : col;
			for (int c = col; c <= last; c++) {
				Cell cell = target.createCell(c);
				cell.setCellStyle(style);
			}
			target.getCell(col).setCellValue(values[i]);
			if (last > col) {
				this.sheet.addMergedRegion(new CellRangeAddress(target.getRowNum(), target.getRowNum(), col, last));
			}
			lines = Math.max(lines,
					WrappedText.lines(values[i], width(col, last), (style == this.tableHead) ? BOLD : 1.0));
			col = last + 1;
		}
		target.setHeightInPoints(WrappedText.rowHeight(lines, TEXT_POINTS));
	}

	private void createStyles(Workbook workbook) {
		Font bold = workbook.createFont();
		bold.setFontName("Times New Roman");
		bold.setFontHeightInPoints((short) TEXT_POINTS);
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setFontName("Times New Roman");
		big.setFontHeightInPoints((short) TITLE_POINTS);
		big.setBold(true);
		this.title = workbook.createCellStyle();
		this.title.setFont(big);
		this.title.setVerticalAlignment(VerticalAlignment.CENTER);
		this.title.setWrapText(true);
		this.heading = workbook.createCellStyle();
		this.heading.setFont(bold);
		Font regular = workbook.createFont();
		regular.setFontName("Times New Roman");
		regular.setFontHeightInPoints((short) TEXT_POINTS);
		this.heading.setVerticalAlignment(VerticalAlignment.CENTER);
		this.heading.setWrapText(true);
		this.text = workbook.createCellStyle();
		this.text.setFont(regular);
		this.text.setWrapText(true);
		this.text.setVerticalAlignment(VerticalAlignment.TOP);
		this.tableCell = workbook.createCellStyle();
		this.tableCell.cloneStyleFrom(this.text);
		this.tableCell.setBorderTop(BorderStyle.THIN);
		this.tableCell.setBorderBottom(BorderStyle.THIN);
		this.tableCell.setBorderLeft(BorderStyle.THIN);
		this.tableCell.setBorderRight(BorderStyle.THIN);
		this.tableHead = workbook.createCellStyle();
		this.tableHead.cloneStyleFrom(this.tableCell);
		this.tableHead.setFont(bold);
		this.tableHead.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.tableHead.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

}
