package vn.tonghop.validate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.HeaderField;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.validate.FindingAssert.assertHasFinding;
import static vn.tonghop.validate.FindingAssert.assertNoFinding;

class ReturnJudgeTests {

	static final IndicatorCatalogue catalogue = IndicatorCatalogue.load();

	static final ReturnJudge judge = new ReturnJudge(catalogue, RuleBook.load(catalogue), Messages.vietnamese(),
			ProvinceResolver.load(), SectorResolver.load(), IndustryResolver.load());

	static JudgedReturn judge(TestForms form) {
		return judge.judge(form.build(), 2026);
	}

	@Test
	void acceptsValidReturnWithoutFindings() {
		JudgedReturn judged = judge(TestForms.valid());
		assertThat(judged.findings()).isEmpty();
		assertThat(judged.accepted()).isTrue();
		NormalisedReturn value = judged.value();
		assertThat(value.unionCode()).isEqualTo("CD0001");
		assertThat(value.provinceCode()).isEqualTo("01");
		assertThat(value.sectorCode()).isEqualTo("HCSN");
		assertThat(value.industryCode()).isEqualTo("P");
		assertThat(value.declaredYear()).isEqualTo(2026);
		assertThat(value.value("A02").total()).isEqualTo(80L);
		assertThat(value.value("A02").female()).isEqualTo(50L);
		assertThat(value.value("A02").totalCell().a1()).isEqualTo(TestForms.valid().totalCell("A02"));
		assertThat(value.value("F03").category()).isEqualTo("HTTNV");
		assertThat(value.value("F04").flag()).isTrue();
	}

	@Test
	void keepsValuesInCatalogueOrderAndLeavesMissingOut() {
		NormalisedReturn value = judge(TestForms.valid().value("A03", null, null)).value();
		assertThat(value.values()).doesNotContainKey("A03");
		assertThat(value.values().keySet()).startsWith("A01", "A02", "A04", "B02");
	}

	@Nested
	class Normalisation {

		@Test
		void readsVietnameseNumbersTypedAsText() {
			JudgedReturn judged = judge(TestForms.valid().value("A01", "1.234", "060").value("A02", " 1 000 ", "600"));
			assertThat(judged.value().value("A01").total()).isEqualTo(1234L);
			assertThat(judged.value().value("A01").female()).isEqualTo(60L);
			assertThat(judged.value().value("A02").total()).isEqualTo(1000L);
			assertThat(judged.findings()).isEmpty();
		}

		@Test
		void readsMoneyInDongAndTrieu() {
			JudgedReturn judged = judge(
					TestForms.valid().value("E06", "12.500.000 đồng", null).value("E07", "5 triệu", null));
			assertThat(judged.value().value("E06").total()).isEqualTo(12_500_000L);
			assertThat(judged.value().value("E07").total()).isEqualTo(5_000_000L);
		}

		@Test
		void treatsDashAndXAsMissingNotZero() {
			JudgedReturn judged = judge(TestForms.valid().value("A03", "-", "x"));
			assertThat(judged.value().values()).doesNotContainKey("A03");
			assertThat(judged.findings()).isEmpty();
		}

		@Test
		void normalisesOlderRatingWordingAndYesNo() {
			JudgedReturn judged = judge(
					TestForms.valid().value("F03", "Vững mạnh xuất sắc", null).value("F04", "x", null));
			assertThat(judged.value().value("F03").category()).isEqualTo("HTXSNV");
			assertThat(judged.value().value("F04").flag()).isTrue();
		}

		@Test
		void resolvesSectorAliasAndProvinceAlias() {
			JudgedReturn judged = judge(TestForms.valid()
				.header(HeaderField.SECTOR, "Ngoài quốc doanh")
				.header(HeaderField.PROVINCE, "TP.HCM"));
			assertThat(judged.value().sectorCode()).isEqualTo("NNN");
			assertThat(judged.value().provinceCode()).isEqualTo("79");
			assertThat(judged.value().provinceWritten()).isEqualTo("TP.HCM");
		}

