package vn.tonghop.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.xssf.usermodel.XSSFRelation;

import vn.tonghop.normalise.TextFold;
import vn.tonghop.read.FastXlsxReader.Unhandled;

/**
 * The shared strings table ({@code xl/sharedStrings.xml}) as POI's
 * {@code ReadOnlySharedStringsTable} reads it for the streaming path.
 */
final class XlsxSharedStrings {

	private static final String TYPE_SHARED_STRINGS = XSSFRelation.SHARED_STRINGS.getContentType();

	private XlsxSharedStrings() {
	}

	/**
	 * The shared strings as POI's {@code ReadOnlySharedStringsTable} reads them (phonetic
	 * runs left out, escapes kept); null for none. An empty table part leaves the list
	 * null too, as there.
	 */
	static List<String> read(XlsxPackage pkg) throws Unhandled, IOException, XMLStreamException {
		XlsxPackage.Part part = pkg.single(TYPE_SHARED_STRINGS);
		if (part == null) {
			return null;
		}
		if (part.entry().getSize() == 0) {
			return null;
		}
		List<String> strings = null;
		StringBuilder characters = null;
		boolean tOpen = false;
		boolean inPhonetic = false;
		try (XlsxXml xml = new XlsxXml(pkg.open(part))) {
			xml.allowCdata();
			while (xml.next()) {
				if (xml.isStart() && xml.inMain()) {
					switch (xml.localName()) {
						case "sst" -> {
							count(xml.plainAttribute("count", null));
							int unique = count(xml.plainAttribute("uniqueCount", null));
							if (unique < 0) {
								throw new Unhandled("negative uniqueCount");
							}
							strings = new ArrayList<>();
							characters = new StringBuilder(64);
						}
						case "si" -> {
							if (characters != null) {
								characters.setLength(0);
							}
						}
						case "t" -> tOpen = true;
						case "rPh" -> inPhonetic = true;
						default -> {
						}
					}
				}
				else if (xml.isEnd() && xml.inMain()) {
					switch (xml.localName()) {
						case "si" -> {
							if (strings != null && characters != null) {
								strings.add(TextFold.shared(characters.toString()));
								if (strings.size() > FastXlsxReader.MAX_SHARED_STRINGS) {
									throw new Unhandled("too many shared strings");
								}
							}
						}
						case "t" -> tOpen = false;
						case "rPh" -> inPhonetic = false;
						default -> {
						}
					}
				}
				else if (xml.isText() && tOpen && !inPhonetic) {
					if (characters == null) {
						// POI would fail on text before the table element
						throw new Unhandled("shared string text outside the table");
					}
					xml.appendText(characters);
				}
			}
		}
		return strings;
	}

	/**
	 * A count attribute of the shared strings table, read as POI does
	 * ({@code (int) Long.parseLong}); 0 when absent.
	 */
	private static int count(String value) throws Unhandled {
		if (value == null) {
			return 0;
		}
		if (!XlsxValues.digits(value, 18)) {
			throw new Unhandled("shared strings count POI may not read: " + value);
		}
		return (int) Long.parseLong(value);
	}

}
