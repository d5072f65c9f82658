package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;
import vn.tonghop.read.HeaderField;
import vn.tonghop.report.YearOutputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 4: a year's outputs are published together or not at all. Seen before: a
 * consolidation that failed halfway left the new returns.csv and workbook beside
 * by-sector.csv and files.csv of the previous state, plus a {@code .by-province.csv.tmp}.
 */
class PublishedOutputsIntegrationTests {

	@TempDir
	Path work;

	/**
	 * Every file under {@code folder} (hidden ones too), by relative path, with its
	 * bytes' hash.
	 */
	static Map<String, Integer> files(Path folder) throws Exception {
		Map<String, Integer> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				files.put(folder.relativize(path).toString(), java.util.Arrays.hashCode(Files.readAllBytes(path)));
			}
		}
		return files;
	}

	void sql(Path data, String statement) throws Exception {
		try (Connection connection = TestDatabase.connect(data); Statement update = connection.createStatement()) {
			update.execute(statement);
		}
	}

	@Test
	void aConsolidationThatFailsHalfwayLeavesThePublishedSetAsItWasAndTheNextPublishesAWholeOne() throws Exception {
		Path data = this.work.resolve("data");
		Path output = this.work.resolve("kết quả");
		Path published = output.resolve("2026");
		Runs.Result first = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				output.toString(), "--data-dir", data.toString());
		assertThat(first.status()).as(first.err()).isZero();
		long returns = Runs.csv(published.resolve("returns.csv")).size() - 1;
		// an analyst's own note in the folder
		Files.writeString(published.resolve("ghi chú của phòng.txt"), "đã gửi lên Tổng Liên đoàn");
		Map<String, Integer> before = files(published);
		assertThat(before).containsKeys("returns.csv", "by-province.csv", "by-sector.csv", "files.csv", "issues.csv",
				"completeness.csv", "tong-hop-thi-dua-2026.xlsx", YearOutputs.MANIFEST);

		// a new union's return comes in, then the consolidation fails at files.csv, after
		// returns.csv and the workbook were written
		Path form = Path.of("input-samples/2026/ldld-ha-noi/cd-truong-dai-hoc-cong-nghe-dong-a.xlsx");
		Path inbox = this.work.resolve("hộp thư");
		Workbooks.change(form, inbox.resolve("don-vi-moi.xlsx"),
				Map.of(Workbooks.header(form, HeaderField.UNION_CODE), "HN-9999"));
		assertThat(Runs.tonghop("ingest", "--input", inbox.toString(), "--year", "2026", "--data-dir", data.toString())
			.status()).isZero();
		sql(data, "ALTER TABLE intake_log RENAME TO intake_log_hidden");
		Runs.Result failed = Runs.tonghop("consolidate", "--year", "2026", "--output", output.toString(), "--data-dir",
				data.toString());

		assertThat(failed.status()).as(failed.out() + failed.err()).isEqualTo(1);
		assertThat(files(published)).isEqualTo(before);
		// nothing of the failed run beside it: no temporary file, no folder of its own
		assertThat(files(output)).allSatisfy((path, hash) -> assertThat(path).startsWith("2026"));
		try (Stream<Path> entries = Files.list(output)) {
			assertThat(entries.map((entry) -> entry.getFileName().toString())).containsExactly("2026");
		}

		sql(data, "ALTER TABLE intake_log_hidden RENAME TO intake_log");
		Runs.Result again = Runs.tonghop("consolidate", "--year", "2026", "--output", output.toString(), "--data-dir",
				data.toString());

		assertThat(again.status()).as(again.out() + again.err()).isZero();
		assertThat(Runs.csv(published.resolve("returns.csv"))).hasSize((int) returns + 2);
		assertThat(Runs.column(Runs.csv(published.resolve("files.csv")), "source_file")).contains("don-vi-moi.xlsx");
		assertThat(Files.readString(published.resolve("ghi chú của phòng.txt"))).isEqualTo("đã gửi lên Tổng Liên đoàn");
		String manifest = Files.readString(published.resolve(YearOutputs.MANIFEST));
		assertThat(manifest).contains("returns.csv\n", "files.csv\n", "tong-hop-thi-dua-2026.xlsx\n", "phan-hoi\n")
			.doesNotContain("ghi chú");
		try (Stream<Path> entries = Files.list(output)) {
			assertThat(entries.map((entry) -> entry.getFileName().toString())).containsExactly("2026");
		}
	}

}
