package vn.tonghop.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YearOutputsTests {

	@TempDir
	Path output;

	/** Every file under {@code folder}, by its path relative to it, with its text. */
	static Map<String, String> files(Path folder) throws Exception {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				files.put(folder.relativize(path).toString(), Files.readString(path));
			}
		}
		return files;
	}

	/** Writes a whole set of outputs as a consolidation does, and publishes it. */
	void consolidate(String state) throws Exception {
		YearOutputs.prepare(this.output, 2026);
		Path next = CsvReports.yearFolder(YearOutputs.staging(this.output), 2026);
		Files.writeString(next.resolve("returns.csv"), "returns " + state);
		Files.writeString(next.resolve("files.csv"), "files " + state);
		Files.writeString(Files.createDirectories(next.resolve("phan-hoi")).resolve("a.xlsx"), "copy " + state);
		YearOutputs.publish(this.output, 2026, "số 1");
	}

	@Test
	void publishesEveryFileTogetherWithAManifestAndLeavesNothingBeside() throws Exception {
		consolidate("1");

		assertThat(files(this.output.resolve("2026"))).containsEntry("returns.csv", "returns 1")
			.containsEntry("files.csv", "files 1")
			.containsEntry("phan-hoi/a.xlsx", "copy 1")
			.containsKey(YearOutputs.MANIFEST);
		assertThat(YearOutputs.listed(this.output.resolve("2026"))).containsExactly("files.csv", "phan-hoi",
				"returns.csv");
		try (Stream<Path> entries = Files.list(this.output)) {
			assertThat(entries.map((p) -> p.getFileName().toString())).containsExactly("2026");
		}
	}

	@Test
	void aConsolidationThatDoesNotCompleteLeavesThePublishedSetAsItWas() throws Exception {
		consolidate("1");
		Map<String, String> before = files(this.output.resolve("2026"));

		// a second one writes half its files, then fails
		YearOutputs.prepare(this.output, 2026);
		Path next = CsvReports.yearFolder(YearOutputs.staging(this.output), 2026);
		Files.writeString(next.resolve("returns.csv"), "returns 2");
		Files.writeString(next.resolve(".files.csv.tmp"), "files 2, half");
		YearOutputs.discard(this.output, 2026);

		assertThat(files(this.output.resolve("2026"))).isEqualTo(before);
		assertThat(files(this.output)).allSatisfy((path, text) -> assertThat(path).startsWith("2026"));
	}

	@Test
	void whatAnEarlierRunWroteAndThisOneDidNotIsRemovedButSomeonesOwnFileStays() throws Exception {
		consolidate("1");
		Files.writeString(this.output.resolve("2026/ghi-chu của tôi.txt"), "của chị Lan");

		YearOutputs.prepare(this.output, 2026);
		Path next = CsvReports.yearFolder(YearOutputs.staging(this.output), 2026);
		Files.writeString(next.resolve("returns.csv"), "returns 2");
		YearOutputs.publish(this.output, 2026, "số 2");

		assertThat(files(this.output.resolve("2026"))).containsEntry("returns.csv", "returns 2")
			.containsEntry("ghi-chu của tôi.txt", "của chị Lan")
			.doesNotContainKeys("files.csv", "phan-hoi/a.xlsx");
	}

	@Test
	void aFolderPublishedBeforeManifestsKeepsWhatTheNewSetDoesNotReplace() throws Exception {
		Path old = Files.createDirectories(this.output.resolve("2026"));
		Files.writeString(old.resolve("returns.csv"), "returns 0");
		Files.writeString(old.resolve("by-province.csv"), "provinces 0");
		Files.writeString(old.resolve(".by-sector.csv.tmp"), "left by a killed run");

		consolidate("1");

		assertThat(files(this.output.resolve("2026"))).containsEntry("returns.csv", "returns 1")
			.containsEntry("by-province.csv", "provinces 0")
			.doesNotContainKey(".by-sector.csv.tmp");
	}

	@Test
	void aSwitchKilledBetweenItsTwoRenamesIsPutRightBeforeTheNextConsolidationWrites() throws Exception {
		consolidate("1");
		Map<String, String> before = files(this.output.resolve("2026"));
		// killed after the published folder was moved aside, before the new one came
		Files.createDirectories(this.output.resolve(YearOutputs.PREVIOUS));
		Files.move(this.output.resolve("2026"), this.output.resolve(YearOutputs.PREVIOUS).resolve("2026"));

		YearOutputs.prepare(this.output, 2026);

		assertThat(files(this.output.resolve("2026"))).isEqualTo(before);
		assertThat(this.output.resolve(YearOutputs.PREVIOUS).resolve("2026")).doesNotExist();
	}

	@Test
	void aStagingFolderLeftByAKilledRunIsNeverPublished() throws Exception {
		Path left = Files.createDirectories(CsvReports.yearFolder(YearOutputs.staging(this.output), 2026));
		Files.writeString(left.resolve("issues.csv"), "from a killed run");

		consolidate("1");

		assertThat(files(this.output.resolve("2026"))).doesNotContainKey("issues.csv");
	}

	@Test
	void aFolderThatCannotBeReplacedFailsWithOneLineAndKeepsTheOldSet() throws Exception {
		consolidate("1");
		Files.writeString(this.output.resolve("2026/ghi-chu.txt"), "của chị Lan");
		YearOutputs.prepare(this.output, 2026);
		Files.writeString(CsvReports.yearFolder(YearOutputs.staging(this.output), 2026).resolve("returns.csv"), "2");
		// a file where the previous set is moved aside
		Files.writeString(this.output.resolve(YearOutputs.PREVIOUS), "not a folder");

		assertThatThrownBy(() -> YearOutputs.publish(this.output, 2026, "số 2"))
			.hasMessageStartingWith("Không thay được kết quả năm 2026")
			.hasMessageEndingWith("kết quả cũ vẫn giữ nguyên.")
			.hasMessageNotContaining("\n");
		YearOutputs.discard(this.output, 2026);
		assertThat(files(this.output.resolve("2026"))).containsEntry("returns.csv", "returns 1")
			.containsEntry("ghi-chu.txt", "của chị Lan");
	}

}
