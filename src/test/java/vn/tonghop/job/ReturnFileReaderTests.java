package vn.tonghop.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
		int[] counts = new int[3];
		List<String> sevens = new ArrayList<>();
		try (InputFiles.Walk walk = InputFiles.walk(this.inbox)) {
			for (InputFile file = walk.next(); file != null; file = walk.next()) {
				int partition = ReturnFileReader.partition(file, walk.size(), 3);
				assertThat(partition).as(file.relative())
					.isEqualTo(ReturnFileReader.partition(file, -1, 3))
					.isBetween(0, 2);
				counts[partition]++;
				if (file.relative().startsWith("7")) {
					sevens.add(file.relative() + " " + partition);
				}
			}
		}
		int seven = ReturnFileReader.partition(files.get(7), -1, 3);
		assertThat(sevens).containsExactlyInAnyOrder("7.xlsx " + seven, "7 - copy.xlsx " + seven,
				"7 - link.xlsx " + seven);
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
		int[] counts = new int[2];
		List<Integer> sevens = new ArrayList<>();
		try (InputFiles.Walk walk = InputFiles.walk(this.inbox)) {
			for (InputFile file = walk.next(); file != null; file = walk.next()) {
				int partition = ReturnFileReader.partition(file, walk.size(), 2);
				assertThat(partition).as(file.relative()).isEqualTo(ReturnFileReader.partition(file, -1, 2));
				counts[partition]++;
				if (file.relative().startsWith("7")) {
					sevens.add(partition);
				}
			}
		}
		assertThat(sevens).hasSize(3).containsOnly(sevens.get(0));
		assertThat(counts[0] + counts[1]).isEqualTo(62);
		assertThat(counts[0]).as("spread over the partitions").isBetween(15, 47);
	}

}
