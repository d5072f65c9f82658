package vn.tonghop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The room a command needs to start (issue 23, item 8): a data folder, an output folder
 * or a temporary folder without space, or that cannot be written, is one line naming it,
 * before any work. The disk's usable space is given here, so no disk is filled.
 */
class FreeSpaceTests {

	static final long MB = 1024 * 1024;

	@TempDir
	Path temp;

	@Test
	void aFolderOnADiskWithTheMinimumOrMoreHasNoProblem() {
		FreeSpace space = new FreeSpace(64 * MB, (folder) -> 64 * MB);
		assertThat(space.problem("--data-dir", this.temp)).isNull();
	}

	@Test
	void aFolderOnADiskWithLessThanTheMinimumIsOneLineNamingItWithTheSpaceLeftAndNeeded() {
		FreeSpace space = new FreeSpace(64 * MB, (folder) -> 1536 * 1024);
		String problem = space.problem("--data-dir", this.temp);
		assertThat(problem).isEqualTo("--data-dir " + this.temp
				+ ": ổ đĩa chỉ còn trống 1,5 MB, cần ít nhất 64,0 MB (tonghop.limits.min-free-space);"
				+ " hãy giải phóng chỗ trống hoặc chọn thư mục khác");
	}

	@Test
	void aFolderThatDoesNotExistYetIsMeasuredOnTheNearestFolderAboveIt() {
		List<Path> measured = new ArrayList<>();
		FreeSpace space = new FreeSpace(64 * MB, (folder) -> {
			measured.add(folder);
			return 0;
		});
		Path output = this.temp.resolve("kết quả/2026");
		assertThat(space.problem("--output", output)).startsWith("--output " + output + ": ổ đĩa chỉ còn trống 0 byte");
		assertThat(measured).containsExactly(this.temp);
	}

	@Test
	void aFolderThatIsAFileCannotBeWritten() throws IOException {
		Path file = Files.writeString(this.temp.resolve("data"), "một tệp");
		FreeSpace space = new FreeSpace(0, (folder) -> Long.MAX_VALUE);
		assertThat(space.problem("--data-dir", file))
			.isEqualTo("--data-dir " + file + ": không ghi được vào thư mục " + file);
	}

	@Test
	void aDiskThatCannotTellItsSpaceIsLeftToTheRun() {
		FreeSpace space = new FreeSpace(64 * MB, (folder) -> {
			throw new IOException("no file store");
		});
		assertThat(space.problem("--data-dir", this.temp)).isNull();
	}

	@Test
	void sizesAreWrittenAsVietnameseWritesThem() {
		assertThat(FreeSpace.size(512)).isEqualTo("512 byte");
		assertThat(FreeSpace.size(64 * MB)).isEqualTo("64,0 MB");
		assertThat(FreeSpace.size(1536 * MB)).isEqualTo("1,5 GB");
		assertThat(FreeSpace.size(1000L * 1024 * 1024 * MB)).isEqualTo("1.000,0 TB");
	}

	@Test
	void theDataFolderTheOutputAndTheTemporaryFolderAreCheckedInThatOrder() throws IOException {
		DatabaseOptions database = new DatabaseOptions();
		database.dataDir = Files.createDirectory(this.temp.resolve("data"));
		Path output = Files.createDirectory(this.temp.resolve("output"));
		Path temporary = Files.createDirectory(this.temp.resolve("tmp"));
		List<Path> measured = new ArrayList<>();
		FreeSpace space = new FreeSpace(64 * MB, (folder) -> {
			measured.add(folder);
			return 64 * MB;
		});
		Arguments.requireRoomToWrite(database, output, temporary, space);
		assertThat(measured).containsExactly(database.dataDir, output, temporary);
	}

	@Test
	void theFirstFolderWithoutRoomStopsTheCommandWithItsLine() throws IOException {
		DatabaseOptions database = new DatabaseOptions();
		database.dataDir = Files.createDirectory(this.temp.resolve("data"));
		Path full = Files.createDirectory(this.temp.resolve("tmp"));
		FreeSpace space = new FreeSpace(64 * MB, (folder) -> folder.equals(full) ? 0 : 64 * MB);
		assertThatExceptionOfType(Arguments.NoRoom.class)
			.isThrownBy(() -> Arguments.requireRoomToWrite(database, null, full, space))
			.withMessageStartingWith(
					"Thư mục tạm (java.io.tmpdir) " + full + ": ổ đĩa chỉ còn trống 0 byte, cần ít nhất 64,0 MB");
	}

	@Test
	void aDatabaseOnAServerHasNoFolderToCheck() {
		DatabaseOptions database = new DatabaseOptions();
		database.dataDir = this.temp.resolve("data");
		database.jdbcUrl = "jdbc:postgresql://db/tonghop";
		assertThat(database.embeddedFolder()).isNull();
		database.jdbcUrl = "jdbc:h2:file:" + this.temp.resolve("h2/tonghop") + ";MODE=PostgreSQL";
		assertThat(database.embeddedFolder()).isEqualTo(this.temp.resolve("h2"));
	}

}
