package vn.tonghop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.template.FormContent;
import vn.tonghop.testing.ValidReturns;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;
import vn.tonghop.validate.Finding;
import vn.tonghop.validate.IndicatorValue;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trip over every way a union edits the form: a return written in each layout
 * variation and format is read back with every figure exact and no finding (but the W07
 * the unknown row asks for).
 */
class GeneratedFormsTests {

	static final IndicatorCatalogue catalogue = IndicatorCatalogue.load();

	static final ReturnJudge judge = new ReturnJudge(catalogue, RuleBook.load(catalogue), Messages.vietnamese(),
			ProvinceResolver.load(), SectorResolver.load(), IndustryResolver.load());

	@TempDir
	Path dir;

	static Stream<Arguments> layouts() {
		FormStyle standard = FormStyle.standard();
		return Stream.of(Arguments.of("standard", standard, "xlsx"), Arguments.of("xls", standard, "xls"),
				Arguments.of("xlsm", standard, "xlsm"),
				Arguments.of("padding", standard.withPaddingRows(4).withPaddingColumns(3), "xlsx"),
				Arguments.of("code before label", standard.withSwapLabelAndCode(true), "xlsx"),
				Arguments.of("shuffled header", standard.withShuffledHeader(true), "xlsx"),
				Arguments.of("female headed Nữ", standard.withFemaleHeading(FormStyle.NU), "xlsx"),
				Arguments.of("hidden first sheet", standard.withHiddenFirstSheet(true), "xlsx"),
				Arguments.of("merged cells", standard.withMergedCells(true), "xlsx"),
				Arguments.of("merged cells xls", standard.withMergedCells(true), "xls"),
				Arguments.of("label-only rows", standard.withLabelOnlyCodes(Set.of("A03", "B06", "E07")), "xlsx"),
				Arguments.of("sheet named Báo cáo", standard.withSheetName("Báo cáo"), "xlsx"),
				Arguments.of("section heading rows", standard.withExtraRows(true), "xlsx"),
				Arguments.of("alternative labels", standard.withHeaderLabelVariant(true), "xlsx"),
				Arguments.of("unknown row", standard.withUnknownRow(true), "xlsx"),
				Arguments.of("everything at once",
						standard.withPaddingRows(2)
							.withPaddingColumns(1)
							.withSwapLabelAndCode(true)
							.withShuffledHeader(true)
							.withFemaleHeading(FormStyle.NU)
							.withHiddenFirstSheet(true)
							.withMergedCells(true)
							.withLabelOnlyCodes(Set.of("C01", "D02"))
							.withExtraRows(true)
							.withHeaderLabelVariant(true),
						"xls"));
	}

	@ParameterizedTest(name = "{0} ({2})")
	@MethodSource("layouts")
	void readsBackEveryFigure(String name, FormStyle style, String extension) throws Exception {
		FormContent content = content();
		Path file = this.dir.resolve("return." + extension);
		new ReturnFormWriter(catalogue).write(content, style, file);

		JudgedReturn judged = judge.judge(new FormLocator(catalogue).locate(new WorkbookReader().readReturnSheet(file)),
				2026);

		assertThat(judged.findings()).as("findings").allSatisfy((Finding f) -> assertThat(f.rule()).isEqualTo("W07"));
		assertThat(judged.findings()).hasSize(style.unknownRow() ? 1 : 0);
		assertThat(judged.value().unionCode()).isEqualTo("CD79000123");
		assertThat(judged.value().provinceCode()).isEqualTo("79");
		assertThat(judged.value().sectorCode()).isEqualTo("FDI");
		assertThat(judged.value().industryCode()).isEqualTo("C");
		for (Indicator indicator : catalogue.all()) {
			IndicatorValue value = judged.value().value(indicator.code());
			assertThat(value).as(indicator.code()).isNotNull();
			FormContent.Entry entry = content.entry(indicator.code());
			switch (indicator.kind()) {
				case COUNT, MONEY -> {
					assertThat(value.total()).as(indicator.code()).isEqualTo(((Number) entry.total()).longValue());
					if (indicator.hasFemaleColumn()) {
						assertThat(value.female()).as(indicator.code() + "_nu")
							.isEqualTo(((Number) entry.female()).longValue());
					}
				}
				case CATEGORY -> assertThat(value.category()).isEqualTo("HTTNV");
				case FLAG -> assertThat(value.flag()).isTrue();
			}
		}
	}

	/**
	 * A valid return with a distinct figure in every cell, so no value can be read twice.
	 */
	static FormContent content() {
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", "CD79000123");
		header.put("union_name", "Công đoàn Công ty TNHH Điện tử Sao Việt");
		header.put("province", "TP. Hồ Chí Minh");
		header.put("sector", "Doanh nghiệp có vốn đầu tư nước ngoài");
		header.put("industry", "C");
		header.put("year", "2026");
		return ValidReturns.content(catalogue, header);
	}

}
