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

	private static List<String[]> read(Path file) throws IOException, CsvException {
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVReader csv = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
			return csv.readAll();
		}
	}

}
