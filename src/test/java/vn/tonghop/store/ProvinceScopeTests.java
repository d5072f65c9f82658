package vn.tonghop.store;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.tonghop.normalise.ProvinceResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProvinceScopeTests {

	@Test
	void keepsItsCodesSortedOnceEachAndWritesThemAsTheJobParameter() {
		ProvinceScope scope = ProvinceScope.of(List.of("75", " 01", "75"));
		assertThat(scope.codes()).containsExactly("01", "75");
		assertThat(scope.parameter()).isEqualTo("01,75");
		assertThat(ProvinceScope.parse(scope.parameter())).isEqualTo(scope).hasSameHashCodeAs(scope);
		assertThat(scope.isAll()).isFalse();
	}

	@Test
	void noParameterIsEveryProvince() {
		assertThat(ProvinceScope.parse(null)).isEqualTo(ProvinceScope.all());
		assertThat(ProvinceScope.parse(" ")).isEqualTo(ProvinceScope.all());
		assertThat(ProvinceScope.all().parameter()).isNull();
		assertThat(ProvinceScope.all().contains("79")).isTrue();
		assertThat(ProvinceScope.all().and("r.province_code")).isEmpty();
	}

	@Test
	void isAConditionOnTheProvinceCodeColumn() {
		assertThat(ProvinceScope.of(List.of("75", "01")).and("r.province_code"))
			.isEqualTo(" AND r.province_code IN ('01','75')");
	}

	@Test
	void containsItsProvincesOnlyAndNeverNone() {
		ProvinceScope scope = ProvinceScope.of(List.of("75"));
		assertThat(scope.contains("75")).isTrue();
		assertThat(scope.contains("01")).isFalse();
		assertThat(scope.contains(null)).isFalse();
	}

	@Test
	void namesItsProvincesForPeople() {
		ProvinceScope scope = ProvinceScope.of(List.of("75", "01"));
		assertThat(scope.describe(ProvinceResolver.load())).isEqualTo("Phạm vi: Hà Nội, Đồng Nai");
		assertThat(ProvinceScope.all().describe(ProvinceResolver.load())).isNull();
	}

	@Nested
	class Refuses {

		@Test
		void noProvinceAtAllWhichIsNotEveryProvince() {
			assertThatIllegalArgumentException().isThrownBy(() -> ProvinceScope.of(List.of()));
		}

		@Test
		void aCodeThatIsNotTwoDigitsSoThatNothingButDigitsReachesAQuery() {
			assertThatIllegalArgumentException().isThrownBy(() -> ProvinceScope.of(List.of("01') OR ('1'='1")));
			assertThatIllegalArgumentException().isThrownBy(() -> ProvinceScope.parse("01,,75"));
			assertThatIllegalArgumentException().isThrownBy(() -> ProvinceScope.parse("Hà Nội"));
		}

	}

}
