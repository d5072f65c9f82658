package vn.tonghop.console;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTests {

	@Test
	void anAnalystsScopeAllowsHerProvincesOnlyAndNoUnknownProvince() {
		Scope scope = new Scope(false, Set.of("75", "01"));
		assertThat(scope.allows("75")).isTrue();
		assertThat(scope.allows("01 ")).isTrue();
		assertThat(scope.allows("79")).isFalse();
		assertThat(scope.allows(null)).isFalse();
		assertThat(Scope.ALL.allows(null)).isTrue();
		assertThat(Scope.NONE.allows("75")).isFalse();
	}

	@Test
	void itsSqlConditionIsTheBatchCoresWithTheCodesInOrder() {
		assertThat(new Scope(false, Set.of("75", "01")).sql("r.province_code"))
			.isEqualTo("r.province_code IN ('01','75')");
		assertThat(Scope.ALL.sql("r.province_code")).isEqualTo("1 = 1");
		assertThat(Scope.NONE.sql("r.province_code")).isEqualTo("1 = 0");
		assertThat(new Scope(false, Set.of("75")).toProvinceScope().codes()).containsExactly("75");
		assertThat(Scope.ALL.toProvinceScope().isAll()).isTrue();
		assertThatThrownBy(() -> Scope.NONE.toProvinceScope()).isInstanceOf(NotFound.class);
	}

	@Test
	void onlyTwoDigitCodesMakeAScopeSoNothingElseReachesAQuery() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Scope(false, Set.of("75') OR ('1'='1")));
		assertThatIllegalArgumentException().isThrownBy(() -> new Scope(false, Set.of("7")));
	}

}
