package vn.tonghop.report;

import java.util.Random;

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

	@Test
	void countsAsTheTextSplitIntoParagraphsAndWords() {
		// the lines counted character by character against the same rule applied to the
		// text split into paragraphs and words: empty words from spaces in a row, empty
		// paragraphs, words longer than the line, Vietnamese letters, typographic quotes
		String letters = "aiwmMWIl.,:“”()-/%@ếỗưđĐẠÁBx  \n";
		Random random = new Random(27);
		for (int n = 0; n < 5000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(120);
			for (int i = 0; i < length; i++) {
				text.append(letters.charAt(random.nextInt(letters.length())));
			}
			double width = 2 + random.nextInt(60);
			double ratio = 0.8 + random.nextInt(10) / 10.0;
			assertThat(WrappedText.lines(text.toString(), width, ratio)).as("'%s' in %s", text, width)
				.isEqualTo(split(text.toString(), width, ratio));
		}
	}

	/**
	 * The rule of {@link WrappedText#lines(String, double, double)}, on split strings.
	 */
	private static int split(String text, double width, double sizeRatio) {
		if (text.isEmpty()) {
			return 1;
		}
		double usable = Math.max(1.0, (width - 1.0) / Math.max(0.1, sizeRatio));
		int lines = 0;
		for (String paragraph : text.split("\n", -1)) {
			int paragraphLines = 1;
			double line = 0;
			for (String word : paragraph.split(" ", -1)) {
				double w = 0;
				for (char c : word.toCharArray()) {
					w += WrappedText.weight(c);
				}
				if (line > 0 && line + WrappedText.weight(' ') + w > usable) {
					paragraphLines++;
					line = 0;
				}
				else if (line > 0) {
					line += WrappedText.weight(' ');
				}
				while (w > usable) {
					paragraphLines++;
					w -= usable;
				}
				line += w;
			}
			lines += paragraphLines;
		}
		return Math.max(1, lines);
	}

	@Test
	void weighsLettersAsTheirShape() {
		assertThat(WrappedText.weight('i')).isLessThan(WrappedText.weight('a'));
		assertThat(WrappedText.weight('W')).isGreaterThan(WrappedText.weight('A'));
		assertThat(WrappedText.weight('Ạ')).isEqualTo(WrappedText.weight('A'));
		assertThat(WrappedText.weight('ạ')).isEqualTo(WrappedText.weight('a'));
		assertThat(WrappedText.weight('“')).isEqualTo(WrappedText.weight('('));
		assertThat(WrappedText.weight('中')).isEqualTo(WrappedText.weight('a'));
	}

}
