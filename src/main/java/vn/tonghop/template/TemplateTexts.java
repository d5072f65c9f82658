package vn.tonghop.template;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.validate.Rule;
import vn.tonghop.validate.Severity;

/**
 * The Vietnamese texts of the blank form, from {@code i18n/template_vi.properties}:
 * messages of the cells and the instructions sheet. Arguments are passed as text so that
 * no locale reformats numbers.
 */
final class TemplateTexts {

	static final String BUNDLE = "i18n.template";

	/** Excel's limit on a data-validation message title. */
	static final int TITLE_LIMIT = 32;

	/** Excel's limit on a data-validation message text. */
	static final int TEXT_LIMIT = 255;

	private final ResourceBundle bundle;

	private TemplateTexts(ResourceBundle bundle) {
		this.bundle = bundle;
	}

	static TemplateTexts vietnamese() {
		return new TemplateTexts(ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("vi"),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
	}

	boolean has(String key) {
		return this.bundle.containsKey(key);
	}

	String format(String key, Object... args) {
		String template;
		try {
			template = this.bundle.getString(key);
		}
		catch (MissingResourceException ex) {
			throw new IllegalStateException("no text '" + key + "' in " + BUNDLE + "_vi.properties", ex);
		}
		Object[] text = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			text[i] = String.valueOf(args[i]);
		}
		return new MessageFormat(template.replace("'", "''"), Locale.ROOT).format(text);
	}

	/**
	 * A comparison rule as a sentence, "Chiến sĩ thi đua cơ sở (B03) không được lớn hơn
	 * Lao động tiên tiến (B02).", followed by its {@link #reason(Rule) reason}.
	 */
	String rule(Rule rule, IndicatorCatalogue catalogue) {
		return sentence(rule, catalogue) + reason(rule);
	}

	/** A comparison rule as a sentence, from its operands' labels and its operator. */
	String sentence(Rule rule, IndicatorCatalogue catalogue) {
		boolean unit = rule.factor().compareTo(BigDecimal.ONE) == 0;
		String key = (unit ? "compare." : "compare.factor.") + rule.operator().name();
		if (rule.severity() == Severity.WARNING && has(key + ".warning")) {
			key = key + ".warning";
		}
		return capitalised(
				format(key, operand(rule.left(), catalogue), operand(rule.right(), catalogue), percent(rule.factor())));
	}

	/** Why the rule holds, with a leading space, or "" when the texts give no reason. */
	String reason(Rule rule) {
		String key = "reason." + rule.code();
		return has(key) ? " " + format(key) : "";
	}

	private String operand(Rule.Operand operand, IndicatorCatalogue catalogue) {
		return format(operand.female() ? "operand.female" : "operand.total", operand.code(),
				catalogue.get(operand.code()).labelVi());
	}

	/** 0.15 as "15%", 1.5 as "150%". */
	static String percent(BigDecimal factor) {
		return factor.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + "%";
	}

	static String capitalised(String text) {
		if (text.isEmpty()) {
			return text;
		}
		int first = text.codePointAt(0);
		return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
			.append(text, Character.charCount(first), text.length())
			.toString();
	}

	/** {@code text} cut to {@code limit} characters, an ellipsis marking the cut. */
	static String fit(String text, int limit) {
		return (text.length() <= limit) ? text : text.substring(0, limit - 1) + "…";
	}

}
