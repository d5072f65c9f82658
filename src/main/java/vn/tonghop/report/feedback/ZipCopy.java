package vn.tonghop.report.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import vn.tonghop.report.WrappedText;

/**
 * Writes the feedback copy of an {@code .xlsx}/{@code .xlsm} at the zip level: every part
 * of the union's file is copied as it is, except the few that must change (the marked
 * sheets' cell style ids, the styles with the added fills, the comments with their
 * drawing and relationships, the new first sheet "Phản hồi", the workbook's sheet list
 * and the content types). Loading and saving the whole workbook with POI cost about 14 ms
 * of CPU a copy; this costs well under one.
 * <p>
 * It handles the common shape of a return only. Whatever it does not handle (strict
 * OOXML, a marked sheet that already has comments, an earlier "Phản hồi" sheet, cells
 * without addresses, ...) makes {@link #prepare} answer {@code null} before anything is
 * written, and the caller then writes the copy with POI as before. The result must read
 * the same as POI's copy: {@code ZipCopyTests} compares the two.
 */
final class ZipCopy {

	static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String WORKSHEET_TYPE = REL_NS + "/worksheet";

	private static final String WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

	private static final String COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";

	private static final String VML_CONTENT = "application/vnd.openxmlformats-officedocument.vmlDrawing";

	/** Parts larger than this are left to POI (they are read whole into memory here). */
	private static final int MAX_PART = 32 * 1024 * 1024;

	private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

	private static final Pattern A1 = Pattern.compile("([A-Z]{1,3})([0-9]{1,7})");

	private static final SpreadsheetVersion VERSION = SpreadsheetVersion.EXCEL2007;

	/** Thrown inside when the source has something this writer does not handle. */
	static final class Unsupported extends Exception {

		private static final long serialVersionUID = 1L;

		Unsupported(String why) {
			super(why, null, false, false);
		}

	}

	private final Instructions instructions;

	ZipCopy(Instructions instructions) {
		this.instructions = instructions;
	}

	/** The copy, ready to write. */
	record Prepared(byte[] bytes) {

		void writeTo(OutputStream out) throws IOException {
			out.write(this.bytes);
		}

	}

	/** A sheet of the source workbook: its name, position, part and relationship id. */
	private record SheetRef(String name, int index, String part, String relId) {
	}

	/** A finding and where it sits: sheet and cell, or none. */
	private record Located(FeedbackItem item, SheetRef sheet, CellAddress address, int order) {

		boolean located() {
			return this.sheet != null && this.address != null;
		}

	}

	/**
	 * The changed parts of the copy, or {@code null} when this writer does not handle the
	 * source (the caller then uses POI).
	 */
	Prepared prepare(Path source, String unionCode, String unionName, List<FeedbackItem> items) throws IOException {
		if (Files.size(source) > MAX_PART) {
			return null;
		}
		try {
			ZipParts zip = new ZipParts(Files.readAllBytes(source));
			return new Build(zip).run(source, unionCode, unionName, items);
		}
		catch (Unsupported ex) {
			return null;
		}
	}

	/** One copy being built. */
	private final class Build {

		private final ZipParts zip;

		private final Map<String, byte[]> replaced = new LinkedHashMap<>();

		private final Map<String, byte[]> added = new LinkedHashMap<>();

		Build(ZipParts zip) {
			this.zip = zip;
		}

