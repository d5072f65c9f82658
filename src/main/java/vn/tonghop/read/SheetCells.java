package vn.tonghop.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The non-empty cells of one sheet, by row and column. A return form is a few hundred
 * cells, so the reader keeps the chosen sheet's cells (and nothing else of the workbook).
 */
public final class SheetCells {

	private final String name;

	private final NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows = new TreeMap<>();

	private int cellCount;

	/** The row the last cell went into. */
	private NavigableMap<Integer, RawCell> lastRow;

	private int lastRowNumber;

	private final List<RawCell> legacy = new ArrayList<>();

	private final ReadLimits.Budget budget;

	public SheetCells(String name) {
		this(name, ReadLimits.Budget.NONE);
	}

	/** A sheet being read within a file's budget: a cell over it stops the reading. */
	SheetCells(String name, ReadLimits.Budget budget) {
		this.name = name;
		this.budget = budget;
	}

	public String name() {
		return this.name;
	}

	void add(RawCell cell) {
		this.budget.cell(cell, this.cellCount + 1);
		int r = cell.ref().row();
		NavigableMap<Integer, RawCell> row = this.lastRow;
		if (row == null || r != this.lastRowNumber) {
			// a sheet is read row by row: the row's map is looked up once
			row = this.rows.computeIfAbsent(r, (number) -> new TreeMap<>());
			this.lastRow = row;
			this.lastRowNumber = r;
		}
		RawCell before = row.put(cell.ref().column(), cell);
		if (before == null) {
			this.cellCount++;
		}
		else if (before.legacy() != null) {
			this.legacy.remove(before);
		}
		if (cell.legacy() != null) {
			this.legacy.add(cell);
		}
	}

	/** The cells whose text was converted from a legacy encoding, in reading order. */
	public List<RawCell> legacy() {
		return Collections.unmodifiableList(this.legacy);
	}

	public RawCell get(int row, int column) {
		NavigableMap<Integer, RawCell> cells = this.rows.get(row);
		return (cells != null) ? cells.get(column) : null;
	}

	/** The cells of a row, left to right; empty for a blank row. */
	public Collection<RawCell> row(int row) {
		NavigableMap<Integer, RawCell> cells = this.rows.get(row);
		return (cells != null) ? Collections.unmodifiableCollection(cells.values()) : List.of();
	}

	/**
	 * The first non-empty cell to the right of {@code column} on {@code row}, or null.
	 */
	public RawCell firstRightOf(int row, int column) {
		NavigableMap<Integer, RawCell> cells = this.rows.get(row);
		if (cells == null) {
			return null;
		}
		Map.Entry<Integer, RawCell> next = cells.higherEntry(column);
		return (next != null) ? next.getValue() : null;
	}

	/** Row numbers that hold at least one cell, top to bottom. */
	public Collection<Integer> rowNumbers() {
		return Collections.unmodifiableSet(this.rows.navigableKeySet());
	}

	public int cellCount() {
		return this.cellCount;
	}

	public boolean isEmpty() {
		return this.cellCount == 0;
	}

}
