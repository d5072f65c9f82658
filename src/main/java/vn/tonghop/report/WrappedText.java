package vn.tonghop.report;

/**
 * How many lines a text takes when a spreadsheet wraps it in a cell, for the row heights
 * written with it: neither Excel nor LibreOffice makes a row taller for text wrapped in
 * merged cells, nor (in {@code .xls}) for any row whose height was written, so a row too
 * short cuts the text or draws it over the row below.
 * <p>
 * Words are laid out as the spreadsheet does, breaking at spaces, with each character
 * weighed against a digit of the sheet's default font (the unit of column widths):
 * capitals and {@code m}/{@code w} wider, {@code i}/{@code l}/{@code t} and punctuation
 * narrower. The weights err on the wide side, so that a row is at worst a line too tall,
 * never a line too short.
 */
public final class WrappedText {

	/** Space lost at the cell's edges, in characters of the column width. */
	private static final double PADDING = 1.0;

	/** Line height as a multiple of the font size (LibreOffice and Excel: ~1.15). */
	private static final double LINE_SPACING = 1.25;

	/**
	 * Characters below this are weighed once, in a table: the Latin letters with the
	 * Vietnamese ones (U+1EA0–U+1EF9) among them.
	 */
	private static final int TABLED = 0x2000;

	/**
	 * The weights of the characters below {@link #TABLED}, as {@link #weigh} gives them.
	 */
	private static final double[] WEIGHTS = new double[TABLED];

	static {
		for (char c = 0; c < TABLED; c++) {
			WEIGHTS[c] = weigh(c);
		}
	}

	private WrappedText() {
	}

	/**
	 * Lines {@code text} takes in a cell {@code width} characters wide (the sum of the
	 * column widths of a merged cell), written in a font {@code sizeRatio} times the
	 * sheet's default font; at least 1. Line breaks in the text start new lines.
	 */
	public static int lines(String text, double width, double sizeRatio) {
		if (text == null || text.isEmpty()) {
			return 1;
		}
		double usable = Math.max(1.0, (width - PADDING) / Math.max(0.1, sizeRatio));
		int lines = 0;
		int start = 0;
		while (true) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				lines += paragraphLines(text, start, text.length(), usable);
				return Math.max(1, lines);
			}
			lines += paragraphLines(text, start, end, usable);
			start = end + 1;
		}
	}

	/** {@link #lines(String, double, double)} in the sheet's default font. */
	public static int lines(String text, double width) {
		return lines(text, width, 1.0);
	}

	/**
	 * The height in points of a row showing {@code lines} lines in a font of
	 * {@code fontPoints}.
	 */
	public static float rowHeight(int lines, double fontPoints) {
		return (float) Math.ceil(lines * fontPoints * LINE_SPACING + 3);
	}

	/**
	 * Lines the paragraph {@code text[from, to)} takes; words are what lies between two
	 * spaces (two spaces in a row make an empty word). Read character by character: the
	 * feedback copies measure every text of their first sheet, a sixth of a copy's CPU
	 * when each paragraph and word was split into strings.
	 */
	private static int paragraphLines(String text, int from, int to, double usable) {
		int lines = 1;
		double line = 0;
		double space = weight(' ');
		int i = from;
		while (true) {
			double w = 0;
			int end = i;
			while (end < to && text.charAt(end) != ' ') {
				w += weight(text.charAt(end));
				end++;
			}
			if (line > 0 && line + space + w > usable) {
				lines++;
				line = 0;
			}
			else if (line > 0) {
				line += space;
			}
			while (w > usable) {
				// a word longer than the line is cut across lines
				lines++;
				w -= usable;
			}
			line += w;
			if (end >= to) {
				return lines;
			}
			i = end + 1;
		}
	}

	/** A character's width in digits of the same font, rounded up. */
	static double weight(char c) {
		return (c < TABLED) ? WEIGHTS[c] : weigh(c);
	}

	private static double weigh(char c) {
		if (c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' || c == '|' || c == '!') {
			return 0.5;
		}
		if ("iljtfrI()[]\"“”-/".indexOf(c) >= 0) {
			return 0.65;
		}
		if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '%' || c == '@') {
			return 1.55;
		}
		if (Character.isUpperCase(c)) {
			return 1.35;
		}
		return 0.95;
	}

}
