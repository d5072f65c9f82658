package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tonghop history --union CODE --year Y}: a union's returns of the year oldest
 * first, which one counts, and each indicator that changed between two accepted returns
 * in a row, old → new with the new cell (issue 26, item 3). On the samples, Công ty TNHH
 * May Tín Phát (CD750101) sent its return twice.
 */
class UnionHistoryIntegrationTests {

	@TempDir
	static Path work;

	static Path data;

	@BeforeAll
	static void ingest() throws Exception {
		Path inbox = ConsolidationIntegrationTests.sameTimes(Path.of("input-samples/2026"), work.resolve("hộp thư"));
		data = work.resolve("data");
		Runs.Result result = Runs.tonghop("ingest", "--input", inbox.toString(), "--year", "2026", "--data-dir",
				data.toString());
		assertThat(result.status()).as(result.err()).isZero();
	}

	@Test
	void listsAUnionsReturnsAndWhatChangedFromOneAcceptedReturnToTheNext() throws Exception {
		Runs.Result history = Runs.tonghop("history", "--union", "CD750101", "--year", "2026", "--data-dir",
				data.toString());
		assertThat(history.status()).as(history.err()).isZero();
		List<String> lines = history.out().lines().toList();
		assertThat(lines.get(0)).isEqualTo("Báo cáo của CĐCS CD750101 năm 2026 (cũ trước):");
		assertThat(lines.get(1)).contains("1. ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-1.xlsx")
			.endsWith("được chấp nhận, bị thay bằng báo cáo sau");
		assertThat(lines.get(2)).contains("2. ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-2.xlsx")
			.endsWith("được chấp nhận, đang được tính");
		assertThat(lines.get(3)).isEqualTo("     thay đổi so với báo cáo được chấp nhận trước: 9 chỉ tiêu");
		// the two sample files differ in these cells (the second is what trace shows)
		assertThat(lines.subList(4, lines.size())).contains("       A02: 77 → 89 (ô E14)",
				"       A02_nu: 26 → 34 (ô F14)", "       E06: 143300000 → 98500000 (ô E37)");
		assertThat(lines.subList(4, lines.size())).isNotEmpty()
			.allSatisfy((line) -> assertThat(line)
				.matches("       [A-Z][0-9A-Z_]*(_nu)?: \\S+ → \\S+( \\(ô [A-Z]+[0-9]+\\))?"));
	}

	@Test
	void aUnionWithoutReturnsAndBadArgumentsAreSaidInOneLine() throws Exception {
		Runs.Result none = Runs.tonghop("history", "--union", "KHONGCO", "--year", "2026", "--data-dir",
				data.toString());
		assertThat(none.status()).isZero();
		assertThat(none.out().strip()).isEqualTo("Chưa nhận báo cáo nào của CĐCS KHONGCO năm 2026.");
		Runs.Result noYear = Runs.tonghop("history", "--union", "CD750101", "--data-dir", data.toString());
		assertThat(noYear.status()).isEqualTo(2);
		assertThat(noYear.err()).contains("--union và --year đi cùng nhau");
	}

}
