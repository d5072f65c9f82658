package vn.tonghop.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileNamesTests {

	@TempDir
	Path root;

	/** A file whose name has the raw bytes {@code %HH} names, under {@code folder}. */
	static Path raw(Path folder, String escapedName) {
		return Path.of(URI.create(folder.toUri() + escapedName));
	}

	@Test
	void bytesThatAreNotUtf8AreWrittenAsHexAndTheRestIsDecoded() {
		byte[] name = { 'h', (byte) 0xE1, (byte) 0xBB, (byte) 0x99, 'p', ' ', (byte) 0xFF, (byte) 0xE1, '.', 'x' };
		assertThat(FileNames.escaped(name)).isEqualTo("hộp \\xFF\\xE1.x");
		assertThat(FileNames.escaped("bình thường".getBytes(StandardCharsets.UTF_8))).isEqualTo("bình thường");
	}

	@Test
	void twoNamesJavaShowsAlikeStayApartAndEachOpensItsOwnFile() throws Exception {
		assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names in UTF-8");
		Path sub = Files.createDirectories(raw(this.root, "th%F0m%E1c"));
		Path ff = Files.writeString(raw(sub, "x%FF.xlsx"), "ff");
		Path fe = Files.writeString(raw(sub, "x%FE.xlsx"), "fe");
		assertThat(ff.toString()).isEqualTo(fe.toString());

		assertThat(FileNames.relative(this.root, ff)).isEqualTo("th\\xF0m\\xE1c/x\\xFF.xlsx");
		assertThat(FileNames.relative(this.root, fe)).isEqualTo("th\\xF0m\\xE1c/x\\xFE.xlsx");
		assertThat(FileNames.text(ff)).isEqualTo(this.root.toAbsolutePath() + "/th\\xF0m\\xE1c/x\\xFF.xlsx");
		assertThat(Files.readString(FileNames.open(FileNames.stored(ff)))).isEqualTo("ff");
		assertThat(Files.readString(FileNames.open(FileNames.stored(fe)))).isEqualTo("fe");
	}

	@Test
	void aUtf8NameIsLeftAsItIs() throws Exception {
		Path file = Files.writeString(Files.createDirectories(this.root.resolve("hộp thư")).resolve("báo cáo.xlsx"),
				"x");

		assertThat(FileNames.relative(this.root, file)).isEqualTo("hộp thư/báo cáo.xlsx");
		assertThat(FileNames.stored(file)).isEqualTo(file.toAbsolutePath().toString());
		assertThat(FileNames.open(FileNames.stored(file))).isEqualTo(file.toAbsolutePath());
	}

}
