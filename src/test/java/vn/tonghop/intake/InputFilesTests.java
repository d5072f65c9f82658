package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The walk of an inbox gives its files one at a time in exactly the order of their sorted
 * relative paths, the order a restart and "ingest order" rely on.
 */
class InputFilesTests {

	@TempDir
	Path inbox;

	@Test
	void walksInTheOrderOfSortedRelativePaths() throws IOException {
		for (String name : List.of("a/x.xlsx", "a-b.xlsx", "a.b.xlsx", "a b/c.xlsx", "ab.xlsx", "a/y/z.xlsx",
				"a/y-1.xlsx", "a/y.xlsx", "Hà Nội/báo cáo 1.xlsx", "Hà Nội/báo cáo 10.xlsx", "Hà Nội/báo cáo 2.xlsx",
				"Ha Noi/x.xlsx", "z.csv", "0/0/0/0.xls", "0-/a.xls", "a/", "empty/", "~$a.xlsx")) {
			Path path = this.inbox.resolve(name);
			if (name.endsWith("/")) {
				Files.createDirectories(path);
			}
			else {
				Files.createDirectories(path.getParent());
				Files.writeString(path, name);
			}
		}

		List<String> walked = new ArrayList<>();
		try (InputFiles.Walk walk = InputFiles.walk(this.inbox)) {
			for (InputFile file = walk.next(); file != null; file = walk.next()) {
				walked.add(file.relative());
				assertThat(file.path()).isEqualTo(this.inbox.resolve(file.relative()));
			}
		}

		assertThat(walked).isEqualTo(sortedRelativePaths()).hasSize(16);
		assertThat(InputFiles.list(this.inbox)).extracting(InputFile::relative).isEqualTo(walked);
	}

	/**
	 * The size of each file as its folder's listing saw it, so that the partitions need
	 * not ask for it again; a link's is not known from the listing (the file it leads to
	 * may be elsewhere).
	 */
	@Test
	void theWalkKnowsEachFilesSizeFromTheListingButNotALinks() throws IOException {
		Files.createDirectories(this.inbox.resolve("b"));
		Files.write(this.inbox.resolve("a.xlsx"), new byte[1234]);
		Files.write(this.inbox.resolve("b/c.xlsx"), new byte[0]);
		Files.createSymbolicLink(this.inbox.resolve("d.xlsx"), this.inbox.resolve("a.xlsx"));
		List<String> sizes = new ArrayList<>();
		try (InputFiles.Walk walk = InputFiles.walk(this.inbox)) {
			assertThat(walk.size()).isEqualTo(-1);
			for (InputFile file = walk.next(); file != null; file = walk.next()) {
				sizes.add(file.relative() + " " + walk.size());
			}
			assertThat(walk.size()).as("after the last file").isEqualTo(-1);
		}
		assertThat(sizes).containsExactly("a.xlsx 1234", "b/c.xlsx 0", "d.xlsx -1");
	}

	@Test
	void aFileIsItsOwnInbox() throws IOException {
		Path file = Files.writeString(this.inbox.resolve("một tệp.xlsx"), "x");
		assertThat(InputFiles.list(file)).containsExactly(new InputFile(file, "một tệp.xlsx"));
	}

	@Test
	void linksToFoldersAreNotFollowedButListedToBeSkipped() throws IOException {
		Files.createDirectories(this.inbox.resolve("thật"));
		Files.writeString(this.inbox.resolve("thật/a.xlsx"), "x");
		Files.createSymbolicLink(this.inbox.resolve("vòng"), this.inbox);
		List<InputFile> files = InputFiles.list(this.inbox);
		assertThat(files).extracting(InputFile::relative).containsExactly("thật/a.xlsx", "vòng");
		assertThat(InputFiles.notAFile(files.get(0))).isNull();
		assertThat(InputFiles.notAFile(files.get(1))).isEqualTo(
				new InputFiles.Problem(true, "Liên kết tới một thư mục: không đi theo liên kết (tránh đọc lặp)."));
	}

	@Test
	void linksThatLeadNowhereAreListedWithWhy() throws IOException {
		Files.writeString(this.inbox.resolve("thật.xlsx"), "x");
		Files.createSymbolicLink(this.inbox.resolve("a.xlsx"), this.inbox.resolve("b.xlsx"));
		Files.createSymbolicLink(this.inbox.resolve("b.xlsx"), this.inbox.resolve("a.xlsx"));
		Files.createSymbolicLink(this.inbox.resolve("mất.xlsx"), this.inbox.resolve("không có.xlsx"));
		Files.createSymbolicLink(this.inbox.resolve("tới thật.xlsx"), this.inbox.resolve("thật.xlsx"));

		List<InputFile> files = InputFiles.list(this.inbox);

		assertThat(files).extracting(InputFile::relative)
			.containsExactly("a.xlsx", "b.xlsx", "mất.xlsx", "thật.xlsx", "tới thật.xlsx");
		assertThat(files).extracting(InputFiles::notAFile)
			.containsExactly(
					new InputFiles.Problem(true, "Liên kết vòng (các liên kết trỏ lẫn nhau, không tới tệp nào)."),
					new InputFiles.Problem(true, "Liên kết vòng (các liên kết trỏ lẫn nhau, không tới tệp nào)."),
					new InputFiles.Problem(true, "Liên kết tới tệp không còn tồn tại."), null, null);
	}

	@Test
	void aFolderThatCannotBeListedIsAnEntryNotAFailure() throws IOException {
		Path locked = Files.createDirectories(this.inbox.resolve("khóa"));
		Files.writeString(locked.resolve("a.xlsx"), "x");
		Files.writeString(this.inbox.resolve("b.xlsx"), "x");
		Files.setPosixFilePermissions(locked, java.util.Set.of());
		try {
			assumeFalse(Files.isReadable(locked), "the tests run as a user who reads every folder (root)");
			List<InputFile> files = InputFiles.list(this.inbox);
			assertThat(files).extracting(InputFile::relative).containsExactly("b.xlsx", "khóa/");
			assertThat(InputFiles.notAFile(files.get(1)).skipped()).isFalse();
		}
		finally {
			Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		}
	}

	/** Every regular file's relative path, sorted as strings. */
	private List<String> sortedRelativePaths() throws IOException {
		try (Stream<Path> walk = Files.walk(this.inbox)) {
			return walk.filter(Files::isRegularFile)
				.map((path) -> this.inbox.relativize(path).toString().replace('\\', '/'))
				.sorted(Comparator.naturalOrder())
				.toList();
		}
	}

	/**
	 * Regression (issue 23, item 10): a return named {@code báo cáo.xlsx } (a space after
	 * its extension, which Windows drops and Excel opens) was skipped as "not a
	 * spreadsheet"; a trailing dot the same.
	 */
	@Test
	void spacesAndDotsAfterTheExtensionDoNotMakeAFileSkipped() {
		for (String name : new String[] { "báo cáo.xlsx ", "báo cáo.XLS.", "danh sách.csv  " }) {
			assertThat(InputFiles.skipReason(new InputFile(Path.of(name), name))).as(name).isNull();
		}
		assertThat(InputFiles.isText(new InputFile(Path.of("danh sách.csv "), "danh sách.csv "))).isTrue();
		assertThat(InputFiles.skipReason(new InputFile(Path.of("ảnh.jpg "), "ảnh.jpg "))).isNotNull();
	}

}
