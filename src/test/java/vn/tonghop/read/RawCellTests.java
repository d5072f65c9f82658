package vn.tonghop.read;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawCellTests {

	/** How a number was written before whole numbers had a path of their own. */
	private static String written(double number) {
		if (Double.isNaN(number) || Double.isInfinite(number)) {
			return Double.toString(number);
		}
		return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
	}

	/**
	 * Regression: a cell holding {@code _x0000_} (a NUL once decoded) went into a
	 * finding's message, PostgreSQL refused the text ("invalid byte sequence for encoding
	 * UTF8: 0x00") and the whole ingest failed over one cell of one file.
	 */
	@Test
	void aNulCharacterInACellIsDroppedSoNoDatabaseRefusesItsText() {
		RawCell cell = RawCell.text(new CellRef(6, 11), "12\u0000a\u0000");
		assertThat(cell.text()).isEqualTo("12a");
		assertThat(RawCell.converted(new CellRef(0, 0), "x\u0000", "TCVN3", "\u0000y").original()).isEqualTo("y");
		assertThat(RawCell.error(new CellRef(0, 0), "#N/A").text()).isEqualTo("#N/A");
	}

	@Test
	void aNumberIsWrittenPlainlyWithoutTrailingZeros() {
		assertThat(RawCell.number(new CellRef(0, 0), 1200).text()).isEqualTo("1200");
		assertThat(RawCell.number(new CellRef(0, 0), 12.50).text()).isEqualTo("12.5");
		assertThat(RawCell.number(new CellRef(0, 0), -0.0).text()).isEqualTo("0");
		assertThat(RawCell.number(new CellRef(0, 0), 1e20).text()).isEqualTo("100000000000000000000");
		assertThat(RawCell.number(new CellRef(0, 0), 1.5e-7).text()).isEqualTo("0.00000015");
	}

	@Test
	void wholeNumbersAreWrittenAsTheGeneralPathWritesThem() {
		double[] edges = { 0, -0.0, 1, -1, 9, 10, 99, 100, 1_000_000, 9_999_999, 10_000_000, 123_456_789,
				999_999_999_999_999d, -999_999_999_999_999d, 1e15, -1e15, 1e15 + 1, 9_007_199_254_740_992d,
				9_007_199_254_740_994d, 1e16, 1e300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.5, -0.5,
				999_999_999_999_999.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
		for (double number : edges) {
			assertThat(RawCell.plain(number)).as("%s", number).isEqualTo(written(number));
		}
		SplittableRandom random = new SplittableRandom(20261206);
		for (int i = 0; i < 200_000; i++) {
			// whole numbers of every size up to the limit and past it, and fractions
			double whole = (double) (random.nextLong() >> random.nextInt(64));
			double fraction = whole / (1 << random.nextInt(1, 20));
			for (double number : new double[] { whole, -whole, fraction, random.nextDouble() * 1e17 }) {
				assertThat(RawCell.plain(number)).as("%s", number).isEqualTo(written(number));
			}
		}
	}

}
