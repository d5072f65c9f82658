package vn.tonghop.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code .xlsx} written by {@code ReturnFormWriter} (Apache POI) rewritten the way
 * another program saves the same workbook, for the benchmark's inbox: unions fill the
 * form in LibreOffice, WPS or a script as well as in Excel. The rewriting is done on the
 * zip's parts as text, without loading the workbook; the values stay the same, only the
 * way they are written changes, and every part a kind does not touch is kept byte for
 * byte.
 * <ul>
 * <li>{@link Kind#LIBREOFFICE}: as LibreOffice Calc saves {@code .xlsx} (checked against
 * its output): every number cell with {@code t="n"} and its value without a trailing
 * {@code .0}, cell attributes in the order {@code r s t}, a {@code <sheetPr
 * filterMode="false">} with a {@code <pageSetUpPr>}, every row with LibreOffice's
 * attributes ({@code customFormat}, {@code ht}, {@code hidden}, {@code customHeight},
 * {@code outlineLevel}, {@code collapsed}; a row without a height gets the sheet's
 * default one), LibreOffice's entry order ({@code [Content_Types].xml} last, data
 * descriptors after the entries) and its {@code docProps/app.xml};</li>
 * <li>{@link Kind#OPENPYXL}: as openpyxl writes: numbers as for LibreOffice, no
 * {@code <dimension>}, openpyxl's entry order ({@code docProps} first,
 * {@code [Content_Types].xml} last), Python's zip entries and an {@code app.xml} that
 * says {@code Microsoft Excel};</li>
 * <li>{@link Kind#WPS}: as WPS and the streaming writers: every shared string cell
 * written inline ({@code t="inlineStr"}, its text as the shared string held it, escapes
 * and {@code _xHHHH_} codes included), the shared strings part removed with its
 * relationship and content type, and an {@code app.xml} of WPS Spreadsheets.</li>
 * </ul>
 * Only the unprefixed SpreadsheetML that POI writes is handled: a part of another shape
 * is left as it is.
 */
public final class OtherWriters {

	/** A program that saves a workbook its own way. */
	public enum Kind {

		/** LibreOffice Calc 24.2. */
		LIBREOFFICE,

		/** openpyxl (Python). */
		OPENPYXL,

		/** WPS Spreadsheets, and the streaming writers: inline strings. */
		WPS

	}

	static final String LIBREOFFICE_APPLICATION = "LibreOffice/24.2.7.2$Linux_X86_64 LibreOffice_project/420$Build-2";

	static final String WPS_APPLICATION = "WPS Spreadsheets";

	static final String CONTENT_TYPES = "[Content_Types].xml";

	private static final String APP = "docProps/app.xml";

	private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

	private static final String PROPERTIES = "<Properties"
			+ " xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
			+ " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">";

	private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

	private static final Pattern SHEET = Pattern.compile("xl/worksheets/[^/]+\\.xml");

	private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

	/** A cell: its attributes, then {@code />} or its content and end tag. */
	private static final Pattern CELL = Pattern.compile("<c((?:\\s[^>]*?)?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);

	private static final Pattern ROW = Pattern.compile("<row((?:\\s[^>]*?)?)(/?)>");

	private static final Pattern VALUE = Pattern.compile("<v>([^<]*)</v>");

	private static final Pattern SHEET_PR = Pattern.compile("<sheetPr((?:\\s[^>]*?)?)(?:/>|>(.*?)</sheetPr>)",
			Pattern.DOTALL);

	private static final Pattern PAGE_SET_UP_PR = Pattern.compile("<pageSetUpPr((?:\\s[^>]*?)?)/>");

	private static final Pattern DIMENSION = Pattern.compile("<dimension(?:\\s[^>]*?)?/>");

	private static final Pattern DEFAULT_ROW_HEIGHT = Pattern
		.compile("<sheetFormatPr\\s[^>]*?defaultRowHeight=\"([^\"]*)\"");

	private static final Pattern STRING_ITEM = Pattern.compile("<si>(.*?)</si>|<si/>", Pattern.DOTALL);

	private static final Pattern PLAIN_TEXT = Pattern.compile("<t(?:\\s[^>]*)?>([^<]*)</t>|<t(?:\\s[^>]*)?/>");

	private static final Pattern SHARED_STRINGS_REL = Pattern
		.compile("<Relationship\\s[^>]*?Type=\"[^\"]*/sharedStrings\"[^>]*>(?:</Relationship>)?");

	private static final Pattern TARGET = Pattern.compile("\\sTarget=\"([^\"]*)\"");

	/** LibreOffice's default row height (Liberation Sans 10), for a sheet without one. */
	private static final String LIBREOFFICE_ROW_HEIGHT = "12.8";

	private OtherWriters() {
	}

	/** The bytes of {@code xlsx} as {@code kind} would have saved the workbook. */
	public static byte[] rewrite(Kind kind, byte[] xlsx) throws IOException {
		List<SampleZip.Part> parts = SampleZip.read(xlsx);
		return switch (kind) {
			case LIBREOFFICE -> libreOffice(parts);
			case OPENPYXL -> openpyxl(parts);
			case WPS -> wps(parts);
		};
	}

	private static byte[] libreOffice(List<SampleZip.Part> parts) {
		List<SampleZip.Part> out = new ArrayList<>(parts.size());
		for (SampleZip.Part part : parts) {
			if (SHEET.matcher(part.name()).matches()) {
				String xml = text(part);
				String rowHeight = LIBREOFFICE_ROW_HEIGHT;
				Matcher height = DEFAULT_ROW_HEIGHT.matcher(xml);
				if (height.find()) {
					rowHeight = number(height.group(1));
				}
				xml = libreOfficeSheetPr(numbers(xml));
				out.add(part.with(utf8(libreOfficeRows(xml, rowHeight))));
			}
			else if (part.name().equals(APP)) {
				out.add(part.with(utf8(DECLARATION + PROPERTIES + "<Template></Template><TotalTime>0</TotalTime>"
						+ "<Application>" + LIBREOFFICE_APPLICATION
						+ "</Application><AppVersion>15.0000</AppVersion></Properties>")));
			}
			else {
				out.add(part);
			}
		}
		List<String> order = List.of("_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/", "",
				WORKBOOK_RELS, "xl/sharedStrings.xml", "docProps/core.xml", APP, CONTENT_TYPES);
		out.sort(Comparator.comparingInt(rank(order)));
		return SampleZip.write(out, SampleZip.Style.STREAMED);
	}

	private static byte[] openpyxl(List<SampleZip.Part> parts) {
		List<SampleZip.Part> out = new ArrayList<>(parts.size());
		for (SampleZip.Part part : parts) {
			if (SHEET.matcher(part.name()).matches()) {
				out.add(part.with(utf8(DIMENSION.matcher(numbers(text(part))).replaceFirst(""))));
			}
			else if (part.name().equals(APP)) {
				out.add(part.with(utf8(PROPERTIES
						+ "<Application>Microsoft Excel</Application><AppVersion>3.1</AppVersion></Properties>")));
			}
			else {
				out.add(part);
			}
		}
		// ExcelWriter.write_data's order
		List<String> order = List.of(APP, "docProps/core.xml", "xl/theme/", "xl/worksheets/", "",
				"xl/sharedStrings.xml", "xl/styles.xml", "_rels/.rels", "xl/workbook.xml", WORKBOOK_RELS,
				CONTENT_TYPES);
		out.sort(Comparator.comparingInt(rank(order)));
		return SampleZip.write(out, SampleZip.Style.PYTHON);
	}

	private static byte[] wps(List<SampleZip.Part> parts) {
		Map<String, SampleZip.Part> byName = new LinkedHashMap<>();
		parts.forEach((part) -> byName.put(part.name(), part));
		SampleZip.Part rels = byName.get(WORKBOOK_RELS);
		String sharedStrings = null;
		String relsXml = (rels != null) ? text(rels) : "";
		Matcher rel = SHARED_STRINGS_REL.matcher(relsXml);
		if (rel.find()) {
			Matcher target = TARGET.matcher(rel.group());
			if (target.find()) {
				sharedStrings = target.group(1).startsWith("/") ? target.group(1).substring(1)
						: "xl/" + target.group(1);
			}
		}
		SampleZip.Part table = (sharedStrings != null) ? byName.get(sharedStrings) : null;
		List<String> items = new ArrayList<>();
		Matcher item = STRING_ITEM.matcher((table != null) ? text(table) : "");
		while (item.find()) {
			items.add(inline((item.group(1) != null) ? item.group(1) : ""));
		}
		List<SampleZip.Part> out = new ArrayList<>(parts.size());
		for (SampleZip.Part part : parts) {
			if (part == table) {
				continue;
			}
			if (table == null && !part.name().equals(APP)) {
				// no shared strings: nothing to write inline
				out.add(part);
			}
			else if (SHEET.matcher(part.name()).matches()) {
				out.add(part.with(utf8(inlineStrings(text(part), items))));
			}
			else if (part == rels) {
				out.add(part.with(utf8(relsXml.substring(0, rel.start()) + relsXml.substring(rel.end()))));
			}
			else if (part.name().equals(CONTENT_TYPES)) {
				out.add(part.with(utf8(text(part).replaceFirst(
						"<Override\\s[^>]*?PartName=\"/" + Pattern.quote(sharedStrings) + "\"[^>]*>(?:</Override>)?",
						""))));
			}
			else if (part.name().equals(APP)) {
				out.add(part.with(utf8(DECLARATION + PROPERTIES + "<Application>" + WPS_APPLICATION
						+ "</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
						+ "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
						+ "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion>"
						+ "</Properties>")));
			}
			else {
				out.add(part);
			}
		}
		return SampleZip.write(out, SampleZip.Style.STREAMED);
	}

	/**
	 * The content of an inline string for a shared string item: plain text in a
	 * {@code <t xml:space="preserve">} as it stood (still escaped), rich text runs as
	 * they are.
	 */
	private static String inline(String item) {
		Matcher plain = PLAIN_TEXT.matcher(item);
		if (plain.matches()) {
			return "<t xml:space=\"preserve\">" + ((plain.group(1) != null) ? plain.group(1) : "") + "</t>";
		}
		return item;
	}

	/** Every shared string cell of the sheet as an inline string. */
	private static String inlineStrings(String xml, List<String> items) {
		Matcher cell = CELL.matcher(xml);
		StringBuilder out = new StringBuilder(xml.length() + 4096);
		while (cell.find()) {
			Map<String, String> attributes = attributes(cell.group(1));
			String content = cell.group(2);
			Matcher value = (content != null) ? VALUE.matcher(content) : null;
			if (!"s".equals(attributes.get("t")) || value == null || !value.find()) {
				cell.appendReplacement(out, "$0");
				continue;
			}
			int index = Integer.parseInt(value.group(1).strip());
			if (index >= items.size()) {
				cell.appendReplacement(out, "$0");
				continue;
			}
			attributes.put("t", "inlineStr");
			cell.appendReplacement(out,
					Matcher.quoteReplacement("<c" + tag(attributes) + "><is>" + items.get(index) + "</is></c>"));
		}
		cell.appendTail(out);
		return out.toString();
	}

	/**
	 * Every number cell with {@code t="n"} and its value as LibreOffice and openpyxl
	 * write it (no trailing {@code .0}), its attributes in the order {@code r s t}.
	 */
	private static String numbers(String xml) {
		Matcher cell = CELL.matcher(xml);
		StringBuilder out = new StringBuilder(xml.length() + 2048);
		while (cell.find()) {
			Map<String, String> attributes = attributes(cell.group(1));
			String content = cell.group(2);
			Map<String, String> ordered = new LinkedHashMap<>();
			for (String name : new String[] { "r", "s", "t" }) {
				if (attributes.containsKey(name)) {
					ordered.put(name, attributes.remove(name));
				}
			}
			ordered.putAll(attributes);
			if (content != null && !ordered.containsKey("t") && content.contains("<v")) {
				ordered.put("t", "n");
			}
			if (content != null && "n".equals(ordered.get("t"))) {
				Matcher value = VALUE.matcher(content);
				StringBuilder plain = new StringBuilder();
				while (value.find()) {
					value.appendReplacement(plain, Matcher.quoteReplacement("<v>" + number(value.group(1)) + "</v>"));
				}
				value.appendTail(plain);
				content = plain.toString();
			}
			String tag = "<c" + tag(ordered);
			cell.appendReplacement(out,
					Matcher.quoteReplacement((content != null) ? tag + ">" + content + "</c>" : tag + "/>"));
		}
		cell.appendTail(out);
		return out.toString();
	}

	/** A number as LibreOffice and Python write it: a whole one without decimals. */
	static String number(String text) {
		String trimmed = text.strip();
		try {
			double value = Double.parseDouble(trimmed);
			if (value == Math.rint(value) && Math.abs(value) < 1e15 && !(value == 0 && 1 / value < 0)) {
				return Long.toString((long) value);
			}
		}
		catch (NumberFormatException ex) {
			// not a number: as it is
		}
		return text;
	}

	/**
	 * LibreOffice's {@code <sheetPr filterMode="false">} with a {@code <pageSetUpPr>}
	 * that says only whether the sheet fits to a page.
	 */
	private static String libreOfficeSheetPr(String xml) {
		Matcher sheetPr = SHEET_PR.matcher(xml);
		if (!sheetPr.find()) {
			int worksheet = xml.indexOf("<worksheet");
			int at = (worksheet < 0) ? -1 : xml.indexOf('>', worksheet);
			if (at < 0 || xml.charAt(at - 1) == '/') {
				return xml;
			}
			return xml.substring(0, at + 1)
					+ "<sheetPr filterMode=\"false\"><pageSetUpPr fitToPage=\"false\"/></sheetPr>"
					+ xml.substring(at + 1);
		}
		Map<String, String> attributes = attributes(sheetPr.group(1));
		Map<String, String> ordered = new LinkedHashMap<>();
		ordered.put("filterMode", attributes.getOrDefault("filterMode", "false"));
		ordered.putAll(attributes);
		String content = (sheetPr.group(2) != null) ? sheetPr.group(2) : "";
		Matcher pageSetUpPr = PAGE_SET_UP_PR.matcher(content);
		if (pageSetUpPr.find()) {
			String fit = attributes(pageSetUpPr.group(1)).get("fitToPage");
			boolean fits = "1".equals(fit) || "true".equals(fit);
			content = content.substring(0, pageSetUpPr.start()) + "<pageSetUpPr fitToPage=\"" + fits + "\"/>"
					+ content.substring(pageSetUpPr.end());
		}
		else {
			content += "<pageSetUpPr fitToPage=\"false\"/>";
		}
		return xml.substring(0, sheetPr.start()) + "<sheetPr" + tag(ordered) + ">" + content + "</sheetPr>"
				+ xml.substring(sheetPr.end());
	}

	/**
	 * Every row with LibreOffice's attributes, in its order; those the row has already
	 * (its height above all) kept.
	 */
	private static String libreOfficeRows(String xml, String defaultHeight) {
		Matcher row = ROW.matcher(xml);
		StringBuilder out = new StringBuilder(xml.length() + 8192);
		while (row.find()) {
			Map<String, String> attributes = attributes(row.group(1));
			Map<String, String> ordered = new LinkedHashMap<>();
			if (attributes.containsKey("r")) {
				ordered.put("r", attributes.remove("r"));
			}
			String[][] defaults = { { "customFormat", "false" }, { "ht", defaultHeight }, { "hidden", "false" },
					{ "customHeight", "false" }, { "outlineLevel", "0" }, { "collapsed", "false" } };
			for (String[] attribute : defaults) {
				String value = attributes.remove(attribute[0]);
				ordered.put(attribute[0], (value != null) ? value : attribute[1]);
			}
			ordered.putAll(attributes);
			row.appendReplacement(out, Matcher.quoteReplacement("<row" + tag(ordered) + row.group(2) + ">"));
		}
		row.appendTail(out);
		return out.toString();
	}

	/**
	 * The rank of a part in a program's order: the first of {@code order} its name equals
	 * or (for a name ending in {@code /}) starts with; the empty name stands for the
	 * parts no other one matches.
	 */
	private static ToIntFunction<SampleZip.Part> rank(List<String> order) {
		return (part) -> {
			int rest = order.indexOf("");
			for (int i = 0; i < order.size(); i++) {
				String name = order.get(i);
				if (!name.isEmpty() && (name.endsWith("/") ? part.name().startsWith(name) : part.name().equals(name))) {
					return i;
				}
			}
			return rest;
		};
	}

	private static Map<String, String> attributes(String tag) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher matcher = ATTRIBUTE.matcher(tag);
		while (matcher.find()) {
			attributes.put(matcher.group(1), (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3));
		}
		return attributes;
	}

	/** Attributes as they stand in a tag, each after a space (values still escaped). */
	private static String tag(Map<String, String> attributes) {
		StringBuilder tag = new StringBuilder();
		attributes.forEach((name,
				value) -> tag.append(' ').append(name).append("=\"").append(value.replace("\"", "&quot;")).append('"'));
		return tag.toString();
	}

	private static String text(SampleZip.Part part) {
		return new String(part.content(), StandardCharsets.UTF_8);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
