package vn.tonghop.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.Rating;
import vn.tonghop.validate.Rule;
import vn.tonghop.validate.RuleBook;

/**
 * What each rule of {@code rules.csv} checks, in Vietnamese, as the blank form's
 * {@code Hướng dẫn} sheet explains it to the unions: a comparison rule as a sentence made
 * from its operands' labels, a rule checked in code from
 * {@code i18n/template_vi.properties} ({@code rule.R01}, ...), else the rule's summary in
 * {@code rules.csv}.
 */
public final class RuleMeanings {

	private final IndicatorCatalogue catalogue;

	private final RuleBook rules;

	private final TemplateTexts texts;

	RuleMeanings(IndicatorCatalogue catalogue, RuleBook rules, TemplateTexts texts) {
		this.catalogue = catalogue;
		this.rules = rules;
		this.texts = texts;
	}

	/** The meanings in Vietnamese. */
	public static RuleMeanings vietnamese(IndicatorCatalogue catalogue, RuleBook rules) {
		return new RuleMeanings(catalogue, rules, TemplateTexts.vietnamese());
	}

	/**
	 * Every rule's meaning for a return of year {@code year}, by rule code in the order
	 * of {@code rules.csv}.
	 */
	public Map<String, String> of(int year) {
		Object[] arguments = { String.join(", ", requiredHeaderLabels()), year, String.join("; ", ratings()),
				String.join("; ", requiredIndicators()), String.join("; ", sectors()) };
		Map<String, String> meanings = new LinkedHashMap<>();
		for (String code : this.rules.codes()) {
			List<String> sentences = new ArrayList<>();
			for (Rule rule : this.rules.comparisons()) {
				if (rule.code().equals(code)) {
					sentences.add(this.texts.rule(rule, this.catalogue));
				}
			}
			if (sentences.isEmpty()) {
				sentences.add(this.texts.has("rule." + code) ? this.texts.format("rule." + code, arguments)
						: this.rules.summary(code));
			}
			meanings.put(code, String.join(" ", sentences));
		}
		return meanings;
	}

	private static List<String> requiredHeaderLabels() {
		return FormContent.HEADER_KEYS.stream()
			.filter(ReturnFormWriter::required)
			.map(ReturnFormWriter::headerLabel)
			.toList();
	}

	private List<String> requiredIndicators() {
		return this.catalogue.all()
			.stream()
			.filter(Indicator::required)
			.map((indicator) -> indicator.code() + " " + indicator.labelVi())
			.toList();
	}

	private static List<String> sectors() {
		return ChoiceLists.contents().get(ChoiceLists.SECTORS);
	}

	/** The ratings of F03 as the form lists them. */
	static List<String> ratings() {
		List<String> ratings = new ArrayList<>();
		for (Rating rating : Rating.values()) {
			ratings.add(rating.label());
		}
		return ratings;
	}

}
