package vn.tonghop.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.validate.Rule;
import vn.tonghop.validate.RuleBook;
import vn.tonghop.validate.Severity;

/**
 * The Excel data validations of the blank form, generated from the catalogue and the
 * rules: drop-down lists on the province, sector, industry, F03 and F04 cells; whole
 * numbers of at least 0 on every count and money cell; on every female cell, female not
 * above the total; and every error rule of {@code rules.csv} that compares two values
 * without a factor as a formula on its left-hand cell. One validation per cell, so that
 * each carries its indicator's label and unit as its input message.
 */
final class FormValidations {

	private final Sheet sheet;

	private final ReturnFormWriter.Layout layout;

	private final IndicatorCatalogue catalogue;

	private final RuleBook rules;

	private final TemplateTexts texts;

	private final DataValidationHelper helper;

	FormValidations(Sheet sheet, ReturnFormWriter.Layout layout, IndicatorCatalogue catalogue, RuleBook rules,
			TemplateTexts texts) {
		this.sheet = sheet;
		this.layout = layout;
		this.catalogue = catalogue;
		this.rules = rules;
		this.texts = texts;
		this.helper = sheet.getDataValidationHelper();
	}

	/**
	 * The comparison rules that Excel checks as the user types: errors, with a factor of
	 * 1 (a factor such as W01's 15% is a judgement, left to the validator).
	 */
	static List<Rule> cellRules(RuleBook rules) {
		List<Rule> cellRules = new ArrayList<>();
		for (Rule rule : rules.comparisons()) {
			if (rule.check() == Rule.Check.COMPARE && rule.severity() == Severity.ERROR
					&& rule.factor().compareTo(BigDecimal.ONE) == 0) {
				cellRules.add(rule);
			}
		}
		return cellRules;
	}

	/** The codes of the rules {@link #cellRules(RuleBook)} returns. */
	static Set<String> cellRuleCodes(RuleBook rules) {
		Set<String> codes = new LinkedHashSet<>();
		cellRules(rules).forEach((rule) -> codes.add(rule.code()));
		return codes;
	}

	void apply(int year, ChoiceLists lists) {
		header("province", lists.province(), "list.province");
		header("sector", lists.sector(), "list.sector");
		header("industry", lists.industry(), "list.industry");
		CellAddress yearCell = this.layout.headerValues().get("year");
		if (yearCell != null) {
			DataValidationConstraint constraint = this.helper.createIntegerConstraint(OperatorType.BETWEEN, "2000",
					"2100");
			add(yearCell, constraint, ReturnFormWriter.headerLabel("year"), this.texts.format("input.year", year),
					this.texts.format("error.title"), this.texts.format("error.year", year));
		}
		List<Rule> cellRules = cellRules(this.rules);
		for (Indicator indicator : this.catalogue.all()) {
			switch (indicator.kind()) {
				case CATEGORY -> list(this.layout.total(indicator.code()), lists.rating(), indicator.code(),
						indicator.labelVi(), "list.rating");
				case FLAG -> list(this.layout.total(indicator.code()), lists.flag(), indicator.code(),
						indicator.labelVi(), "list.flag");
				case COUNT, MONEY -> {
					number(indicator, false, cellRules);
					if (indicator.hasFemaleColumn()) {
						number(indicator, true, cellRules);
					}
				}
			}
		}
	}

	private void header(String key, String listName, String messageKey) {
		CellAddress cell = this.layout.headerValues().get(key);
		if (cell != null) {
			list(cell, listName, ReturnFormWriter.headerLabel(key), null, messageKey);
		}
	}

	private void list(CellAddress cell, String listName, String title, String label, String messageKey) {
		String message = this.texts.format(messageKey);
		add(cell, this.helper.createFormulaListConstraint(listName), title,
				(label != null) ? label + "\n" + message : message, this.texts.format("list.title"),
				this.texts.format("list.error", message));
	}

