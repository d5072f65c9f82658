package vn.tonghop.rollup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParentUnionsTests {

	private static final ProvinceResolver PROVINCES = ProvinceResolver.load();

	private static final Province DONG_NAI = PROVINCES.byCode("75").orElseThrow();

	private final ParentUnions unions = new ParentUnions(DONG_NAI, PROVINCES);

	@Nested
	class SpellingsOfOneUnion {

		@ParameterizedTest(name = "{0} = {1}")
		@CsvSource(delimiter = '|',
				value = { "LĐLĐ huyện Trảng Bom | Liên đoàn Lao động huyện Trảng Bom",
						"LĐLĐ huyện Trảng Bom | liên đoàn lao động  HUYỆN trảng bom.",
						"LĐLĐ huyện Trảng Bom | Lien doan lao dong huyen Trang Bom",
						"LĐLĐ huyện Trảng Bom | L.Đ.L.Đ huyện Trảng Bom",
						"LĐLĐ huyện Trảng Bom | LĐLĐ huyện Trảng Bom, tỉnh Đồng Nai",
						"LĐLĐ huyện Trảng Bom | \u00a0LĐLĐ   huyện Trảng   Bom\u00a0",
						"Công đoàn các Khu công nghiệp Đồng Nai | CĐ KCN Đồng Nai",
						"Công đoàn các Khu công nghiệp Đồng Nai | Công đoàn các KCN",
						"Công đoàn ngành Y tế Đồng Nai | CĐN Y tế tỉnh Đồng Nai",
						"Công đoàn ngành Y tế Đồng Nai | CĐ ngành Y tế", "Công đoàn Viên chức tỉnh | CĐVC tỉnh",
						"Công đoàn Viên chức tỉnh | CĐVC tỉnh Đồng Nai", "Công đoàn ngành Y tế | CĐN Y tế tỉnh",
						"LĐLĐ thành phố Biên Hòa | LĐLĐ TP. Biên Hoà", "LĐLĐ thành phố Biên Hòa | LĐLĐ T.P Biên Hòa",
						"Công đoàn Khu chế xuất Long Bình | CĐ KCX Long Bình" })
		void group(String one, String other) {
			assertThat(ParentUnionsTests.this.unions.key(other)).isEqualTo(ParentUnionsTests.this.unions.key(one))
				.isNotEmpty();
		}

	}

	@Nested
	class DifferentUnions {

		@ParameterizedTest(name = "{0} ≠ {1}")
		@CsvSource(delimiter = '|', value = { "LĐLĐ huyện Trảng Bom | LĐLĐ huyện Thống Nhất",
				"LĐLĐ thành phố Biên Hòa | LĐLĐ thành phố Long Khánh",
				"LĐLĐ thành phố Biên Hòa | Công đoàn KCN Biên Hòa", "Công đoàn ngành Y tế | Công đoàn ngành Giáo dục",
				"LĐLĐ huyện Long Thành | LĐLĐ huyện Long Phú", "Công đoàn Viên chức tỉnh | Công đoàn ngành Xây dựng",
				// a pre-2025 federation is kept as written
				"LĐLĐ tỉnh Bình Phước | LĐLĐ tỉnh Đồng Nai" })
		void stayApart(String one, String other) {
			assertThat(ParentUnionsTests.this.unions.key(other)).isNotEqualTo(ParentUnionsTests.this.unions.key(one));
		}

	}

	@ParameterizedTest(name = "\"{0}\" reports straight to the federation")
	@CsvSource(delimiter = '|', value = { "''", "'   '", "Liên đoàn Lao động tỉnh Đồng Nai", "LĐLĐ tỉnh Đồng Nai",
			"LĐLĐ Đồng Nai", "Đồng Nai", "LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh" })
	void emptyOrTheFederationItselfHasTheEmptyKey(String written) {
		assertThat(this.unions.key(written)).isEmpty();
	}

	@Test
	void namesTheFederationOfAProvinceOrACity() {
		assertThat(ParentUnions.federation(DONG_NAI)).isEqualTo("LĐLĐ tỉnh Đồng Nai");
		assertThat(ParentUnions.federation(PROVINCES.byCode("01").orElseThrow())).isEqualTo("LĐLĐ thành phố Hà Nội");
		assertThat(this.unions.direct()).isEqualTo("(Trực thuộc LĐLĐ tỉnh Đồng Nai)");
	}

	@Test
	void mergesSpellingsNamedByTheMostFrequentAndAddsTheirSums() {
		Map<String, Rollups.Group> spellings = new LinkedHashMap<>();
		spellings.put("Liên đoàn Lao động huyện Trảng Bom", group(1, "10", ""));
		spellings.put("LĐLĐ huyện Trảng Bom", group(3, "20", ""));
		spellings.put("LĐLĐ  huyện trảng bom", group(1, "", ""));
		spellings.put("Công đoàn KCN Biên Hòa", group(2, "5", "1"));
		spellings.put("", group(1, "7", "2"));
		spellings.put("Liên đoàn Lao động tỉnh Đồng Nai", group(2, "1", ""));
		List<ParentUnions.ParentUnion> grouped = this.unions.group(spellings);
		assertThat(grouped).extracting(ParentUnions.ParentUnion::name)
			.containsExactly("", "Công đoàn KCN Biên Hòa", "LĐLĐ huyện Trảng Bom");
		ParentUnions.ParentUnion direct = grouped.get(0);
		assertThat(direct.direct()).isTrue();
		assertThat(direct.group().returns()).isEqualTo(3);
		assertThat(direct.group().values()).containsExactly("8", "2");
		ParentUnions.ParentUnion trangBom = grouped.get(2);
		assertThat(trangBom.group().returns()).isEqualTo(5);
		// a column empty in every spelling stays empty: missing is not zero
		assertThat(trangBom.group().values()).containsExactly("30", "");
	}

	@Test
	void breaksATieOfSpellingsAlphabeticallyWhateverTheOrderTheyCameIn() {
		Map<String, Rollups.Group> one = new LinkedHashMap<>();
		one.put("Liên đoàn Lao động huyện Trảng Bom", group(2, "1", ""));
		one.put("LĐLĐ huyện Trảng Bom", group(2, "1", ""));
		Map<String, Rollups.Group> other = new LinkedHashMap<>();
		other.put("LĐLĐ huyện Trảng Bom", group(2, "1", ""));
		other.put("Liên đoàn Lao động huyện Trảng Bom", group(2, "1", ""));
		assertThat(this.unions.group(one).get(0).name()).isEqualTo("LĐLĐ huyện Trảng Bom")
			.isEqualTo(this.unions.group(other).get(0).name());
	}

	@Test
	void refusesASettingThatNamesNoProvinceInVietnamese() {
		assertThat(ProvincialViews.resolve(PROVINCES, " Đồng Nai ")).contains(DONG_NAI);
		assertThat(ProvincialViews.resolve(PROVINCES, "75")).contains(DONG_NAI);
		assertThat(ProvincialViews.resolve(PROVINCES, "LĐLĐ tỉnh Đồng Nai")).contains(DONG_NAI);
		assertThat(ProvincialViews.resolve(PROVINCES, "")).isEmpty();
		assertThat(ProvincialViews.resolve(PROVINCES, null)).isEmpty();
		assertThatThrownBy(() -> ProvincialViews.resolve(PROVINCES, "Đông Nại Mới"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("tonghop.federation.province = 'Đông Nại Mới': không phải tên hay mã")
			.hasMessageContaining("Đồng Nai");
	}

	private static Rollups.Group group(long returns, String... values) {
		return new Rollups.Group(List.of(), returns, List.of(values));
	}

}
