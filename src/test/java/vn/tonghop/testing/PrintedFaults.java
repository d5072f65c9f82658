package vn.tonghop.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a row too short for its text looks like once printed by LibreOffice: a line in a
 * font taller than the row drawn over the line above or below ({@link #overlaps}), or the
 * lines of wrapped text that do not fit left out ({@link #missingWords}).
 */
public final class PrintedFaults {

	/** A run of text as printed: its page, left and right, baseline and font size. */
	record Run(int page, float left, float right, float baseline, float size, String text) {

		/**
		 * The top of the ink: Vietnamese capitals carry their accents up to about the
		 * font size above the baseline; lines set one under the other (1.15 times the
		 * size apart) do not reach each other.
		 */
		float top() {
			return this.baseline - 0.9f * this.size;
		}

		/** The foot of the ink: descenders and the dot below. */
		float bottom() {
			return this.baseline + 0.2f * this.size;
		}

		boolean overlaps(Run other) {
			if (this.page != other.page || this.right <= other.left || other.right <= this.left) {
				return false;
			}
			if (Math.abs(this.baseline - other.baseline) <= 0.5f) {
				// runs on the same baseline are one line split in two
				return false;
			}
			float overlap = Math.min(bottom(), other.bottom()) - Math.max(top(), other.top());
			return overlap > 0.5f;
		}

	}

	private PrintedFaults() {
	}

	/**
	 * Every word of {@code texts} that is not in {@code printed}, as "word (in: text)";
	 * empty when every word was printed. Words are compared whole, spaces and line breaks
	 * aside.
	 */
	public static List<String> missingWords(String printed, Collection<String> texts) {
		Set<String> words = new HashSet<>(List.of(Normalizer.normalize(printed, Normalizer.Form.NFC).split("\\s+")));
		List<String> missing = new ArrayList<>();
		for (String text : texts) {
			for (String word : Normalizer.normalize(text, Normalizer.Form.NFC).split("\\s+")) {
				if (!word.isEmpty() && !words.contains(word)) {
					missing.add(word + " (in: " + text + ")");
				}
			}
		}
		return missing;
	}

	/**
	 * Every pair of runs of {@code pdf} (pages {@code first} to {@code last}, from 1)
	 * drawn over each other, described for an assertion message; empty when none is: two
	 * runs of text whose widths overlap and whose baselines are closer than the smaller
	 * font's size.
	 */
	public static List<String> overlaps(Path pdf, int first, int last) throws IOException {
		List<Run> runs = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			for (int page = first; page <= Math.min(last, document.getNumberOfPages()); page++) {
				int number = page;
				PDFTextStripper stripper = new PDFTextStripper() {
					@Override
					protected void writeString(String text, List<TextPosition> positions) {
						float left = Float.MAX_VALUE;
						float right = 0;
						float size = 0;
						float baseline = 0;
						for (TextPosition position : positions) {
							if (position.getUnicode().isBlank()) {
								continue;
							}
							left = Math.min(left, position.getXDirAdj());
							right = Math.max(right, position.getXDirAdj() + position.getWidthDirAdj());
							size = Math.max(size, position.getFontSizeInPt());
							baseline = position.getYDirAdj();
						}
						if (right > left) {
							runs.add(new Run(number, left, right, baseline, size, text));
						}
					}
				};
				stripper.setSortByPosition(true);
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				stripper.getText(document);
			}
		}
		List<String> overlaps = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			for (int j = i + 1; j < runs.size(); j++) {
				if (runs.get(i).overlaps(runs.get(j))) {
					overlaps.add(String.format(Locale.ROOT, "page %d: \"%s\" (y %.1f) over \"%s\" (y %.1f)",
							runs.get(i).page(), runs.get(i).text(), runs.get(i).baseline(), runs.get(j).text(),
							runs.get(j).baseline()));
				}
			}
		}
		return overlaps;
	}

}
