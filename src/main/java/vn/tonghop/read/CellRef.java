package vn.tonghop.read;

import org.apache.poi.ss.util.CellReference;

/**
 * Where a value sits in a sheet: zero-based row and column, shown to people in A1 style.
 */
public record CellRef(int row, int column) implements Comparable<CellRef> {

	/** The A1-style address, such as {@code D17}. */
	public String a1() {
		return CellReference.convertNumToColString(this.column) + (this.row + 1);
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
