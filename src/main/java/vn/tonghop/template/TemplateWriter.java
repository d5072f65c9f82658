package vn.tonghop.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.validate.RuleBook;

/**
 * Writes the blank return form that unions fill in ({@code tonghop template}): the
 * standard form of {@link ReturnFormWriter}, generated from the same catalogue and rules
 * the validator uses, plus
 * <ul>
 * <li>Excel data validation: drop-down lists (province, sector, industry, F03, F04) on a
 * hidden, protected {@value ChoiceLists#SHEET} sheet; whole numbers of at least 0 on
 * every count and money cell, with the indicator's label and unit as input message;
 * female not above the total; and each error comparison of {@code rules.csv} without a
 * factor ({@code B03 <= B02}) on its left-hand cell;</li>
 * <li>protection without a password: labels locked, the input cells (header values,
 * {@code Tổng số} and female cells) unlocked and tinted; columns and rows can still be
 * resized;</li>
 * <li>a visible {@code Hướng dẫn} sheet after the form;</li>
 * <li>the version stamp {@code Phiên bản biểu mẫu: tonghop-<year>.<revision>}, an
 * ordinary header field below the year.</li>
 * </ul>
 * The format follows the file name ({@code .xlsx}, {@code .xlsm} or {@code .xls}); in
 * {@code .xls} the sheets are protected without the allowance to resize columns and rows,
 * which that format's protection cannot express through POI.
 */
public final class TemplateWriter {

	/**
	 * The revision of the template within a year: raise it whenever the form changes in a
	 * way the federation should be able to tell apart in the returns.
	 */
	public static final int REVISION = 1;

	/** The label of the version stamp, a header field of the form. */
	public static final String VERSION_LABEL = "Phiên bản biểu mẫu";

	private final IndicatorCatalogue catalogue;

	private final RuleBook rules;

	private final TemplateTexts texts = TemplateTexts.vietnamese();

	/**
	 * @param catalogue the indicators the form asks for
	 * @param rules the rules whose comparisons become cell validations and whose meaning
	 * the instructions explain; loaded against {@code catalogue}
	 */
	public TemplateWriter(IndicatorCatalogue catalogue, RuleBook rules) {
		this.catalogue = catalogue;
		this.rules = rules;
	}

	/** The writer for the catalogue and rules shipped with the tool. */
	public static TemplateWriter standard() {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		return new TemplateWriter(catalogue, RuleBook.load(catalogue));
	}

	/** The version stamp of the template for a year: {@code tonghop-2026.1}. */
	public static String version(int year) {
		return "tonghop-" + year + "." + REVISION;
	}

	/**
	 * Writes the blank form for {@code year} to {@code file}, replacing it.
	 * @throws IllegalArgumentException for a file name that is not {@code .xlsx},
	 * {@code .xlsm} or {@code .xls}
	 */
	public void write(int year, Path file) throws IOException {
		new ReturnFormWriter(this.catalogue).write(FormContent.blank(year), FormStyle.standard(), file,
				new Template(year));
	}

	/** What the template adds to the standard form. */
	private final class Template implements ReturnFormWriter.Extension {

		private final int year;

		private final Map<Short, CellStyle> unlocked = new HashMap<>();

		Template(int year) {
			this.year = year;
		}

		@Override
		public List<ReturnFormWriter.HeaderLine> extraHeader() {
			return List.of(new ReturnFormWriter.HeaderLine(VERSION_LABEL, version(this.year)));
		}

		@Override
		public boolean marksRequired() {
			return true;
		}

		@Override
		public boolean suggestsChoices() {
			return false;
		}

		@Override
		public void finish(Workbook workbook, ReturnFormWriter.Layout layout) {
			Sheet form = layout.sheet();
			Sheet instructions = new InstructionsSheet(TemplateWriter.this.catalogue, TemplateWriter.this.rules,
					TemplateWriter.this.texts)
				.write(workbook, this.year, form.getSheetName(), FormStyle.TRONG_DO_NU, version(this.year));
			ChoiceLists lists = ChoiceLists.write(workbook, ChoiceLists.contents());
			Sheet listSheet = workbook.getSheet(ChoiceLists.SHEET);
			workbook.setSheetVisibility(workbook.getSheetIndex(listSheet), SheetVisibility.HIDDEN);

			// the blank form only: a print title is a workbook name, which would make the
			// workbook part of returns in other layouts differ from one another
			FormPages.repeatRows(form, layout.tableHeaderRow(), layout.tableHeaderRow());
			widenHeaderValues(layout);
			unlockInputs(workbook, layout);
			new FormValidations(form, layout, TemplateWriter.this.catalogue, TemplateWriter.this.rules,
					TemplateWriter.this.texts)
				.apply(this.year, lists);

			protect(form);
			protect(instructions);
			protect(listSheet);
			workbook.setActiveSheet(workbook.getSheetIndex(form));
		}

