package vn.tonghop.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * A UTF-8 CSV output written under a temporary name and renamed into place when complete,
 * so nobody ever opens a half-written file. Quotes only where needed.
 */
public final class CsvOutput implements AutoCloseable {

	private final Path target;

	private final Path temporary;

	private final ICSVWriter csv;

	private boolean committed;

	private CsvOutput(Path target, List<String> header) throws IOException {
		this.target = target;
		Files.createDirectories(target.toAbsolutePath().getParent());
		this.temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
		Writer writer = Files.newBufferedWriter(this.temporary, StandardCharsets.UTF_8);
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
		this.csv.writeNext(values.toArray(String[]::new), false);
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
