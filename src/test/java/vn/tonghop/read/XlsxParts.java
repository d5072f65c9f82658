package vn.tonghop.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small workbook written part by part, as Excel lays one out, for the tests that need
 * XML no library writes: one visible sheet "Báo cáo" ({@code xl/worksheets/sheet1.xml})
 * whose {@code sheetData} is given, and a styles part whose cell format 1 is a date
 * (format 14). Every part can be replaced, edited or removed before the zip is written.
 */
final class XlsxParts {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	static final String OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

	private final Map<String, String> parts = new LinkedHashMap<>();

	private XlsxParts() {
	}

	/** A workbook of one sheet holding {@code sheetData}'s rows. */
	static XlsxParts withRows(String rows) {
		XlsxParts parts = new XlsxParts();
		parts.put("[Content_Types].xml", HEAD
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
				+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
				+ "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
				+ "</Types>");
		parts.put("_rels/.rels", HEAD + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">"
				+ "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
				+ "<Relationship Id=\"rId1\" Type=\"" + OFFICE_RELATIONSHIPS
				+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		parts.put("docProps/core.xml", core("2026-01-05T08:30:12Z"));
		parts.put("xl/workbook.xml",
				HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE_RELATIONSHIPS + "\">"
						+ "<workbookPr defaultThemeVersion=\"166925\"/>"
						+ "<sheets><sheet name=\"Báo cáo\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
		parts.put("xl/_rels/workbook.xml.rels",
				HEAD + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">" + "<Relationship Id=\"rId1\" Type=\""
						+ OFFICE_RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
						+ "<Relationship Id=\"rId3\" Type=\"" + OFFICE_RELATIONSHIPS
						+ "/styles\" Target=\"styles.xml\"/></Relationships>");
		parts.put("xl/styles.xml", HEAD + "<styleSheet xmlns=\"" + MAIN + "\">"
				+ "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Times New Roman\"/></font></fonts>"
				+ "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
				+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
				+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
				+ "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
				+ "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
				+ "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
				+ "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\""
				+ " defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>");
		parts.put("xl/worksheets/sheet1.xml", sheet(rows));
		return parts;
	}

	/** A worksheet part holding {@code rows} in its {@code sheetData}. */
	static String sheet(String rows) {
		return HEAD + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE_RELATIONSHIPS + "\"><sheetData>" + rows
				+ "</sheetData></worksheet>";
	}

	/** A core properties part created and modified at {@code date}. */
	static String core(String date) {
		return HEAD + "<cp:coreProperties"
				+ " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
				+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
				+ " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>Công đoàn</dc:creator>"
				+ "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:created>"
				+ "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:modified>"
				+ "</cp:coreProperties>";
	}

	/** The part named so, set to {@code xml}. */
	XlsxParts put(String name, String xml) {
		this.parts.put(name, xml);
		return this;
	}

	/**
	 * The part named so, edited: {@code from}, which it must hold, becomes {@code to}.
	 */
	XlsxParts replace(String name, String from, String to) {
		String xml = this.parts.get(name);
		if (xml == null || !xml.contains(from)) {
			throw new IllegalArgumentException(name + " does not hold " + from);
		}
		this.parts.put(name, xml.replace(from, to));
		return this;
	}

	/** The zip, each part an entry named as given. */
	Path write(Path file) throws IOException {
		return write(file, UnaryOperator.identity());
	}

	/** The zip, each part an entry of the name {@code entryName} makes of the part's. */
	Path write(Path file, UnaryOperator<String> entryName) throws IOException {
		try (OutputStream stream = Files.newOutputStream(file); ZipOutputStream out = new ZipOutputStream(stream)) {
			for (Map.Entry<String, String> part : this.parts.entrySet()) {
				out.putNextEntry(new ZipEntry(entryName.apply(part.getKey())));
				out.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return file;
	}

}
