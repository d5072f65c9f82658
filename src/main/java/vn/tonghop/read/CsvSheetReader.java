package vn.tonghop.read;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

import vn.tonghop.normalise.LegacyText;

/**
 * Reads a CSV table (a registry, a list exported from another system) into
 * {@link SheetCells}, so it is located like a sheet. The encoding is detected, not
 * configured: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else
 * Windows-1258 (Excel on Vietnamese Windows); the delimiter is {@code ,}, {@code ;} or
 * tab, whichever the first line uses most.
 */
public final class CsvSheetReader {

	static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

	private final LegacyText legacy;

	private final ReadLimits limits;

	public CsvSheetReader() {
		this(LegacyText.load());
	}

	public CsvSheetReader(LegacyText legacy) {
		this(legacy, ReadLimits.DEFAULT);
	}

	public CsvSheetReader(LegacyText legacy, ReadLimits limits) {
		this.legacy = legacy;
		this.limits = limits;
	}

	public SheetCells read(Path file) throws UnreadableFileException {
		return read(file, null);
	}

	/**
	 * The same, from the file's bytes when they were read whole already ({@code content};
	 * null when not: the file is read here).
	 */
	public SheetCells read(Path file, byte[] content) throws UnreadableFileException {
		try {
			return read(file, content, this.limits.start());
		}
		catch (ReadLimits.LimitExceeded ex) {
			throw new UnreadableFileException(ex.getMessage(), ex);
		}
	}

	private SheetCells read(Path file, byte[] content, ReadLimits.Budget budget) throws UnreadableFileException {
		byte[] bytes = content;
		if (bytes != null) {
			this.limits.checkFileSize(bytes.length);
		}
		else {
			this.limits.checkFileSize(file);
			try {
				bytes = Files.readAllBytes(file);
			}
			catch (IOException ex) {
				throw new UnreadableFileException("Không mở được tệp: " + ex.getMessage(), ex);
			}
		}
		if (bytes.length == 0) {
			throw new UnreadableFileException("Tệp rỗng (0 byte).");
		}
		String text = decode(bytes);
		char delimiter = delimiter(text);
		// a CSV file has no sheet: findings name the file and the cell only
		SheetCells cells = new SheetCells("", budget);
		// RFC 4180, as Excel and LibreOffice write CSV: a quote is doubled, a backslash
		// is
		// a backslash (OpenCSV's default parser took it for an escape and dropped it: a
		// file name x\xFF.xlsx in returns.csv read back as xxFF.xlsx)
		try (CSVReader csv = new CSVReaderBuilder(new StringReader(text))
			.withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
			.build()) {
			String[] row;
			int r = 0;
			while ((row = csv.readNext()) != null) {
				budget.tick();
				for (int c = 0; c < row.length; c++) {
					if (row[c] != null && !row[c].isBlank()) {
						cells.add(cell(new CellRef(r, c), row[c]));
					}
				}
				r++;
			}
		}
		catch (IOException | CsvException ex) {
			throw new UnreadableFileException("Tệp CSV không đọc được: " + ex.getMessage(), ex);
		}
		return cells;
	}

	/**
	 * A CSV has no fonts: legacy-encoded text is recognised by how Vietnamese it reads.
	 */
	private RawCell cell(CellRef ref, String written) {
		String text = undefused(written);
		LegacyText.Decoded decoded = this.legacy.decodeGuessing(text);
		return (decoded.encoding() != null) ? RawCell.converted(ref, decoded.text(), decoded.encoding().name(), text)
				: RawCell.text(ref, text);
	}

	/**
	 * The characters before which a CSV writer puts a {@code '} so that a spreadsheet
	 * does not run the cell as a formula (tonghop's own CSV files among them:
	 * {@code CsvOutput.defused}, which uses this one).
	 */
	public static final String FORMULA_START = "=+-@\t\r";

	/**
	 * A cell as it was before a {@code '} was put before it to keep a spreadsheet from
	 * reading it as a formula ({@code '=x} is {@code =x}): a returns.csv read back gives
	 * the names it was written from.
	 */
	static String undefused(String text) {
		return (text.length() > 1 && text.charAt(0) == '\'' && FORMULA_START.indexOf(text.charAt(1)) >= 0)
				? text.substring(1) : text;
	}

	static String decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, WINDOWS_1258);
		}
	}

	static char delimiter(String text) {
		int end = text.indexOf('\n');
		String first = (end >= 0) ? text.substring(0, end) : text;
		long commas = first.chars().filter((c) -> c == ',').count();
		long semicolons = first.chars().filter((c) -> c == ';').count();
		long tabs = first.chars().filter((c) -> c == '\t').count();
		if (tabs >= commas && tabs >= semicolons && tabs > 0) {
			return '\t';
		}
		return (semicolons > commas) ? ';' : ',';
	}

}
