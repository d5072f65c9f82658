package vn.tonghop.cli;

import java.util.List;
import java.util.Set;

/**
 * A table printed on a terminal, columns two spaces apart, each as wide as its widest
 * cell; widths count what a terminal shows (a combining mark of text typed in decomposed
 * Unicode takes no column). {@code tonghop history} and {@code tonghop user list}.
 */
final class TerminalTable {

	private TerminalTable() {
	}

	/** Width on a terminal: code points, not counting combining marks. */
	static int width(String text) {
		return (int) text.codePoints().filter((c) -> Character.getType(c) != Character.NON_SPACING_MARK).count();
	}

	/** Each column's width: its widest cell's. */
	static int[] widths(List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], width(row[i]));
			}
		}
		return widths;
	}

	/**
	 * One row as a line: the columns of {@code rightAligned} right-aligned (numbers), the
	 * others left-aligned, the last one not padded.
	 */
	static String line(String[] row, int[] widths, Set<Integer> rightAligned) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < row.length; i++) {
			if (i > 0) {
				text.append("  ");
			}
			String pad = " ".repeat(widths[i] - width(row[i]));
			if (rightAligned.contains(i)) {
				text.append(pad).append(row[i]);
			}
			else if (i < row.length - 1) {
				text.append(row[i]).append(pad);
			}
			else {
				text.append(row[i]);
			}
		}
		return text.toString().stripTrailing();
	}

}
