package vn.tonghop;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.ListLocator;
import vn.tonghop.validate.IndicatorValue;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.NormalisedReturn;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The previous years' lists of {@code src/test/resources/samples} (table layout, CSV
 * saved by Excel on Vietnamese Windows and as "Unicode text"): every figure of every row
 * of {@code truth.json}.
 */
class SampleListsTests {

	static final IndicatorCatalogue catalogue = IndicatorCatalogue.load();

	static final ReturnJudge judge = new ReturnJudge(catalogue, RuleBook.load(catalogue), Messages.vietnamese(),
			ProvinceResolver.load(), SectorResolver.load(), IndustryResolver.load());

	@ParameterizedTest
	@CsvSource({ "table-2024-windows1258.csv, 2024, 12", "table-2025-utf16.csv, 2025, 8" })
	void readsEveryFigureOfEveryRow(String name, int year, int rows) throws Exception {
		List<FormCells> forms = new ListLocator(catalogue)
			.locate(new CsvSheetReader().read(SampleFormsTests.sample(name)))
			.orElseThrow();
		assertThat(forms).hasSize(rows);
		JsonNode truth = SampleFormsTests.truth().get(name);
		assertThat(truth.size()).isEqualTo(rows);
		for (int i = 0; i < rows; i++) {
			JudgedReturn judged = judge.judge(forms.get(i), year);
			JsonNode expected = truth.get(i);
			NormalisedReturn value = judged.value();
			String union = expected.get("union_code").asString();
			assertThat(judged.findings()).as(union)
				.allSatisfy((finding) -> assertThat(finding.rule()).isIn("W01", "W02"));
			assertThat(value.unionCode()).isEqualTo(union);
			assertThat(value.unionName()).as(union).isEqualTo(expected.get("union_name").asString());
			assertThat(value.provinceCode()).as(union).isEqualTo(expected.get("province_code").asString());
			assertThat(value.sectorCode()).as(union).isEqualTo(expected.get("sector_code").asString());
			assertThat(value.industryCode()).as(union).isEqualTo(expected.get("industry_code").asString());
			assertThat(value.declaredYear()).isEqualTo(year);
			if (expected.has("province_as_written")) {
				assertThat(value.provinceWritten()).as(union).isEqualTo(expected.get("province_as_written").asString());
			}
			int checked = 0;
			for (Map.Entry<String, JsonNode> entry : expected.properties()) {
				String key = entry.getKey();
				if (!key.matches("[A-F][0-9]{2}(_nu)?")) {
					continue;
				}
				IndicatorValue actual = value.value(key.substring(0, 3));
				assertThat(actual).as(union + " " + key).isNotNull();
				Object got = switch (key.substring(0, 3)) {
					case "F03" -> actual.category();
					case "F04" -> actual.flag();
					default -> key.endsWith("_nu") ? actual.female() : actual.total();
				};
				Object want = switch (key.substring(0, 3)) {
					case "F03" -> entry.getValue().asString();
					case "F04" -> entry.getValue().asBoolean();
					default -> entry.getValue().asLong();
				};
				assertThat(got).as(union + " " + key).isEqualTo(want);
				checked++;
			}
			// 31 indicators, 12 of them with a female value
			assertThat(checked).isEqualTo(43);
		}
	}

}
