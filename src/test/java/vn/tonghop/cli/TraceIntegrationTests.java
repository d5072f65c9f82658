package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tonghop trace}: the returns behind a number add up to the number. */
class TraceIntegrationTests {

	@TempDir
	static Path work;

	@BeforeAll
	static void consolidate() {
		Runs.Result result = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				work.resolve("output").toString(), "--data-dir", work.resolve("data").toString());
		assertThat(result.status()).as(result.err()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "79, A02", "79, A02_nu", "56, E06", "24, B03", "79, F03_HTTNV", "56, F04", "TP.HCM, A01" })
	void listsTheReturnsBehindAProvinceNumberAndTheirSumIsThatNumber(String province, String indicator)
			throws Exception {
		Runs.Result trace = Runs.tonghop("trace", "--year", "2026", "--province", province, "--indicator", indicator,
				"--data-dir", work.resolve("data").toString());
		assertThat(trace.status()).as(trace.err()).isZero();
		List<String[]> rows = Runs.csv(work.resolve("output/2026/by-province.csv"));
		String code = province.equals("TP.HCM") ? "79" : province;
		String expected = rows.stream()
			.filter((row) -> row[0].equals(code))
			.findFirst()
			.map((row) -> row[List.of(rows.get(0)).indexOf(indicator)])
			.orElseThrow();
		long listed = trace.out()
			.lines()
			.skip(1)
			.filter((line) -> line.contains("\t"))
			.mapToLong((line) -> Long.parseLong(line.substring(line.lastIndexOf('\t') + 1)))
			.sum();
		assertThat(Long.toString(listed)).isEqualTo(expected.isEmpty() ? "0" : expected);
		assertThat(trace.out()).contains("Tổng " + indicator + ": " + listed);
		assertThat(trace.out().lines().skip(1).filter((line) -> line.contains("\t")))
			.allSatisfy((line) -> assertThat(line.split("\t")).hasSize(5).satisfies((cells) -> {
				assertThat(cells[0]).matches(".*\\.xls[xm]?");
				assertThat(cells[2]).matches("[A-Z]+[0-9]+");
			}));
	}

	@Test
	void narrowsBySector() throws Exception {
		Runs.Result trace = Runs.tonghop("trace", "--year", "2026", "--province", "79", "--sector", "FDI",
				"--indicator", "A01", "--data-dir", work.resolve("data").toString());
		List<String[]> rows = Runs.csv(work.resolve("output/2026/by-province-sector.csv"));
		String expected = rows.stream()
			.filter((row) -> row[0].equals("79") && row[1].equals("FDI"))
			.findFirst()
			.map((row) -> row[List.of(rows.get(0)).indexOf("A01")])
			.orElse("0");
		assertThat(trace.out()).contains("Tổng A01: " + expected);
	}

	/**
	 * A pre-2025 province answers for the unit it is in now, and says so (issue 24, item
	 * 10: "Bình Dương" answered for all of Hồ Chí Minh without a word).
	 */
	@Test
	void aPreMergerProvinceSaysWhichUnitTheFiguresAreFor() {
		String data = work.resolve("data").toString();
		Runs.Result old = Runs.tonghop("trace", "--year", "2026", "--province", "Bình Dương", "--indicator", "A02",
				"--data-dir", data);
		Runs.Result now = Runs.tonghop("trace", "--year", "2026", "--province", "Hồ Chí Minh", "--indicator", "A02",
				"--data-dir", data);
		assertThat(old.status()).as(old.err()).isZero();
		assertThat(old.err().strip())
			.isEqualTo("Tỉnh Bình Dương (trước sắp xếp năm 2025) nay thuộc Thành phố Hồ Chí Minh;"
					+ " số liệu dưới đây là của Hồ Chí Minh.");
		assertThat(old.out()).isEqualTo(now.out());
		assertThat(now.err()).isEmpty();
	}

	@Test
	void aHistoricalProvinceSuggestsWhatItBecame() {
		Runs.Result trace = Runs.tonghop("trace", "--year", "2026", "--province", "Sông Bé", "--indicator", "A02",
				"--data-dir", work.resolve("data").toString());
		assertThat(trace.status()).isEqualTo(2);
		assertThat(trace.err()).contains(
				"--province Sông Bé: không xác định được tỉnh/thành phố" + " (có phải là: Hồ Chí Minh, Đồng Nai?)");
	}

	@Test
	void unknownIndicatorIsABadArgument() {
		Runs.Result trace = Runs.tonghop("trace", "--year", "2026", "--province", "79", "--indicator", "Z99",
				"--data-dir", work.resolve("data").toString());
		assertThat(trace.status()).isEqualTo(2);
		assertThat(trace.err()).contains("Z99");
	}

}
