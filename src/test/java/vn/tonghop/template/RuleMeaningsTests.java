package vn.tonghop.template;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each rule checks, in Vietnamese, as the form's instructions sheet and the
 * console's year page say it.
 */
class RuleMeaningsTests {

	static final IndicatorCatalogue catalogue = IndicatorCatalogue.load();

	static final RuleBook rules = RuleBook.load(catalogue);

	@Test
	void everyRuleHasAMeaningInVietnamese() {
		Map<String, String> meanings = RuleMeanings.vietnamese(catalogue, rules).of(2026);
		assertThat(meanings.keySet()).containsExactlyElementsOf(rules.codes());
		assertThat(meanings.values()).allSatisfy((meaning) -> assertThat(meaning).isNotBlank());
	}

	@Test
	void aComparisonIsASentenceOfItsIndicatorsAndABuiltInRuleNamesTheYear() {
		Map<String, String> meanings = RuleMeanings.vietnamese(catalogue, rules).of(2031);
		assertThat(meanings.get("R09")).startsWith("Tổng số đoàn viên công đoàn (A02) không được lớn hơn")
			.endsWith("Đoàn viên công đoàn là người lao động của cơ quan, đơn vị.");
		assertThat(meanings.get("R04")).isEqualTo("Năm báo cáo phải đúng năm đang tổng hợp (2031).");
		assertThat(meanings.get("W01")).contains("không nên vượt quá 15%");
	}

}
