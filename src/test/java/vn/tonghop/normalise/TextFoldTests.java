package vn.tonghop.normalise;

import java.text.Normalizer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextFoldTests {

	@Test
	void sharedGivesTheFirstInstanceOfEqualTexts() {
		String first = new String("Mã công đoàn cơ sở (shared test)");
		String second = new String("Mã công đoàn cơ sở (shared test)");
		assertThat(TextFold.shared(first)).isSameAs(first);
		assertThat(TextFold.shared(second)).isSameAs(first);
		assertThat(TextFold.shared(null)).isNull();
		assertThat(TextFold.shared("")).isEmpty();
		// long texts are not kept: each comes back as it is
		String longText = "x".repeat(201);
		assertThat(TextFold.shared(new String(longText))).isNotSameAs(TextFold.shared(new String(longText)))
			.isEqualTo(longText);
	}

	@Test
	void cleanAndFoldGiveAndKeepSharedInstances() {
		String label = "Tổng số đoàn viên (memo test)";
		String cleaned = TextFold.clean(new String(label));
		assertThat(TextFold.clean(new String(label))).isSameAs(cleaned);
		assertThat(TextFold.shared(new String(label))).isSameAs(cleaned);
		String folded = TextFold.fold(new String(label));
		assertThat(folded).isEqualTo("tong so doan vien memo test");
		assertThat(TextFold.fold(new String(label))).isSameAs(folded);
		assertThat(TextFold.shared(new String(folded))).isSameAs(folded);
	}

	@Test
	void cleanTurnsNullIntoEmptyText() {
		assertThat(TextFold.clean(null)).isEmpty();
	}

	@Test
	void cleanTrimsEveryKindOfSpaceAndCollapsesInnerRuns() {
		assertThat(TextFold.clean("\u00A0 Công\t\tđoàn \u2007\u202F cơ\u3000sở \n")).isEqualTo("Công đoàn cơ sở");
	}

	@Test
	void cleanComposesDecomposedText() {
		String nfd = Normalizer.normalize("Thanh Hóa", Normalizer.Form.NFD);
		assertThat(TextFold.clean(nfd)).isEqualTo("Thanh Hóa").hasSize(9);
	}

	@Test
	void cleanKeepsTheSoftHyphenOfLegacyText() {
		assertThat(TextFold.clean(" C\u00ADêng ")).isEqualTo("C\u00ADêng");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Mã CĐCS:                                        | ma cdcs
			Danh hiệu “Giỏi việc nước, đảm việc nhà”        | danh hieu gioi viec nuoc dam viec nha
			Thanh Hoá                                       | thanh hoa
			Thanh Hóa                                       | thanh hoa
			ĐIỆN THOẠI                                      | dien thoai
			Tỉnh/thành phố                                  | tinh thanh pho
			'  Năm   báo cáo : '                            | nam bao cao
			Bà Rịa – Vũng Tàu                               | ba ria vung tau
			Tổng số (người)                                 | tong so nguoi
			""")
	void foldsLabelsForMatching(String text, String folded) {
		assertThat(TextFold.fold(text)).isEqualTo(folded);
	}

	@Test
	void foldsDecomposedTextLikeComposedText() {
		String nfd = Normalizer.normalize("Người lập biểu: Đặng Thị Hường", Normalizer.Form.NFD);
		assertThat(TextFold.fold(nfd)).isEqualTo("nguoi lap bieu dang thi huong");
	}

	@Test
	void foldsNullAndPunctuationOnlyToEmptyText() {
		assertThat(TextFold.fold(null)).isEmpty();
		assertThat(TextFold.fold(" :-– ")).isEmpty();
	}

	@Nested
	class Failures {

		@Test
		void foldKeepsDifferentWordsApart() {
			assertThat(TextFold.fold("Hà Nam")).isNotEqualTo(TextFold.fold("Hà Nội"));
			assertThat(TextFold.fold("Nữ")).isNotEqualTo(TextFold.fold("Nợ"));
		}

		@Test
		void cleanDoesNotFoldAccentsOrCase() {
			assertThat(TextFold.clean("Thanh Hoá")).isNotEqualTo(TextFold.clean("Thanh Hóa"));
			assertThat(TextFold.clean("HÀ NỘI")).isEqualTo("HÀ NỘI");
		}

	}

}
