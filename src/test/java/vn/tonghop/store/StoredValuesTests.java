package vn.tonghop.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.tonghop.read.CellRef;
import vn.tonghop.validate.IndicatorValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StoredValuesTests {

	@Test
	void packsEachValueAsOneEntryWithEmptyFieldsForNothing() {
		List<IndicatorValue> values = List.of(
				new IndicatorValue("A02", 120L, 45L, null, null, new CellRef(11, 2), new CellRef(11, 3)),
				new IndicatorValue("F03", null, null, "HTTNV", null, new CellRef(38, 2), null),
				new IndicatorValue("F04", null, null, null, true, new CellRef(39, 2), null),
				new IndicatorValue("A03", null, null, null, false, null, null));

		String text = StoredValues.pack(values);

		assertThat(text).isEqualTo("A02,120,45,,,C12,D12;F03,,,HTTNV,,C39,;F04,,,,1,C40,;A03,,,,0,,");
		assertThat(StoredValues.unpack(text)).containsExactly(
				new StoredValues.Value("A02", 120L, 45L, null, null, "C12", "D12"),
				new StoredValues.Value("F03", null, null, "HTTNV", null, "C39", null),
				new StoredValues.Value("F04", null, null, null, true, "C40", null),
				new StoredValues.Value("A03", null, null, null, false, null, null));
	}

	@Test
	void findsTheValueOfACodeExactly() {
		String text = "A02,120,45,,,C12,D12;A021,1,,,,C13,;F04,,,,1,C40,";

		assertThat(StoredValues.find(text, "A02"))
			.isEqualTo(new StoredValues.Value("A02", 120L, 45L, null, null, "C12", "D12"));
		assertThat(StoredValues.find(text, "F04").flag()).isTrue();
		assertThat(StoredValues.find(text, "A03")).isNull();
		assertThat(StoredValues.find(text, "a02")).isNull();
		assertThat(StoredValues.find(null, "A02")).isNull();
	}

	@Test
	void keepsSeparatorsAndPercentSignsInsideTextFields() {
		List<IndicatorValue> values = List.of(new IndicatorValue("X;1,%", 0L, -7L, "a,b;c%25d", null, null, null));

		List<StoredValues.Value> back = StoredValues.unpack(StoredValues.pack(values));

		assertThat(back).containsExactly(new StoredValues.Value("X;1,%", 0L, -7L, "a,b;c%25d", null, null, null));
	}

	@Test
	void noValuesIsAnEmptyTextAndNullReadsAsNone() {
		assertThat(StoredValues.pack(List.of())).isEmpty();
		assertThat(StoredValues.unpack("")).isEmpty();
		assertThat(StoredValues.unpack(null)).isEmpty();
	}

	@Test
	void extremeNumbersComeBackExactly() {
		List<IndicatorValue> values = List
			.of(new IndicatorValue("E06", Long.MAX_VALUE, Long.MIN_VALUE, null, null, new CellRef(0, 16383), null));

		assertThat(StoredValues.unpack(StoredValues.pack(values)))
			.containsExactly(new StoredValues.Value("E06", Long.MAX_VALUE, Long.MIN_VALUE, null, null, "XFD1", null));
	}

	@Test
	void randomValuesRoundTrip() {
		Random random = new Random(20261202);
		String alphabet = "AB,;%Hà Nội0";
		for (int round = 0; round < 2000; round++) {
			List<IndicatorValue> values = new ArrayList<>();
			List<StoredValues.Value> expected = new ArrayList<>();
			for (int i = random.nextInt(5); i > 0; i--) {
				String code = text(random, alphabet, 1 + random.nextInt(4));
				Long total = random.nextBoolean() ? random.nextLong() : null;
				Long female = random.nextBoolean() ? (long) random.nextInt() : null;
				String category = random.nextBoolean() ? text(random, alphabet, random.nextInt(6)) : null;
				Boolean flag = random.nextBoolean() ? random.nextBoolean() : null;
				CellRef totalCell = random.nextBoolean() ? new CellRef(random.nextInt(1000), random.nextInt(100))
						: null;
				CellRef femaleCell = random.nextBoolean() ? new CellRef(random.nextInt(1000), random.nextInt(100))
						: null;
				values.add(new IndicatorValue(code, total, female, category, flag, totalCell, femaleCell));
				// an empty text is stored as nothing
				expected.add(new StoredValues.Value(code, total, female,
						(category != null && !category.isEmpty()) ? category : null, flag,
						(totalCell != null) ? totalCell.a1() : null, (femaleCell != null) ? femaleCell.a1() : null));
			}
			assertThat(StoredValues.unpack(StoredValues.pack(values))).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void malformedTextIsRefusedSayingWhere() {
		assertThatIllegalArgumentException().isThrownBy(() -> StoredValues.unpack("A02,1,2"))
			.withMessageContaining("ký tự 0 (\"A02,1,2\")");
		assertThatIllegalArgumentException().isThrownBy(() -> StoredValues.unpack("A02,1,,,,,;,1,,,,,"))
			.withMessageContaining("ký tự 11");
		// a number that is not one, and an escape cut short, are where their entry begins
		assertThatIllegalArgumentException().isThrownBy(() -> StoredValues.unpack("A02,1,2,,,C1,D1;A03,1x5,,,,C2,"))
			.withMessageContaining("ký tự 16 (\"A03,1x5,,,,C2,\")");
		assertThatIllegalArgumentException().isThrownBy(() -> StoredValues.unpack("A02,1,,%zz,,,"))
			.withMessageContaining("ký tự 0");
	}

	private static String text(Random random, String alphabet, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

}
