package vn.tonghop.read;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SheetCellsTests {

	@Test
	void cellsOfARowComeBackWhateverOrderTheRowsWereReadIn() {
		SheetCells sheet = new SheetCells("BaoCao");
		sheet.add(RawCell.text(new CellRef(5, 1), "b6"));
		sheet.add(RawCell.text(new CellRef(5, 0), "a6"));
		sheet.add(RawCell.text(new CellRef(3, 2), "c4"));
		// back to a row read before, and a cell read again
		sheet.add(RawCell.number(new CellRef(5, 2), 6));
		sheet.add(RawCell.text(new CellRef(3, 2), "c4 again"));
		sheet.add(RawCell.text(new CellRef(4, 0), "a5"));

		assertThat(sheet.rowNumbers()).containsExactly(3, 4, 5);
		assertThat(sheet.row(5)).extracting(RawCell::text).containsExactly("a6", "b6", "6");
		assertThat(sheet.row(3)).extracting(RawCell::text).containsExactly("c4 again");
		assertThat(sheet.get(4, 0).text()).isEqualTo("a5");
		assertThat(sheet.firstRightOf(5, 0).text()).isEqualTo("b6");
		assertThat(sheet.cellCount()).isEqualTo(5);
	}

}
