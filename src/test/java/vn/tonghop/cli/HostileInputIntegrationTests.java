package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.hostile.HostileCorpus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus in the same inbox as good returns: the run ends normally, every file
 * has its status in files.csv, and the roll-ups are exactly those of the good returns
 * alone (the fixture {@code samples-2026}, worked out independently of the tool).
 */
class HostileInputIntegrationTests {

	@TempDir
	Path work;

	@Test
	void goodReturnsKeepTheirExactTotalsAmongHostileFiles() throws Exception {
		Path fixture = ConsolidationIntegrationTests.resource("/fixtures/samples-2026");
		Path inbox = ConsolidationIntegrationTests.sameTimes(fixture.resolve("input"), this.work.resolve("hộp thư"));
		Path hostile = Files.createDirectories(inbox.resolve("thư lạ"));
		// the list exported as ".xls" holds other unions' returns: it would add to the
		// totals, so it is left out here (its reading is HostileFilesTests')
		List<HostileCorpus.Case> cases = HostileCorpus.write(hostile)
			.stream()
			.filter((c) -> !c.file().equals("danh sách xuất ra.xls"))
			.toList();
		Files.delete(hostile.resolve("danh sách xuất ra.xls"));
		Path output = this.work.resolve("kết quả");

		Runs.Result result = Runs.tonghop("run", "--input", inbox.toString(), "--year", "2026", "--output",
				output.toString(), "--data-dir", this.work.resolve("data").toString());

		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("Tình trạng tệp:");
		for (String rollup : List.of("by-province.csv", "by-sector.csv", "by-province-sector.csv", "by-industry.csv")) {
			List<String[]> want = Runs.csv(fixture.resolve("expected").resolve(rollup));
			List<String[]> got = Runs.csv(output.resolve("2026").resolve(rollup));
			assertThat(got).as(rollup).hasSameSizeAs(want);
			for (int i = 0; i < want.size(); i++) {
				assertThat(got.get(i)).as("%s row %d", rollup, i + 1).containsExactly(want.get(i));
			}
		}

		List<String[]> files = Runs.csv(output.resolve("2026/files.csv"));
		assertThat(files.get(0)).containsExactly("source_file", "sha256", "bytes", "status", "reason");
		Map<String, String[]> byFile = files.subList(1, files.size())
			.stream()
			.collect(Collectors.toMap((row) -> row[0], Function.identity()));
		assertThat(byFile).hasSize(cases.size() + 3);
		for (HostileCorpus.Case expected : cases) {
			String[] row = byFile.get("thư lạ/" + expected.file());
			assertThat(row).as(expected.file()).isNotNull();
			if (expected.status().equals("accepted")) {
				// the same union as a good return (or its very bytes): one of them counts
				assertThat(row[3]).as(expected.file()).isIn("accepted", "superseded", "duplicate");
			}
			else {
				assertThat(row[3]).as("%s: %s", expected.file(), row[4]).isEqualTo(expected.status());
				assertThat(row[4]).as(expected.file()).contains(expected.reason());
			}
			assertThat(row[4]).doesNotContain(HostileCorpus.SECRET);
		}
		for (String good : List.of("form-edited.xlsx", "form-formulas-libreoffice.xlsx", "form-libreoffice.xls")) {
			assertThat(byFile.get(good)[3]).as(good).isIn("accepted", "superseded");
		}
		assertThat(byFile.get("thư lạ/lỗi công thức.xlsx")[4]).isEqualTo("Có lỗi R05×3 (xem issues.csv).");
	}

}
