package vn.tonghop.console.rollups;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

/**
 * Reads the roll-up pages back for the tests: the figures of each row of a table (this
 * year's and the previous year's, as written, with their trace links), the lines of a
 * trace; and the CSVs the pages must agree with.
 */
final class RollupPages {

	private RollupPages() {
	}

	/** A figure as the page writes it, and the address of its trace (null: none). */
	record Figure(String text, String trace) {

		/** The number without its grouping, "" for none ("—"). */
		String digits() {
			return this.text.equals("—") ? "" : this.text.replace(".", "").replace(",", "");
		}

	}

	/** A row: its figures of the year and of the previous year, column by column. */
	record Row(List<Figure> current, List<Figure> previous) {
	}

	/** A trace's line as shown: its file's link, sheet, cell, union, value. */
	record Line(String fileLink, String sourceFile, String sheet, String cell, String unionCode, String unionName,
			String value) {
	}

	private static final Pattern ROW = Pattern.compile("<tr[^>]*data-code=\"([^\"]*)\"[^>]*>(.*?)</tr>",
			Pattern.DOTALL);

	private static final Pattern FIGURE = Pattern.compile(
			"<td class=\"number (current|previous)\">\\s*"
					+ "(?:<a href=\"([^\"]*)\">([^<]*)</a>|<span class=\"muted\">([^<]*)</span>)\\s*</td>",
			Pattern.DOTALL);

	/** The rows of a roll-up table by code ("TOTAL" for the total), in order. */
	static Map<String, Row> rows(String html) {
		Map<String, Row> rows = new LinkedHashMap<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			List<Figure> current = new ArrayList<>();
			List<Figure> previous = new ArrayList<>();
			Matcher figure = FIGURE.matcher(row.group(2));
			while (figure.find()) {
				Figure read = (figure.group(2) != null)
						? new Figure(unescape(figure.group(3)), unescape(figure.group(2)))
						: new Figure(unescape(figure.group(4)), null);
				(figure.group(1).equals("current") ? current : previous).add(read);
			}
			rows.put(row.group(1), new Row(current, previous));
		}
		return rows;
	}

	private static final Pattern LINE = Pattern.compile(
			"<tr>\\s*<td class=\"wrap\"><a href=\"([^\"]*)\">([^<]*)</a></td>"
					+ "\\s*<td>([^<]*)</td>\\s*<td class=\"cell\">([^<]*)</td>\\s*<td>([^<]*)</td>"
					+ "\\s*<td class=\"wrap\">([^<]*)</td>\\s*<td class=\"number\">([^<]*)</td>\\s*</tr>",
			Pattern.DOTALL);

	/** The lines of a trace page. */
	static List<Line> lines(String html) {
		List<Line> lines = new ArrayList<>();
		Matcher line = LINE.matcher(html);
		while (line.find()) {
			lines.add(new Line(unescape(line.group(1)), unescape(line.group(2)), unescape(line.group(3)),
					unescape(line.group(4)), unescape(line.group(5)), unescape(line.group(6)),
					unescape(line.group(7))));
		}
		return lines;
	}

	private static final Pattern SUM = Pattern.compile("<td class=\"number trace-sum\">([^<]*)</td>");

	/** The sum a trace page shows. */
	static String sum(String html) {
		Matcher sum = SUM.matcher(html);
		return sum.find() ? sum.group(1) : null;
	}

	static String unescape(String text) {
		return text.strip()
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
	}

	/** A CSV of the outputs, its rows by their first column. */
	static Map<String, Map<String, String>> csv(Path file) throws Exception {
		Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
		for (Map<String, String> row : csvRows(file)) {
			byKey.put(row.values().iterator().next(), row);
		}
		return byKey;
	}

	/** Every row of a CSV of the outputs, by column name. */
	static List<Map<String, String>> csvRows(Path file) throws Exception {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		List<String[]> rows;
		// the byte order mark every CSV of ours begins with (for Excel), passed over
		try (Reader reader = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
				CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build())
					.build()) {
			rows = csv.readAll();
		}
		String[] header = rows.get(0);
		List<Map<String, String>> read = new ArrayList<>();
		for (String[] row : rows.subList(1, rows.size())) {
			Map<String, String> columns = new LinkedHashMap<>();
			for (int i = 0; i < header.length; i++) {
				columns.put(header[i], row[i]);
			}
			read.add(columns);
		}
		return read;
	}

}
