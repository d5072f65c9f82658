package vn.tonghop.read;

import java.io.IOException;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.ContentTypes;
import org.apache.poi.util.LocaleUtil;

import vn.tonghop.read.FastXlsxReader.Unhandled;

/**
 * The checks POI makes on the core properties ({@code docProps/core.xml}) when it opens
 * the package: rules M4.2 to M4.5 of the OPC and dates it can read. A part POI would
 * reject, or might, is left to the streaming path, which gives its message.
 */
final class XlsxCoreProperties {

	private static final String NS_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

	private static final String NS_DCTERMS = "http://purl.org/dc/terms/";

	private static final String NS_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";

	private static final String TYPE_CORE_PROPERTIES = ContentTypes.CORE_PROPERTIES_PART;

	/**
	 * The forms {@code PackagePropertiesPart} parses a date in after it found a time zone
	 * offset and joined its hours and minutes ({@code +07:00}, {@code +0700}).
	 */
	private static final String[] ZONED_DATES = { "yyyy-MM-dd'T'HH:mm:ssz", "yyyy-MM-dd'T'HH:mm:ss.Sz",
			"yyyy-MM-dd'T'HH:mm:ss.SSz", "yyyy-MM-dd'T'HH:mm:ss.SSSz" };

	/**
	 * The forms it parses a date in otherwise, a {@code Z} put at its end if it lacks
	 * one.
	 */
	private static final String[] DATES = { "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.SS'Z'", "yyyy-MM-dd" };

	/** Its time zone offset. */
	private static final Pattern TIME_ZONE = Pattern.compile("([-+]\\d\\d):?(\\d\\d)");

	/** The parsers of those forms, made once for each thread (a parser is not shared). */
	private static final ThreadLocal<Map<String, SimpleDateFormat>> PARSERS = ThreadLocal.withInitial(HashMap::new);

	private XlsxCoreProperties() {
	}

	/** Checks the package's core properties part, if it has one. */
	static void check(XlsxPackage pkg) throws Unhandled, IOException, XMLStreamException {
		XlsxPackage.Part core = null;
		for (XlsxPackage.Part part : pkg.parts()) {
			if (part.contentType().equalsIgnoreCase(TYPE_CORE_PROPERTIES)) {
				if (core != null) {
					throw new Unhandled("two core properties parts");
				}
				core = part;
			}
		}
		if (core == null) {
			return;
		}
		Map<String, StringBuilder> dates = new HashMap<>();
		try (XlsxXml xml = new XlsxXml(pkg.open(core))) {
			String capturing = null;
			int captureDepth = 0;
			while (xml.next()) {
				if (xml.isStart()) {
					checkElement(xml);
					String key = dateKey(xml.namespace(), xml.localName());
					if (key != null && capturing != null) {
						throw new Unhandled("core properties date inside another");
					}
					if (key != null && xml.depth() >= 2 && !dates.containsKey(key)) {
						capturing = key;
						captureDepth = xml.depth();
						dates.put(key, new StringBuilder());
					}
				}
				else if (xml.isText() && capturing != null) {
					dates.get(capturing).append(xml.text());
				}
				else if (xml.isEnd() && capturing != null && xml.depth() == captureDepth) {
					capturing = null;
				}
			}
		}
		for (StringBuilder date : dates.values()) {
			if (!poiReads(date.toString())) {
				throw new Unhandled("core properties date POI may not read: " + date);
			}
		}
	}

	/**
	 * Whether POI reads a date of the core properties: what
	 * {@code PackagePropertiesPart.parseDateValue} does, which opening a package does for
	 * {@code created}, {@code modified} and {@code lastPrinted} (an unread one fails the
	 * file): the forms above, parsed leniently from the start of the text, in UTC. It
	 * reads {@code 2024-01-02T03:04:05Z}, with fractional seconds ({@code 05.123Z}), with
	 * an offset ({@code 05+07:00}, {@code 05.123+07:00}) or a day alone
	 * ({@code 2024-01-02}).
	 */
	static boolean poiReads(String date) {
		if (date.isEmpty()) {
			return true;
		}
		Matcher zone = TIME_ZONE.matcher(date);
		if (zone.find() && parses(ZONED_DATES, date.substring(0, zone.start()) + zone.group(1) + zone.group(2))) {
			return true;
		}
		return parses(DATES, date.endsWith("Z") ? date : date + "Z");
	}

	private static boolean parses(String[] forms, String date) {
		Map<String, SimpleDateFormat> parsers = PARSERS.get();
		for (String form : forms) {
			SimpleDateFormat parser = parsers.computeIfAbsent(form, (pattern) -> {
				SimpleDateFormat made = new SimpleDateFormat(pattern, Locale.ROOT);
				made.setTimeZone(LocaleUtil.TIMEZONE_UTC);
				return made;
			});
			if (parser.parse(date, new ParsePosition(0)) != null) {
				return true;
			}
		}
		return false;
	}

	private static String dateKey(String namespace, String localName) {
		if (NS_DCTERMS.equals(namespace) && ("created".equals(localName) || "modified".equals(localName))) {
			return localName;
		}
		if (NS_CORE_PROPERTIES.equals(namespace) && "lastPrinted".equals(localName)) {
			return localName;
		}
		return null;
	}

	/** Rules M4.2 to M4.5 of the OPC, as POI checks them on the core properties. */
	private static void checkElement(XlsxXml xml) throws Unhandled {
		XMLStreamReader reader = xml.reader();
		for (int i = 0; i < reader.getNamespaceCount(); i++) {
			if (NS_MARKUP_COMPATIBILITY.equals(reader.getNamespaceURI(i))) {
				throw new Unhandled("markup compatibility in the core properties");
			}
		}
		String typeAttribute = null;
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			String namespace = reader.getAttributeNamespace(i);
			String localName = reader.getAttributeLocalName(i);
			if (XMLConstants.XML_NS_URI.equals(namespace) && "lang".equals(localName)) {
				throw new Unhandled("xml:lang in the core properties");
			}
			if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(namespace) && "type".equals(localName)) {
				typeAttribute = reader.getAttributeValue(i);
			}
		}
		if (NS_DCTERMS.equals(xml.namespace())) {
			String prefix = reader.getPrefix();
			if (!("created".equals(xml.localName()) || "modified".equals(xml.localName())) || prefix == null
					|| prefix.isEmpty() || !(prefix + ":W3CDTF").equals(typeAttribute)) {
				throw new Unhandled("Dublin Core terms POI rejects");
			}
		}
	}

}
