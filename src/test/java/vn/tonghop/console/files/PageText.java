package vn.tonghop.console.files;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.springframework.web.util.HtmlUtils;

/**
 * What a person reads on a console page, for the tests of the year's and the files'
 * pages: a table's cells as text, an element's text; and a published CSV read back.
 */
public final class PageText {

	private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern CELL = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL);

	private PageText() {
	}

	/** The rows of the table {@code id}, header row included, each cell as text. */
	public static List<List<String>> table(String html, String id) {
		Matcher table = Pattern
			.compile("<table[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</table>", Pattern.DOTALL)
			.matcher(html);
		if (!table.find()) {
			throw new AssertionError("no table " + id + " in the page");
		}
		List<List<String>> rows = new ArrayList<>();
		Matcher row = ROW.matcher(table.group(1));
		while (row.find()) {
			List<String> cells = new ArrayList<>();
			Matcher cell = CELL.matcher(row.group(1));
			while (cell.find()) {
				cells.add(text(cell.group(1)));
			}
			rows.add(cells);
		}
		return rows;
	}

	/** The text of the first element with {@code id}. */
	public static String byId(String html, String id) {
		Matcher element = Pattern
			.compile("<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
			.matcher(html);
		if (!element.find()) {
			throw new AssertionError("no element " + id + " in the page");
		}
		return text(element.group(2));
	}

	/** The number a card shows: the {@code value} of the element {@code id}. */
	public static long cardValue(String html, String id) {
		Matcher card = Pattern
			.compile("\\bid=\"" + Pattern.quote(id) + "\"[^>]*>\\s*<div class=\"value\">([^<]*)</div>")
			.matcher(html);
		if (!card.find()) {
			throw new AssertionError("no card " + id + " in the page");
		}
		return Long.parseLong(card.group(1).strip());
	}

	/** Markup as the text a browser shows: tags dropped, entities read, spaces folded. */
	public static String text(String markup) {
		return HtmlUtils.htmlUnescape(markup.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
	}

	/** A CSV the tool published, its byte order mark dropped; header row first. */
	public static List<String[]> csv(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVReader csv = new CSVReader(reader)) {
			List<String[]> rows = csv.readAll();
			if (!rows.isEmpty() && rows.get(0).length > 0 && rows.get(0)[0].startsWith("\uFEFF")) {
				rows.get(0)[0] = rows.get(0)[0].substring(1);
			}
			return rows;
		}
		catch (CsvException ex) {
			throw new IOException(ex);
		}
	}

	/**
	 * A CSV given as text (a download), its byte order mark dropped; header row first.
	 */
	public static List<String[]> csv(String text) throws IOException {
		Path file = Files.createTempFile("tonghop", ".csv");
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
			return csv(file);
		}
		finally {
			Files.delete(file);
		}
	}

}
