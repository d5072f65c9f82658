package vn.tonghop.normalise;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RatingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			HTXSNV                                 | HTXSNV
			htxsnv                                 | HTXSNV
			Hoàn thành xuất sắc nhiệm vụ           | HTXSNV
			HOÀN THÀNH XUẤT SẮC NHIỆM VỤ           | HTXSNV
			Vững mạnh xuất sắc                     | HTXSNV
			CĐCS vững mạnh xuất sắc                | HTXSNV
			HTTNV                                  | HTTNV
			Hoàn thành tốt nhiệm vụ                | HTTNV
			Vững mạnh                              | HTTNV
			HTNV                                   | HTNV
			Hoàn thành nhiệm vụ.                   | HTNV
			Khá                                    | HTNV
			KHTNV                                  | KHTNV
			Không hoàn thành nhiệm vụ              | KHTNV
			Trung bình                             | KHTNV
			Yếu                                    | KHTNV
			CĐCS hoàn thành tốt nhiệm vụ           | HTTNV
			Công đoàn cơ sở hoàn thành nhiệm vụ    | HTNV
			'  hoan thanh  tot nhiem vu '          | HTTNV
			""")
	void readsCodesLabelsAndOlderWordings(String text, Rating expected) {
		assertThat(Rating.read(text)).contains(expected);
	}

	@Test
	void labelsAreTheWordingOfTheForm() {
		assertThat(Rating.HTXSNV.label()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
		assertThat(Rating.KHTNV.label()).isEqualTo("Không hoàn thành nhiệm vụ");
	}

	@Nested
	class Failures {

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { "Tốt", "Xuất sắc", "HTXS", "Hoàn thành", "CĐCS", "Vững mạnh toàn diện", "1" })
		void readsNothingFromBlankOrUnknownWordings(String text) {
			assertThat(Rating.read(text)).isEmpty();
		}

	}

}