	/**
	 * A count or money cell: a whole number of at least 0, and whatever cross-field check
	 * falls on it.
	 */
	private void number(Indicator indicator, boolean female, List<Rule> cellRules) {
		CellAddress cell = female ? this.layout.female(indicator.code()) : this.layout.total(indicator.code());
		String self = new CellReference(cell.getRow(), cell.getColumn()).formatAsString();
		List<String> checks = new ArrayList<>();
		List<String> sentences = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		if (female) {
			checks.add(atMost(self, this.layout.total(indicator.code()), Rule.Operator.LE,
					Rule.MissingPolicy.SKIP_IF_ANY_MISSING));
			sentences.add(this.texts.format("female.check"));
			reasons.add("");
		}
		for (Rule rule : cellRules) {
			if (rule.left().code().equals(indicator.code()) && rule.left().female() == female) {
				CellAddress right = rule.right().female() ? this.layout.female(rule.right().code())
						: this.layout.total(rule.right().code());
				checks.add(atMost(self, right, rule.operator(), rule.missing()));
				sentences.add(this.texts.sentence(rule, this.catalogue));
				reasons.add(this.texts.reason(rule));
			}
		}
		String unit = indicator.unit().isEmpty() ? "" : indicator.unit();
		String numberSentence = (indicator.kind() == Indicator.Kind.MONEY) ? this.texts.format("number.money")
				: this.texts.format("number.count", unit);
		String title = female ? this.texts.format("input.female", indicator.code())
				: this.texts.format("input.total", indicator.code(), unit);
		String prompt;
		if (female) {
			prompt = this.texts.format("input.text.female", indicator.labelVi(), unit);
		}
		else if (indicator.kind() == Indicator.Kind.MONEY) {
			prompt = this.texts.format("input.text.money", indicator.labelVi());
		}
		else {
			prompt = this.texts.format("input.text", indicator.labelVi(), unit);
		}
		DataValidationConstraint constraint;
		String error;
		if (checks.isEmpty()) {
			constraint = this.helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
			error = numberSentence;
		}
		else {
			constraint = this.helper.createCustomConstraint("AND(ISNUMBER(" + self + ")," + self + ">=0," + self
					+ "=INT(" + self + ")," + String.join(",", checks) + ")");
			error = errorText(sentences, reasons, numberSentence);
		}
		add(cell, constraint, title, prompt, this.texts.format("error.title"), error);
	}

	/**
	 * The check {@code self operator right} in Excel; with a missing (not numeric) right
	 * side it holds when the rule skips missing values, else the right side counts as 0.
	 */
	private static String atMost(String self, CellAddress right, Rule.Operator operator, Rule.MissingPolicy missing) {
		String other = new CellReference(right.getRow(), right.getColumn(), true, true).formatAsString();
		String comparison = self + excel(operator)
				+ ((missing == Rule.MissingPolicy.SKIP_IF_ANY_MISSING) ? other : "N(" + other + ")");
		return (missing == Rule.MissingPolicy.SKIP_IF_ANY_MISSING)
				? "OR(NOT(ISNUMBER(" + other + "))," + comparison + ")" : comparison;
	}

	private static String excel(Rule.Operator operator) {
		return switch (operator) {
			case LE -> "<=";
			case LT -> "<";
			case GE -> ">=";
			case GT -> ">";
			case EQ -> "=";
		};
	}

	/**
	 * The rules' sentences, then their reasons and the whole-number sentence as far as
	 * Excel's 255 characters allow.
	 */
	private static String errorText(List<String> sentences, List<String> reasons, String numberSentence) {
		StringBuilder full = new StringBuilder();
		for (int i = 0; i < sentences.size(); i++) {
			full.append(sentences.get(i)).append(reasons.get(i)).append(' ');
		}
		full.append(numberSentence);
		if (full.length() <= TemplateTexts.TEXT_LIMIT) {
			return full.toString();
		}
		String plain = String.join(" ", sentences) + " " + numberSentence;
		return (plain.length() <= TemplateTexts.TEXT_LIMIT) ? plain
				: TemplateTexts.fit(String.join(" ", sentences), TemplateTexts.TEXT_LIMIT);
	}

	private void add(CellAddress cell, DataValidationConstraint constraint, String title, String prompt,
			String errorTitle, String error) {
		DataValidation validation = this.helper.createValidation(constraint,
				new CellRangeAddressList(cell.getRow(), cell.getRow(), cell.getColumn(), cell.getColumn()));
		validation.setEmptyCellAllowed(true);
		validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
		validation.createErrorBox(TemplateTexts.fit(errorTitle, TemplateTexts.TITLE_LIMIT),
				TemplateTexts.fit(error, TemplateTexts.TEXT_LIMIT));
		validation.setShowErrorBox(true);
		validation.createPromptBox(TemplateTexts.fit(title, TemplateTexts.TITLE_LIMIT),
				TemplateTexts.fit(prompt, TemplateTexts.TEXT_LIMIT));
		validation.setShowPromptBox(true);
		if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
			// POI's XSSF writes the flag as OOXML's showDropDown, which Excel reads the
			// other
			// way round: true there and false in .xls both show the arrow
			validation.setSuppressDropDownArrow(validation instanceof XSSFDataValidation);
		}
		this.sheet.addValidationData(validation);
	}

}
