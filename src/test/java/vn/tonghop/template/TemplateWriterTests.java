package vn.tonghop.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Rating;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.HeaderField;
import vn.tonghop.read.IndicatorRow;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The blank form, read back with POI: the section 1 layout, its validations, protection,
 * instructions and version stamp.
 */
class TemplateWriterTests {

	static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	static final RuleBook RULES = RuleBook.load(CATALOGUE);

	@TempDir
	Path dir;

	Workbook workbook;

	TemplateSheet form;

	@BeforeEach
	void writeTemplate() throws IOException {
		this.workbook = write("mau-bao-cao-2026.xlsx");
		this.form = new TemplateSheet(this.workbook);
	}

	@AfterEach
	void close() throws IOException {
		this.workbook.close();
	}

	private Workbook write(String name) throws IOException {
		Path file = this.dir.resolve(name);
		new TemplateWriter(CATALOGUE, RULES).write(2026, file);
		return WorkbookFactory.create(file.toFile(), null, true);
	}

	@Test
	void isTheSectionOneFormTheReaderFinds() throws Exception {
		FormCells cells = new FormLocator(CATALOGUE)
			.locate(new WorkbookReader().readReturnSheet(this.dir.resolve("mau-bao-cao-2026.xlsx")));

		assertThat(cells.sheet()).isEqualTo(FormStyle.BAO_CAO);
		assertThat(cells.rows()).extracting(IndicatorRow::code)
			.containsExactlyElementsOf(CATALOGUE.all().stream().map(Indicator::code).toList());
		for (String key : FormContent.HEADER_KEYS) {
			HeaderField field = HeaderField.forLabel(ReturnFormWriter.headerLabel(key));
			assertThat(field).as(key).isNotNull();
			assertThat(cells.headerLabels()).as(key).containsKey(field);
		}
		assertThat(cells.header().get(HeaderField.YEAR).number()).isEqualTo(2026);
	}

	@Test
	void stampsTheTemplateVersionAsAHeaderField() {
		Cell value = this.form.valueOf(TemplateWriter.VERSION_LABEL);

		assertThat(value.getStringCellValue()).isEqualTo("tonghop-2026." + TemplateWriter.REVISION)
			.isEqualTo(TemplateWriter.version(2026));
		assertThat(value.getRowIndex()).isLessThan(this.form.tableRow);
		assertThat(value.getColumnIndex())
			.isEqualTo(this.form.labels.get(TemplateWriter.VERSION_LABEL).getColumn() + 1);
		assertThat(value.getCellStyle().getLocked()).as("the stamp is not for the union to change").isTrue();
	}

	/**
	 * Issue 24: the instructions said "Các ô có dấu * là bắt buộc" and no label had a
	 * {@code *}.
	 */
	@Test
	void marksTheLabelOfEveryRequiredHeaderFieldAndIndicatorAsTheInstructionsSay() {
		for (String key : FormContent.HEADER_KEYS) {
			String label = ReturnFormWriter.headerLabel(key);
			boolean required = HeaderField.forLabel(label).required();
			assertThat(this.form.labelText(label)).as(key).isEqualTo(required ? label + " *" : label);
		}
		assertThat(this.form.labelText(TemplateWriter.VERSION_LABEL)).isEqualTo(TemplateWriter.VERSION_LABEL);
		List<String> marked = new ArrayList<>();
		for (Indicator indicator : CATALOGUE.all()) {
			Row row = this.form.sheet.getRow(this.form.rowOfCode.get(indicator.code()));
			String label = null;
			for (Cell cell : row) {
				if (WrittenForm.text(cell).startsWith(indicator.labelVi())) {
					label = WrittenForm.text(cell);
				}
			}
			assertThat(label).as(indicator.code())
				.isEqualTo(indicator.required() ? indicator.labelVi() + " *" : indicator.labelVi());
			if (indicator.required()) {
				marked.add(indicator.code());
			}
		}
		assertThat(marked).containsExactly("A01", "A02", "B02", "B03", "F03");
		assertThat(allText(this.workbook.getSheetAt(1))).contains("có dấu * ở cuối tên là bắt buộc")
			.contains("Mã công đoàn cơ sở *; Tên công đoàn cơ sở *")
			.contains("Tổng số đoàn viên công đoàn *");
	}

	@Test
	void explainsTheFormOnAVisibleInstructionsSheetAfterIt() {
		assertThat(this.workbook.getSheetName(1)).isEqualTo("Hướng dẫn");
		assertThat(this.workbook.isSheetHidden(1)).isFalse();
		String text = allText(this.workbook.getSheetAt(1));
		for (Indicator indicator : CATALOGUE.all()) {
			assertThat(text).contains(indicator.code(), indicator.labelVi());
		}
		for (String code : RULES.codes()) {
			assertThat(text).contains(code);
		}
		assertThat(text).contains("Chiến sĩ thi đua cơ sở (B03) không được lớn hơn Lao động tiên tiến (B02).")
			.contains("không nên vượt quá 15% của Lao động tiên tiến (B02)")
			.contains("Không sửa, xóa hay đổi mã số")
			.contains("CÁCH GỬI")
			.contains(TemplateWriter.version(2026));
	}