		@Test
		void readsYearWrittenAsText() {
			JudgedReturn judged = judge(TestForms.valid().header(HeaderField.YEAR, "Năm 2026"));
			assertThat(judged.value().declaredYear()).isEqualTo(2026);
			assertNoFinding(judged, "R04");
		}

		@Test
		void upperCasesUnionCodeAndDropsSpaces() {
			assertThat(judge(TestForms.valid().header(HeaderField.UNION_CODE, " cd 0001 ")).value().unionCode())
				.isEqualTo("CD0001");
		}

	}

	@Nested
	class Errors {

		@ParameterizedTest
		@CsvSource({ "UNION_CODE, Mã công đoàn cơ sở", "UNION_NAME, Tên công đoàn cơ sở", "PROVINCE, Tỉnh/thành phố",
				"SECTOR, Khu vực", "YEAR, Năm báo cáo" })
		void rejectsReturnWithoutRequiredHeaderField(HeaderField field, String label) {
			JudgedReturn judged = judge(TestForms.valid().header(field, null));
			assertThat(judged.accepted()).isFalse();
			Finding finding = judged.findings()
				.stream()
				.filter((f) -> f.rule().equals("R01"))
				.findFirst()
				.orElseThrow();
			assertThat(finding.message()).contains(label);
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
		}

		@Test
		void acceptsReturnWithoutOptionalIndustry() {
			JudgedReturn judged = judge(TestForms.valid().header(HeaderField.INDUSTRY, null));
			assertThat(judged.accepted()).isTrue();
			assertThat(judged.value().industryCode()).isNull();
		}

		@Test
		void rejectsUnknownProvinceAndSuggestsCandidates() {
			Finding finding = assertHasFinding(judge(TestForms.valid().header(HeaderField.PROVINCE, "Hà Nộii")), "R02",
					"B5");
			assertThat(finding.message()).contains("Hà Nộii").contains("Hà Nội");
		}

		/**
		 * A province gone before 2025 suggests what it became (issue 24, item 10: "Sông
		 * Bé" suggested Sơn La and Tây Ninh, names that are only spelt alike).
		 */
		@Test
		void rejectsAHistoricalProvinceAndSuggestsWhatItBecame() {
			Finding finding = assertHasFinding(judge(TestForms.valid().header(HeaderField.PROVINCE, "Sông Bé")), "R02",
					"B5");
			assertThat(finding.message()).contains("\"Sông Bé\"")
				.contains("Có phải là: Hồ Chí Minh, Đồng Nai")
				.doesNotContain("Sơn La");
		}

		@Test
		void rejectsUnknownSector() {
			Finding finding = assertHasFinding(judge(TestForms.valid().header(HeaderField.SECTOR, "Tư nhân hóa")),
					"R03", "B6");
			assertThat(finding.message()).contains("Tư nhân hóa").contains("HCSN");
		}

		@Test
		void rejectsReturnOfAnotherYear() {
			Finding finding = assertHasFinding(judge(TestForms.valid().header(HeaderField.YEAR, 2025.0)), "R04", "B9");
			assertThat(finding.message()).contains("2025").contains("2026");
		}

		@Test
		void rejectsUnreadableYear() {
			assertHasFinding(judge(TestForms.valid().header(HeaderField.YEAR, "năm nay")), "R04", "B9");
		}

		@Test
		void rejectsTextThatIsNotANumber() {
			TestForms form = TestForms.valid().value("A04", "không rõ", null);
			Finding finding = assertHasFinding(judge(form), "R05", form.totalCell("A04"));
			assertThat(finding.message()).contains("A04").contains("không rõ");
		}

		@Test
		void rejectsNegativeValue() {
			TestForms form = TestForms.valid().value("C04", -1.0, null);
			assertHasFinding(judge(form), "R06", form.totalCell("C04"));
		}

		@Test
		void rejectsCountThatIsNotWhole() {
			TestForms form = TestForms.valid().value("A04", "2,5", null);
			assertHasFinding(judge(form), "R07", form.totalCell("A04"));
		}

