package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.report.FeedbackReports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose returns mostly name another year than {@code --year} says so first and
 * writes no feedback copy only to say the year is wrong (issue 24, item 9:
 * {@code run --input input-samples/2026 --year 2025} exited 0 and wrote 24 feedback
 * copies telling unions their year was wrong).
 */
class YearMismatchIntegrationTests {

	@TempDir
	Path work;

	static final String WARNING = "CẢNH BÁO: 24 trong 25 báo cáo ghi năm 2026, không phải năm 2025:"
			+ " --year có đúng không?";

	@Test
	void theSummarySaysFirstThatTheYearIsProbablyWrongAndOnlyCopiesWithOtherErrorsAreWritten() throws Exception {
		Path output = this.work.resolve("output");
		String data = this.work.resolve("data").toString();
		Runs.Result run = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2025", "--output",
				output.toString(), "--data-dir", data);

		// 0: the run ran, and its summary says plainly what is wrong
		assertThat(run.status()).as(run.err()).isZero();
		String first = summary(run).get(0);
		assertThat(first).startsWith(WARNING)
			.contains("Không tạo bản phản hồi cho 16 tệp chỉ sai năm (R04); thêm --feedback-year-mismatch để vẫn tạo.");
		Set<String> otherErrors = filesWithErrorsBesidesTheYear(output.resolve("2025/issues.csv"));
		assertThat(copies(output, 2025)).hasSize(otherErrors.size()).hasSize(8);

		// asked, the copies of the returns whose only error is the year are written too
		Runs.Result asked = Runs.tonghop("consolidate", "--year", "2025", "--output", output.toString(), "--data-dir",
				data, "--feedback-year-mismatch");
		assertThat(asked.status()).as(asked.err()).isZero();
		assertThat(asked.out()).contains(WARNING + " Vẫn tạo bản phản hồi cho 16 tệp chỉ sai năm (R04)");
		assertThat(copies(output, 2025)).hasSize(24);

		// not asked again: withheld again, and the consolidation's summary warns at its
		// top
		Runs.Result again = Runs.tonghop("consolidate", "--year", "2025", "--output", output.toString(), "--data-dir",
				data);
		assertThat(again.status()).as(again.err()).isZero();
		List<String> lines = summary(again);
		assertThat(lines.get(0)).startsWith("== Tổng hợp năm 2025");
		assertThat(lines.get(1)).startsWith(WARNING).contains("Không tạo bản phản hồi cho 16 tệp");
		assertThat(copies(output, 2025)).hasSize(8);
	}

	@Test
	void aRunOfTheRightYearDoesNotWarnAndWritesEveryCopy() throws Exception {
		Path output = this.work.resolve("output");
		Runs.Result run = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				output.toString(), "--data-dir", this.work.resolve("data").toString());
		assertThat(run.status()).as(run.err()).isZero();
		// one return of 25 names 2025: that union's copy tells it so
		assertThat(run.out()).doesNotContain("--year có đúng không");
		assertThat(Runs.csv(output.resolve("2026/issues.csv")))
			.anySatisfy((row) -> assertThat(row[4]).isEqualTo("R04"));
		assertThat(copies(output, 2026)).anySatisfy((copy) -> assertThat(copy).contains("cd-cong-ty-giay-viet-glory"));
	}

	/** The summary's lines: those printed, without the log's and blank ones. */
	private static List<String> summary(Runs.Result result) {
		return result.out()
			.lines()
			.filter((line) -> !line.isBlank() && !line.matches("\\d\\d:\\d\\d:\\d\\d [A-Z]+ .*"))
			.toList();
	}

	private static List<String> copies(Path output, int year) throws Exception {
		Path folder = output.resolve(Integer.toString(year)).resolve(FeedbackReports.FOLDER);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	/** The workbooks with an error other than R04, from issues.csv. */
	private static Set<String> filesWithErrorsBesidesTheYear(Path issues) throws Exception {
		Set<String> files = new HashSet<>();
		List<String[]> rows = Runs.csv(issues);
		for (String[] row : rows.subList(1, rows.size())) {
			String file = row[0].toLowerCase(java.util.Locale.ROOT);
			if (row[5].equals("error") && !row[4].equals("R04") && !file.endsWith(".csv") && !file.endsWith(".txt")) {
				files.add(row[0]);
			}
		}
		return files;
	}

}
