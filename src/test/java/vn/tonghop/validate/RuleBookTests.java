package vn.tonghop.validate;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.catalogue.ReferenceDataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBookTests {

	static final IndicatorCatalogue catalogue = IndicatorCatalogue.load();

	@Test
	void loadsEveryRuleOfTheSpec() {
		RuleBook rules = RuleBook.load(catalogue);
		assertThat(rules.codes()).contains("R01", "R17", "W01", "W10").hasSize(27);
		assertThat(rules.severity("R08")).isEqualTo(Severity.ERROR);
		assertThat(rules.severity("W06")).isEqualTo(Severity.WARNING);
		assertThat(rules.comparisons()).extracting(Rule::code)
			.containsExactly("R09", "R10", "R11", "R12", "R12", "R13", "R14", "R16", "R16", "W01");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "unknown-indicator.csv|line 3|X99", "bad-operator.csv|line 2|operator '=>'",
					"bad-severity.csv|line 2|R rules are errors", "missing-builtin.csv|validation|built-in rule R01",
					"female-without-column.csv|line 2|A04 has no female value" })
	void stopsStartUpNamingFileAndLine(String file, String where, String what) {
		assertThatThrownBy(() -> RuleBook.load("validation/broken/" + file, catalogue, Map.of()))
			.isInstanceOf(ReferenceDataException.class)
			.hasMessageContaining("validation/broken/" + file)
			.hasMessageContaining(where)
			.hasMessageContaining(what);
	}

}
