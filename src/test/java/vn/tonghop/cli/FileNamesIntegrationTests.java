package vn.tonghop.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A file is named the same in every output. Regression (issue 23, item 10): a file name
 * with a leading space was trimmed in returns.csv and issues.csv but not in files.csv, so
 * the three did not join.
 */
class FileNamesIntegrationTests {

	@TempDir
	Path work;

	@Test
	void aLeadingSpaceIsKeptInEveryOutput() throws Exception {
		Path inbox = Files.createDirectories(this.work.resolve("hộp thư"));
		Path samples = Path.of("input-samples/2026/ldld-ha-noi");
		Files.copy(samples.resolve("cd-truong-dai-hoc-cong-nghe-dong-a.xlsx"), inbox.resolve(" dong-a.xlsx"));
		Files.copy(samples.resolve("nd-van-tai-hoan-kiem.xlsx"), inbox.resolve(" van-tai.xlsx"));
		Path output = this.work.resolve("kết quả");

		Runs.Result result = Runs.tonghop("run", "--input", inbox.toString(), "--year", "2026", "--output",
				output.toString(), "--data-dir", this.work.resolve("data").toString());

		assertThat(result.status()).as(result.out() + result.err()).isZero();
		List<String[]> files = Runs.csv(output.resolve("2026/files.csv"));
		assertThat(files.subList(1, files.size())).extracting((row) -> row[0])
			.containsExactly(" dong-a.xlsx", " van-tai.xlsx");
		List<String[]> returns = Runs.csv(output.resolve("2026/returns.csv"));
		int sourceFile = List.of(returns.get(0)).indexOf("source_file");
		assertThat(returns.subList(1, returns.size())).extracting((row) -> row[sourceFile])
			.containsExactly(" dong-a.xlsx");
		List<String[]> issues = Runs.csv(output.resolve("2026/issues.csv"));
		assertThat(issues.subList(1, issues.size())).extracting((row) -> row[0]).contains(" van-tai.xlsx");
	}

	/**
	 * Regression (issue 23, item 6): two files whose names are not UTF-8 (bytes an old
	 * Windows program wrote) became one line {@code x�.xlsx} in files.csv, and the path
	 * stored for the feedback copy opened neither.
	 */
	@Test
	void namesThatAreNotUtf8NeverCollideAndTheirFilesOpenAgain() throws Exception {
		assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")),
				"file names in UTF-8 (as the launcher sets)");
		Path inbox = Files.createDirectories(this.work.resolve("hộp thư"));
		Path samples = Path.of("input-samples/2026/ldld-ha-noi");
		Path ff = Path.of(URI.create(inbox.toUri() + "x%FF.xlsx"));
		Path fe = Path.of(URI.create(inbox.toUri() + "x%FE.xlsx"));
		Files.copy(samples.resolve("cd-truong-dai-hoc-cong-nghe-dong-a.xlsx"), ff);
		Files.copy(samples.resolve("nd-van-tai-hoan-kiem.xlsx"), fe);
		assertThat(ff.toString()).isEqualTo(fe.toString());
		Path output = this.work.resolve("kết quả");

		Runs.Result result = Runs.tonghop("run", "--input", inbox.toString(), "--year", "2026", "--output",
				output.toString(), "--data-dir", this.work.resolve("data").toString());

		assertThat(result.status()).as(result.out() + result.err()).isZero();
		List<String[]> files = Runs.csv(output.resolve("2026/files.csv"));
		assertThat(files.subList(1, files.size())).extracting((row) -> row[0] + " " + row[3])
			.containsExactly("x\\xFE.xlsx rejected", "x\\xFF.xlsx accepted");
		assertThat(Runs.column(files, "reason")).noneMatch((reason) -> reason.contains("phản hồi"));
		try (Stream<Path> copies = Files.list(output.resolve("2026/phan-hoi"))) {
			assertThat(copies).hasSize(1);
		}
		List<String[]> returns = Runs.csv(output.resolve("2026/returns.csv"));
		assertThat(Runs.column(returns, "source_file")).containsExactly("x\\xFF.xlsx");
	}

}
