package vn.tonghop.read;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.PackagingURIHelper;

/**
 * Which sheets of an {@code .xlsx} are worksheets, for the streaming path, whose reader
 * lists an Excel 4.0 macro sheet ({@code xl/macrosheets/sheet1.xml}) or a chart sheet as
 * a sheet like any other and cannot tell which is which: read here from the zip, the
 * workbook part's {@code sheet} elements and the types of their relationships. A sheet
 * whose relationship is missing counts as a worksheet, as it did.
 */
final class XlsxSheetKinds {

	private static final String NS_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";

	/** The largest part read: a workbook part of hundreds of sheets is some 50 kB. */
	private static final long MAX_PART_BYTES = 4 * 1024 * 1024;

	/** A relationship: its type and its target. */
	private record Rel(String type, String target) {
	}

	private final Map<String, ZipEntry> entries = new HashMap<>();

	private final ZipEntries zip;

	private XlsxSheetKinds(ZipEntries zip) {
		this.zip = zip;
		for (ZipEntry entry : zip.entries()) {
			// POI finds a part's entry whatever its case and its slashes
			this.entries.putIfAbsent(key(entry.getName()), entry);
		}
	}

	/**
	 * For each {@code /workbook/sheets/sheet} element, in order (the streaming workbook's
	 * sheets), whether it is a worksheet; null when the zip is too odd to tell (every
	 * sheet is then taken as a worksheet).
	 */
	static List<Boolean> worksheets(ZipEntries zip) {
		try {
			return new XlsxSheetKinds(zip).worksheets();
		}
		catch (Exception ex) {
			return null;
		}
	}

	/**
	 * A relationship type of the transitional or the strict schemas, by its last word.
	 */
	private static boolean ofType(String type, String word) {
		return type != null && type.endsWith("/relationships/" + word);
	}

	private List<Boolean> worksheets() throws Exception {
		String workbook = null;
		for (Rel rel : relationships("/_rels/.rels").values()) {
			if (ofType(rel.type(), "officeDocument")) {
				workbook = partName("/", rel.target());
			}
		}
		if (workbook == null) {
			return null;
		}
		int slash = workbook.lastIndexOf('/');
		Map<String, Rel> rels = relationships(
				workbook.substring(0, slash + 1) + "_rels/" + workbook.substring(slash + 1) + ".rels");
		List<Boolean> worksheets = new ArrayList<>();
		try (XlsxXml xml = new XlsxXml(open(workbook))) {
			String namespace = null;
			boolean inSheets = false;
			while (xml.next()) {
				if (xml.isStart()) {
					if (xml.depth() == 1) {
						namespace = xml.namespace();
						if (!"workbook".equals(xml.localName())
								|| !(XlsxXml.NS_MAIN.equals(namespace) || NS_STRICT_MAIN.equals(namespace))) {
							return null;
						}
					}
					else if (xml.depth() == 2) {
						inSheets = "sheets".equals(xml.localName()) && namespace.equals(xml.namespace());
					}
					else if (xml.depth() == 3 && inSheets && "sheet".equals(xml.localName())
							&& namespace.equals(xml.namespace())) {
						Rel rel = rels.get(relationshipId(xml));
						worksheets.add(rel == null || ofType(rel.type(), "worksheet"));
					}
				}
			}
		}
		return worksheets;
	}

	/** A {@code sheet} element's {@code r:id}, of either schema; null for none. */
	private static String relationshipId(XlsxXml xml) {
		XMLStreamReader reader = xml.reader();
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			String namespace = reader.getAttributeNamespace(i);
			if ("id".equals(reader.getAttributeLocalName(i)) && namespace != null
					&& namespace.endsWith("relationships")) {
				return reader.getAttributeValue(i);
			}
		}
		return null;
	}

	/**
	 * The relationships of a relationship part by id; none when there is no such part.
	 */
	private Map<String, Rel> relationships(String part) throws Exception {
		Map<String, Rel> rels = new HashMap<>();
		if (!this.entries.containsKey(key(part))) {
			return rels;
		}
		try (XlsxXml xml = new XlsxXml(open(part))) {
			while (xml.next()) {
				if (xml.isStart() && xml.depth() == 2 && "Relationship".equals(xml.localName())) {
					rels.putIfAbsent(xml.plainAttribute("Id", ""),
							new Rel(xml.plainAttribute("Type", ""), xml.plainAttribute("Target", "")));
				}
			}
		}
		return rels;
	}

	/** The part a relationship's target names, from the folder of its source. */
	private static String partName(String sourceFolder, String target) throws Exception {
		URI uri = PackagingURIHelper.toURI(target);
		if (!uri.toASCIIString().startsWith("/")) {
			uri = PackagingURIHelper.resolvePartUri(new URI(sourceFolder), uri);
		}
		return uri.getPath();
	}

	private InputStream open(String part) throws Exception {
		ZipEntry entry = this.entries.get(key(part));
		if (entry == null || entry.getSize() > MAX_PART_BYTES) {
			throw new IllegalArgumentException("no part " + part + " to read");
		}
		return this.zip.open(entry);
	}

	private static String key(String name) {
		String slashed = name.replace('\\', '/');
		return (slashed.startsWith("/") ? slashed : "/" + slashed).toLowerCase(Locale.ROOT);
	}

}
