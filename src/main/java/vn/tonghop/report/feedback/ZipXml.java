package vn.tonghop.report.feedback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The feedback copies' work on the XML of a part as text ({@link ZipCopy}): elements and
 * attributes read by a scan, text escaped and unescaped, and the small edits a copy makes
 * to the workbook, its sheets and their relationships.
 */
final class ZipXml {

	private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

	private static final Pattern VIEW_TABS = Pattern
		.compile("\\s(?:activeTab|firstSheet)\\s*=\\s*(?:\"[^\"]*\"|'[^']*')");

	private static final Pattern LOCAL_SHEET_ID = Pattern.compile("localSheetId=\"(\\d+)\"");

	private static final Pattern TAB_SELECTED = Pattern.compile("\\stabSelected\\s*=\\s*(?:\"[^\"]*\"|'[^']*')");

	static final Pattern FILL_ATTRIBUTES = Pattern.compile("\\s(?:fillId|applyFill)\\s*=\\s*(?:\"[^\"]*\"|'[^']*')");

	static final Pattern COUNT = Pattern.compile("\\scount\\s*=\\s*(?:\"[^\"]*\"|'[^']*')");

	static final Pattern SPANS = Pattern.compile("\\sspans\\s*=\\s*(?:\"[^\"]*\"|'[^']*')");

	static final Pattern STYLE = Pattern.compile("\\ss\\s*=\\s*(?:\"[^\"]*\"|'[^']*')");

	private ZipXml() {
	}

	/**
	 * Whether the XML's root element is {@code name} in the transitional main namespace.
	 */
	static boolean rootElementIs(String xml, String name) {
		int start = rootStart(xml);
		if (start < 0 || !xml.startsWith("<" + name, start)) {
			return false;
		}
		char next = xml.charAt(start + name.length() + 1);
		if (!Character.isWhitespace(next) && next != '>') {
			return false;
		}
		String tag = xml.substring(start, xml.indexOf('>', start));
		if (name.equals("Relationships")) {
			return true;
		}
		return tag.contains("xmlns=\"" + ZipCopy.MAIN_NS + "\"") || tag.contains("xmlns='" + ZipCopy.MAIN_NS + "'");
	}

	static int rootStart(String xml) {
		int i = 0;
		while (true) {
			i = xml.indexOf('<', i);
			if (i < 0 || i + 1 >= xml.length()) {
				return -1;
			}
			char c = xml.charAt(i + 1);
			if (c != '?' && c != '!') {
				return i;
			}
			i = xml.indexOf('>', i);
			if (i < 0) {
				return -1;
			}
		}
	}

	/** The attributes of every element {@code name} (no prefix) in {@code xml}. */
	static List<Map<String, String>> elements(String xml, String name) {
		List<Map<String, String>> found = new ArrayList<>();
		String open = "<" + name;
		int i = 0;
		while ((i = xml.indexOf(open, i)) >= 0) {
			int after = i + open.length();
			char c = (after < xml.length()) ? xml.charAt(after) : '>';
			if (Character.isWhitespace(c) || c == '>' || c == '/') {
				int end = xml.indexOf('>', after);
				found.add(attributes(xml.substring(after, end)));
				i = end;
			}
			else {
				i = after;
			}
		}
		return found;
	}