		Prepared run(Path source, String unionCode, String unionName, List<FeedbackItem> items)
				throws IOException, Unsupported {
			String rootRels = text("_rels/.rels");
			if (!rootRels.contains(REL_NS + "/officeDocument\"")) {
				throw new Unsupported("no transitional office document");
			}
			String workbookPart = null;
			for (Map<String, String> rel : elements(rootRels, "Relationship")) {
				if ((REL_NS + "/officeDocument").equals(rel.get("Type"))) {
					workbookPart = stripSlash(rel.get("Target"));
				}
			}
			if (!"xl/workbook.xml".equals(workbookPart)) {
				throw new Unsupported("workbook part " + workbookPart);
			}
			String workbook = text("xl/workbook.xml");
			String workbookRels = text("xl/_rels/workbook.xml.rels");
			String types = text("[Content_Types].xml");
			String styles = text("xl/styles.xml");
			if (!rootElementIs(workbook, "workbook") || !rootElementIs(styles, "styleSheet")
					|| !workbookRels.contains(PKG_REL_NS)) {
				throw new Unsupported("namespaces");
			}
			Map<String, Map<String, String>> relsById = new HashMap<>();
			for (Map<String, String> rel : elements(workbookRels, "Relationship")) {
				if ("External".equals(rel.get("TargetMode"))) {
					continue;
				}
				relsById.put(rel.get("Id"), rel);
			}
			// the sheets, in order
			int sheetsStart = workbook.indexOf("<sheets>");
			int sheetsEnd = workbook.indexOf("</sheets>");
			if (sheetsStart < 0 || sheetsEnd < sheetsStart) {
				throw new Unsupported("sheets");
			}
			List<SheetRef> sheets = new ArrayList<>();
			int maxSheetId = 0;
			for (Map<String, String> sheet : elements(workbook.substring(sheetsStart, sheetsEnd), "sheet")) {
				String relId = null;
				for (Map.Entry<String, String> attribute : sheet.entrySet()) {
					if (attribute.getKey().endsWith(":id")) {
						relId = attribute.getValue();
					}
				}
				Map<String, String> rel = relsById.get(relId);
				if (rel == null || !WORKSHEET_TYPE.equals(rel.get("Type"))) {
					throw new Unsupported("not a worksheet");
				}
				String target = rel.get("Target");
				String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
				if (!part.startsWith("xl/worksheets/") || part.indexOf('/', "xl/worksheets/".length()) >= 0
						|| !this.zip.contains(part)) {
					throw new Unsupported("sheet part " + part);
				}
				String name = unescape(sheet.get("name"));
				if (name.equalsIgnoreCase(FeedbackSheet.NAME)) {
					throw new Unsupported("an earlier feedback sheet");
				}
				sheets.add(new SheetRef(name, sheets.size(), part, relId));
				maxSheetId = Math.max(maxSheetId, Integer.parseInt(sheet.get("sheetId")));
			}
			if (sheets.isEmpty()) {
				throw new Unsupported("no sheets");
			}

			// where the findings are
			Map<SheetRef, String> sheetXml = new HashMap<>();
			Map<SheetRef, List<CellRangeAddress>> merged = new HashMap<>();
			List<Located> located = new ArrayList<>(items.size());
			for (int i = 0; i < items.size(); i++) {
				FeedbackItem item = items.get(i);
				SheetRef sheet = null;
				if (!item.sheet().isEmpty()) {
					for (SheetRef candidate : sheets) {
						if (candidate.name().equalsIgnoreCase(item.sheet())) {
							sheet = candidate;
							break;
						}
					}
				}
				CellAddress address = (sheet != null) ? CellMarks.parse(item.cell(), VERSION) : null;
				located
					.add((address != null) ? new Located(item, sheet, address, i) : new Located(item, null, null, i));
			}
			// marks by sheet and shown cell
			Map<SheetRef, TreeMap<CellAddress, List<FeedbackItem>>> marks = new LinkedHashMap<>();
			for (Located finding : located) {
				if (!finding.located()) {
					continue;
				}
				SheetRef sheet = finding.sheet();
				if (!sheetXml.containsKey(sheet)) {
					String xml = text(sheet.part());
					if (!rootElementIs(xml, "worksheet")) {
						throw new Unsupported("sheet namespace");
					}
					sheetXml.put(sheet, xml);
					merged.put(sheet, mergedRegions(xml));
				}
				CellAddress shown = finding.address();
				for (CellRangeAddress region : merged.get(sheet)) {
					if (region.isInRange(shown.getRow(), shown.getColumn())) {
						shown = new CellAddress(region.getFirstRow(), region.getFirstColumn());
						break;
					}
				}
				marks.computeIfAbsent(sheet, (s) -> new TreeMap<>())
					.computeIfAbsent(shown, (a) -> new ArrayList<>())
					.add(finding.item());
			}

			Styles styleSheet = new Styles(styles);
			StringBuilder newTypes = new StringBuilder();
			int vmlNumber = 0;
			int commentsNumber = 0;
			for (Map.Entry<SheetRef, TreeMap<CellAddress, List<FeedbackItem>>> sheetMarks : marks.entrySet()) {
				SheetRef sheet = sheetMarks.getKey();
				String xml = sheetXml.get(sheet);
				String relsPart = "xl/worksheets/_rels/" + sheet.part().substring("xl/worksheets/".length()) + ".rels";
				String rels = this.zip.contains(relsPart) ? text(relsPart) : null;
				if (xml.contains("<legacyDrawing") || (rels != null && rels.contains(REL_NS + "/comments\""))) {
					throw new Unsupported("comments already");
				}
				Map<CellAddress, Boolean> severity = new TreeMap<>();
				sheetMarks.getValue()
					.forEach((address, list) -> severity.put(address, list.stream().anyMatch(FeedbackItem::isError)));
				xml = new SheetCells(xml, styleSheet).mark(severity);
				// comments, their drawing and the sheet's relationships
				do {
					commentsNumber++;
				}
				while (this.zip.contains("xl/comments" + commentsNumber + ".xml"));
				do {
					vmlNumber++;
				}
				while (this.zip.contains("xl/drawings/vmlDrawing" + vmlNumber + ".vml"));
				String commentsPart = "xl/comments" + commentsNumber + ".xml";
				String vmlPart = "xl/drawings/vmlDrawing" + vmlNumber + ".vml";
				this.added.put(commentsPart, utf8(comments(sheetMarks.getValue())));
				this.added.put(vmlPart, utf8(vml(vmlNumber, sheetMarks.getValue())));
				newTypes.append("<Override PartName=\"/")
					.append(commentsPart)
					.append("\" ContentType=\"")
					.append(COMMENTS_CONTENT)
					.append("\"/>");
				String vmlId = freeId(rels, 1);
				String commentsId = freeId(rels, Integer.parseInt(vmlId.substring(3)) + 1);
				String newRels = "<Relationship Id=\"" + vmlId + "\" Type=\"" + REL_NS
						+ "/vmlDrawing\" Target=\"../drawings/vmlDrawing" + vmlNumber + ".vml\"/><Relationship Id=\""
						+ commentsId + "\" Type=\"" + REL_NS + "/comments\" Target=\"../comments" + commentsNumber
						+ ".xml\"/>";
				if (rels == null) {
					this.added.put(relsPart, utf8(
							"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
									+ PKG_REL_NS + "\">" + newRels + "</Relationships>"));
				}
				else {
					int end = rels.lastIndexOf("</Relationships>");
					if (end < 0) {
						throw new Unsupported("rels");
					}
					this.replaced.put(relsPart, utf8(rels.substring(0, end) + newRels + rels.substring(end)));
				}
				xml = insertLegacyDrawing(xml, vmlId);
				sheetXml.put(sheet, xml);
			}

			// every sheet unselected: the feedback sheet is the selected one
			for (SheetRef sheet : sheets) {
				String xml = sheetXml.containsKey(sheet) ? sheetXml.get(sheet) : text(sheet.part());
				String unselected = unselect(xml);
				if (sheetXml.containsKey(sheet) || unselected != xml) {
					this.replaced.put(sheet.part(), utf8(unselected));
				}
			}

			// the feedback sheet
			int sheetNumber = 0;
			do {
				sheetNumber++;
			}
			while (this.zip.contains("xl/worksheets/sheet" + sheetNumber + ".xml")
					|| this.added.containsKey("xl/worksheets/sheet" + sheetNumber + ".xml"));
			String feedbackPart = "xl/worksheets/sheet" + sheetNumber + ".xml";
			FeedbackXml feedback = new FeedbackXml(styleSheet);
			int lastRow = feedback.rows(unionCode, unionName, source.getFileName().toString(), located);
			this.added.put(feedbackPart, utf8(feedback.sheet(lastRow)));
			newTypes.append("<Override PartName=\"/")
				.append(feedbackPart)
				.append("\" ContentType=\"")
				.append(WORKSHEET_CONTENT)
				.append("\"/>");
			this.replaced.put("xl/styles.xml", utf8(styleSheet.xml()));

			// workbook: the sheet first, selected; positions shifted
			String sheetRelId = freeId(workbookRels, 1);
			String entry = "<sheet xmlns:r=\"" + REL_NS + "\" name=\"" + escape(FeedbackSheet.NAME) + "\" sheetId=\""
					+ (maxSheetId + 1) + "\" r:id=\"" + sheetRelId + "\"/>";
			String wb = workbook.substring(0, sheetsStart + "<sheets>".length()) + entry
					+ workbook.substring(sheetsStart + "<sheets>".length());
			wb = shiftLocalSheetIds(wb);
			wb = wb.replaceAll("(<workbookView\\b[^>]*?)\\s(?:activeTab|firstSheet)\\s*=\\s*\"[^\"]*\"", "$1");
			wb = wb.replaceAll("(<workbookView\\b[^>]*?)\\s(?:activeTab|firstSheet)\\s*=\\s*\"[^\"]*\"", "$1");
			String quoted = FeedbackSheet.quote(FeedbackSheet.NAME);
			String names = "";
			if (lastRow > FeedbackSheet.HEADING_ROW) {
				names += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
						+ escape(quoted + "!$A$" + (FeedbackSheet.HEADING_ROW + 1) + ":$G$" + (lastRow + 1))
						+ "</definedName>";
			}
			names += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">"
					+ escape(quoted + "!$" + (FeedbackSheet.HEADING_ROW + 1) + ":$" + (FeedbackSheet.HEADING_ROW + 1))
					+ "</definedName>";
			wb = wb.replace("<definedNames/>", "<definedNames></definedNames>");
			int definedNames = wb.indexOf("<definedNames>");
			if (definedNames >= 0) {
				int at = definedNames + "<definedNames>".length();
				wb = wb.substring(0, at) + names + wb.substring(at);
			}
			else {
				if (wb.contains("<definedNames") || wb.contains("<functionGroups")
						|| wb.contains("<externalReferences")) {
					throw new Unsupported("defined names");
				}
				int at = wb.indexOf("</sheets>") + "</sheets>".length();
				wb = wb.substring(0, at) + "<definedNames>" + names + "</definedNames>" + wb.substring(at);
			}
			this.replaced.put("xl/workbook.xml", utf8(wb));
			int relsEnd = workbookRels.lastIndexOf("</Relationships>");
			if (relsEnd < 0) {
				throw new Unsupported("workbook rels");
			}
			this.replaced.put("xl/_rels/workbook.xml.rels",
					utf8(workbookRels.substring(0, relsEnd) + "<Relationship Id=\"" + sheetRelId + "\" Type=\""
							+ WORKSHEET_TYPE + "\" Target=\"worksheets/sheet" + sheetNumber + ".xml\"/>"
							+ workbookRels.substring(relsEnd)));
			if (!marks.isEmpty()
					&& !Pattern.compile("Extension=\"vml\"", Pattern.CASE_INSENSITIVE).matcher(types).find()) {
				newTypes.append("<Default Extension=\"vml\" ContentType=\"").append(VML_CONTENT).append("\"/>");
			}
			int typesEnd = types.lastIndexOf("</Types>");
			if (typesEnd < 0) {
				throw new Unsupported("content types");
			}
			this.replaced.put("[Content_Types].xml",
					utf8(types.substring(0, typesEnd) + newTypes + types.substring(typesEnd)));
			return new Prepared(this.zip.copy(this.replaced, this.added));
		}