		/**
		 * Merges each header value cell over the columns to its right, up to the form's
		 * last, so that a union's name fits; the value stays in the first cell.
		 */
		private void widenHeaderValues(ReturnFormWriter.Layout layout) {
			Sheet sheet = layout.sheet();
			for (CellAddress value : layout.headerValues().values()) {
				Row row = sheet.getRow(value.getRow());
				boolean free = true;
				for (int col = value.getColumn() + 1; col <= layout.femaleColumn(); col++) {
					Cell cell = row.getCell(col);
					free &= (cell == null || cell.getCellType() == CellType.BLANK);
				}
				if (!free || value.getColumn() >= layout.femaleColumn()) {
					continue;
				}
				CellStyle style = row.getCell(value.getColumn()).getCellStyle();
				for (int col = value.getColumn() + 1; col <= layout.femaleColumn(); col++) {
					Cell cell = row.getCell(col);
					(cell != null ? cell : row.createCell(col)).setCellStyle(style);
				}
				sheet.addMergedRegion(
						new CellRangeAddress(value.getRow(), value.getRow(), value.getColumn(), layout.femaleColumn()));
			}
		}

		/**
		 * Unlocks (and tints) the cells a union types in: the header values but the
		 * version stamp, every {@code Tổng số} cell and the female cells of indicators
		 * with a female column. Every other cell keeps the default: locked.
		 */
		private void unlockInputs(Workbook workbook, ReturnFormWriter.Layout layout) {
			Sheet sheet = layout.sheet();
			for (Map.Entry<String, CellAddress> field : layout.headerValues().entrySet()) {
				if (!field.getKey().equals(VERSION_LABEL)) {
					CellAddress value = field.getValue();
					Row row = sheet.getRow(value.getRow());
					int last = value.getColumn();
					for (CellRangeAddress merged : sheet.getMergedRegions()) {
						if (merged.isInRange(value.getRow(), value.getColumn())) {
							last = merged.getLastColumn();
						}
					}
					for (int col = value.getColumn(); col <= last; col++) {
						unlock(workbook, row.getCell(col));
					}
				}
			}
			for (Indicator indicator : TemplateWriter.this.catalogue.all()) {
				CellAddress total = layout.total(indicator.code());
				unlock(workbook, sheet.getRow(total.getRow()).getCell(total.getColumn()));
				if (indicator.hasFemaleColumn()) {
					CellAddress female = layout.female(indicator.code());
					unlock(workbook, sheet.getRow(female.getRow()).getCell(female.getColumn()));
				}
			}
		}

		private void unlock(Workbook workbook, Cell cell) {
			CellStyle style = this.unlocked.computeIfAbsent(cell.getCellStyle().getIndex(), (index) -> {
				CellStyle copy = workbook.createCellStyle();
				copy.cloneStyleFrom(cell.getCellStyle());
				copy.setLocked(false);
				copy.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
				copy.setFillPattern(FillPatternType.SOLID_FOREGROUND);
				return copy;
			});
			cell.setCellStyle(style);
		}

	}

	/**
	 * Protects a sheet without a password; in {@code .xlsx} the user may still select
	 * cells and resize columns and rows.
	 */
	static void protect(Sheet sheet) {
		sheet.protectSheet("");
		if (sheet instanceof XSSFSheet xssf) {
			// an empty password leaves nothing to type when unprotecting
			if (xssf.getCTWorksheet().getSheetProtection().isSetPassword()) {
				xssf.getCTWorksheet().getSheetProtection().unsetPassword();
			}
			xssf.lockFormatColumns(false);
			xssf.lockFormatRows(false);
			xssf.lockSelectLockedCells(false);
			xssf.lockSelectUnlockedCells(false);
		}
	}

}
