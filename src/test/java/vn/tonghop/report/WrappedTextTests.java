package vn.tonghop.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrappedTextTests {

	@Test
	void aTextNarrowerThanItsColumnTakesOneLine() {
		assertThat(WrappedText.lines("Tổng số đoàn viên công đoàn *", 46)).isEqualTo(1);
		assertThat(WrappedText.lines("", 10)).isEqualTo(1);
		assertThat(WrappedText.lines(null, 10)).isEqualTo(1);
	}

	@Test
	void breaksBetweenWordsAndAtLineBreaks() {
		// 20 words of 4 letters and a space: about 95 characters, in 30-character lines
		String text = "đoàn ".repeat(20).strip();
		assertThat(WrappedText.lines(text, 31)).isBetween(3, 4);
		assertThat(WrappedText.lines("một\nhai\nba", 40)).isEqualTo(3);
	}

	@Test
	void capitalsAndALargerFontTakeMoreLines() {
		String lower = "hướng dẫn ghi biểu báo cáo kết quả phong trào thi đua";
		String upper = "HƯỚNG DẪN GHI BIỂU BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA";
		assertThat(WrappedText.lines(upper, 50)).isGreaterThan(WrappedText.lines(lower, 50));
		assertThat(WrappedText.lines(lower, 50, 14.0 / 12)).isGreaterThanOrEqualTo(WrappedText.lines(lower, 50));
	}

	@Test
	void cutsAWordLongerThanTheLine() {
		assertThat(WrappedText.lines("x".repeat(100), 21)).isGreaterThanOrEqualTo(5);
	}

	@Test
	void aRowIsTallerThanItsLinesOfText() {
		assertThat(WrappedText.rowHeight(1, 12)).isGreaterThanOrEqualTo(15f);
		assertThat(WrappedText.rowHeight(3, 11)).isGreaterThanOrEqualTo(3 * 11 * 1.15f);
	}

}
