package vn.tonghop.read;

import org.apache.poi.ss.util.CellReference;

/**
 * Where a value sits in a sheet: zero-based row and column, shown to people in A1 style.
 */
public record CellRef(int row, int column) implements Comparable<CellRef> {

	/**
	 * Column letters of the first columns, made once: every stored value names its cells.
	 */
	private static final String[] COLUMNS = new String[1024];

	static {
		for (int i = 0; i < COLUMNS.length; i++) {
			COLUMNS[i] = CellReference.convertNumToColString(i);
		}
	}

	/** The A1-style address, such as {@code D17}. */
	public String a1() {
		String column = (this.column >= 0 && this.column < COLUMNS.length) ? COLUMNS[this.column]
				: CellReference.convertNumToColString(this.column);
		return column + (this.row + 1);
	}

	@Override
	public int compareTo(CellRef other) {
		int byRow = Integer.compare(this.row, other.row);
		return (byRow != 0) ? byRow : Integer.compare(this.column, other.column);
	}

	@Override
	public String toString() {
		return a1();
	}

}
