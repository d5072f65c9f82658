package vn.tonghop.read;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.hostile.HostileCorpus;
import vn.tonghop.hostile.Mutations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A damaged workbook is unreadable with a reason a union can act on, in Vietnamese,
 * naming the damaged part; never a library's words ("Failed to open file", "Unable to
 * read workbook", "org.xml.sax.SAXParseException; lineNumber…"), which is what the
 * streaming path's exceptions said before.
 */
class DamagedFileTests {

	@TempDir
	Path dir;

	private final WorkbookReader reader = new WorkbookReader();

	private String reason(Map<String, byte[]> parts) throws Exception {
		Path file = this.dir.resolve("báo cáo.xlsx");
		Files.write(file, Mutations.zip(parts));
		return catchThrowableOfType(UnreadableFileException.class, () -> this.reader.readReturnSheet(file)).reason();
	}

	private static Map<String, byte[]> good() throws Exception {
		return Mutations.parts(Files.readAllBytes(HostileCorpus.SAMPLES.resolve("form-edited.xlsx")));
	}

	@Test
	void aCutStylesPartIsNamedWithWhereItBreaks() throws Exception {
		Map<String, byte[]> parts = good();
		byte[] styles = parts.get("xl/styles.xml");
		parts.put("xl/styles.xml", java.util.Arrays.copyOf(styles, styles.length / 2));
		assertThat(reason(parts)).startsWith("Tệp bị hỏng hoặc không đọc được: phần xl/styles.xml (dòng ")
			.contains("cắt dở hoặc không phải XML")
			.doesNotContain("Failed to open file");
	}

	@Test
	void garbageInTheContentTypesIsNamed() throws Exception {
		Map<String, byte[]> parts = good();
		parts.put("[Content_Types].xml", "không phải XML".getBytes(StandardCharsets.UTF_8));
		assertThat(reason(parts)).contains("phần [Content_Types].xml (dòng 1, cột 1)")
			.doesNotContain("Unable to read workbook");
	}

	@Test
	void aDoctypeInAPartIsRefusedAsSuchByTheStreamingPathToo() throws Exception {
		Map<String, byte[]> parts = good();
		String styles = new String(parts.get("xl/styles.xml"), StandardCharsets.UTF_8);
		parts.put("xl/styles.xml",
				styles.replaceFirst("<styleSheet", "<!DOCTYPE styleSheet [<!ENTITY a \"aaaa\">]><styleSheet")
					.getBytes(StandardCharsets.UTF_8));
		Path file = this.dir.resolve("doctype.xlsx");
		Files.write(file, Mutations.zip(parts));
		// the fast path refuses a DOCTYPE at once; the streaming path says the same
		for (WorkbookReader each : new WorkbookReader[] { this.reader,
				new WorkbookReader(vn.tonghop.normalise.LegacyText.load(), false) }) {
			String reason = catchThrowableOfType(UnreadableFileException.class, () -> each.readReturnSheet(file))
				.reason();
			assertThat(reason).contains("DOCTYPE").doesNotContain("cắt dở").doesNotContain("Failed");
		}
	}

	/**
	 * POI's own reader recovers entries of a zip whose directory is gone; tonghop refuses
	 * it (its sizes are checked from that directory before anything is unzipped), in its
	 * own words, not the JDK's "zip END header not found".
	 */
	@Test
	void aZipCutBeforeItsDirectoryIsRefusedInOurWords() throws Exception {
		byte[] good = Files.readAllBytes(HostileCorpus.SAMPLES.resolve("form-edited.xlsx"));
		Path file = this.dir.resolve("tải dở.xlsx");
		Files.write(file, java.util.Arrays.copyOf(good, good.length * 9 / 10));
		String reason = catchThrowableOfType(UnreadableFileException.class, () -> this.reader.readReturnSheet(file))
			.reason();
		assertThat(reason).contains("không trọn vẹn").contains("mục lục").doesNotContain("header");
	}

	/**
	 * Regression (issue 23, item 10): one reason was the raw Java text
	 * {@code For input string: "26.0"} (a shared string's index written as a decimal).
	 */
	@Test
	void aDecimalWhereExcelWritesAWholeNumberIsSaidInVietnamese() throws Exception {
		Map<String, byte[]> parts = Mutations
			.parts(Files.readAllBytes(HostileCorpus.SAMPLES.resolve("form-formulas-libreoffice.xlsx")));
		String sheet = new String(parts.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
		String damaged = sheet.replaceFirst("(<c [^>]*t=\"s\"[^>]*><v>)(\\d+)(</v>)", "$1$2.0$3");
		assertThat(damaged).isNotEqualTo(sheet);
		parts.put("xl/worksheets/sheet1.xml", damaged.getBytes(StandardCharsets.UTF_8));
		assertThat(reason(parts)).contains("một ô ghi số").doesNotContain("For input string");
	}

	@Test
	void twoPartsOfOneNameAreNamed() throws Exception {
		Map<String, byte[]> parts = new LinkedHashMap<>(good());
		parts.put("xl/worksheets/sheetX.xml", parts.get("xl/worksheets/sheet2.xml"));
		byte[] zip = Mutations.zip(parts);
		// the zip's writer refuses two entries of one name: the second is renamed after
		String text = new String(zip, StandardCharsets.ISO_8859_1).replace("sheetX.xml", "sheet2.xml");
		Path file = this.dir.resolve("hai phần.xlsx");
		Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
		String reason = catchThrowableOfType(UnreadableFileException.class, () -> this.reader.readReturnSheet(file))
			.reason();
		assertThat(reason).contains("hai phần cùng tên xl/worksheets/sheet2.xml");
	}

}