	/**
	 * The attributes of a tag's text after its name, in order. A tag of the plain shape
	 * (names, {@code =}, quoted values, white space) is read by a scan; anything else by
	 * the regular expression, with the same result for the plain shape (the scan took a
	 * tenth of a copy's CPU as a regular expression).
	 */
	static Map<String, String> attributes(String tag) {
		Map<String, String> attributes = new LinkedHashMap<>();
		int n = tag.length();
		int i = 0;
		while (i < n) {
			char c = tag.charAt(i);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/') {
				i++;
				continue;
			}
			int nameStart = i;
			while (i < n && nameChar(tag.charAt(i))) {
				i++;
			}
			int nameEnd = i;
			while (i < n && (tag.charAt(i) == ' ' || tag.charAt(i) == '\t' || tag.charAt(i) == '\n'
					|| tag.charAt(i) == '\r')) {
				i++;
			}
			if (nameEnd == nameStart || i >= n || tag.charAt(i) != '=') {
				return attributesByPattern(tag);
			}
			i++;
			while (i < n && (tag.charAt(i) == ' ' || tag.charAt(i) == '\t' || tag.charAt(i) == '\n'
					|| tag.charAt(i) == '\r')) {
				i++;
			}
			char quote = (i < n) ? tag.charAt(i) : 0;
			int end = (quote == '"' || quote == '\'') ? tag.indexOf(quote, i + 1) : -1;
			if (end < 0) {
				return attributesByPattern(tag);
			}
			attributes.put(tag.substring(nameStart, nameEnd), tag.substring(i + 1, end));
			i = end + 1;
		}
		return attributes;
	}

	static boolean nameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':'
				|| c == '.' || c == '-';
	}

	static Map<String, String> attributesByPattern(String tag) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher matcher = ATTRIBUTE.matcher(tag);
		while (matcher.find()) {
			attributes.put(matcher.group(1), (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3));
		}
		return attributes;
	}

	static String stripSlash(String target) {
		return (target != null && target.startsWith("/")) ? target.substring(1) : target;
	}

	static byte[] latin1(String raw) {
		return raw.getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A relationship id {@code rIdN} not in {@code rels}, N at least {@code from}. */
	static String freeId(String rels, int from) {
		for (int n = from;; n++) {
			String id = "rId" + n;
			if (rels == null || (!rels.contains("\"" + id + "\"") && !rels.contains("'" + id + "'"))) {
				return id;
			}
		}
	}

	/**
	 * Where a worksheet's elements after its cells start: the end of its
	 * {@code <sheetData>}, found from the end (a search from the start read every cell),
	 * or 0 when it has none.
	 */
	static int afterSheetData(String xml) {
		return Math.max(0, xml.lastIndexOf("</sheetData>"));
	}

	/** The merged regions of a worksheet, listed after its cells. */
	static List<CellRangeAddress> mergedRegions(String xml) {
		List<CellRangeAddress> regions = new ArrayList<>();
		int start = xml.indexOf("<mergeCells", afterSheetData(xml));
		if (start < 0) {
			return regions;
		}
		for (Map<String, String> cell : elements(xml.substring(start), "mergeCell")) {
			String ref = cell.get("ref");
			if (ref != null && ref.contains(":")) {
				regions.add(CellRangeAddress.valueOf(ref));
			}
		}
		return regions;
	}

	static String shiftLocalSheetIds(String workbook) {
		Matcher matcher = LOCAL_SHEET_ID.matcher(workbook);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, "localSheetId=\"" + (Integer.parseInt(matcher.group(1)) + 1) + "\"");
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The sheet with its views not selected (only the feedback sheet is). */
	static String unselect(String xml) {
		int start = xml.indexOf("<sheetViews");
		int end = xml.indexOf("</sheetViews>");
		if (start < 0 || end < 0) {
			return xml;
		}
		String views = xml.substring(start, end);
		String plain = TAB_SELECTED.matcher(views).replaceAll("");
		return plain.equals(views) ? xml : xml.substring(0, start) + plain + xml.substring(end);
	}

	/**
	 * The workbook with no view's active tab or first tab set: the feedback sheet, put
	 * first, is the one shown. Each {@code <workbookView>} tag is found by a scan and
	 * only its own attributes are matched (a pattern run over the whole workbook was a
	 * twentieth of a copy's CPU).
	 */
	static String firstTabUnset(String workbook) {
		StringBuilder out = null;
		int copied = 0;
		int at = 0;
		while ((at = workbook.indexOf("<workbookView", at)) >= 0) {
			int nameEnd = at + "<workbookView".length();
			int end = workbook.indexOf('>', nameEnd);
			if (end < 0) {
				break;
			}
			if (nameEnd < workbook.length() && !nameChar(workbook.charAt(nameEnd))) {
				String tag = workbook.substring(at, end);
				String unset = VIEW_TABS.matcher(tag).replaceAll("");
				if (!unset.equals(tag)) {
					out = (out != null) ? out : new StringBuilder(workbook.length());
					out.append(workbook, copied, at).append(unset);
					copied = end;
				}
			}
			at = end;
		}
		return (out == null) ? workbook : out.append(workbook, copied, workbook.length()).toString();
	}

	/**
	 * Where {@code <legacyDrawing>} goes in a worksheet: before the first element that
	 * must follow it.
	 */
	static String insertLegacyDrawing(String xml, String relId) throws ZipCopy.Unsupported {
		String element = "<legacyDrawing xmlns:r=\"" + ZipCopy.REL_NS + "\" r:id=\"" + relId + "\"/>";
		int dataEnd = xml.lastIndexOf("</sheetData>");
		int at = -1;
		for (String later : new String[] { "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls",
				"<webPublishItems", "<tableParts", "<extLst", "</worksheet>" }) {
			int i = (dataEnd < 0) ? -1 : xml.indexOf(later, dataEnd);
			if (i >= 0 && (at < 0 || i < at)) {
				at = i;
			}
		}
		if (at < 0) {
			throw new ZipCopy.Unsupported("worksheet end");
		}
		return xml.substring(0, at) + element + xml.substring(at);
	}

	/** XML text: escaped, and without the characters XML 1.0 cannot hold. */
	static String escape(String text) {
		// most texts need nothing: the same string, not a copy made character by
		// character
		int first = 0;
		while (first < text.length() && plain(text.charAt(first))) {
			first++;
		}
		if (first == text.length()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static boolean plain(char c) {
		return (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') && c != '&' && c != '<' && c != '>' && c != '"';
	}

	static String unescape(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int semi = (c == '&') ? text.indexOf(';', i) : -1;
			if (semi < 0) {
				out.append(c);
				continue;
			}
			String entity = text.substring(i + 1, semi);
			switch (entity) {
				case "amp" -> out.append('&');
				case "lt" -> out.append('<');
				case "gt" -> out.append('>');
				case "quot" -> out.append('"');
				case "apos" -> out.append('\'');
				default -> {
					if (entity.startsWith("#x")) {
						out.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
					}
					else if (entity.startsWith("#")) {
						out.appendCodePoint(Integer.parseInt(entity.substring(1)));
					}
					else {
						out.append(text, i, semi + 1);
					}
				}
			}
			i = semi;
		}
		return out.toString();
	}

}