		private String text(String name) throws Unsupported {
			ZipParts.Entry entry = this.zip.entry(name);
			if (entry == null) {
				throw new Unsupported("no part " + name);
			}
			byte[] bytes = this.zip.content(entry);
			if (bytes.length > 2 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
					&& (bytes[2] & 0xFF) == 0xBF) {
				throw new Unsupported("byte order mark");
			}
			if (bytes.length > 1 && (bytes[0] == (byte) 0xFE || bytes[0] == (byte) 0xFF)) {
				throw new Unsupported("UTF-16");
			}
			String text = new String(bytes, StandardCharsets.UTF_8);
			int declarationEnd = text.startsWith("<?xml") ? text.indexOf("?>") : -1;
			if (declarationEnd > 0) {
				String declaration = text.substring(0, declarationEnd).toLowerCase(Locale.ROOT);
				if (declaration.contains("encoding") && !declaration.contains("utf-8")) {
					throw new Unsupported("encoding");
				}
			}
			return text;
		}

	}

	/**
	 * Whether the XML's root element is {@code name} in the transitional main namespace.
	 */
	private static boolean rootElementIs(String xml, String name) {
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
		return tag.contains("xmlns=\"" + MAIN_NS + "\"") || tag.contains("xmlns='" + MAIN_NS + "'");
	}

	private static int rootStart(String xml) {
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

	static Map<String, String> attributes(String tag) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher matcher = ATTRIBUTE.matcher(tag);
		while (matcher.find()) {
			attributes.put(matcher.group(1), (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3));
		}
		return attributes;
	}

