package vn.tonghop.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.catalogue.ReferenceDataException;

/**
 * The validation rules, parsed once from {@code validation/rules.csv} and checked against
 * the indicator catalogue. A broken line stops start-up with the file and line named.
 */
public final class RuleBook {

	public static final String RESOURCE = "validation/rules.csv";

	/** Rule codes that the code evaluates itself; each must be declared in the file. */
	static final Set<String> BUILTINS = Set.of("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R15", "R17",
			"W02", "W04", "W06", "W07", "W09", "W10");

	private static final Pattern CODE = Pattern.compile("[RW][0-9]{2}");

	private final Map<String, Severity> severities;

	private final Map<String, String> summaries;

	private final List<Rule> comparisons;

	private RuleBook(Map<String, Severity> severities, Map<String, String> summaries, List<Rule> comparisons) {
		this.severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
		this.summaries = Map.copyOf(summaries);
		this.comparisons = List.copyOf(comparisons);
	}

	public static RuleBook load(IndicatorCatalogue catalogue) {
		return load(RESOURCE, catalogue, Map.of());
	}

	/**
	 * @param factorOverrides replaces the factor of every comparison of a rule code (for
	 * instance the W01 cap, {@code tonghop.validation.factors.W01=0.2})
	 */
	public static RuleBook load(String resource, IndicatorCatalogue catalogue,
			Map<String, BigDecimal> factorOverrides) {
		Map<String, Severity> severities = new LinkedHashMap<>();
		Map<String, String> summaries = new LinkedHashMap<>();
		Map<String, Long> builtinLines = new LinkedHashMap<>();
		List<Rule> comparisons = new ArrayList<>();
		for (ReferenceCsv.Row row : ReferenceCsv.read(resource, "code", "severity", "check", "left", "operator",
				"right", "factor", "missing", "summary")) {
			String code = row.required("code");
			if (!CODE.matcher(code).matches()) {
				throw row.fail("rule code '" + code + "' is not R or W and two digits");
			}
			Severity severity = row.enumValue("severity", Severity.class);
			if ((code.charAt(0) == 'R') != (severity == Severity.ERROR)) {
				throw row.fail("rule " + code + ": R rules are errors and W rules are warnings");
			}
			Severity earlier = severities.putIfAbsent(code, severity);
			if (earlier != null && earlier != severity) {
				throw row.fail("rule " + code + " is " + earlier.csv() + " on an earlier line");
			}
			summaries.putIfAbsent(code, row.optional("summary"));
			Rule.Check check = row.enumValue("check", Rule.Check.class);
			if (check == Rule.Check.BUILTIN) {
				Long before = builtinLines.put(code, row.line());
				if (before != null) {
					throw row.fail("rule " + code + " is already declared on line " + before);
				}
				continue;
			}
			Rule.Operand left = operand(row, "left", catalogue);
			Rule.Operand right = operand(row, "right", catalogue);
			Rule.Operator operator = Rule.Operator.of(row.required("operator"));
			if (operator == null) {
				throw row.fail("operator '" + row.optional("operator") + "' is not one of <=, <, >=, >, ==");
			}
			BigDecimal factor = factorOverrides.getOrDefault(code, factor(row));
			Rule.MissingPolicy missing = row.optional("missing").isEmpty() ? Rule.MissingPolicy.SKIP_IF_ANY_MISSING
					: row.enumValue("missing", Rule.MissingPolicy.class);
			comparisons.add(new Rule(code, severity, check, left, operator, right, factor, missing,
					row.optional("summary"), row.line()));
		}
		for (String builtin : BUILTINS) {
			if (!builtinLines.containsKey(builtin)) {
				throw new ReferenceDataException(resource, 0, "the built-in rule " + builtin + " is not declared");
			}
		}
		return new RuleBook(severities, summaries, comparisons);
	}

	private static BigDecimal factor(ReferenceCsv.Row row) {
		String text = row.optional("factor");
		if (text.isEmpty()) {
			return BigDecimal.ONE;
		}
		try {
			BigDecimal factor = new BigDecimal(text);
			if (factor.signum() <= 0) {
				throw row.fail("factor must be positive, not " + text);
			}
			return factor;
		}
		catch (NumberFormatException ex) {
			throw row.fail("factor '" + text + "' is not a number");
		}
	}

	private static Rule.Operand operand(ReferenceCsv.Row row, String column, IndicatorCatalogue catalogue) {
		String text = row.required(column).toUpperCase(Locale.ROOT);
		boolean female = text.endsWith("_NU");
		String code = female ? text.substring(0, text.length() - 3) : text;
		Indicator indicator = catalogue.find(code)
			.orElseThrow(() -> row.fail(column + " '" + text + "' is not an indicator of the catalogue"));
		if (!indicator.kind().numeric()) {
			throw row.fail(column + " " + code + " is not a count or money indicator");
		}
		if (female && !indicator.hasFemaleColumn()) {
			throw row.fail(column + " " + code + " has no female value");
		}
		return new Rule.Operand(code, female);
	}

	public Severity severity(String code) {
		Severity severity = this.severities.get(code);
		if (severity == null) {
			throw new IllegalArgumentException("no rule " + code + " in " + RESOURCE);
		}
		return severity;
	}

	public String summary(String code) {
		return this.summaries.getOrDefault(code, "");
	}

	/** Every rule code, in file order. */
	public Set<String> codes() {
		return this.severities.keySet();
	}

	public List<Rule> comparisons() {
		return this.comparisons;
	}

}
