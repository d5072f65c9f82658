package vn.tonghop.template;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.IndicatorRow;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source: the template is generated from the catalogue and the rules the validator
 * uses, so a new indicator or rule shows up in it without a code change.
 */
class TemplateFollowsReferenceDataTests {

	@TempDir
	Path dir;

	@Test
	void anIndicatorAddedToTheCatalogueGetsItsRowValidationsAndInstructions() throws Exception {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load("template/indicators-extra.csv");
		Path file = this.dir.resolve("mau.xlsx");
		new TemplateWriter(catalogue, RuleBook.load(catalogue)).write(2026, file);

		FormCells cells = new FormLocator(catalogue).locate(new WorkbookReader().readReturnSheet(file));
		assertThat(cells.rows()).extracting(IndicatorRow::code).endsWith("F04", "E09");
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			TemplateSheet form = new TemplateSheet(workbook);
			assertThat(form.rowOfCode).containsKey("E09");
			DataValidation total = form.validation(form.total("E09"));
			assertThat(total.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
			assertThat(total.getValidationConstraint().getOperator()).isEqualTo(OperatorType.GREATER_OR_EQUAL);
			assertThat(total.getPromptBoxText()).contains("Đoàn viên được hỗ trợ nhà ở", "người");
			assertThat(form.validation(form.female("E09")).getValidationConstraint().getFormula1())
				.contains("<=" + TemplateWriterTests.absolute(form.total("E09")));
			assertThat(form.female("E09").getCellStyle().getLocked()).isFalse();
			assertThat(TemplateWriterTests.allText(workbook.getSheetAt(1))).contains("E09",
					"Đoàn viên được hỗ trợ nhà ở");
		}
	}

	@Test
	void aComparisonAddedToTheRulesGuardsItsLeftHandCell() throws Exception {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load("template/indicators-extra.csv");
		RuleBook rules = RuleBook.load("template/rules-extra.csv", catalogue, Map.of());
		Path file = this.dir.resolve("mau.xlsx");
		new TemplateWriter(catalogue, rules).write(2026, file);

		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			TemplateSheet form = new TemplateSheet(workbook);
			DataValidation total = form.validation(form.total("E09"));
			assertThat(total.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.FORMULA);
			assertThat(total.getValidationConstraint().getFormula1())
				.contains("<=" + TemplateWriterTests.absolute(form.total("A02")));
			assertThat(total.getErrorBoxText())
				.contains("Đoàn viên được hỗ trợ nhà ở (E09) không được lớn hơn Tổng số đoàn viên công đoàn (A02).");
			assertThat(TemplateWriterTests.allText(workbook.getSheetAt(1))).contains("R18");
		}
	}

	@Test
	void aRuleWithAFactorStaysWithTheValidator() throws Exception {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		// R11 bound with a factor, as an override from the environment would
		RuleBook rules = RuleBook.load(RuleBook.RESOURCE, catalogue, Map.of("R11", new BigDecimal("0.9")));
		Path file = this.dir.resolve("mau.xlsx");
		new TemplateWriter(catalogue, rules).write(2026, file);

		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			TemplateSheet form = new TemplateSheet(workbook);
			assertThat(form.validation(form.total("B03")).getValidationConstraint().getFormula1())
				.doesNotContain(TemplateWriterTests.absolute(form.total("B02")));
		}
	}

}
