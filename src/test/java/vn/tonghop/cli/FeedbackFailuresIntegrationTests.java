package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.store.FileStatuses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 2: a feedback copy that cannot be made is a line in the summary and in
 * files.csv for that file, and the rest of the run goes on. Seen before: one damaged
 * return ended the whole consolidation FAILED, exit 1, for every union; later, the copy
 * was only a warning in the log, and files.csv called the file accepted with nothing
 * more.
 */
class FeedbackFailuresIntegrationTests {

	@TempDir
	Path work;

	@Test
	void aCopyThatCannotBeMadeIsALineInTheSummaryAndInFilesCsvAndTheRestGoesOn() throws Exception {
		Path inbox = this.work.resolve("hộp thư");
		try (Stream<Path> files = Files.walk(Path.of("input-samples/2026"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = inbox.resolve(Path.of("input-samples/2026").relativize(file).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
		Path data = this.work.resolve("data");
		Path output = this.work.resolve("output");
		Runs.Result first = Runs.tonghop("run", "--input", inbox.toString(), "--year", "2026", "--output",
				output.toString(), "--data-dir", data.toString());
		assertThat(first.status()).as(first.err()).isZero();
		assertThat(first.out()).doesNotContain("Bản phản hồi không tạo được");
		Set<String> withFindings = new TreeSet<>(
				Runs.column(Runs.csv(output.resolve("2026/issues.csv")), "source_file"));
		List<String> workbooks = withFindings.stream().filter((file) -> !file.endsWith(".csv")).toList();
		assertThat(workbooks).hasSizeGreaterThanOrEqualTo(3);
		long copies = count(output.resolve("2026/phan-hoi"));

		// after the ingest, one union's file is overwritten with something that is not a
		// workbook, another's is moved away
		String damaged = workbooks.get(0);
		String gone = workbooks.get(1);
		Files.writeString(inbox.resolve(damaged), "không phải bảng tính");
		Files.move(inbox.resolve(gone), this.work.resolve("chuyển đi.xlsx"));
		Runs.Result again = Runs.tonghop("consolidate", "--year", "2026", "--output", output.toString(), "--data-dir",
				data.toString());

		assertThat(again.status()).as(again.out() + again.err()).isZero();
		assertThat(again.out()).contains("Bản phản hồi không tạo được: 2 (từng tệp và lý do: files.csv)",
				"  " + damaged + " — ", "  " + gone + " — tệp không còn ở nơi đã nhận");
		assertThat(count(output.resolve("2026/phan-hoi"))).isEqualTo(copies - 2);
		List<String[]> files = Runs.csv(output.resolve("2026/files.csv"));
		List<String> names = Runs.column(files, "source_file");
		List<String> reasons = Runs.column(files, "reason");
		List<String> statuses = Runs.column(files, "status");
		assertThat(reasons.get(names.indexOf(damaged))).contains(FileStatuses.NO_FEEDBACK);
		assertThat(reasons.get(names.indexOf(gone))).contains(FileStatuses.NO_FEEDBACK + "tệp không còn ở nơi đã nhận");
		// still what it was: the return was read and judged at ingest
		assertThat(statuses.get(names.indexOf(damaged))).isIn("accepted", "rejected");
		assertThat(reasons.stream().filter((reason) -> reason.contains(FileStatuses.NO_FEEDBACK))).hasSize(2);

		// the file back as it was: its copy is made again, and the line goes
		Files.move(this.work.resolve("chuyển đi.xlsx"), inbox.resolve(gone));
		Runs.Result back = Runs.tonghop("consolidate", "--year", "2026", "--output", output.toString(), "--data-dir",
				data.toString());
		assertThat(back.status()).isZero();
		assertThat(back.out()).contains("Bản phản hồi không tạo được: 1 (");
		assertThat(Runs.column(Runs.csv(output.resolve("2026/files.csv")), "reason")
			.stream()
			.filter((reason) -> reason.contains(FileStatuses.NO_FEEDBACK))).hasSize(1);
	}

	private static long count(Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
	}

}
