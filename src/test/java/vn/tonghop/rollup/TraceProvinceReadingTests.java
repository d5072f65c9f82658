package vn.tonghop.rollup;

import org.junit.jupiter.api.Test;

import vn.tonghop.normalise.ProvinceResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tonghop trace --province} says how it read the province when it is not the 2025
 * unit's own name (issue 24, item 10: "Bình Dương" answered for all of Hồ Chí Minh
 * without saying so).
 */
class TraceProvinceReadingTests {

	private final ProvinceResolver provinces = ProvinceResolver.load();

	private String reading(String written) {
		return Trace.provinceReading(this.provinces.resolve(written, 2026), this.provinces);
	}

	@Test
	void aProvinceGoneIn2025SaysWhichUnitTheFiguresAreFor() {
		assertThat(reading("Bình Dương"))
			.isEqualTo("Tỉnh Bình Dương (trước sắp xếp năm 2025) nay thuộc Thành phố Hồ Chí"
					+ " Minh; số liệu dưới đây là của Hồ Chí Minh.");
		assertThat(reading("binh phuoc")).isEqualTo(
				"Tỉnh Bình Phước (trước sắp xếp năm 2025) nay thuộc Thành phố Đồng Nai; số liệu dưới đây là của Đồng Nai.");
	}

	@Test
	void aCodeOrAnotherSpellingSaysWhichUnitItIs() {
		assertThat(reading("79")).isEqualTo("Mã 79 (mã năm 2025) là Thành phố Hồ Chí Minh.");
		assertThat(reading("TP.HCM")).isEqualTo("Đọc \"TP.HCM\" là Thành phố Hồ Chí Minh.");
	}

	@Test
	void theUnitsOwnNameSaysNothing() {
		assertThat(reading("Hồ Chí Minh")).isNull();
		assertThat(reading("Thành phố Hồ Chí Minh")).isNull();
		assertThat(reading("Đồng Nai")).isNull();
	}

}
