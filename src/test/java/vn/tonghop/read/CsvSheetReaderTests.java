package vn.tonghop.read;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSheetReaderTests {

	static final String HEADER = "Mã CĐCS,Tên CĐCS,Tỉnh/thành phố";

	static final String ROW = "CD1,Công đoàn Trường Lê Quý Đôn,Thừa Thiên Huế";

	@TempDir
	Path dir;

	SheetCells read(byte[] bytes) throws Exception {
		Path file = this.dir.resolve("list.csv");
		Files.write(file, bytes);
		return new CsvSheetReader().read(file);
	}

	static byte[] bytes(String text, String charset, byte... bom) {
		byte[] body = text.getBytes(Charset.forName(charset));
		byte[] all = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, all, 0, bom.length);
		System.arraycopy(body, 0, all, bom.length, body.length);
		return all;
	}

	/**
	 * Regression: a returns.csv read back gave a union named {@code =Hợp tác xã} the name
	 * {@code '=Hợp tác xã}: the {@code '} tonghop writes before a cell a spreadsheet
	 * would run as a formula stayed.
	 */
	@Test
	void aCellDefusedByTonghopsCsvReadsBackAsItWasWritten() throws Exception {
		String[] values = { "=Hợp tác xã", "+84 912", "-CĐ", "@x", "'quoted", "-12", "Công ty" };
		StringBuilder csv = new StringBuilder();
		for (String value : values) {
			csv.append('"').append(vn.tonghop.report.CsvOutput.defused(value)).append("\"\r\n");
		}
		SheetCells cells = read(csv.toString().getBytes(StandardCharsets.UTF_8));
		for (int r = 0; r < values.length; r++) {
			assertThat(cells.get(r, 0).text()).isEqualTo(values[r]);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "UTF-8 without BOM, UTF-8, ''", "UTF-8 with BOM, UTF-8, EFBBBF", "UTF-16LE with BOM, UTF-16LE, FFFE",
			"UTF-16BE with BOM, UTF-16BE, FEFF" })
	void detectsTheEncoding(String name, String charset, String bom) throws Exception {
		byte[] mark = java.util.HexFormat.of().parseHex(bom);
		SheetCells cells = read(bytes(HEADER + "\r\n" + ROW + "\r\n", charset, mark));
		assertThat(cells.get(0, 0).text()).isEqualTo("Mã CĐCS");
		assertThat(cells.get(1, 1).text()).isEqualTo("Công đoàn Trường Lê Quý Đôn");
	}

	@Test
	void readsWindows1258WithCombiningTonesAsTheSameLetters() throws Exception {
		// as Excel on Vietnamese Windows writes "Mã;Thừa Thiên Huế": base letters (ư =
		// FD,
		// ê = EA, ã as a + combining tilde DE) followed by combining tone marks (grave
		// CC,
		// acute EC)
		byte[] bytes = java.util.HexFormat.of()
			.parseHex("4D61DE3B5468FDCC6120546869EA6E204875EAEC0D0A4344313B4875EAEC0D0A");
		SheetCells cells = read(bytes);
		assertThat(vn.tonghop.normalise.TextFold.clean(cells.get(0, 1).text())).isEqualTo("Thừa Thiên Huế");
		assertThat(vn.tonghop.normalise.TextFold.clean(cells.get(0, 0).text())).isEqualTo("Mã");
		assertThat(cells.legacy()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a,b;c|','", "a;b;c,d|';'", "a\tb\tc;d,e|'\t'" })
	void takesTheDelimiterTheHeaderUsesMost(String header, char delimiter) {
		assertThat(CsvSheetReader.delimiter(header + "\n1,2;3\t4")).isEqualTo(delimiter);
	}

	@Test
	void rejectsAnEmptyFile() {
		assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(UnreadableFileException.class)
			.hasMessageContaining("rỗng");
	}

	@Test
	void keepsUtf8TextThatIsAlreadyVietnameseAsItIs() throws Exception {
		SheetCells cells = read((HEADER + "\n" + ROW).getBytes(StandardCharsets.UTF_8));
		assertThat(cells.legacy()).isEmpty();
	}

	/**
	 * Regression: a backslash was taken for an escape and dropped ({@code x\xFF.xlsx}
	 * read back as {@code xxFF.xlsx}, {@code Tổ 1\2} as {@code Tổ 12}); CSV as Excel
	 * writes it doubles a quote and keeps a backslash.
	 */
	@Test
	void aBackslashIsABackslashAndADoubledQuoteIsAQuote() throws Exception {
		SheetCells cells = read(
				("Mã,Tên,Tệp\nCD1,\"CĐ \"\"Tổ 1\\2\"\"\",x\\xFF.xlsx\n").getBytes(StandardCharsets.UTF_8));

		assertThat(cells.get(1, 1).text()).isEqualTo("CĐ \"Tổ 1\\2\"");
		assertThat(cells.get(1, 2).text()).isEqualTo("x\\xFF.xlsx");
	}

}