	@Test
	void refusesAnUnknownFileType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TemplateWriter(CATALOGUE, RULES).write(2026, this.dir.resolve("mau.ods")));
	}

	@Nested
	class Lists {

		@Test
		void offersThe34ProvincesFromAHiddenProtectedSheet() {
			DataValidation validation = form.validation(form.valueOf("Tỉnh/thành phố"));

			assertThat(validation.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
			assertThat(form.listValues(validation)).hasSize(34)
				.containsExactlyElementsOf(ProvinceResolver.load().all().stream().map(Province::name).toList());
			int lists = workbook.getSheetIndex(ChoiceLists.SHEET);
			assertThat(workbook.isSheetHidden(lists)).isTrue();
			assertThat(workbook.getSheetAt(lists).getProtect()).isTrue();
			assertThat(validation.getShowErrorBox()).isTrue();
			assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
		}

		@Test
		void offersSectorsIndustriesRatingsAndYesNo() {
			assertThat(form.listValues(form.validation(form.valueOf("Khu vực"))))
				.containsExactlyElementsOf(SectorResolver.load().all().stream().map(Sector::name).toList());
			List<String> industries = form.listValues(form.validation(form.valueOf("Ngành")));
			assertThat(industries).hasSize(IndustryResolver.load().all().size())
				.contains("A - Nông nghiệp, lâm nghiệp và thủy sản", "C - Công nghiệp chế biến, chế tạo");
			assertThat(form.listValues(form.validation(form.total("F03")))).containsExactly(Rating.HTXSNV.label(),
					Rating.HTTNV.label(), Rating.HTNV.label(), Rating.KHTNV.label());
			assertThat(form.listValues(form.validation(form.total("F04")))).containsExactly("Có", "Không");
		}

		@Test
		void showsTheDropDownArrow() {
			// OOXML's showDropDown="1" hides the arrow
			assertThat(((XSSFSheet) form.sheet).getCTWorksheet().getDataValidations().getDataValidationArray())
				.isNotEmpty()
				.noneMatch((validation) -> validation.getShowDropDown());
		}

		@Test
		void everyIndustryOfTheListResolves() {
			for (String industry : form.listValues(form.validation(form.valueOf("Ngành")))) {
				assertThat(IndustryResolver.load().resolve(industry)).as(industry).isPresent();
			}
		}

	}

	@Nested
	class Numbers {

		@Test
		void everyCountAndMoneyCellTakesWholeNumbersFromZero() {
			for (Indicator indicator : CATALOGUE.all()) {
				if (!indicator.kind().numeric()) {
					continue;
				}
				List<Cell> cells = new ArrayList<>(List.of(form.total(indicator.code())));
				if (indicator.hasFemaleColumn()) {
					cells.add(form.female(indicator.code()));
				}
				for (Cell cell : cells) {
					DataValidation validation = form.validation(cell);
					DataValidationConstraint constraint = validation.getValidationConstraint();
					String self = new CellReference(cell).formatAsString(false);
					if (constraint.getValidationType() == ValidationType.INTEGER) {
						assertThat(constraint.getOperator()).isEqualTo(OperatorType.GREATER_OR_EQUAL);
						assertThat(constraint.getFormula1()).isEqualTo("0");
					}
					else {
						assertThat(constraint.getValidationType()).as(self).isEqualTo(ValidationType.FORMULA);
						assertThat(constraint.getFormula1()).as(self)
							.startsWith("AND(ISNUMBER(" + self + ")," + self + ">=0," + self + "=INT(" + self + ")");
					}
					assertThat(validation.getEmptyCellAllowed()).as("missing is not zero: blank is allowed").isTrue();
					assertThat(validation.getShowPromptBox()).isTrue();
					assertThat(validation.getPromptBoxText()).as(self).contains(indicator.labelVi());
					assertThat(validation.getShowErrorBox()).isTrue();
					assertThat(validation.getErrorBoxText()).as(self).isNotBlank().hasSizeLessThanOrEqualTo(255);
				}
				if (indicator.kind() == Indicator.Kind.COUNT) {
					assertThat(form.validation(form.total(indicator.code())).getPromptBoxText())
						.contains(indicator.unit());
				}
			}
			assertThat(form.validation(form.total("A04")).getValidationConstraint().getValidationType())
				.isEqualTo(ValidationType.INTEGER);
			assertThat(form.validation(form.total("E06")).getErrorBoxText()).contains("12500000");
		}

		@Test
		void femaleCellsMayNotExceedTheirTotal() {
			for (Indicator indicator : CATALOGUE.all()) {
				if (indicator.hasFemaleColumn()) {
					Cell female = form.female(indicator.code());
					String total = absolute(form.total(indicator.code()));
					String self = new CellReference(female).formatAsString(false);
					assertThat(form.validation(female).getValidationConstraint().getFormula1()).as(indicator.code())
						.contains("OR(NOT(ISNUMBER(" + total + "))," + self + "<=" + total + ")");
					assertThat(form.validation(female).getErrorBoxText()).contains("Số nữ không được lớn hơn tổng số");
				}
			}
		}

		@Test
		void comparisonRulesWithoutAFactorGuardTheirLeftHandCell() {
			assertRule("B03", form.total("B02"),
					"Chiến sĩ thi đua cơ sở (B03) không được lớn hơn Lao động tiên tiến (B02).");
			assertRule("A02", form.total("A01"),
					"không được lớn hơn Tổng số cán bộ, công chức, viên chức, người lao động (A01)");
			assertRule("C03", form.total("C02"), "(C03) không được lớn hơn");
			assertRule("B06", form.female("A01"), "số nữ của chỉ tiêu");
			assertRule("F02", form.total("F01"), "(F02)");
		}

		@Test
		void leavesTheFactorRuleW01ToTheValidator() {
			for (DataValidation validation : form.sheet.getDataValidations()) {
				String formula = validation.getValidationConstraint().getFormula1();
				assertThat(formula == null ? "" : formula).doesNotContain("0.15").doesNotContain("*");
			}
		}

		private void assertRule(String left, Cell right, String message) {
			Cell cell = form.total(left);
			DataValidation validation = form.validation(cell);
			String self = new CellReference(cell).formatAsString(false);
			String other = absolute(right);
			assertThat(validation.getValidationConstraint().getFormula1()).as(left)
				.contains("OR(NOT(ISNUMBER(" + other + "))," + self + "<=" + other + ")");
			assertThat(validation.getErrorBoxText()).as(left).contains(message);
		}

	}

	@Nested
	class Protection {

		@Test
		void protectsTheFormWithoutAPasswordButLetsColumnsAndRowsBeResized() {
			XSSFSheet sheet = (XSSFSheet) form.sheet;
			assertThat(sheet.getProtect()).isTrue();
			assertThat(sheet.isSheetLocked()).isTrue();
			assertThat(sheet.getCTWorksheet().getSheetProtection().isSetPassword()).isFalse();
			assertThat(sheet.isFormatColumnsLocked()).isFalse();
			assertThat(sheet.isFormatRowsLocked()).isFalse();
			assertThat(sheet.isSelectLockedCellsLocked()).isFalse();
			assertThat(sheet.isSelectUnlockedCellsLocked()).isFalse();
			assertThat(workbook.getSheetAt(1).getProtect()).as("instructions").isTrue();
		}

		@Test
		void locksLabelsAndUnlocksInputCells() {
			for (String key : FormContent.HEADER_KEYS) {
				String label = ReturnFormWriter.headerLabel(key);
				assertThat(locked(
						form.sheet.getRow(form.labels.get(label).getRow()).getCell(form.labels.get(label).getColumn())))
					.as(label)
					.isTrue();
				assertThat(locked(form.valueOf(label))).as(label + " value").isFalse();
			}
			for (Indicator indicator : CATALOGUE.all()) {
				int row = form.rowOfCode.get(indicator.code());
				assertThat(locked(form.cell(row, form.codeColumn))).as(indicator.code() + " code").isTrue();
				assertThat(locked(form.cell(row, form.codeColumn - 1))).as(indicator.code() + " label").isTrue();
				assertThat(locked(form.total(indicator.code()))).as(indicator.code() + " total").isFalse();
				assertThat(locked(form.female(indicator.code()))).as(indicator.code() + " female")
					.isEqualTo(!indicator.hasFemaleColumn());
			}
			assertThat(locked(form.cell(form.tableRow, form.totalColumn))).isTrue();
		}

		private static boolean locked(Cell cell) {
			return cell.getCellStyle().getLocked();
		}

	}

	@Nested
	class LegacyFormat {

		@Test
		void writesValidationsAndProtectionInXls() throws IOException {
			try (Workbook xls = write("mau.xls")) {
				assertThat(xls).isInstanceOf(HSSFWorkbook.class);
				TemplateSheet sheet = new TemplateSheet(xls);
				assertThat(sheet.sheet.getProtect()).isTrue();
				assertThat(sheet.listValues(sheet.validation(sheet.valueOf("Tỉnh/thành phố")))).hasSize(34);
				assertThat(sheet.validation(sheet.total("B03")).getValidationConstraint().getFormula1()).contains("<=");
				assertThat(sheet.validation(sheet.total("A04")).getValidationConstraint().getValidationType())
					.isEqualTo(ValidationType.INTEGER);
				assertThat(sheet.valueOf(TemplateWriter.VERSION_LABEL).getStringCellValue())
					.isEqualTo(TemplateWriter.version(2026));
				assertThat(xls.getSheetName(1)).isEqualTo("Hướng dẫn");
				assertThat(xls.isSheetHidden(xls.getSheetIndex(ChoiceLists.SHEET))).isTrue();
				assertThat(sheet.total("A01").getCellStyle().getLocked()).isFalse();
			}
		}

	}

	static String absolute(Cell cell) {
		return new CellReference(cell.getRowIndex(), cell.getColumnIndex(), true, true).formatAsString();
	}

	static String allText(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		for (Row row : sheet) {
			for (Cell cell : row) {
				text.append(WrittenForm.text(cell)).append('\n');
			}
		}
		return text.toString();
	}

}
