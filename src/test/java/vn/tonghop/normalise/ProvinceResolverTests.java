package vn.tonghop.normalise;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.catalogue.ReferenceDataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProvinceResolverTests {

	private final ProvinceResolver resolver = ProvinceResolver.load();

	private void assertResolves(String written, int year, String code, boolean preMerger, String oldName) {
		ProvinceResolution resolution = this.resolver.resolve(written, year);
		assertThat(resolution.province()).as(written).isNotNull();
		assertThat(resolution.province().code()).as(written).isEqualTo(code);
		assertThat(resolution.preMerger()).as(written).isEqualTo(preMerger);
		assertThat(resolution.oldName()).as(written).isEqualTo(oldName);
		assertThat(resolution.candidates()).as(written).isEmpty();
	}

	@Test
	void loadsThe34ProvincesInFileOrder() {
		List<Province> all = this.resolver.all();
		assertThat(all).hasSize(34);
		assertThat(all.get(0)).isEqualTo(new Province("01", "Hà Nội"));
		assertThat(all.get(33)).isEqualTo(new Province("96", "Cà Mau"));
		assertThat(all).extracting(Province::code).doesNotHaveDuplicates();
	}

	@Test
	void loadsTheTablesOnce() {
		assertThat(ProvinceResolver.load()).isSameAs(this.resolver);
	}

	@Test
	void findsA2025ProvinceByCode() {
		assertThat(this.resolver.byCode("24")).contains(new Province("24", "Bắc Ninh"));
		assertThat(this.resolver.byCode("1")).contains(new Province("01", "Hà Nội"));
		assertThat(this.resolver.byCode("27")).isEmpty();
		assertThat(this.resolver.byCode(null)).isEmpty();
	}

	@Nested
	class Codes {

		@ParameterizedTest
		@CsvSource({ "15, Lào Cai, Yên Bái", "24, Bắc Ninh, Bắc Giang", "44, Quảng Trị, Quảng Bình",
				"52, Gia Lai, Bình Định", "80, Tây Ninh, Long An", "82, Đồng Tháp, Tiền Giang",
				"91, An Giang, Kiên Giang" })
		void readsTheSevenChangedCodesInTheOldSchemeUpTo2024(String code, String successor, String oldName) {
			ProvinceResolution resolution = resolver.resolve(code, 2024);
			assertThat(resolution.province()).isEqualTo(new Province(code, successor));
			assertThat(resolution.preMerger()).isTrue();
			assertThat(resolution.oldName()).isEqualTo(oldName);
			assertThat(resolution.writtenAs()).isEqualTo(code);
		}

		@ParameterizedTest
		@CsvSource({ "15, Lào Cai", "24, Bắc Ninh", "44, Quảng Trị", "52, Gia Lai", "80, Tây Ninh", "82, Đồng Tháp",
				"91, An Giang" })
		void readsTheSevenChangedCodesInTheNewSchemeFrom2025(String code, String name) {
			ProvinceResolution resolution = resolver.resolve(code, 2025);
			assertThat(resolution.province()).isEqualTo(new Province(code, name));
			assertThat(resolution.preMerger()).isFalse();
			assertThat(resolution.oldName()).isNull();
			assertThat(resolver.resolve(code, 2026).province()).isEqualTo(resolution.province());
		}

		@ParameterizedTest
		@CsvSource({ "01, 01, false, ", "1, 01, false, ", "46, 46, false, ", "31, 31, false, ",
				"30, 31, true, Hải Dương", "27, 24, true, Bắc Ninh", "10, 15, true, Lào Cai",
				"77, 79, true, Bà Rịa - Vũng Tàu", "24.0, 24, true, Bắc Giang" })
		void mapsAnOldCodeToItsSuccessorUpTo2024(String written, String code, boolean preMerger, String oldName) {
			assertResolves(written, 2024, code, preMerger, oldName);
		}

		@Test
		void readsACodeTypedAsANumber() {
			assertResolves("24.0", 2025, "24", false, null);
			assertResolves("1", 2025, "01", false, null);
		}

		@Nested
		class Failures {

			@ParameterizedTest
			@CsvSource({ "27, Bắc Ninh", "10, Lào Cai", "89, An Giang", "30, Hải Phòng" })
			void doesNotReadACodeThatNoLongerExistsIn2025ButSuggestsWhatItMeantBefore(String code, String meant) {
				ProvinceResolution resolution = resolver.resolve(code, 2025);
				assertThat(resolution.province()).isNull();
				assertThat(resolution.candidates()).containsExactly(meant);
			}

			@ParameterizedTest
			@CsvSource({ "00, 2024", "03, 2024", "99, 2025", "024, 2025", "24.5, 2025" })
			void doesNotReadACodeThatNeverExisted(String code, int year) {
				ProvinceResolution resolution = resolver.resolve(code, year);
				assertThat(resolution.province()).isNull();
				assertThat(resolution.preMerger()).isFalse();
				assertThat(resolution.writtenAs()).isEqualTo(code);
			}

		}

	}

	@Nested
	class Names {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				Hà Nội                              | 01
				HÀ NỘI                              | 01
				ha noi                              | 01
				Thủ đô Hà Nội                       | 01
				TP. Hà Nội                          | 01
				Liên đoàn Lao động thành phố Hà Nội | 01
				Thanh Hóa                           | 38
				Thanh Hoá                           | 38
				Tỉnh Thanh Hoá                      | 38
				Khánh Hoà                           | 56
				Thành phố Đồng Nai                  | 75
				TP. Đồng Nai                        | 75
				Tỉnh Đồng Nai                       | 75
				Đồng Nai                            | 75
				TP.HCM                              | 79
				TPHCM                               | 79
				TP HCM                              | 79
				HCM                                 | 79
				Sài Gòn                             | 79
				Tp. Hồ Chí Minh                     | 79
				T.P Hồ Chí Minh                     | 79
				Thành phố Hồ Chí Minh               | 79
				LĐLĐ TP. Hồ Chí Minh                | 79
				Hồ Chí Minh                         | 79
				Huế                                 | 46
				Thành phố Huế                       | 46
				Thừa Thiên Huế                      | 46
				Thừa Thiên – Huế                    | 46
				Tỉnh Thừa Thiên-Huế                 | 46
				Đắk Lắk                             | 66
				Đăk Lăk                             | 66
				Bắc Ninh                            | 24
				CĐ Bắc Ninh                         | 24
				Quãng Ngãi                          | 51
				'  Cần   Thơ  '                     | 92
				Hồ Chí  Minh                        | 79
				HoChiMinh                           | 79
				""")
		void resolvesA2025NameOrAliasWithoutMappingAnOldUnit(String written, String code) {
			assertResolves(written, 2025, code, false, null);
			assertResolves(written, 2024, code, false, null);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				Hải Dương                    | 31 | Hải Dương
				Tỉnh Hải Dương               | 31 | Hải Dương
				Bắc Giang                    | 24 | Bắc Giang
				LĐLĐ tỉnh Bắc Giang          | 24 | Bắc Giang
				Quảng Bình                   | 44 | Quảng Bình
				Yên Bái                      | 15 | Yên Bái
				Bình Định                    | 52 | Bình Định
				Long An                      | 80 | Long An
				Tiền Giang                   | 82 | Tiền Giang
				Kiên Giang                   | 91 | Kiên Giang
				Bình Dương                   | 79 | Bình Dương
				Bà Rịa - Vũng Tàu            | 79 | Bà Rịa - Vũng Tàu
				Bà Rịa – Vũng Tàu            | 79 | Bà Rịa - Vũng Tàu
				Bà Rịa—Vũng Tàu              | 79 | Bà Rịa - Vũng Tàu
				BR-VT                        | 79 | Bà Rịa - Vũng Tàu
				Hoà Bình                     | 25 | Hòa Bình
				Hòa Bình                     | 25 | Hòa Bình
				Bắc Cạn                      | 19 | Bắc Kạn
				Kontum                       | 51 | Kon Tum
				Đắc Nông                     | 68 | Đắk Nông
				Quảng Nam                    | 48 | Quảng Nam
				""")
		void mapsAPre2025NameToItsSuccessor(String written, String code, String oldName) {
			assertResolves(written, 2024, code, true, oldName);
			assertResolves(written, 2025, code, true, oldName);
		}

		@Test
		void resolvesDecomposedUnicodeTypedWithUnicodeToHop() {
			String nfd = Normalizer.normalize("Thanh Hóa", Normalizer.Form.NFD);
			assertResolves(nfd, 2025, "38", false, null);
			assertResolves(Normalizer.normalize("Hải Dương", Normalizer.Form.NFD), 2025, "31", true, "Hải Dương");
		}

		@Test
		void keepsTheProvinceAsWrittenCleaned() {
			ProvinceResolution resolution = resolver.resolve("\u00A0Tỉnh  Hải Dương ", 2024);
			assertThat(resolution.writtenAs()).isEqualTo("Tỉnh Hải Dương");
			assertThat(resolution.province()).isEqualTo(new Province("31", "Hải Phòng"));
		}

		@Nested
		class Failures {

			@Test
			void suggestsTheClosestNamesForAMisspelling() {
				ProvinceResolution resolution = resolver.resolve("Quang Nghai", 2025);
				assertThat(resolution.province()).isNull();
				assertThat(resolution.preMerger()).isFalse();
				assertThat(resolution.oldName()).isNull();
				assertThat(resolution.writtenAs()).isEqualTo("Quang Nghai");
				assertThat(resolution.candidates()).hasSize(3).first().isEqualTo("Quảng Ngãi");
			}

			@Test
			void suggestsTheSuccessorWhenTheClosestNameIsAnOldOne() {
				ProvinceResolution resolution = resolver.resolve("Tỉnh Hải Dươn", 2024);
				assertThat(resolution.province()).isNull();
				assertThat(resolution.candidates()).first().isEqualTo("Hải Phòng");
			}

			@Test
			void suggestsAtMostThreeDistinctProvincesForAnUnknownName() {
				ProvinceResolution resolution = resolver.resolve("Hà Nam Ninh", 2024);
				assertThat(resolution.province()).isNull();
				assertThat(resolution.candidates()).hasSize(3).doesNotHaveDuplicates().contains("Ninh Bình");
			}

			@ParameterizedTest
			@ValueSource(strings = { "abc", "Xyz", "Lào", "24.5" })
			void suggestsNothingForTextFarFromEveryName(String written) {
				ProvinceResolution resolution = resolver.resolve(written, 2025);
				assertThat(resolution.province()).isNull();
				assertThat(resolution.candidates()).isEmpty();
			}

			@ParameterizedTest
			@NullAndEmptySource
			@ValueSource(strings = { "  ", "\u00A0" })
			void resolvesNothingFromBlankAndSuggestsNothing(String written) {
				ProvinceResolution resolution = resolver.resolve(written, 2025);
				assertThat(resolution.province()).isNull();
				assertThat(resolution.writtenAs()).isEmpty();
				assertThat(resolution.candidates()).isEmpty();
			}

			@ParameterizedTest
			@ValueSource(strings = { "Tỉnh", "Việt Nam", "Lào", "Hà" })
			void resolvesNothingFromAWordThatIsNotAProvince(String written) {
				assertThat(resolver.resolve(written, 2025).province()).isNull();
			}

		}

	}

	/**
	 * Provinces gone before 2025 (issue 24, item 10): "Sông Bé", split in 1997 into Bình
	 * Dương and Bình Phước, suggested Sơn La and Tây Ninh, spelt alike.
	 */
	@Nested
	class HistoricalNames {

		@ParameterizedTest
		@ValueSource(strings = { "Sông Bé", "song be", "Tỉnh Sông Bé", "SONG BE", "SôngBé" })
		void aSplitProvinceIsNotResolvedAndSuggestsOnlyWhatItsPartsBecame(String written) {
			ProvinceResolution resolution = ProvinceResolverTests.this.resolver.resolve(written, 2026);
			assertThat(resolution.province()).isNull();
			assertThat(resolution.candidates()).as(written).containsExactly("Hồ Chí Minh", "Đồng Nai");
		}

		@Test
		void aMergedProvinceSuggestsItsSuccessor() {
			assertThat(ProvinceResolverTests.this.resolver.resolve("Hà Tây", 2026).candidates())
				.containsExactly("Hà Nội");
			assertThat(ProvinceResolverTests.this.resolver.resolve("Hải Hưng", 2020).candidates())
				.containsExactly("Hải Phòng", "Hưng Yên");
			assertThat(ProvinceResolverTests.this.resolver.resolve("Minh Hải", 2026).candidates())
				.containsExactly("Cà Mau");
		}

		@Test
		void aPreMergerProvinceStillResolvesToItsSuccessor() {
			assertResolves("Bình Dương", 2026, "79", true, "Bình Dương");
		}

	}

	@Test
	void tellsAUnitsOwnNameFromAnotherSpelling() {
		Province hcm = this.resolver.byCode("79").orElseThrow();
		assertThat(this.resolver.isOwnName("Hồ Chí Minh", hcm)).isTrue();
		assertThat(this.resolver.isOwnName("Thành phố Hồ Chí Minh", hcm)).isTrue();
		assertThat(this.resolver.isOwnName("ho chi minh", hcm)).isTrue();
		assertThat(this.resolver.isOwnName("TP.HCM", hcm)).isFalse();
		assertThat(this.resolver.isOwnName("Bình Dương", hcm)).isFalse();
		assertThat(this.resolver.fullName(hcm)).isEqualTo("Thành phố Hồ Chí Minh");
		assertThat(this.resolver.fullName(this.resolver.byCode("75").orElseThrow())).isEqualTo("Thành phố Đồng Nai");
	}

	@Nested
	class BrokenReferenceData {

		private static ReferenceCsv.Row row(String file, long line, Map<String, String> values) {
			return new ReferenceCsv.Row(file, line, values);
		}

		private final List<ReferenceCsv.Row> provinces = List.of(
				row(ProvinceResolver.PROVINCES, 2, Map.of("code", "24", "name", "Bắc Ninh", "name_ascii", "Bac Ninh")),
				row(ProvinceResolver.PROVINCES, 3, Map.of("code", "31", "name", "Hải Phòng", "name_ascii", "")));

		private final List<ReferenceCsv.Row> old = List.of(
				row(ProvinceResolver.OLD_PROVINCES, 2,
						Map.of("code", "24", "name", "Bắc Giang", "name_ascii", "", "successor_code", "24")),
				row(ProvinceResolver.OLD_PROVINCES, 3,
						Map.of("code", "30", "name", "Hải Dương", "name_ascii", "", "successor_code", "31")));

		@Test
		void refusesANameThatLeadsToTwoProvinces() {
			List<ReferenceCsv.Row> aliases = List.of(row(ProvinceResolver.ALIASES, 7,
					Map.of("alias", "BẮC GIANG", "code_or_old_code", "30", "scheme", "old", "new_code", "31")));
			assertThatExceptionOfType(ReferenceDataException.class)
				.isThrownBy(() -> ProvinceResolver.from(this.provinces, this.old, aliases))
				.withMessageContaining(ProvinceResolver.OLD_PROVINCES + " line 2")
				.withMessageContaining("BẮC GIANG")
				.withMessageContaining(ProvinceResolver.ALIASES);
		}

		@Test
		void refusesASuccessorThatIsNotA2025Code() {
			List<ReferenceCsv.Row> badOld = List.of(row(ProvinceResolver.OLD_PROVINCES, 5,
					Map.of("code", "30", "name", "Hải Dương", "name_ascii", "", "successor_code", "30")));
			assertThatExceptionOfType(ReferenceDataException.class)
				.isThrownBy(() -> ProvinceResolver.from(this.provinces, badOld, List.of()))
				.withMessageStartingWith(ProvinceResolver.OLD_PROVINCES + " line 5");
		}

		@Test
		void refusesAnOldAliasWhoseTargetIsNotTheSuccessor() {
			List<ReferenceCsv.Row> aliases = List.of(row(ProvinceResolver.ALIASES, 4,
					Map.of("alias", "Hải Hưng", "code_or_old_code", "30", "scheme", "old", "new_code", "24")));
			assertThatExceptionOfType(ReferenceDataException.class)
				.isThrownBy(() -> ProvinceResolver.from(this.provinces, this.old, aliases))
				.withMessageStartingWith(ProvinceResolver.ALIASES + " line 4");
		}

		@Test
		void refusesAHistoricalNameThatIsAUnitsName() {
			List<ReferenceCsv.Row> historical = List.of(row(ProvinceResolver.HISTORICAL, 3,
					Map.of("name", "Hải Dương", "name_ascii", "", "until", "1996", "became_old_codes", "30")));
			assertThatExceptionOfType(ReferenceDataException.class)
				.isThrownBy(() -> ProvinceResolver.from(this.provinces, this.old, List.of(), historical, List.of()))
				.withMessageStartingWith(ProvinceResolver.HISTORICAL + " line 3");
		}

		@Test
		void refusesAHistoricalProvinceThatBecameAnUnknownCode() {
			List<ReferenceCsv.Row> historical = List.of(row(ProvinceResolver.HISTORICAL, 4,
					Map.of("name", "Hải Hưng", "name_ascii", "", "until", "1996", "became_old_codes", "30 33")));
			assertThatExceptionOfType(ReferenceDataException.class)
				.isThrownBy(() -> ProvinceResolver.from(this.provinces, this.old, List.of(), historical, List.of()))
				.withMessageStartingWith(ProvinceResolver.HISTORICAL + " line 4")
				.withMessageContaining("33");
		}

		@Test
		void refusesACodeThatIsNotTwoDigits() {
			List<ReferenceCsv.Row> bad = List
				.of(row(ProvinceResolver.PROVINCES, 9, Map.of("code", "1", "name", "Hà Nội", "name_ascii", "Ha Noi")));
			assertThatExceptionOfType(ReferenceDataException.class)
				.isThrownBy(() -> ProvinceResolver.from(bad, List.of(), List.of()))
				.withMessageStartingWith(ProvinceResolver.PROVINCES + " line 9");
		}

	}

}
