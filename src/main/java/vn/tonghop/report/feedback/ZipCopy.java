package vn.tonghop.report.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;

import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.read.WorkbookReader;

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

	static final Pattern A1 = Pattern.compile("([A-Z]{1,3})([0-9]{1,7})");

	private static final Pattern VML_DEFAULT = Pattern.compile("Extension=\"vml\"", Pattern.CASE_INSENSITIVE);

	static final SpreadsheetVersion VERSION = SpreadsheetVersion.EXCEL2007;

	/** Thrown inside when the source has something this writer does not handle. */
	static final class Unsupported extends Exception {

		private static final long serialVersionUID = 1L;

		Unsupported(String why) {
			super(why, null, false, false);
		}

	}

	/**
	 * The parts that are the same in the returns made from one form, read as they are and
	 * changed the same way by every copy: read, they are kept decoded from one copy to
	 * the next with the package's relationships ({@link ZipCodec#decoded}); written,
	 * their deflated bytes may be taken from an earlier copy's
	 * ({@link ZipCodec#deflate}).
	 */
	static final Set<String> FORM_PARTS = Set.of("xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
			"[Content_Types].xml");

	final Instructions instructions;

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
	record SheetRef(String name, int index, String part, String relId) {
	}

	/** A finding and where it sits: sheet and cell, or none. */
	record Located(FeedbackItem item, SheetRef sheet, CellAddress address, int order) {

		boolean located() {
			return this.sheet != null && this.address != null;
		}

	}

	/**
	 * The changed parts of the copy, or {@code null} when this writer does not handle the
	 * source, a zip or not (the caller then uses POI).
	 */
	Prepared prepare(Path source, String unionCode, String unionName, List<FeedbackItem> items) throws IOException {
		if (Files.size(source) > MAX_PART) {
			return null;
		}
		byte[] bytes = Files.readAllBytes(source);
		try {
			// told from the bytes read, as the reader tells them (an .xls is OLE2)
			if (WorkbookReader.detect(source, bytes) != WorkbookReader.Format.OOXML) {
				return null;
			}
		}
		catch (UnreadableFileException ex) {
			return null;
		}
		try {
			ZipParts zip = new ZipParts(bytes);
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

		/**
		 * The parts that come out the same in the copies of returns made from one form:
		 * their deflated bytes may be taken from an earlier copy's. The marked sheets'
		 * relationships are added as they are met.
		 */
		private final Set<String> repeating = new HashSet<>(FORM_PARTS);

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
			for (Map<String, String> rel : ZipXml.elements(rootRels, "Relationship")) {
				if ((REL_NS + "/officeDocument").equals(rel.get("Type"))) {
					workbookPart = ZipXml.stripSlash(rel.get("Target"));
				}
			}
			if (!"xl/workbook.xml".equals(workbookPart)) {
				throw new Unsupported("workbook part " + workbookPart);
			}
			String workbook = text("xl/workbook.xml");
			String workbookRels = text("xl/_rels/workbook.xml.rels");
			String types = text("[Content_Types].xml");
			String styles = raw("xl/styles.xml");
			if (!ZipXml.rootElementIs(workbook, "workbook") || !ZipXml.rootElementIs(styles, "styleSheet")
					|| !workbookRels.contains(PKG_REL_NS)) {
				throw new Unsupported("namespaces");
			}
			Map<String, Map<String, String>> relsById = new HashMap<>();
			for (Map<String, String> rel : ZipXml.elements(workbookRels, "Relationship")) {
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
			for (Map<String, String> sheet : ZipXml.elements(workbook.substring(sheetsStart, sheetsEnd), "sheet")) {
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
				String name = ZipXml.unescape(sheet.get("name"));
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
					String xml = raw(sheet.part());
					// CDATA, comments (and a DOCTYPE): one scan for "<!" finds them all
					if (!ZipXml.rootElementIs(xml, "worksheet") || xml.indexOf("<!") >= 0) {
						throw new Unsupported("sheet namespace");
					}
					sheetXml.put(sheet, xml);
					merged.put(sheet, ZipXml.mergedRegions(xml));
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

			ZipStyles styleSheet = new ZipStyles(styles);
			StringBuilder newTypes = new StringBuilder();
			int vmlNumber = 0;
			int commentsNumber = 0;
			for (Map.Entry<SheetRef, TreeMap<CellAddress, List<FeedbackItem>>> sheetMarks : marks.entrySet()) {
				SheetRef sheet = sheetMarks.getKey();
				String xml = sheetXml.get(sheet);
				String relsPart = "xl/worksheets/_rels/" + sheet.part().substring("xl/worksheets/".length()) + ".rels";
				String rels = this.zip.contains(relsPart) ? text(relsPart) : null;
				this.repeating.add(relsPart);
				if (xml.indexOf("<legacyDrawing", ZipXml.afterSheetData(xml)) >= 0
						|| (rels != null && rels.contains(REL_NS + "/comments\""))) {
					throw new Unsupported("comments already");
				}
				Map<CellAddress, Boolean> severity = new TreeMap<>();
				sheetMarks.getValue()
					.forEach((address, list) -> severity.put(address, list.stream().anyMatch(FeedbackItem::isError)));
				xml = new ZipSheetCells(xml, styleSheet).mark(severity);
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
				this.added.put(commentsPart, ZipXml.utf8(comments(sheetMarks.getValue())));
				this.added.put(vmlPart, ZipXml.utf8(vml(vmlNumber, sheetMarks.getValue())));
				newTypes.append("<Override PartName=\"/")
					.append(commentsPart)
					.append("\" ContentType=\"")
					.append(COMMENTS_CONTENT)
					.append("\"/>");
				String vmlId = ZipXml.freeId(rels, 1);
				String commentsId = ZipXml.freeId(rels, Integer.parseInt(vmlId.substring(3)) + 1);
				String newRels = "<Relationship Id=\"" + vmlId + "\" Type=\"" + REL_NS
						+ "/vmlDrawing\" Target=\"../drawings/vmlDrawing" + vmlNumber + ".vml\"/><Relationship Id=\""
						+ commentsId + "\" Type=\"" + REL_NS + "/comments\" Target=\"../comments" + commentsNumber
						+ ".xml\"/>";
				if (rels == null) {
					this.added.put(relsPart, ZipXml
						.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
								+ PKG_REL_NS + "\">" + newRels + "</Relationships>"));
				}
				else {
					int end = rels.lastIndexOf("</Relationships>");
					if (end < 0) {
						throw new Unsupported("rels");
					}
					this.replaced.put(relsPart, ZipXml.utf8(rels.substring(0, end) + newRels + rels.substring(end)));
				}
				xml = ZipXml.insertLegacyDrawing(xml, vmlId);
				sheetXml.put(sheet, xml);
			}

			// every sheet unselected: the feedback sheet is the selected one
			for (SheetRef sheet : sheets) {
				String xml = sheetXml.containsKey(sheet) ? sheetXml.get(sheet) : raw(sheet.part());
				String unselected = ZipXml.unselect(xml);
				if (sheetXml.containsKey(sheet) || unselected != xml) {
					this.replaced.put(sheet.part(), ZipXml.latin1(unselected));
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
			FeedbackSheetXml feedback = new FeedbackSheetXml(styleSheet, ZipCopy.this.instructions);
			int lastRow = feedback.rows(unionCode, unionName, source.getFileName().toString(), located);
			this.added.put(feedbackPart, ZipXml.utf8(feedback.sheet(lastRow)));
			newTypes.append("<Override PartName=\"/")
				.append(feedbackPart)
				.append("\" ContentType=\"")
				.append(WORKSHEET_CONTENT)
				.append("\"/>");
			this.replaced.put("xl/styles.xml", styleSheet.bytes());

			// workbook: the sheet first, selected; positions shifted
			String sheetRelId = ZipXml.freeId(workbookRels, 1);
			String entry = "<sheet xmlns:r=\"" + REL_NS + "\" name=\"" + ZipXml.escape(FeedbackSheet.NAME)
					+ "\" sheetId=\"" + (maxSheetId + 1) + "\" r:id=\"" + sheetRelId + "\"/>";
			String wb = workbook.substring(0, sheetsStart + "<sheets>".length()) + entry
					+ workbook.substring(sheetsStart + "<sheets>".length());
			wb = ZipXml.shiftLocalSheetIds(wb);
			wb = ZipXml.firstTabUnset(wb);
			String quoted = FeedbackSheet.quote(FeedbackSheet.NAME);
			String names = "";
			if (lastRow > FeedbackSheet.HEADING_ROW) {
				names += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
						+ ZipXml.escape(quoted + "!$A$" + (FeedbackSheet.HEADING_ROW + 1) + ":$G$" + (lastRow + 1))
						+ "</definedName>";
			}
			names += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">"
					+ ZipXml.escape(
							quoted + "!$" + (FeedbackSheet.HEADING_ROW + 1) + ":$" + (FeedbackSheet.HEADING_ROW + 1))
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
			this.replaced.put("xl/workbook.xml", ZipXml.utf8(wb));
			int relsEnd = workbookRels.lastIndexOf("</Relationships>");
			if (relsEnd < 0) {
				throw new Unsupported("workbook rels");
			}
			this.replaced.put("xl/_rels/workbook.xml.rels",
					ZipXml.utf8(workbookRels.substring(0, relsEnd) + "<Relationship Id=\"" + sheetRelId + "\" Type=\""
							+ WORKSHEET_TYPE + "\" Target=\"worksheets/sheet" + sheetNumber + ".xml\"/>"
							+ workbookRels.substring(relsEnd)));
			if (!marks.isEmpty() && !VML_DEFAULT.matcher(types).find()) {
				newTypes.append("<Default Extension=\"vml\" ContentType=\"").append(VML_CONTENT).append("\"/>");
			}
			int typesEnd = types.lastIndexOf("</Types>");
			if (typesEnd < 0) {
				throw new Unsupported("content types");
			}
			this.replaced.put("[Content_Types].xml",
					ZipXml.utf8(types.substring(0, typesEnd) + newTypes + types.substring(typesEnd)));
			return new Prepared(this.zip.copy(this.replaced, this.added, this.repeating));
		}

		private String text(String name) throws Unsupported {
			return text(name, StandardCharsets.UTF_8);
		}

		/**
		 * The part's UTF-8 bytes one char each: what this class changes in it is ASCII,
		 * so the rest goes back byte for byte through {@link #latin1}, and decoding costs
		 * a copy.
		 */
		private String raw(String name) throws Unsupported {
			return text(name, StandardCharsets.ISO_8859_1);
		}

		private String text(String name, java.nio.charset.Charset charset) throws Unsupported {
			ZipParts.Entry entry = this.zip.entry(name);
			if (entry == null) {
				throw new Unsupported("no part " + name);
			}
			boolean alike = FORM_PARTS.contains(name) || name.equals("_rels/.rels");
			String key = alike ? name + "/" + charset.name() : null;
			ZipCodec codec = ZipCodec.current();
			if (key != null) {
				String kept = codec.decoded(key, entry, this.zip.bytes());
				if (kept != null) {
					return kept;
				}
			}
			byte[] bytes = this.zip.content(entry);
			if (bytes.length > 2 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
					&& (bytes[2] & 0xFF) == 0xBF) {
				throw new Unsupported("byte order mark");
			}
			if (bytes.length > 1 && (bytes[0] == (byte) 0xFE || bytes[0] == (byte) 0xFF)) {
				throw new Unsupported("UTF-16");
			}
			String text = new String(bytes, charset);
			int declarationEnd = text.startsWith("<?xml") ? text.indexOf("?>") : -1;
			if (declarationEnd > 0) {
				String declaration = text.substring(0, declarationEnd).toLowerCase(Locale.ROOT);
				if (declaration.contains("encoding") && !declaration.contains("utf-8")) {
					throw new Unsupported("encoding");
				}
			}
			if (key != null) {
				codec.keepDecoded(key, entry, this.zip.bytes(), text);
			}
			return text;
		}

	}

	private String comments(TreeMap<CellAddress, List<FeedbackItem>> marks) {
		StringBuilder xml = new StringBuilder(1024);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<comments xmlns=\"")
			.append(MAIN_NS)
			.append("\"><authors><author>")
			.append(ZipXml.escape(CellMarks.AUTHOR))
			.append("</author></authors><commentList>");
		CellMarks text = new CellMarks(null, this.instructions);
		marks.forEach((address, items) -> xml.append("<comment ref=\"")
			.append(address.formatAsString())
			.append("\" authorId=\"0\"><text><t xml:space=\"preserve\">")
			.append(ZipXml.escape(text.commentText(items)))
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

}
