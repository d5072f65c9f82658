package vn.tonghop.normalise;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumberReaderTests {

	private static void assertNumber(NumberReading reading, String expected, boolean approximate) {
		assertThat(reading.status()).isEqualTo(NumberReading.Status.NUMBER);
		assertThat(reading.isNumber()).isTrue();
		assertThat(reading.value()).isEqualTo(new BigDecimal(expected));
		assertThat(reading.approximate()).isEqualTo(approximate);
	}

	@Nested
	class NumericCells {

		@ParameterizedTest
		@CsvSource({ "5.0, 5", "31100000.0, 31100000", "0.945, 0.945", "-3.0, -3", "0.0, 0", "1234.5, 1234.5" })
		void readsNumericCellsExactlyWithoutTrailingZeros(double cell, String expected) {
			NumberReading reading = NumberReader.fromNumeric(cell);
			assertNumber(reading, expected, false);
			assertThat(reading.raw()).isEqualTo(expected);
		}

		@Test
		void readsTheDecimalAsWrittenNotItsBinaryExpansion() {
			assertThat(NumberReader.fromNumeric(0.1).value()).isEqualTo(new BigDecimal("0.1"));
		}

		@ParameterizedTest
		@ValueSource(doubles = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY })
		void rejectsNotANumberAndInfinity(double cell) {
			assertThat(NumberReader.fromNumeric(cell).status()).isEqualTo(NumberReading.Status.NOT_A_NUMBER);
		}

	}

	@Nested
	class Counts {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				05        | 5
				' 5 '     | 5
				5.0       | 5
				5,0       | 5
				0         | 0
				'\u00A012\u00A0' | 12
				""")
		void readsPlainCounts(String text, String expected) {
			assertNumber(NumberReader.readCount(text), expected, false);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				1.234         | 1234
				1.234.567     | 1234567
				1 234         | 1234
				1 234 567     | 1234567
				1,234         | 1234
				12.500        | 12500
				'1\u00A0234'  | 1234
				1.234,5       | 1234.5
				1,234.5       | 1234.5
				""")
		void readsVietnameseThousandsSeparators(String text, String expected) {
			assertNumber(NumberReader.readCount(text), expected, false);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				2,5       | 2.5
				2.5       | 2.5
				1,25      | 1.25
				1,2345    | 1.2345
				0,945     | 0.945
				1234.567  | 1234.567
				""")
		void readsADecimalSeparatorThatIsNotAThousandsGrouping(String text, String expected) {
			assertNumber(NumberReader.readCount(text), expected, false);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				trên 30          | 30
				Trên 30          | 30
				tren 30          | 30
				hơn 30           | 30
				khoảng 30        | 30
				khoảng chừng 30  | 30
				gần 30           | 30
				xấp xỉ 30        | 30
				ước 30           | 30
				ước tính 30      | 30
				~30              | 30
				~ 30             | 30
				30+              | 30
				>30              | 30
				≈30              | 30
				trên 1.200       | 1200
				khoảng 30 người  | 30
				30 người trở lên | 30
				""")
		void readsApproximateFormsAsTheirNumber(String text, String expected) {
			assertNumber(NumberReader.readCount(text), expected, true);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				30 người      | 30
				30người       | 30
				4 tổ          | 4
				5 tập thể     | 5
				2 sáng kiến   | 2
				120 lượt      | 120
				3 gia đình    | 3
				7 chỉ tiêu    | 7
				12 Người.     | 12
				""")
		void allowsACatalogueUnitAfterTheNumber(String text, String expected) {
			assertNumber(NumberReader.readCount(text), expected, false);
		}

		@ParameterizedTest
		@ValueSource(strings = { "-5", "- 5", "(5)", "–5" })
		void readsNegativeNumbersForTheValidatorToReport(String text) {
			assertNumber(NumberReader.readCount(text), "-5", false);
		}

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { "  ", "-", "–", "—", "x", "X", "...", "…", "\u00A0" })
		void readsBlanksAndPlaceholdersAsMissing(String text) {
			NumberReading reading = NumberReader.readCount(text);
			assertThat(reading.isMissing()).isTrue();
			assertThat(reading.value()).isNull();
			assertThat(reading.raw()).isEqualTo(text);
		}

		@Nested
		class Failures {

			@ParameterizedTest
			@ValueSource(strings = { "năm", "abc", "12a", "#REF!", "1.2.3", "12.34.567", "12 34", "1,234,5", "30%",
					"5 triệu", "trên", "người", "+", "1-2", "5 con" })
			void rejectsTextThatIsNotACount(String text) {
				NumberReading reading = NumberReader.readCount(text);
				assertThat(reading.status()).isEqualTo(NumberReading.Status.NOT_A_NUMBER);
				assertThat(reading.value()).isNull();
				assertThat(reading.raw()).isEqualTo(text);
			}

		}

	}

	@Nested
	class Money {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				5.000.000         | 5000000
				5.000.000 đồng    | 5000000
				5.000.000đ        | 5000000
				5,000,000 đ       | 5000000
				5.000.000 VNĐ     | 5000000
				5.000.000 VND     | 5000000
				5.000.000 vnđ     | 5000000
				5 triệu           | 5000000
				5 triệu đồng      | 5000000
				1,5 triệu         | 1500000
				1.5 triệu         | 1500000
				2 tỷ              | 2000000000
				2 tỉ              | 2000000000
				500 nghìn         | 500000
				500 ngàn          | 500000
				5tr               | 5000000
				5 tr.             | 5000000
				""")
		void readsAmountsWithCurrencyWordsAndMultipliers(String text, String expected) {
			assertNumber(NumberReader.readMoney(text), expected, false);
		}

		@Test
		void readsAnApproximateAmount() {
			assertNumber(NumberReader.readMoney("khoảng 5 triệu đồng"), "5000000", true);
		}

		@Test
		void readsMissingAmounts() {
			assertThat(NumberReader.readMoney("-").isMissing()).isTrue();
		}

		@Nested
		class Failures {

			@ParameterizedTest
			@ValueSource(
					strings = { "năm triệu", "5 triệu 500 nghìn", "5 đô", "triệu", "5 USD", "5.000.000 đồng đồng" })
			void rejectsTextThatIsNotAnAmount(String text) {
				assertThat(NumberReader.readMoney(text).status()).isEqualTo(NumberReading.Status.NOT_A_NUMBER);
			}

		}

	}

	@Nested
	class Rates {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				94,5%     | 0.945
				94.5 %    | 0.945
				0,945     | 0.945
				94,5      | 0.945
				100%      | 1
				1         | 1
				50 phần trăm | 0.5
				""")
		void readsRatesAsFractions(String text, String expected) {
			assertNumber(NumberReader.readRate(text), expected, false);
		}

		@Test
		void readsAnApproximateRate() {
			assertNumber(NumberReader.readRate("khoảng 90%"), "0.9", true);
		}

		@Nested
		class Failures {

			@ParameterizedTest
			@ValueSource(strings = { "cao", "94,5%%", "% 94", "94 người" })
			void rejectsTextThatIsNotARate(String text) {
				assertThat(NumberReader.readRate(text).status()).isEqualTo(NumberReading.Status.NOT_A_NUMBER);
			}

		}

	}

	@Nested
	class Readings {

		@Test
		void buildsEachKindOfReading() {
			assertThat(NumberReading.missing("x").isMissing()).isTrue();
			assertThat(NumberReading.notANumber("abc").isNumber()).isFalse();
			assertThat(NumberReading.number(BigDecimal.TEN, true, "trên 10").approximate()).isTrue();
		}

		@Nested
		class Failures {

			@Test
			void refusesANumberReadingWithoutAValue() {
				org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
					.isThrownBy(() -> NumberReading.number(null, false, "5"));
			}

		}

	}

}