		@Test
		void rejectsReturnWhenFemaleExceedsTotal() {
			TestForms form = TestForms.valid().value("B02", 60.0, 61.0);
			Finding finding = assertHasFinding(judge(form), "R08", form.femaleCell("B02"));
			assertThat(finding.message()).contains("61").contains("60");
		}

		@Test
		void acceptsFemaleEqualToTotal() {
			assertNoFinding(judge(TestForms.valid().value("B02", 60.0, 60.0)), "R08");
		}

		@Test
		void rejectsMembersMoreThanWorkers() {
			TestForms form = TestForms.valid().value("A02", 101.0, 50.0);
			assertHasFinding(judge(form), "R09", form.totalCell("A02"));
		}

		@Test
		void rejectsAdvancedWorkersMoreThanWorkers() {
			TestForms form = TestForms.valid().value("B02", 101.0, 30.0).value("B03", 5.0, 2.0);
			assertHasFinding(judge(form), "R10", form.totalCell("B02"));
		}

		@Test
		void rejectsEmulationFightersMoreThanAdvancedWorkers() {
			TestForms form = TestForms.valid().value("B03", 61.0, 2.0);
			assertHasFinding(judge(form), "R11", form.totalCell("B03"));
		}

		@Test
		void rejectsCollectivesOutOfOrder() {
			TestForms form = TestForms.valid().value("C02", 11.0, null);
			assertHasFinding(judge(form), "R12", form.totalCell("C02"));
			TestForms form2 = TestForms.valid().value("C03", 7.0, null);
			assertHasFinding(judge(form2), "R12", form2.totalCell("C03"));
		}

		@Test
		void rejectsGoodAtHomeTitlesMoreThanFemaleWorkers() {
			TestForms form = TestForms.valid().value("B06", 61.0, null);
			assertHasFinding(judge(form), "R13", form.totalCell("B06"));
		}

		@Test
		void rejectsTargetsMetMoreThanSet() {
			TestForms form = TestForms.valid().value("F02", 6.0, null);
			assertHasFinding(judge(form), "R14", form.totalCell("F02"));
		}

		@Test
		void rejectsRatingOutsideItsList() {
			TestForms form = TestForms.valid().value("F03", "Tốt", null);
			assertHasFinding(judge(form), "R15", form.totalCell("F03"));
		}

		@Test
		void rejectsCulturalStandardOutsideYesNo() {
			TestForms form = TestForms.valid().value("F04", "có lẽ", null);
			assertHasFinding(judge(form), "R15", form.totalCell("F04"));
		}

		@Test
		void rejectsExcellentMembersMoreThanMembers() {
			TestForms form = TestForms.valid().value("B05", 81.0, 4.0);
			assertHasFinding(judge(form), "R16", form.totalCell("B05"));
		}

		@Test
		void rejectsExcellentGroupsMoreThanGroups() {
			TestForms form = TestForms.valid().value("C04", 6.0, null);
			assertHasFinding(judge(form), "R16", form.totalCell("C04"));
		}

		@ParameterizedTest
		@CsvSource({ "A01", "A02", "B02", "B03", "F03" })
		void rejectsReturnWithoutRequiredIndicator(String code) {
			JudgedReturn judged = judge(TestForms.valid().without(code));
			assertThat(judged.accepted()).isFalse();
			assertThat(judged.findings()).anyMatch((f) -> f.rule().equals("R17") && f.message().contains(code));
		}

		@Test
		void reportsRequiredIndicatorLeftBlankAtItsRow() {
			TestForms form = TestForms.valid().value("A01", null, null);
			assertHasFinding(judge(form), "R17", form.totalCell("A01"));
		}

		@Test
		void skipsComparisonWhenAValueIsMissing() {
			JudgedReturn judged = judge(TestForms.valid().without("C01").value("C02", 11.0, null));
			assertNoFinding(judged, "R12");
		}

