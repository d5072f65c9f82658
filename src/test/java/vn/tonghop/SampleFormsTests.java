package vn.tonghop;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.IndicatorValue;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.NormalisedReturn;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The returns in {@code src/test/resources/samples} were saved by other programs (Excel,
 * LibreOffice); {@code truth.json} holds every figure each one carries. Every figure must
 * come out exactly.
 */
class SampleFormsTests {

	static final IndicatorCatalogue catalogue = IndicatorCatalogue.load();

	static final ReturnJudge judge = new ReturnJudge(catalogue, RuleBook.load(catalogue), Messages.vietnamese(),
			ProvinceResolver.load(), SectorResolver.load(), IndustryResolver.load());

	@ParameterizedTest
	@ValueSource(strings = { "form-libreoffice.xls", "form-formulas-libreoffice.xlsx", "form-edited.xlsx",
			"form-tcvn3-2024.xls" })
	void readsEveryFigureOfEverySampleForm(String name) throws Exception {
		JsonNode truth = truth().get(name);
		int year = truth.get("year").asInt();
		JudgedReturn judged = judge
			.judge(new FormLocator(catalogue).locate(new WorkbookReader().readReturnSheet(sample(name))), year);

		if (name.contains("tcvn3")) {
			// typed in TCVN3 fonts: converted to Unicode, which W09 says, and nothing
			// else
			assertThat(judged.findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("W09");
				assertThat(finding.message()).contains("TCVN3", "BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA NĂM 2024");
			});
			assertThat(judged.value().provinceWritten()).isEqualTo(truth.get("province_as_written").asString());
		}
		else {
			assertThat(judged.findings()).as("findings").isEmpty();
		}
		NormalisedReturn value = judged.value();
		assertThat(value.unionCode()).isEqualTo(truth.get("union_code").asString());
		assertThat(value.unionName()).isEqualTo(truth.get("union_name").asString());
		assertThat(value.provinceCode()).isEqualTo(truth.get("province_code").asString());
		assertThat(value.sectorCode()).isEqualTo(truth.get("sector_code").asString());
		assertThat(value.industryCode()).isEqualTo(truth.get("industry_code").asString());
		assertThat(value.declaredYear()).isEqualTo(year);
		int checked = 0;
		for (Map.Entry<String, JsonNode> entry : truth.properties()) {
			String key = entry.getKey();
			if (!key.matches("[A-F][0-9]{2}(_nu)?")) {
				continue;
			}
			String code = key.substring(0, 3);
			IndicatorValue actual = value.value(code);
			assertThat(actual).as(key).isNotNull();
			if (code.equals("F03")) {
				assertThat(actual.category()).as(key).isEqualTo(entry.getValue().asString());
			}
			else if (code.equals("F04")) {
				assertThat(actual.flag()).as(key).isEqualTo(entry.getValue().asBoolean());
			}
			else if (key.endsWith("_nu")) {
				assertThat(actual.female()).as(key).isEqualTo(entry.getValue().asLong());
			}
			else {
				assertThat(actual.total()).as(key).isEqualTo(entry.getValue().asLong());
			}
			checked++;
		}
		// 31 indicators, 12 of them with a female value
		assertThat(checked).isEqualTo(43);
		assertThat(value.values()).hasSize(catalogue.all().size());
	}

	static JsonNode truth() throws Exception {
		try (InputStream in = SampleFormsTests.class.getResourceAsStream("/samples/truth.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

	static Path sample(String name) throws URISyntaxException {
		return Path.of(SampleFormsTests.class.getResource("/samples/" + name).toURI());
	}

}
