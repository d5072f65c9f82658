package vn.tonghop.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import vn.tonghop.read.CsvSheetReader;

/**
 * A UTF-8 CSV output written under a temporary name and renamed into place when complete,
 * so nobody ever opens a half-written file. It begins with a byte order mark
 * ({@link #BOM}): without one, Excel opens a double-clicked CSV in the system's code page
 * and mangles every Vietnamese letter; every reader of the tool's CSVs
 * ({@code CsvSheetReader}, which reads a returns.csv or a registry back) passes over it.
 * Quotes only where needed. A cell that a spreadsheet would take for a formula (OWASP
 * "CSV injection": text beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return) is written with a {@code '} before it, so opening the file in
 * Excel or LibreOffice never runs what a union typed; plain numbers such as {@code -5}
 * are left as they are.
 */
public final class CsvOutput implements AutoCloseable {

	/** A number as the reports write one: harmless, and read back as a number. */
	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

	/** The byte order mark the file begins with (EF BB BF in UTF-8). */
	public static final char BOM = '\uFEFF';

	private final Path target;

	private final Path temporary;

	private final ICSVWriter csv;

	private boolean committed;

	private CsvOutput(Path target, List<String> header) throws IOException {
		this.target = target;
		Files.createDirectories(target.toAbsolutePath().getParent());
		this.temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
		Writer writer = Files.newBufferedWriter(this.temporary, StandardCharsets.UTF_8);
		writer.write(BOM);
		this.csv = new CSVWriterBuilder(writer).withLineEnd("\n").build();
		row(header);
	}

	public static CsvOutput open(Path target, List<String> header) {
		try {
			return new CsvOutput(target, header);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	public void row(List<String> values) {
		String[] cells = new String[values.size()];
		for (int i = 0; i < cells.length; i++) {
			cells[i] = defused(values.get(i));
		}
		this.csv.writeNext(cells, false);
	}

	/**
	 * The cell as written: with a {@code '} before it when a spreadsheet would read it as
	 * a formula ({@code CsvSheetReader} takes it off again).
	 */
	public static String defused(String value) {
		if (value == null || value.isEmpty() || CsvSheetReader.FORMULA_START.indexOf(value.charAt(0)) < 0
				|| PLAIN_NUMBER.matcher(value).matches()) {
			return value;
		}
		return "'" + value;
	}

	/** Finishes the file and moves it into place. */
	public void commit() {
		try {
			this.csv.close();
			Files.move(this.temporary, this.target, StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			this.committed = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + this.target + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		if (!this.committed) {
			try {
				this.csv.close();
				Files.deleteIfExists(this.temporary);
			}
			catch (IOException ex) {
				// nothing more to do: the temporary file is left behind, the target
				// untouched
			}
		}
	}

}