		@Test
		void reportsEveryFindingNotOnlyTheFirst() {
			TestForms form = TestForms.valid()
				.value("B02", 60.0, 61.0)
				.value("F02", 9.0, null)
				.value("A04", "abc", null);
			JudgedReturn judged = judge(form);
			assertThat(judged.findings()).extracting(Finding::rule).contains("R08", "R14", "R05");
		}

	}

	@Nested
	class Warnings {

		@Test
		void warnsWhenEmulationFightersAboveFifteenPercentOfAdvancedWorkers() {
			TestForms form = TestForms.valid().value("B03", 10.0, 2.0);
			JudgedReturn judged = judge(form);
			Finding finding = assertHasFinding(judged, "W01", form.totalCell("B03"));
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.message()).contains("15%");
			assertThat(judged.accepted()).isTrue();
		}

		@Test
		void doesNotWarnAtExactlyFifteenPercent() {
			assertNoFinding(judge(TestForms.valid().value("B03", 9.0, 2.0)), "W01");
		}

		@Test
		void honoursAConfiguredCap() {
			RuleBook rules = RuleBook.load(RuleBook.RESOURCE, catalogue,
					java.util.Map.of("W01", new java.math.BigDecimal("0.2")));
			ReturnJudge lenient = new ReturnJudge(catalogue, rules, Messages.vietnamese(), ProvinceResolver.load(),
					SectorResolver.load(), IndustryResolver.load());
			assertThat(lenient.judge(TestForms.valid().value("B03", 10.0, 2.0).build(), 2026).findings()).isEmpty();
		}

		@Test
		void warnsWhenPreMergerProvinceIsMapped() {
			JudgedReturn judged = judge(TestForms.valid().header(HeaderField.PROVINCE, "Bình Dương"));
			Finding finding = assertHasFinding(judged, "W02", "B5");
			assertThat(judged.value().provinceCode()).isEqualTo("79");
			assertThat(judged.value().provinceWritten()).isEqualTo("Bình Dương");
			assertThat(finding.message()).contains("Bình Dương").contains("Hồ Chí Minh");
			assertThat(judged.accepted()).isTrue();
		}

		@Test
		void warnsOnApproximateValue() {
			TestForms form = TestForms.valid().value("E03", "trên 30", null);
			JudgedReturn judged = judge(form);
			assertHasFinding(judged, "W04", form.totalCell("E03"));
			assertThat(judged.value().value("E03").total()).isEqualTo(30L);
			assertThat(judged.accepted()).isTrue();
		}

		@Test
		void warnsOnUnknownIndicatorCode() {
			JudgedReturn judged = judge(TestForms.valid().unknownCode("G01"));
			assertThat(judged.findings()).singleElement().satisfies((f) -> {
				assertThat(f.rule()).isEqualTo("W07");
				assertThat(f.message()).contains("G01");
			});
			assertThat(judged.accepted()).isTrue();
		}

		@Test
		void warnsOnUnresolvableIndustryAndLeavesItEmpty() {
			JudgedReturn judged = judge(TestForms.valid().header(HeaderField.INDUSTRY, "Ngành gì đó"));
			assertHasFinding(judged, "W10", "B7");
			assertThat(judged.value().industryCode()).isNull();
			assertThat(judged.accepted()).isTrue();
		}

