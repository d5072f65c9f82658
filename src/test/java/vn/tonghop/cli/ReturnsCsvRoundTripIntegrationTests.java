package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.samples.SyntheticReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, item 9, "tonghop cannot read its own output": a {@code returns.csv} of any
 * year, given alone to {@code run} as a list (what a national federation receives from
 * its provinces, or what is left of a year whose database is gone), gives the same
 * returns and exactly the same roll-ups in an empty database. Before, every return of it
 * was rejected (R01 for province and sector, R17 for F03).
 */
class ReturnsCsvRoundTripIntegrationTests {

	/** The roll-ups, which must come out byte for byte the same. */
	static final List<String> ROLLUPS = List.of("by-province.csv", "by-sector.csv", "by-province-sector.csv",
			"by-industry.csv");

	@TempDir
	Path work;

	@Test
	void samplesReturnsCsvReadBackGivesTheSameRollups() throws Exception {
		// the messy samples: 15 of their returns count (rejected, superseded and
		// duplicate ones do not, and are not in returns.csv)
		roundTrip(InputSamplesIntegrationTests.SAMPLES.resolve("2026"), 2026, 15);
	}

	@Test
	void generatedYearsReturnsCsvReadBackGivesTheSameRollups() throws Exception {
		// a year before 2025, whose province codes a return writes in the old scheme:
		// returns.csv writes the 34 units' codes, and they are read as such (no W02)
		Path input = this.work.resolve("sinh ra");
		SyntheticReturns.write(input, 300, 2024, 22);
		roundTrip(input, 2024, 300);
	}

	/** completeness.csv's accepted unions, by province code, lines of none left out. */
	static java.util.Map<String, String> accepted(Path completeness) throws Exception {
		java.util.Map<String, String> accepted = new java.util.LinkedHashMap<>();
		List<String[]> rows = Runs.csv(completeness);
		int column = List.of(rows.get(0)).indexOf("accepted");
		for (String[] row : rows.subList(1, rows.size())) {
			if (!row[0].isEmpty() || !row[column].equals("0")) {
				accepted.put(row[0], row[column]);
			}
		}
		return accepted;
	}

	void roundTrip(Path input, int year, int counted) throws Exception {
		Path first = run(input, year, "first");
		Path list = Files.createDirectories(this.work.resolve("list"));
		Files.copy(first.resolve("returns.csv"), list.resolve("returns.csv"));

		Path second = run(list, year, "second");

		List<String[]> before = Runs.csv(first.resolve("returns.csv"));
		List<String[]> after = Runs.csv(second.resolve("returns.csv"));
		assertThat(before).hasSize(counted + 1);
		assertThat(after).hasSameSizeAs(before);
		int sourceFile = List.of(before.get(0)).indexOf("source_file");
		for (int i = 0; i < before.size(); i++) {
			// the same return, with every column but source_file (the list now)
			String[] expected = before.get(i).clone();
			String[] actual = after.get(i).clone();
			if (i > 0) {
				assertThat(actual[sourceFile]).isEqualTo("returns.csv");
				expected[sourceFile] = "";
				actual[sourceFile] = "";
			}
			assertThat(actual).as("returns.csv line %d", i + 1).containsExactly(expected);
		}
		for (String rollup : ROLLUPS) {
			assertThat(Files.readString(second.resolve(rollup))).as(rollup)
				.isEqualTo(Files.readString(first.resolve(rollup)));
		}
		// completeness.csv counts the unions received, rejected ones too, which
		// returns.csv does not carry: only the accepted ones must agree (and the line of
		// unions in no known province, all rejected, is not in the second)
		assertThat(accepted(second.resolve("completeness.csv"))).isEqualTo(accepted(first.resolve("completeness.csv")));
		List<String[]> issues = Runs.csv(second.resolve("issues.csv"));
		assertThat(Runs.column(issues, "severity")).doesNotContain("error");
		assertThat(Runs.column(issues, "rule")).doesNotContain("W02", "W07", "W10");
	}

	/** {@code tonghop run} into a database of its own; the year's output folder. */
	Path run(Path input, int year, String name) {
		Path output = this.work.resolve("output-" + name);
		Runs.Result result = Runs.tonghop("run", "--input", input.toString(), "--year", Integer.toString(year),
				"--output", output.toString(), "--data-dir", this.work.resolve("data-" + name).toString());
		assertThat(result.status()).as(result.out() + result.err()).isZero();
		return output.resolve(Integer.toString(year));
	}

}
