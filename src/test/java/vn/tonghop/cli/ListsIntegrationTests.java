package vn.tonghop.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Last year's lists: one-off import, dry run, and a corrected list imported again. */
class ListsIntegrationTests {

	@TempDir
	Path work;

	Path list(String name) throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("lists"));
		return Files.copy(ConsolidationIntegrationTests.resource("/samples/" + name), folder.resolve(name));
	}

	Runs.Result ingest(Path input, String year, String... more) {
		String[] args = { "ingest", "--input", input.toString(), "--year", year, "--data-dir",
				this.work.resolve("data").toString() };
		String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
			.toArray(String[]::new);
		return Runs.tonghop(all);
	}

	List<String[]> consolidate(String year) throws Exception {
		Runs.tonghop("consolidate", "--year", year, "--output", this.work.resolve("output").toString(), "--data-dir",
				this.work.resolve("data").toString());
		return Runs.csv(this.work.resolve("output").resolve(year).resolve("returns.csv"));
	}

	@Test
	void importsLastYearsListRowByRow() throws Exception {
		Runs.Result result = ingest(list("table-2024-windows1258.csv"), "2024");
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("chấp nhận 12, bị từ chối 0");
		List<String[]> returns = consolidate("2024");
		assertThat(returns).hasSize(13);
		assertThat(Runs.column(returns, "province_code")).doesNotContain("30", "02", "84", "06", "")
			.contains("31", "08", "86", "19");
	}

	@Test
	void dryRunReportsEverythingAndStoresNothing() throws Exception {
		Runs.Result result = ingest(list("table-2024-windows1258.csv"), "2024", "--dry-run");
		assertThat(result.status()).isZero();
		assertThat(result.out()).contains("source_file,sheet,cell,union_code,rule,severity,message")
			.contains("W02")
			.contains("Báo cáo: hợp lệ 12, sẽ bị từ chối 0")
			.contains("không lưu gì");
		assertThat(this.work.resolve("data")).doesNotExist();
	}

	@Test
	void correctedListSupersedesTheRowsItRepeatsAndTheOthersStay() throws Exception {
		Path first = list("table-2025-utf16.csv");
		ingest(first, "2025");
		// the corrected list: the first two rows only, the first with 50 members instead
		// of 46
		List<String> lines = List.of(new String(Files.readAllBytes(first), StandardCharsets.UTF_16).split("\r\n"));
		String header = lines.get(0).replace("\uFEFF", "");
		String corrected = lines.get(1).replaceFirst("\t46\t42\t46\t7\t", "\t50\t42\t46\t7\t");
		assertThat(corrected).isNotEqualTo(lines.get(1));
		Path second = Files.createDirectories(this.work.resolve("corrected")).resolve("table-2025-sua.csv");
		Files.write(second, ("\uFEFF" + header + "\r\n" + corrected + "\r\n" + lines.get(2) + "\r\n")
			.getBytes(StandardCharsets.UTF_16LE));

		Runs.Result result = ingest(second, "2025");

		assertThat(result.out()).contains("chấp nhận 2", "bị thay thế 2");
		List<String[]> returns = consolidate("2025");
		assertThat(returns).hasSize(9);
		assertThat(returns).filteredOn((row) -> row[0].equals("CD56010100"))
			.singleElement()
			.satisfies((row) -> assertThat(row[List.of(returns.get(0)).indexOf("A01")]).isEqualTo("50"));
		assertThat(Runs.csv(this.work.resolve("output/2025/issues.csv"))).filteredOn((row) -> row[4].equals("W06"))
			.hasSize(2);
	}

}