	private static String stripSlash(String target) {
		return (target != null && target.startsWith("/")) ? target.substring(1) : target;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A relationship id {@code rIdN} not in {@code rels}, N at least {@code from}. */
	private static String freeId(String rels, int from) {
		for (int n = from;; n++) {
			String id = "rId" + n;
			if (rels == null || (!rels.contains("\"" + id + "\"") && !rels.contains("'" + id + "'"))) {
				return id;
			}
		}
	}

	private static List<CellRangeAddress> mergedRegions(String xml) {
		List<CellRangeAddress> regions = new ArrayList<>();
		int start = xml.indexOf("<mergeCells");
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

	private static String shiftLocalSheetIds(String workbook) {
		Matcher matcher = Pattern.compile("localSheetId=\"(\\d+)\"").matcher(workbook);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, "localSheetId=\"" + (Integer.parseInt(matcher.group(1)) + 1) + "\"");
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The sheet with its views not selected (only the feedback sheet is). */
	private static String unselect(String xml) {
		int start = xml.indexOf("<sheetViews");
		int end = xml.indexOf("</sheetViews>");
		if (start < 0 || end < 0) {
			return xml;
		}
		String views = xml.substring(start, end);
		String plain = views.replaceAll("\\stabSelected\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
		return plain.equals(views) ? xml : xml.substring(0, start) + plain + xml.substring(end);
	}

	/**
	 * Where {@code <legacyDrawing>} goes in a worksheet: before the first element that
	 * must follow it.
	 */
	private static String insertLegacyDrawing(String xml, String relId) throws Unsupported {
		String element = "<legacyDrawing xmlns:r=\"" + REL_NS + "\" r:id=\"" + relId + "\"/>";
		int at = -1;
		for (String later : new String[] { "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls",
				"<webPublishItems", "<tableParts", "<extLst", "</worksheet>" }) {
			int i = xml.lastIndexOf(later);
			if (i >= 0 && (at < 0 || i < at)) {
				at = i;
			}
		}
		if (at < 0 || at < xml.indexOf("</sheetData>")) {
			throw new Unsupported("worksheet end");
		}
		return xml.substring(0, at) + element + xml.substring(at);
	}

	/** XML text: escaped, and without the characters XML 1.0 cannot hold. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
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

	private String comments(TreeMap<CellAddress, List<FeedbackItem>> marks) {
		StringBuilder xml = new StringBuilder(1024);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<comments xmlns=\"")
			.append(MAIN_NS)
			.append("\"><authors><author>")
			.append(escape(CellMarks.AUTHOR))
			.append("</author></authors><commentList>");
		CellMarks text = new CellMarks(null, this.instructions);
		marks.forEach((address, items) -> xml.append("<comment ref=\"")
			.append(address.formatAsString())
			.append("\" authorId=\"0\"><text><t xml:space=\"preserve\">")
			.append(escape(text.commentText(items)))
			.append("</t></text></comment>"));
		return xml.append("</commentList></comments>").toString();
	}

	private String vml(int number, TreeMap<CellAddress, List<FeedbackItem>> marks) {
		StringBuilder xml = new StringBuilder(2048);
		xml.append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
				+ " xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\">"
				+ "<o:idmap v:ext=\"edit\" data=\"")
			.append(number)
			.append("\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\""
					+ " path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>"
					+ "<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
		CellMarks text = new CellMarks(null, this.instructions);
		int shape = number * 1024 + 1;
		for (Map.Entry<CellAddress, List<FeedbackItem>> mark : marks.entrySet()) {
			CellAddress address = mark.getKey();
			int lines = CellMarks.lines(text.commentText(mark.getValue()));
			int firstColumn = Math.min(address.getColumn() + 1,
					VERSION.getLastColumnIndex() - CellMarks.COMMENT_COLUMNS);
			int firstRow = Math.min(address.getRow(), VERSION.getLastRowIndex() - CellMarks.COMMENT_MAX_ROWS);
			int lastRow = firstRow + Math.min(lines + 1, CellMarks.COMMENT_MAX_ROWS);
			xml.append("<v:shape id=\"_x0000_s")
				.append(shape++)
				.append("\" type=\"#_x0000_t202\" style=\"position:absolute;visibility:hidden\" fillcolor=\"#ffffe1\""
						+ " o:insetmode=\"auto\"><v:fill color=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\""
						+ " obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\">"
						+ "<div style=\"text-align:left\"></div></v:textbox><x:ClientData ObjectType=\"Note\">"
						+ "<x:MoveWithCells/><x:SizeWithCells/><x:Anchor>")
				.append(firstColumn)
				.append(", 0, ")
				.append(firstRow)
				.append(", 0, ")
				.append(firstColumn + CellMarks.COMMENT_COLUMNS)
				.append(", 0, ")
				.append(lastRow)
				.append(", 0</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>")
				.append(address.getRow())
				.append("</x:Row><x:Column>")
				.append(address.getColumn())
				.append("</x:Column></x:ClientData></v:shape>");
		}
		return xml.append("</xml>").toString();
	}

	/**
	 * The styles part, with the fills, fonts, borders and cell formats the copy adds
	 * appended to its lists.
	 */
	static final class Styles {

		private final String xml;

		private final List<String> cellXfs = new ArrayList<>();

		private final StringBuilder newFonts = new StringBuilder();

		private final StringBuilder newFills = new StringBuilder();

		private final StringBuilder newBorders = new StringBuilder();

		private final StringBuilder newXfs = new StringBuilder();

		private int fonts;

		private int fills;

		private int borders;

		private final double defaultPoints;

		private final Map<String, Integer> clones = new HashMap<>();

		private final Map<String, Integer> added = new HashMap<>();

		Styles(String xml) throws Unsupported {
			this.xml = xml;
			this.fonts = count(xml, "fonts", "font");
			this.fills = count(xml, "fills", "fill");
			this.borders = count(xml, "borders", "border");
			String section = section(xml, "cellXfs");
			int i = 0;
			while ((i = section.indexOf("<xf", i)) >= 0) {
				int tagEnd = section.indexOf('>', i);
				int end = (section.charAt(tagEnd - 1) == '/') ? tagEnd + 1
						: section.indexOf("</xf>", tagEnd) + "</xf>".length();
				this.cellXfs.add(section.substring(i, end));
				i = end;
			}
			if (this.cellXfs.isEmpty()) {
				throw new Unsupported("no cell formats");
			}
			String fontSection = section(xml, "fonts");
			int sz = fontSection.indexOf("<sz ");
			int fontEnd = fontSection.indexOf("</font>");
			double points = 11;
			if (sz >= 0 && (fontEnd < 0 || sz < fontEnd)) {
				String value = attributes(fontSection.substring(sz, fontSection.indexOf('>', sz))).get("val");
				try {
					points = (short) (short) (Double.parseDouble(value) * 20) / 20;
				}
				catch (RuntimeException ex) {
					throw new Unsupported("font size");
				}
			}
			this.defaultPoints = Math.max(6, points);
		}

		double defaultPoints() {
			return this.defaultPoints;
		}

		/** The content between {@code <name ...>} and {@code </name>}. */
		private static String section(String xml, String name) throws Unsupported {
			int start = xml.indexOf("<" + name + ">");
			if (start < 0) {
				start = xml.indexOf("<" + name + " ");
			}
			int end = xml.indexOf("</" + name + ">");
			if (start < 0 || end < start) {
				throw new Unsupported("no " + name);
			}
			return xml.substring(xml.indexOf('>', start) + 1, end);
		}

		private static int count(String xml, String list, String element) throws Unsupported {
			return elements(section(xml, list), element).size();
		}

		/** A cell format as {@code style} with the fill of the severity. */
		int filled(int style, boolean error) throws Unsupported {
			if (style < 0 || style >= this.cellXfs.size()) {
				throw new Unsupported("style " + style);
			}
			String key = style + (error ? "/error" : "/warning");
			Integer index = this.clones.get(key);
			if (index == null) {
				int fill = fill(error ? "rgb=\"FFFF9999\"" : "rgb=\"FFFFFF66\"");
				String xf = this.cellXfs.get(style);
				int nameEnd = 3;
				int tagEnd = xf.indexOf('>');
				boolean empty = xf.charAt(tagEnd - 1) == '/';
				String tag = xf.substring(nameEnd, empty ? tagEnd - 1 : tagEnd)
					.replaceAll("\\s(fillId|applyFill)\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
				String clone = "<xf fillId=\"" + fill + "\" applyFill=\"1\"" + tag + (empty ? "/>" : ">")
						+ xf.substring(tagEnd + 1);
				index = add(clone);
				this.clones.put(key, index);
			}
			return index;
		}

		private int fill(String color) {
			return this.added.computeIfAbsent("fill " + color, (k) -> {
				this.newFills.append("<fill><patternFill patternType=\"solid\"><fgColor ")
					.append(color)
					.append("/></patternFill></fill>");
				return this.fills++;
			});
		}

		int font(boolean bold, int points, Integer color, boolean underline) {
			return this.added.computeIfAbsent("font " + bold + points + color + underline, (k) -> {
				this.newFonts.append("<font>");
				if (bold) {
					this.newFonts.append("<b/>");
				}
				if (underline) {
					this.newFonts.append("<u/>");
				}
				this.newFonts.append("<sz val=\"").append(points).append("\"/>");
				if (color != null) {
					this.newFonts.append("<color indexed=\"").append(color).append("\"/>");
				}
				this.newFonts.append("<name val=\"Calibri\"/><family val=\"2\"/></font>");
				return this.fonts++;
			});
		}

		int thinBorder() {
			return this.added.computeIfAbsent("border", (k) -> {
				this.newBorders.append("<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/>"
						+ "<bottom style=\"thin\"/><diagonal/></border>");
				return this.borders++;
			});
		}

		/** A new cell format of the feedback sheet. */
		int style(int font, Integer fillColor, boolean boxed, boolean centred) {
			int fill = (fillColor == null) ? 0 : fill((fillColor == ERROR) ? "rgb=\"FFFF9999\""
					: (fillColor == WARNING) ? "rgb=\"FFFFFF66\"" : "indexed=\"" + fillColor + "\"");
			int border = boxed ? thinBorder() : 0;
			return add("<xf numFmtId=\"0\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\"" + border
					+ "\" xfId=\"0\" applyFont=\"1\"" + ((fill != 0) ? " applyFill=\"1\"" : "")
					+ (boxed ? " applyBorder=\"1\"" : "") + " applyAlignment=\"1\"><alignment"
					+ (centred ? " horizontal=\"center\"" : "") + " vertical=\"top\" wrapText=\"1\"/></xf>");
		}

		static final int ERROR = -1;

		static final int WARNING = -2;

		private int add(String xf) {
			this.newXfs.append(xf);
			this.cellXfs.add(xf);
			return this.cellXfs.size() - 1;
		}

		String xml() throws Unsupported {
			String out = append(this.xml, "fonts", this.newFonts, this.fonts);
			out = append(out, "fills", this.newFills, this.fills);
			out = append(out, "borders", this.newBorders, this.borders);
			return append(out, "cellXfs", this.newXfs, this.cellXfs.size());
		}

		private static String append(String xml, String list, CharSequence added, int count) throws Unsupported {
			if (added.isEmpty()) {
				return xml;
			}
			int start = xml.indexOf("<" + list);
			int end = xml.indexOf("</" + list + ">");
			int tagEnd = xml.indexOf('>', start);
			if (start < 0 || end < 0 || xml.charAt(tagEnd - 1) == '/') {
				throw new Unsupported(list);
			}
			String tag = xml.substring(start, tagEnd + 1).replaceAll("\\scount\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
			tag = tag.substring(0, tag.length() - 1) + " count=\"" + count + "\">";
			return xml.substring(0, start) + tag + xml.substring(tagEnd + 1, end) + added + xml.substring(end);
		}

	}

	/** The marked sheet's cells with the fills' style ids, cells created where none. */
	private static final class SheetCells {

		private final String xml;

		private final Styles styles;

		private final Map<Integer, Integer> columnStyles = new HashMap<>();

		SheetCells(String xml, Styles styles) {
			this.xml = xml;
			this.styles = styles;
			int cols = xml.indexOf("<cols>");
			int colsEnd = xml.indexOf("</cols>");
			if (cols >= 0 && colsEnd > cols) {
				for (Map<String, String> col : elements(xml.substring(cols, colsEnd), "col")) {
					String style = col.get("style");
					if (style != null && col.get("min") != null && col.get("max") != null) {
						int max = Math.min(Integer.parseInt(col.get("max")), VERSION.getMaxColumns());
						for (int c = Integer.parseInt(col.get("min")); c <= max; c++) {
							this.columnStyles.putIfAbsent(c - 1, Integer.parseInt(style));
						}
					}
				}
			}
		}

		String mark(Map<CellAddress, Boolean> marks) throws Unsupported {
			TreeMap<Integer, TreeMap<Integer, Boolean>> rows = new TreeMap<>();
			marks.forEach((address, error) -> rows.computeIfAbsent(address.getRow(), (r) -> new TreeMap<>())
				.put(address.getColumn(), error));
			int dataStart = this.xml.indexOf("<sheetData");
			if (dataStart < 0) {
				throw new Unsupported("no sheet data");
			}
			int openEnd = this.xml.indexOf('>', dataStart);
			StringBuilder out = new StringBuilder(this.xml.length() + 256);
			int end;
			if (this.xml.charAt(openEnd - 1) == '/') {
				out.append(this.xml, 0, openEnd - 1).append('>');
				end = openEnd + 1;
				for (Map.Entry<Integer, TreeMap<Integer, Boolean>> row : rows.entrySet()) {
					newRow(out, row.getKey(), row.getValue());
				}
				out.append("</sheetData>");
				return out.append(this.xml, end, this.xml.length()).toString();
			}
			end = this.xml.indexOf("</sheetData>", openEnd);
			if (end < 0) {
				throw new Unsupported("sheet data end");
			}
			out.append(this.xml, 0, openEnd + 1);
			int pos = openEnd + 1;
			while (true) {
				int rowStart = next(this.xml, "<row", pos, end);
				if (rowStart < 0) {
					break;
				}
				int tagEnd = this.xml.indexOf('>', rowStart);
				boolean empty = this.xml.charAt(tagEnd - 1) == '/';
				Map<String, String> attributes = attributes(this.xml.substring(rowStart + 4, tagEnd));
				String r = attributes.get("r");
				if (r == null) {
					throw new Unsupported("row without number");
				}
				int rowIndex = Integer.parseInt(r) - 1;
				int rowEnd = empty ? tagEnd + 1 : this.xml.indexOf("</row>", tagEnd) + "</row>".length();
				// rows the sheet lacks, before this one
				out.append(this.xml, pos, rowStart);
				while (!rows.isEmpty() && rows.firstKey() < rowIndex) {
					Map.Entry<Integer, TreeMap<Integer, Boolean>> row = rows.pollFirstEntry();
					newRow(out, row.getKey(), row.getValue());
				}
				TreeMap<Integer, Boolean> cells = rows.remove(rowIndex);
				if (cells == null) {
					out.append(this.xml, rowStart, rowEnd);
				}
				else {
					Integer rowStyle = attributes.containsKey("s") ? Integer.valueOf(attributes.get("s")) : null;
					String tag = this.xml.substring(rowStart, empty ? tagEnd - 1 : tagEnd)
						.replaceAll("\\sspans\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
					out.append(tag).append('>');
					if (!empty) {
						markCells(out, tagEnd + 1, rowEnd - "</row>".length(), rowIndex, rowStyle, cells);
					}
					for (Map.Entry<Integer, Boolean> cell : cells.entrySet()) {
						newCell(out, rowIndex, cell.getKey(), rowStyle, cell.getValue());
					}
					out.append("</row>");
				}
				pos = rowEnd;
			}
			out.append(this.xml, pos, end);
			for (Map.Entry<Integer, TreeMap<Integer, Boolean>> row : rows.entrySet()) {
				newRow(out, row.getKey(), row.getValue());
			}
			return out.append(this.xml, end, this.xml.length()).toString();
		}

		/** Copies the row's cells, restyling the marked ones; removes them from cells. */
		private void markCells(StringBuilder out, int from, int to, int rowIndex, Integer rowStyle,
				TreeMap<Integer, Boolean> cells) throws Unsupported {
			int pos = from;
			while (true) {
				int cellStart = next(this.xml, "<c", pos, to);
				if (cellStart < 0) {
					break;
				}
				int tagEnd = this.xml.indexOf('>', cellStart);
				boolean empty = this.xml.charAt(tagEnd - 1) == '/';
				int cellEnd = empty ? tagEnd + 1 : this.xml.indexOf("</c>", tagEnd) + "</c>".length();
				if (!empty && cellEnd < "</c>".length()) {
					throw new Unsupported("cell end");
				}
				String tag = this.xml.substring(cellStart, empty ? tagEnd - 1 : tagEnd);
				Map<String, String> attributes = attributes(tag.substring(2));
				String r = attributes.get("r");
				Matcher a1 = (r != null) ? A1.matcher(r) : null;
				if (a1 == null || !a1.matches() || Integer.parseInt(a1.group(2)) - 1 != rowIndex) {
					throw new Unsupported("cell without address");
				}
				int column = new CellAddress(r).getColumn();
				out.append(this.xml, pos, cellStart);
				while (!cells.isEmpty() && cells.firstKey() < column) {
					Map.Entry<Integer, Boolean> cell = cells.pollFirstEntry();
					newCell(out, rowIndex, cell.getKey(), rowStyle, cell.getValue());
				}
				Boolean error = cells.remove(column);
				if (error == null) {
					out.append(this.xml, cellStart, cellEnd);
				}
				else {
					int style = attributes.containsKey("s") ? Integer.parseInt(attributes.get("s")) : 0;
					int filled = this.styles.filled(style, error);
					out.append("<c s=\"")
						.append(filled)
						.append('"')
						.append(tag.substring(2).replaceAll("\\ss\\s*=\\s*(\"[^\"]*\"|'[^']*')", ""))
						.append(empty ? "/>" : ">");
					if (!empty) {
						out.append(this.xml, tagEnd + 1, cellEnd);
					}
				}
				pos = cellEnd;
			}
			out.append(this.xml, pos, to);
		}

		private void newRow(StringBuilder out, int rowIndex, TreeMap<Integer, Boolean> cells) throws Unsupported {
			out.append("<row r=\"").append(rowIndex + 1).append("\">");
			for (Map.Entry<Integer, Boolean> cell : cells.entrySet()) {
				newCell(out, rowIndex, cell.getKey(), null, cell.getValue());
			}
			out.append("</row>");
		}

		private void newCell(StringBuilder out, int rowIndex, int column, Integer rowStyle, boolean error)
				throws Unsupported {
			int base = (rowStyle != null) ? rowStyle : this.columnStyles.getOrDefault(column, 0);
			out.append("<c r=\"")
				.append(new CellAddress(rowIndex, column).formatAsString())
				.append("\" s=\"")
				.append(this.styles.filled(base, error))
				.append("\"/>");
		}

		/** The next element {@code name} (not one whose name only starts so). */
		private static int next(String xml, String open, int from, int to) {
			int i = from;
			while ((i = xml.indexOf(open, i)) >= 0 && i < to) {
				char c = xml.charAt(i + open.length());
				if (Character.isWhitespace(c) || c == '>' || c == '/') {
					return i;
				}
				i += open.length();
			}
			return -1;
		}

	}

	/** The "Phản hồi" sheet as XML, with the same content as {@link FeedbackSheet}. */
	private final class FeedbackXml {

		private final Styles styles;

		private final StringBuilder rows = new StringBuilder(4096);

		private final StringBuilder links = new StringBuilder();

		private final int title;

		private final int text;

		private final int rejected;

		private final int accepted;

		private final int heading;

		private final int body;

		private final int centred;

		private final int link;

		private final int error;

		private final int warning;

		FeedbackXml(Styles styles) {
			this.styles = styles;
			int regular = styles.font(false, FeedbackSheet.TEXT_POINTS, null, false);
			this.title = styles.style(styles.font(true, FeedbackSheet.TITLE_POINTS, null, false), null, false, false);
			this.text = styles.style(regular, null, false, false);
			this.rejected = styles.style(styles.font(true, FeedbackSheet.VERDICT_POINTS, 10, false), null, false,
					false);
			this.accepted = styles.style(styles.font(true, FeedbackSheet.VERDICT_POINTS, 17, false), null, false,
					false);
			int bold = styles.font(true, FeedbackSheet.TEXT_POINTS, null, false);
			this.heading = styles.style(bold, 22, true, true);
			this.body = styles.style(regular, null, true, false);
			this.centred = styles.style(regular, null, true, true);
			this.link = styles.style(styles.font(false, FeedbackSheet.TEXT_POINTS, 12, true), null, true, false);
			this.error = styles.style(bold, Styles.ERROR, true, false);
			this.warning = styles.style(regular, Styles.WARNING, true, false);
		}

		private int lines(String value, int width, double points) {
			return FeedbackSheet.lines(value, width, points, this.styles.defaultPoints());
		}

		/** Writes the rows; answers the last row's index. */
		int rows(String unionCode, String unionName, String fileName, List<Located> findings) {
			long errors = findings.stream().filter((finding) -> finding.item().isError()).count();
			long warnings = findings.size() - errors;
			title(0, this.title, "Phản hồi báo cáo thi đua: " + FeedbackSheet.union(unionCode, unionName),
					FeedbackSheet.TITLE_POINTS * FeedbackSheet.BOLD);
			title(1, this.text, "Tệp: " + fileName, FeedbackSheet.TEXT_POINTS);
			title(2, (errors > 0) ? this.rejected : this.accepted,
					(errors > 0) ? FeedbackSheet.REJECTED : FeedbackSheet.ACCEPTED,
					FeedbackSheet.VERDICT_POINTS * FeedbackSheet.BOLD);
			title(3, this.text, FeedbackSheet.summary(errors, warnings), FeedbackSheet.TEXT_POINTS);
			int headingLines = 1;
			StringBuilder cells = new StringBuilder();
			for (int i = 0; i < FeedbackSheet.HEADINGS.length; i++) {
				textCell(cells, FeedbackSheet.HEADING_ROW, i, this.heading, FeedbackSheet.HEADINGS[i]);
				headingLines = Math.max(headingLines, lines(FeedbackSheet.HEADINGS[i], FeedbackSheet.WIDTHS[i],
						FeedbackSheet.TEXT_POINTS * FeedbackSheet.BOLD));
			}
			row(FeedbackSheet.HEADING_ROW, WrappedText.rowHeight(headingLines, FeedbackSheet.TEXT_POINTS), cells);
			int rowIndex = FeedbackSheet.HEADING_ROW + 1;
			List<Located> sorted = findings.stream()
				.sorted(Comparator.comparing((Located finding) -> !finding.item().isError())
					.thenComparing(Located::located)
					.thenComparingInt((finding) -> finding.located() ? finding.sheet().index() : -1)
					.thenComparingInt((finding) -> finding.located() ? finding.address().getRow() : -1)
					.thenComparingInt((finding) -> finding.located() ? finding.address().getColumn() : -1)
					.thenComparingInt(Located::order))
				.toList();
			for (Located finding : sorted) {
				finding(rowIndex, rowIndex - FeedbackSheet.HEADING_ROW, finding);
				rowIndex++;
			}
			return rowIndex - 1;
		}

		private void finding(int rowIndex, int number, Located finding) {
			FeedbackItem item = finding.item();
			StringBuilder cells = new StringBuilder(512);
			cells.append("<c r=\"")
				.append(new CellAddress(rowIndex, 0).formatAsString())
				.append("\" s=\"")
				.append(this.centred)
				.append("\"><v>")
				.append(number)
				.append("</v></c>");
			textCell(cells, rowIndex, 1, this.centred, item.rule());
			textCell(cells, rowIndex, 2, item.isError() ? this.error : this.warning, item.severityLabel());
			textCell(cells, rowIndex, 3, this.body, item.sheet());
			if (finding.located()) {
				String address = finding.address().formatAsString();
				textCell(cells, rowIndex, 4, this.link, address);
				this.links.append("<hyperlink ref=\"")
					.append(new CellAddress(rowIndex, 4).formatAsString())
					.append("\" location=\"")
					.append(escape(FeedbackSheet.quote(finding.sheet().name()) + "!" + address))
					.append("\" display=\"")
					.append(address)
					.append("\"/>");
			}
			else {
				textCell(cells, rowIndex, 4, this.body, item.cell());
			}
			String instruction = ZipCopy.this.instructions.forRule(item.rule());
			textCell(cells, rowIndex, FeedbackSheet.MESSAGE_COLUMN, this.body, item.message());
			textCell(cells, rowIndex, FeedbackSheet.INSTRUCTION_COLUMN, this.body, instruction);
			int lines = 1;
			String[] texts = { item.rule(), item.severityLabel(), item.sheet(), item.cell(), item.message(),
					instruction };
			for (int i = 0; i < texts.length; i++) {
				lines = Math.max(lines, lines(texts[i], FeedbackSheet.WIDTHS[i + 1],
						FeedbackSheet.TEXT_POINTS * ((i == 1) ? FeedbackSheet.BOLD : 1.0)));
			}
			row(rowIndex, WrappedText.rowHeight(lines, FeedbackSheet.TEXT_POINTS), cells);
		}

		private void title(int rowIndex, int style, String value, double points) {
			StringBuilder cells = new StringBuilder();
			textCell(cells, rowIndex, 0, style, value);
			int lines = lines(value, FeedbackSheet.TOTAL_WIDTH, points);
			row(rowIndex, WrappedText.rowHeight(lines, Math.ceil(points)), cells);
		}

		private void row(int rowIndex, float height, CharSequence cells) {
			this.rows.append("<row r=\"")
				.append(rowIndex + 1)
				.append("\" ht=\"")
				.append(height)
				.append("\" customHeight=\"1\">")
				.append(cells)
				.append("</row>");
		}

		private static void textCell(StringBuilder cells, int row, int column, int style, String value) {
			cells.append("<c r=\"")
				.append(new CellAddress(row, column).formatAsString())
				.append("\" s=\"")
				.append(style);
			if (value == null || value.isEmpty()) {
				cells.append("\"/>");
				return;
			}
			cells.append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
				.append(escape(value))
				.append("</t></is></c>");
		}

		String sheet(int lastRow) {
			int last = FeedbackSheet.HEADINGS.length - 1;
			String lastColumn = CellReference.convertNumToColString(last);
			int heading = FeedbackSheet.HEADING_ROW + 1;
			StringBuilder xml = new StringBuilder(this.rows.length() + 2048);
			xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
				.append(MAIN_NS)
				.append("\" xmlns:r=\"")
				.append(REL_NS)
				.append("\"><sheetPr><pageSetUpPr autoPageBreaks=\"1\" fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:")
				.append(lastColumn)
				.append(Math.max(lastRow, FeedbackSheet.HEADING_ROW) + 1)
				.append("\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"")
				.append(heading)
				.append("\" topLeftCell=\"A")
				.append(heading + 1)
				.append("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
						+ "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
			for (int i = 0; i < FeedbackSheet.WIDTHS.length; i++) {
				xml.append("<col min=\"")
					.append(i + 1)
					.append("\" max=\"")
					.append(i + 1)
					.append("\" width=\"")
					.append(FeedbackSheet.WIDTHS[i])
					.append("\" customWidth=\"1\"/>");
			}
			xml.append("</cols><sheetData>").append(this.rows).append("</sheetData>");
			if (lastRow > FeedbackSheet.HEADING_ROW) {
				xml.append("<autoFilter ref=\"A")
					.append(heading)
					.append(':')
					.append(lastColumn)
					.append(lastRow + 1)
					.append("\"/>");
			}
			xml.append("<mergeCells count=\"4\">");
			for (int r = 1; r <= 4; r++) {
				xml.append("<mergeCell ref=\"A").append(r).append(':').append(lastColumn).append(r).append("\"/>");
			}
			xml.append("</mergeCells>");
			if (!this.links.isEmpty()) {
				xml.append("<hyperlinks>").append(this.links).append("</hyperlinks>");
			}
			xml.append("<printOptions horizontalCentered=\"1\"/><pageMargins left=\"0.4\" right=\"0.4\" top=\"")
				.append(vn.tonghop.report.A4.TOP_AND_BOTTOM)
				.append("\" bottom=\"")
				.append(vn.tonghop.report.A4.TOP_AND_BOTTOM)
				.append("\" header=\"0.25\" footer=\"0.25\"/><pageSetup paperSize=\"9\" fitToWidth=\"1\""
						+ " fitToHeight=\"0\" orientation=\"landscape\"/><headerFooter><oddFooter>")
				.append(escape("&C" + FeedbackSheet.PAGE_NUMBERS))
				.append("</oddFooter></headerFooter></worksheet>");
			return xml.toString();
		}

	}

}
