package vn.tonghop.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.hssf.usermodel.DVConstraint;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Rating;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.HeaderField;
import vn.tonghop.read.RawCell;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.IndicatorValue;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template filled in as a union would (every header value, a valid figure in every
 * input cell, a rating and Có), then ingested: no finding and every value exact. The
 * figures also pass the template's own validations, evaluated by POI, and the same cells
 * fail them with a figure that breaks a rule.
 */
class TemplateRoundTripTests {

	static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	static final RuleBook RULES = RuleBook.load(CATALOGUE);

	static final ReturnJudge JUDGE = new ReturnJudge(CATALOGUE, RULES, Messages.vietnamese(), ProvinceResolver.load(),
			SectorResolver.load(), IndustryResolver.load());

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "xlsx", "xls" })
	void aFilledInTemplateIsIngestedWithoutFindingsAndEveryValueExact(String extension) throws Exception {
		Path template = this.dir.resolve("mau." + extension);
		new TemplateWriter(CATALOGUE, RULES).write(2026, template);
		Path filled = this.dir.resolve("CD79000123." + extension);
		Map<String, Long[]> figures = figures();
		Province province = ProvinceResolver.load()
			.all()
			.stream()
			.filter((p) -> p.code().equals("79"))
			.findFirst()
			.orElseThrow();

		try (Workbook workbook = WorkbookFactory.create(Files.newInputStream(template))) {
			TemplateSheet form = new TemplateSheet(workbook);
			// the labels the reader maps carry the mark of a required field
			assertThat(form.labelText("Mã công đoàn cơ sở")).isEqualTo("Mã công đoàn cơ sở *");
			assertThat(form.labelText("Năm báo cáo")).isEqualTo("Năm báo cáo *");
			form.valueOf("Mã công đoàn cơ sở").setCellValue("CD79000123");
			form.valueOf("Tên công đoàn cơ sở").setCellValue("Công đoàn Công ty TNHH Điện tử Sao Việt");
			form.valueOf("Tỉnh/thành phố").setCellValue(choice(form, form.valueOf("Tỉnh/thành phố"), province.name()));
			form.valueOf("Khu vực")
				.setCellValue(choice(form, form.valueOf("Khu vực"), "Doanh nghiệp có vốn đầu tư nước ngoài"));
			form.valueOf("Ngành")
				.setCellValue(choice(form, form.valueOf("Ngành"), "C - Công nghiệp chế biến, chế tạo"));
			form.valueOf("Công đoàn cấp trên trực tiếp").setCellValue("Công đoàn Khu công nghệ cao");
			form.valueOf("Người lập biểu").setCellValue("Trần Thị Hoa");
			form.valueOf("Ngày lập").setCellValue("08/01/2027");
			form.valueOf("Điện thoại").setCellValue("0903 123 456");
			form.valueOf("Email").setCellValue("congdoan@saoviet.vn");
			assertThat(form.valueOf("Năm báo cáo").getNumericCellValue()).isEqualTo(2026);
			for (Indicator indicator : CATALOGUE.all()) {
				switch (indicator.kind()) {
					case COUNT, MONEY -> {
						Long[] figure = figures.get(indicator.code());
						form.total(indicator.code()).setCellValue(figure[0]);
						if (indicator.hasFemaleColumn()) {
							form.female(indicator.code()).setCellValue(figure[1]);
						}
					}
					case CATEGORY -> form.total(indicator.code())
						.setCellValue(choice(form, form.total(indicator.code()), Rating.HTTNV.label()));
					case FLAG ->
						form.total(indicator.code()).setCellValue(choice(form, form.total(indicator.code()), "Có"));
				}
			}
			for (Indicator indicator : CATALOGUE.all()) {
				if (indicator.kind().numeric()) {
					assertThat(passes(form, form.total(indicator.code()))).as(indicator.code()).isTrue();
					if (indicator.hasFemaleColumn()) {
						assertThat(passes(form, form.female(indicator.code()))).as(indicator.code() + "_nu").isTrue();
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(filled)) {
				workbook.write(out);
			}
		}

		FormCells cells = new FormLocator(CATALOGUE).locate(new WorkbookReader().readReturnSheet(filled));
		JudgedReturn judged = JUDGE.judge(cells, 2026);

		assertThat(judged.findings()).isEmpty();
		assertThat(judged.value().unionCode()).isEqualTo("CD79000123");
		assertThat(judged.value().unionName()).isEqualTo("Công đoàn Công ty TNHH Điện tử Sao Việt");
		assertThat(judged.value().provinceCode()).isEqualTo("79");
		assertThat(judged.value().sectorCode()).isEqualTo("FDI");
		assertThat(judged.value().industryCode()).isEqualTo("C");
		assertThat(judged.value().declaredYear()).isEqualTo(2026);
		for (Indicator indicator : CATALOGUE.all()) {
			IndicatorValue value = judged.value().value(indicator.code());
			assertThat(value).as(indicator.code()).isNotNull();
			switch (indicator.kind()) {
				case COUNT, MONEY -> {
					assertThat(value.total()).as(indicator.code()).isEqualTo(figures.get(indicator.code())[0]);
					if (indicator.hasFemaleColumn()) {
						assertThat(value.female()).as(indicator.code() + "_nu")
							.isEqualTo(figures.get(indicator.code())[1]);
					}
				}
				case CATEGORY -> assertThat(value.category()).isEqualTo("HTTNV");
				case FLAG -> assertThat(value.flag()).isTrue();
			}
		}
		HeaderField version = HeaderField.forLabel(TemplateWriter.VERSION_LABEL);
		if (version != null) {
			// read as an ordinary header field once the reader knows the label
			RawCell stamp = cells.header().get(version);
			assertThat(stamp.text()).isEqualTo(TemplateWriter.version(2026));
		}
	}

	@Test
	void theCellValidationsRejectWhatTheRulesReject() throws IOException {
		Path template = this.dir.resolve("mau.xlsx");
		new TemplateWriter(CATALOGUE, RULES).write(2026, template);
		try (Workbook workbook = WorkbookFactory.create(Files.newInputStream(template))) {
			TemplateSheet form = new TemplateSheet(workbook);
			form.total("B02").setCellValue(10);
			form.total("B03").setCellValue(11);
			assertThat(passes(form, form.total("B03"))).as("R11: B03 > B02").isFalse();
			form.total("B03").setCellValue(10);
			assertThat(passes(form, form.total("B03"))).isTrue();
			form.total("B02").setBlank();
			assertThat(passes(form, form.total("B03"))).as("B02 missing: the rule is skipped").isTrue();

			form.total("A01").setCellValue(50);
			form.female("A01").setCellValue(51);
			assertThat(passes(form, form.female("A01"))).as("R08: female > total").isFalse();
			form.female("A01").setCellValue(20);
			form.total("B06").setCellValue(21);
			assertThat(passes(form, form.total("B06"))).as("R13: B06 > A01_nu").isFalse();

			form.total("A04").setCellValue(-1);
			assertThat(passes(form, form.total("A04"))).as("R06: negative").isFalse();
			form.total("A04").setCellValue(2.5);
			assertThat(passes(form, form.total("A04"))).as("R07: not whole").isFalse();
			form.total("A02").setCellValue(2.5);
			assertThat(passes(form, form.total("A02"))).as("R07 in a formula validation").isFalse();
			form.total("F04").setCellValue("Chưa đạt");
			assertThat(passes(form, form.total("F04"))).as("not on the list").isFalse();
		}
	}

	/** {@code value}, checked to be on the cell's drop-down list. */
	private static String choice(TemplateSheet form, Cell cell, String value) {
		assertThat(form.listValues(form.validation(cell))).contains(value);
		return value;
	}

	/**
	 * Whether the cell's value passes its validation, as Excel would decide: a formula
	 * evaluated by POI in a spare cell, a whole-number bound, or a list.
	 */
	static boolean passes(TemplateSheet form, Cell cell) {
		DataValidation validation = form.validation(cell);
		DataValidationConstraint constraint = validation.getValidationConstraint();
		if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK) {
			return validation.getEmptyCellAllowed();
		}
		if (constraint.getValidationType() == ValidationType.LIST) {
			return form.listValues(validation).contains(cell.getStringCellValue());
		}
		if (constraint.getValidationType() == ValidationType.INTEGER) {
			double value = cell.getNumericCellValue();
			// .xls keeps a constant bound as a value, not a formula
			double bound = (constraint instanceof DVConstraint hssf && hssf.getValue1() != null) ? hssf.getValue1()
					: Double.parseDouble(constraint.getFormula1());
			return value == Math.rint(value) && value >= bound;
		}
		assertThat(constraint.getValidationType()).isEqualTo(ValidationType.FORMULA);
		// the formula is written for this one cell: its references are literal
		Cell spare = form.cell(cell.getRowIndex(), 40);
		spare.setCellFormula(constraint.getFormula1());
		FormulaEvaluator evaluator = form.workbook.getCreationHelper().createFormulaEvaluator();
		boolean result = evaluator.evaluate(spare).getBooleanValue();
		spare.getRow().removeCell(spare);
		return result;
	}

	/** A valid figure for every count and money indicator: total, female. */
	static Map<String, Long[]> figures() {
		Map<String, Long[]> figures = new LinkedHashMap<>();
		long next = 1000;
		for (Indicator indicator : CATALOGUE.all()) {
			if (indicator.kind() == Indicator.Kind.COUNT) {
				figures.put(indicator.code(), new Long[] { next, indicator.hasFemaleColumn() ? next / 2 - 3 : null });
				next -= 20;
			}
			else if (indicator.kind() == Indicator.Kind.MONEY) {
				figures.put(indicator.code(), new Long[] { 12_500_000L + next, null });
			}
		}
		// keep the cross-field rules true: B03 within 15% of B02, B06 under A01's women
		figures.put("B03", new Long[] { 100L, 40L });
		figures.put("B06", new Long[] { 300L, null });
		figures.put("C03", new Long[] { 50L, null });
		figures.put("C04", new Long[] { 40L, null });
		figures.put("F02", new Long[] { figures.get("F01")[0], null });
		return figures;
	}

}