		@Test
		void namesTheUnionOnEveryFinding() {
			JudgedReturn judged = judge(TestForms.valid().value("E03", "khoảng 30", null).unknownCode("G01"));
			assertThat(judged.findings()).allMatch((f) -> f.unionCode().equals("CD0001"));
		}

	}

	/**
	 * A list's code columns ({@code province_code}, {@code sector_code},
	 * {@code industry_code}, as tonghop's returns.csv writes them): the code decides; a
	 * name beside it that names another unit leaves the field unresolved.
	 */
	@Nested
	class CodeColumns {

		static final String PROVINCE_CODE_CELL = "B15";

		@Test
		void acceptsProvinceCodeWithoutProvinceName() {
			JudgedReturn judged = judge(
					TestForms.valid().header(HeaderField.PROVINCE, null).header(HeaderField.PROVINCE_CODE, "79"));
			assertThat(judged.findings()).isEmpty();
			assertThat(judged.value().provinceCode()).isEqualTo("79");
			assertThat(judged.value().provinceWritten()).isEqualTo("79");
			assertThat(judged.value().headerCells().get("province").a1()).isEqualTo(PROVINCE_CODE_CELL);
		}

		@Test
		void readsProvinceCodeAsA2025CodeWhateverTheYear() {
			// 24 was Bắc Giang until 2024 and is Bắc Ninh since: a province_code is
			// always
			// the 34 units' code, with no W02 for an old unit nobody named
			TestForms form = TestForms.valid()
				.header(HeaderField.YEAR, 2024.0)
				.header(HeaderField.PROVINCE, null)
				.header(HeaderField.PROVINCE_CODE, "24");
			JudgedReturn judged = judge.judge(form.build(), 2024);
			assertThat(judged.findings()).isEmpty();
			assertThat(judged.value().provinceCode()).isEqualTo("24");
		}

		@Test
		void acceptsProvinceCodeAndNameThatAgree() {
			JudgedReturn judged = judge(TestForms.valid()
				.header(HeaderField.PROVINCE, "Bình Dương")
				.header(HeaderField.PROVINCE_CODE, "79"));
			assertThat(judged.findings()).isEmpty();
			assertThat(judged.value().provinceCode()).isEqualTo("79");
			assertThat(judged.value().provinceWritten()).isEqualTo("Bình Dương");
		}

		@Test
		void rejectsReturnWhoseProvinceCodeAndNameDisagree() {
			JudgedReturn judged = judge(TestForms.valid().header(HeaderField.PROVINCE_CODE, "79"));
			Finding finding = assertHasFinding(judged, "R02", "B5");
			assertThat(finding.message()).contains("\"79\"", "Hồ Chí Minh", "Hà Nội", "province_code");
			assertThat(judged.accepted()).isFalse();
			assertThat(judged.value().provinceCode()).isNull();
		}

		@Test
		void rejectsProvinceCodeThatIsNoUnitOf2025() {
			// 02 was Hà Giang: not a code since 1 July 2025
			JudgedReturn judged = judge(
					TestForms.valid().header(HeaderField.PROVINCE, null).header(HeaderField.PROVINCE_CODE, "02"));
			assertHasFinding(judged, "R02", PROVINCE_CODE_CELL);
			assertNoFinding(judged, "R01");
		}

		@Test
		void rejectsReturnWhoseSectorCodeAndNameDisagree() {
			JudgedReturn judged = judge(TestForms.valid()
				.header(HeaderField.SECTOR, "Doanh nghiệp có vốn đầu tư nước ngoài")
				.header(HeaderField.SECTOR_CODE, "HCSN"));
			Finding finding = assertHasFinding(judged, "R03", "B6");
			assertThat(finding.message()).contains("sector_code", "HCSN", "Doanh nghiệp có vốn đầu tư nước ngoài");
			assertThat(judged.accepted()).isFalse();
		}

		@Test
		void leavesIndustryEmptyWhenItsCodeAndNameDisagree() {
			JudgedReturn judged = judge(TestForms.valid().header(HeaderField.INDUSTRY_CODE, "Q"));
			assertHasFinding(judged, "W10", "B7");
			assertThat(judged.value().industryCode()).isNull();
			assertThat(judged.accepted()).isTrue();
		}

		@Test
		void takesSectorAndIndustryFromTheirCodesAlone() {
			JudgedReturn judged = judge(TestForms.valid()
				.header(HeaderField.SECTOR, null)
				.header(HeaderField.INDUSTRY, null)
				.header(HeaderField.SECTOR_CODE, "FDI")
				.header(HeaderField.INDUSTRY_CODE, "C"));
			assertThat(judged.findings()).isEmpty();
			assertThat(judged.value().sectorCode()).isEqualTo("FDI");
			assertThat(judged.value().industryCode()).isEqualTo("C");
		}

	}

}
