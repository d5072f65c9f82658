package vn.tonghop.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * Reads one of the project's own UTF-8 CSV data files from the classpath. Each row keeps
 * its line number so a loader can say exactly where a bad value sits.
 */
public final class ReferenceCsv {

	/** One data row: values by header name, and where it was. */
	public record Row(String file, long line, Map<String, String> values) {

		/** The value of a column that must be present and non-blank. */
		public String required(String column) {
			String value = this.values.get(column);
			if (value == null || value.isBlank()) {
				throw fail("column '" + column + "' is empty");
			}
			return value.strip();
		}

		/** The value of a column, or "" when blank or absent. */
		public String optional(String column) {
			String value = this.values.get(column);
			return (value != null) ? value.strip() : "";
		}

		/** The value of a required column as a constant of {@code type}, case folded. */
		public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
			String value = required(column);
			try {
				return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw fail(column + " '" + value + "' is not one of "
						+ List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
			}
		}

		public ReferenceDataException fail(String problem) {
			return new ReferenceDataException(this.file, this.line, problem);
		}

	}

	private ReferenceCsv() {
	}

	/**
	 * Reads {@code resource} (a classpath path) and checks that its header holds every
	 * one of {@code requiredColumns}.
	 */
	public static List<Row> read(String resource, String... requiredColumns) {
		InputStream in = ReferenceCsv.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new ReferenceDataException(resource, 0, "file not found on the classpath");
		}
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(reader)) {
			String[] header = csv.readNext();
			if (header == null) {
				throw new ReferenceDataException(resource, 1, "the file is empty, a header row is expected");
			}
			if (header.length > 0 && header[0].startsWith("\uFEFF")) {
				header[0] = header[0].substring(1);
			}
			List<String> columns = Arrays.stream(header).map(String::strip).toList();
			for (String required : requiredColumns) {
				if (!columns.contains(required)) {
					throw new ReferenceDataException(resource, 1,
							"the header has no column '" + required + "' (it has " + String.join(", ", columns) + ")");
				}
			}
			List<Row> rows = new ArrayList<>();
			String[] cells;
			while ((cells = csv.readNext()) != null) {
				long line = csv.getLinesRead();
				if (cells.length == 1 && cells[0].isBlank()) {
					continue;
				}
				if (cells.length != columns.size()) {
					throw new ReferenceDataException(resource, line,
							"expected " + columns.size() + " values, found " + cells.length);
				}
				Map<String, String> values = new HashMap<>();
				for (int i = 0; i < cells.length; i++) {
					values.put(columns.get(i), cells[i]);
				}
				rows.add(new Row(resource, line, values));
			}
			return rows;
		}
		catch (IOException | CsvException ex) {
			throw new ReferenceDataException(resource, "cannot be read as CSV: " + ex.getMessage(), ex);
		}
	}

}
