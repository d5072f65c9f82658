package vn.tonghop.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partitions of an inbox: every file in exactly one, and files with the same bytes in
 * the same one (a copy, a link to the file), whether the size came from the folder's
 * listing or from the file.
 */
class ReturnFileReaderTests {

	@TempDir
	Path inbox;

	@Test
	void theSameBytesFallInTheSamePartitionAndEveryFileInOne() throws IOException {
		List<InputFile> files = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			files.add(new InputFile(Files.write(this.inbox.resolve(i + ".xlsx"), new byte[100 + i * 37]), i + ".xlsx"));
		}
		Files.copy(this.inbox.resolve("7.xlsx"), this.inbox.resolve("7 - copy.xlsx"));
		Files.createSymbolicLink(this.inbox.resolve("7 - link.xlsx"), this.inbox.resolve("7.xlsx"));
		Map<String, Integer> partitions = partitions(3);
		int seven = ReturnFileReader.partition(files.get(7), -1, 3);
		assertThat(partitions).containsEntry("7.xlsx", seven)
			.containsEntry("7 - copy.xlsx", seven)
			.containsEntry("7 - link.xlsx", seven);
		int[] counts = counts(partitions, 3);
		assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(42);
		assertThat(counts).as("spread over the partitions").doesNotContain(0);
	}

	@Test
	void filesOfOneSizeInWholeBlocksAreSpreadByTheirBytesAndTheSameBytesStillMeet() throws IOException {
		// as the .xls saved from one form: 60 files of 12,800 bytes, each its own bytes
		java.util.Random random = new java.util.Random(27);
		for (int i = 0; i < 60; i++) {
			byte[] bytes = new byte[12800];
			random.nextBytes(bytes);
			Files.write(this.inbox.resolve(i + ".xls"), bytes);
		}
		Files.copy(this.inbox.resolve("7.xls"), this.inbox.resolve("7 - copy.xls"));
		Files.createSymbolicLink(this.inbox.resolve("7 - link.xls"), this.inbox.resolve("7.xls"));
		Map<String, Integer> partitions = partitions(2);
		int seven = partitions.get("7.xls");
		assertThat(partitions).containsEntry("7 - copy.xls", seven).containsEntry("7 - link.xls", seven);
		int[] counts = counts(partitions, 2);
		assertThat(counts[0] + counts[1]).isEqualTo(62);
		assertThat(counts[0]).as("spread over the partitions").isBetween(15, 47);
	}

	/**
	 * The partition of each file of the inbox, by its relative path: the same whether the
	 * size comes from the folder's listing or from the file.
	 */
	private Map<String, Integer> partitions(int partitions) throws IOException {
		Map<String, Integer> found = new HashMap<>();
		try (InputFiles.Walk walk = InputFiles.walk(this.inbox)) {
			for (InputFile file = walk.next(); file != null; file = walk.next()) {
				int partition = ReturnFileReader.partition(file, walk.size(), partitions);
				assertThat(partition).as(file.relative())
					.isEqualTo(ReturnFileReader.partition(file, -1, partitions))
					.isBetween(0, partitions - 1);
				found.put(file.relative(), partition);
			}
		}
		return found;
	}

	private static int[] counts(Map<String, Integer> partitions, int count) {
		int[] counts = new int[count];
		partitions.values().forEach((partition) -> counts[partition]++);
		return counts;
	}

}
