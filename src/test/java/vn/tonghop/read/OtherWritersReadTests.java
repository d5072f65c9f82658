package vn.tonghop.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.normalise.LegacyText;
import vn.tonghop.samples.SyntheticReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Returns saved as LibreOffice, openpyxl and WPS save them
 * ({@link vn.tonghop.samples.OtherWriters}) are read by the fast path, not left to the
 * streaming one, and read as the streaming path reads them.
 */
class OtherWritersReadTests {

	@Test
	void theFastPathReadsReturnsOtherProgramsSaved(@TempDir Path dir) throws IOException {
		SyntheticReturns.write(dir, 24, 2026, 17, 30, 0, 100);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(dir)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		FastXlsxReader fast = new FastXlsxReader();
		WorkbookReader streaming = new WorkbookReader(LegacyText.load(), false);
		Set<String> applications = new TreeSet<>();
		for (Path file : files) {
			try (ZipFile zip = new ZipFile(file.toFile())) {
				String app = new String(zip.getInputStream(zip.getEntry("docProps/app.xml")).readAllBytes(),
						StandardCharsets.UTF_8);
				applications.add(app.replaceAll("(?s).*<Application>([^ /<]*).*", "$1"));
			}
			FastXlsxReader.Attempt attempt = fast.attempt(file);
			assertThat(attempt.fallback()).as("fast path on %s", file.getFileName()).isNull();
			try {
				assertThat(FastXlsxReaderTests.dump(attempt.cells()))
					.isEqualTo(FastXlsxReaderTests.dump(streaming.readReturnSheet(file)));
			}
			catch (UnreadableFileException ex) {
				throw new AssertionError(file + ": " + ex.getMessage(), ex);
			}
		}
		assertThat(applications).containsExactly("LibreOffice", "Microsoft", "WPS");
	}

}
