package vn.tonghop.normalise;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FlagReaderTests {

	@ParameterizedTest
	@ValueSource(strings = { "Có", "có", "CÓ", "Co", "Đạt", "đạt", "x", "X", "1", "1.0", "1,0", "yes", "Yes", "true",
			"TRUE", " Có ", "Đạt chuẩn" })
	void readsYes(String text) {
		assertThat(FlagReader.read(text)).isEqualTo(new FlagReading(FlagReading.Status.VALUE, true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Không", "không", "KHÔNG", "Chưa đạt", "chưa đạt", "Không đạt", "0", "0.0", "0,0", "no",
			"No", "false" })
	void readsNo(String text) {
		assertThat(FlagReader.read(text)).isEqualTo(new FlagReading(FlagReading.Status.VALUE, false));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  ", "\u00A0", "-", "–", "--" })
	void readsBlankOrDashAsMissing(String text) {
		assertThat(FlagReader.read(text).status()).isEqualTo(FlagReading.Status.MISSING);
	}

	@Nested
	class Failures {

		@ParameterizedTest
		@ValueSource(strings = { "Chưa", "2", "có lẽ", "?", "Đạt 1 phần", "10", "xx" })
		void readsAnythingElseAsInvalidNotAsMissing(String text) {
			assertThat(FlagReader.read(text).status()).isEqualTo(FlagReading.Status.INVALID);
		}

	}

}
