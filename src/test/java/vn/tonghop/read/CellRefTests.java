package vn.tonghop.read;

import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellRefTests {

	@Test
	void a1IsExcelsAddressOnEveryColumn() {
		assertThat(new CellRef(0, 0).a1()).isEqualTo("A1");
		assertThat(new CellRef(16, 3).a1()).isEqualTo("D17");
		assertThat(new CellRef(9, 26).a1()).isEqualTo("AA10");
		assertThat(new CellRef(1_048_575, 16_383).a1()).isEqualTo("XFD1048576");
		for (int column = 0; column <= 16_383; column++) {
			assertThat(new CellRef(4, column).a1()).isEqualTo(new CellReference(4, column).formatAsString(false));
		}
	}

}
