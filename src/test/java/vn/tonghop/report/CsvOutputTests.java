package vn.tonghop.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvOutputTests {

	@TempDir
	Path folder;

	@Test
	void escapesCellsASpreadsheetWouldTakeForFormulas() throws IOException, CsvException {
		Path file = this.folder.resolve("out.csv");
		try (CsvOutput csv = CsvOutput.open(file, List.of("a", "b", "c", "d", "e", "f"))) {
			csv.row(List.of("=HYPERLINK(\"http://x\",\"bấm\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx",
					"\rx"));
			csv.commit();
		}
		// OpenCSV's reader gives a line break inside a quoted cell back as \n: the
		// carriage
		// return is looked for in the file itself
		assertThat(read(file).get(1)).containsExactly("'=HYPERLINK(\"http://x\",\"bấm\")", "'+1+cmd|' /C calc'!A0",
				"'-2+3", "'@SUM(A1)", "'\tx", "'\nx");
		assertThat(Files.readString(file)).endsWith(",\"'\rx\"\n");
	}

	@Test
	void leavesNumbersAndOrdinaryTextAlone() throws IOException, CsvException {
		Path file = this.folder.resolve("out.csv");
		try (CsvOutput csv = CsvOutput.open(file, List.of("a", "b", "c", "d", "e", "f"))) {
			csv.row(List.of("-5", "+7", "12.50", "a=b", "Công đoàn cơ sở", ""));
			csv.commit();
		}
		assertThat(read(file).get(1)).containsExactly("-5", "+7", "12.50", "a=b", "Công đoàn cơ sở", "");
	}

	@Test
	void escapesTheHeaderToo() throws IOException, CsvException {
		Path file = this.folder.resolve("out.csv");
		try (CsvOutput csv = CsvOutput.open(file, List.of("=cmd"))) {
			csv.commit();
		}
		assertThat(read(file).get(0)).containsExactly("'=cmd");
	}

	@Test
	void beginsWithAByteOrderMarkSoThatExcelReadsVietnamese() throws IOException, CsvException {
		Path file = this.folder.resolve("out.csv");
		try (CsvOutput csv = CsvOutput.open(file, List.of("province_code", "province_name"))) {
			csv.row(List.of("01", "Hà Nội"));
			csv.commit();
		}
		byte[] bytes = Files.readAllBytes(file);
		assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		assertThat(read(file)).containsExactly(new String[] { "province_code", "province_name" },
				new String[] { "01", "Hà Nội" });
	}

	@Test
	void isReadBackAsInputWithItsByteOrderMark() throws Exception {
		Path file = this.folder.resolve("returns.csv");
		try (CsvOutput csv = CsvOutput.open(file, List.of("union_code", "union_name"))) {
			csv.row(List.of("CD010001", "Công đoàn cơ sở Hà Nội"));
			csv.commit();
		}
		vn.tonghop.read.SheetCells cells = new vn.tonghop.read.CsvSheetReader().read(file);
		// the first cell is the column's name, without the mark before it
		assertThat(cells.get(0, 0).text()).isEqualTo("union_code");
		assertThat(cells.get(1, 1).text()).isEqualTo("Công đoàn cơ sở Hà Nội");
	}

	/** The rows of {@code file}, its byte order mark passed over. */
	static List<String[]> read(Path file) throws IOException, CsvException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		try (Reader in = new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
				CSVReader csv = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
			return csv.readAll();
		}
	}

}
