package vn.tonghop.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import vn.tonghop.read.FastXlsxReader.Unhandled;

/**
 * A workbook's package as POI opens it, for the fast path: every zip entry a part with
 * its content type, the relationships of every part parsed, the core properties checked
 * ({@link XlsxCoreProperties}), the workbook part found. Its parts are read from here,
 * within the fast path's limits on bytes, and what is made of the parts returns share is
 * taken from {@link XlsxParsedParts}. One instance reads one file.
 */
final class XlsxPackage {

	private static final String NS_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

	private static final String CONTENT_TYPES_ENTRY = "[Content_Types].xml";

	private static final String REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

	private static final String REL_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

	static final String REL_WORKSHEET = XSSFRelation.WORKSHEET.getRelation();

	/**
	 * The relationship types of worksheets, of the transitional and the strict schemas
	 * ({@link XlsxSheetKinds} tells them by their last word).
	 */
	static final Set<String> WORKSHEET_RELATIONS = Set.of(REL_WORKSHEET,
			"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet");

	/**
	 * The relationship types the streaming reader takes as sheets of the workbook: the
	 * worksheets', chart sheets' and Excel 4.0 macro sheets' (xlMacrosheet, of the binary
	 * and the XML macro sheet alike).
	 */
	private static final Set<String> SHEET_RELATIONS = Set.of(REL_WORKSHEET,
			"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet", XSSFRelation.CHARTSHEET.getRelation(),
			XSSFRelation.MACRO_SHEET_BIN.getRelation());

	private static final Set<String> WORKBOOK_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
			XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
			XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType());

	/** A zip entry that POI takes as a part, with its content type. */
	record Part(PackagePartName name, ZipEntry entry, String contentType) {
	}

	/** One relationship of a relationship part. */
	record Rel(String id, String type, String target, boolean external) {
	}

	/** Parses a part. */
	@FunctionalInterface
	interface Parse<T> {

		T parse() throws Unhandled, IOException, XMLStreamException;

	}

	private final ZipEntries zip;

	private final XlsxParsedParts parsed;

	private final Map<PackagePartName, Part> parts = new HashMap<>();

	private final Map<PackagePartName, List<Rel>> relationships = new HashMap<>();

	private long bytesRead;

	private XlsxPackage(ZipEntries zip, XlsxParsedParts parsed) {
		this.zip = zip;
		this.parsed = parsed;
	}

	/** The package of a zip, opened as POI opens it: what POI rejects is left alone. */
	static XlsxPackage open(ZipEntries zip, XlsxParsedParts parsed) throws Unhandled, IOException, XMLStreamException {
		XlsxPackage pkg = new XlsxPackage(zip, parsed);
		ZipEntry contentTypes = pkg.entries();
		pkg.registerParts(contentTypes);
		XlsxCoreProperties.check(pkg);
		pkg.readRelationships();
		return pkg;
	}

	/**
	 * What {@code parse} makes of the entry, or made of the same part in an earlier file
	 * ({@link XlsxParsedParts}); {@code parse} must give the same for the same contents,
	 * and something that does not change.
	 */
	@SuppressWarnings("unchecked")
	<T> T known(int kind, ZipEntry entry, Parse<T> parse) throws Unhandled, IOException, XMLStreamException {
		XlsxParsedParts.Key key = XlsxParsedParts.key(kind, this.zip, entry);
		Object known = this.parsed.get(key);
		if (known != null) {
			// counted as read, within the same limits
			check(entry);
			this.bytesRead += entry.getSize();
			return (T) known;
		}
		this.parsed.parsing(kind);
		T value = parse.parse();
		this.parsed.keep(key, value);
		return value;
	}

	// ---- the zip and the content types ------------------------------------------

	/**
	 * Checks the entries as POI's package does and returns the content types entry.
	 */
	private ZipEntry entries() throws Unhandled {
		List<? extends ZipEntry> all = this.zip.entries();
		if (all.size() > ZipSecureFile.getMaxFileCount()) {
			throw new Unhandled("too many zip entries");
		}
		Set<String> names = new HashSet<>();
		ZipEntry contentTypes = null;
		for (ZipEntry entry : all) {
			String name = entry.getName();
			if (!plainName(name)) {
				throw new Unhandled("unusual entry name: " + name);
			}
			if (!names.add(slashed(name).toLowerCase(Locale.ROOT))) {
				throw new Unhandled("duplicate entry: " + name);
			}
			if (name.equals(CONTENT_TYPES_ENTRY)) {
				contentTypes = entry;
			}
			else if (name.equalsIgnoreCase(CONTENT_TYPES_ENTRY)) {
				throw new Unhandled("content types entry named " + name);
			}
		}
		if (contentTypes == null) {
			throw new Unhandled("no content types entry");
		}
		return contentTypes;
	}

	/**
	 * The name with slashes for backslashes: some old writers name the entries
	 * {@code xl\workbook.xml}, and POI turns a part name's backslashes into slashes
	 * ({@code PackagingURIHelper.toURI}), so both name the same part.
	 */
	private static String slashed(String name) {
		return name.replace('\\', '/');
	}

	private static boolean plainName(String name) {
		if (name.isEmpty() || slashed(name).startsWith("/")) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-' || c == '/' || c == '\\' || c == '[' || c == ']';
			if (!plain) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Gives every entry its part name and content type, as {@code ZipPackage} does: an
	 * entry without a content type, or a part name twice, makes POI reject the file.
	 */
	private void registerParts(ZipEntry contentTypesEntry) throws Unhandled, IOException, XMLStreamException {
		ContentTypes types = known(XlsxParsedParts.CONTENT_TYPES, contentTypesEntry,
				() -> readContentTypes(contentTypesEntry));
		Map<String, String> defaults = types.defaults();
		Map<PackagePartName, String> overrides = types.overrides();
		for (ZipEntry entry : this.zip.entries()) {
			String name = entry.getName();
			if (name.startsWith("[trash]") || name.endsWith("/") || name.equalsIgnoreCase(CONTENT_TYPES_ENTRY)) {
				continue;
			}
			PackagePartName partName;
			try {
				partName = XlsxPartNames.KNOWN.partName(name);
			}
			catch (Exception ex) {
				throw new Unhandled("entry that is no part: " + name);
			}
			String contentType = overrides.get(partName);
			if (contentType == null) {
				contentType = defaults.get(partName.getExtension().toLowerCase(Locale.ROOT));
			}
			if (contentType == null) {
				throw new Unhandled("part without a content type: " + name);
			}
			if (!XlsxPartNames.KNOWN.validContentType(contentType)) {
				throw new Unhandled("invalid content type: " + contentType);
			}
			if (this.parts.put(partName, new Part(partName, entry, contentType)) != null) {
				throw new Unhandled("part name twice: " + name);
			}
		}
	}

	/** The content types by extension and by part name. */
	private record ContentTypes(Map<String, String> defaults, Map<PackagePartName, String> overrides) {
	}

	private ContentTypes readContentTypes(ZipEntry entry) throws Unhandled, IOException, XMLStreamException {
		Map<String, String> defaults = new HashMap<>();
		Map<PackagePartName, String> overrides = new HashMap<>();
		List<String[]> overrideList = new ArrayList<>();
		try (XlsxXml xml = new XlsxXml(open(entry))) {
			while (xml.next()) {
				if (xml.isStart() && xml.depth() >= 2 && NS_CONTENT_TYPES.equals(xml.namespace())) {
					if ("Default".equals(xml.localName())) {
						defaults.put(xml.plainAttribute("Extension", "").toLowerCase(Locale.ROOT),
								xml.plainAttribute("ContentType", ""));
					}
					else if ("Override".equals(xml.localName())) {
						overrideList.add(new String[] { xml.plainAttribute("PartName", ""),
								xml.plainAttribute("ContentType", "") });
					}
				}
			}
		}
		for (String[] override : overrideList) {
			try {
				overrides.put(XlsxPartNames.KNOWN.overridePartName(override[0]), override[1]);
			}
			catch (Exception ex) {
				throw new Unhandled("invalid override part name: " + override[0]);
			}
		}
		return new ContentTypes(Collections.unmodifiableMap(defaults), Collections.unmodifiableMap(overrides));
	}

	// ---- the relationships ------------------------------------------------------

	/**
	 * Parses the package relationships and those of every part, as POI does when it opens
	 * the package.
	 */
	private void readRelationships() throws Unhandled, IOException, XMLStreamException {
		Part root = this.parts.get(PackagingURIHelper.PACKAGE_RELATIONSHIPS_ROOT_PART_NAME);
		if (root == null) {
			throw new Unhandled("no package relationships");
		}
		this.relationships.put(root.name(), readRelationships(root));
		for (Part part : new ArrayList<>(this.parts.values())) {
			if (XlsxPartNames.KNOWN.isRelationshipPart(part.name())) {
				continue;
			}
			Part rels = this.parts.get(XlsxPartNames.KNOWN.relationshipPartName(part.name()));
			if (rels != null) {
				this.relationships.put(part.name(), readRelationships(rels));
			}
		}
	}

	private List<Rel> readRelationships(Part part) throws Unhandled, IOException, XMLStreamException {
		return known(XlsxParsedParts.RELATIONSHIPS, part.entry(), () -> parseRelationships(part));
	}

	private List<Rel> parseRelationships(Part part) throws Unhandled, IOException, XMLStreamException {
		List<Rel> rels = new ArrayList<>();
		boolean core = false;
		try (XlsxXml xml = new XlsxXml(open(part.entry()))) {
			while (xml.next()) {
				if (xml.isStart() && xml.depth() >= 2 && NS_PACKAGE_RELATIONSHIPS.equals(xml.namespace())
						&& "Relationship".equals(xml.localName())) {
					String type = xml.plainAttribute("Type", "");
					if (REL_CORE_PROPERTIES.equals(type)) {
						if (core) {
							throw new Unhandled("two core properties relationships");
						}
						core = true;
					}
					String mode = xml.plainAttribute("TargetMode", null);
					boolean external = mode != null && !mode.toLowerCase(Locale.ROOT).equals("internal");
					rels.add(new Rel(xml.plainAttribute("Id", ""), type, xml.plainAttribute("Target", ""), external));
				}
			}
		}
		return Collections.unmodifiableList(rels);
	}

	/**
	 * The workbook part, the one {@code XSSFReader} finds, of a type the fast path reads.
	 */
	Part workbook() throws Unhandled {
		PackagePartName name = officeDocument(
				this.relationships.get(PackagingURIHelper.PACKAGE_RELATIONSHIPS_ROOT_PART_NAME));
		Part workbook = this.parts.get(name);
		if (workbook == null || !WORKBOOK_TYPES.contains(workbook.contentType())) {
			throw new Unhandled("no workbook part of a known type");
		}
		return workbook;
	}

	private PackagePartName officeDocument(List<Rel> rels) throws Unhandled {
		Rel office = null;
		Set<String> ids = new HashSet<>();
		for (Rel rel : rels) {
			if (!ids.add(rel.id()) || rel.id().isEmpty()) {
				throw new Unhandled("package relationship ids not unique");
			}
			if (REL_OFFICE_DOCUMENT.equals(rel.type())) {
				if (office != null) {
					throw new Unhandled("two office documents");
				}
				office = rel;
			}
		}
		if (office == null) {
			throw new Unhandled("no transitional office document");
		}
		return target(PackagingURIHelper.PACKAGE_ROOT_URI, office);
	}

	/**
	 * The part an internal relationship points to, as
	 * {@code PackageRelationship.getTargetURI()} resolves it.
	 */
	private PackagePartName target(URI source, Rel rel) throws Unhandled {
		if (rel.external()) {
			throw new Unhandled("external target: " + rel.target());
		}
		try {
			PackagePartName name = XlsxPartNames.KNOWN.target(source, rel.target());
			if (!this.parts.containsKey(name)) {
				throw new Unhandled("missing part: " + name);
			}
			return name;
		}
		catch (Unhandled ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new Unhandled("unresolvable target: " + rel.target());
		}
	}

	/** The part a relationship of {@code source} points to. */
	Part target(Part source, Rel rel) throws Unhandled {
		return this.parts.get(target(source.name().getURI(), rel));
	}

	/**
	 * The sheet relationships of the workbook by id, each target a part, as
	 * excel-streaming-reader's sheet map needs them.
	 */
	Map<String, Rel> sheetRelations(Part workbook) throws Unhandled {
		Map<String, Rel> sheets = new HashMap<>();
		Set<String> ids = new HashSet<>();
		for (Rel rel : this.relationships.getOrDefault(workbook.name(), List.of())) {
			if (!ids.add(rel.id()) || rel.id().isEmpty()) {
				throw new Unhandled("workbook relationship ids not unique");
			}
			if (SHEET_RELATIONS.contains(rel.type())) {
				target(workbook.name().getURI(), rel);
				sheets.put(rel.id(), rel);
			}
		}
		return sheets;
	}

	// ---- the parts --------------------------------------------------------------

	/** The parts, by name. */
	Iterable<Part> parts() {
		return this.parts.values();
	}

	/**
	 * The one part of a content type, null for none; the streaming reader takes the first
	 * one, so two are left to it.
	 */
	Part single(String contentType) throws Unhandled {
		Part found = null;
		for (Part part : this.parts.values()) {
			if (part.contentType().equalsIgnoreCase(contentType)) {
				if (found != null || !part.contentType().equals(contentType)) {
					throw new Unhandled("unusual parts of type " + contentType);
				}
				found = part;
			}
		}
		return found;
	}

	/** A part's bytes, read within the limits. */
	byte[] bytes(Part part) throws Unhandled, IOException {
		try (InputStream in = open(part)) {
			return in.readAllBytes();
		}
	}

	InputStream open(Part part) throws Unhandled, IOException {
		return open(part.entry());
	}

	/** An entry's bytes, streamed, within the limits. */
	private InputStream open(ZipEntry entry) throws Unhandled, IOException {
		check(entry);
		return new Limited(this.zip.open(entry), this);
	}

	/** The limits, before an entry is read. */
	private void check(ZipEntry entry) throws Unhandled {
		long size = entry.getSize();
		if (size < 0 || size > FastXlsxReader.MAX_ENTRY_BYTES) {
			throw new Unhandled("entry too large or of unknown size: " + entry.getName());
		}
		if (this.bytesRead + size > FastXlsxReader.MAX_TOTAL_BYTES) {
			throw new Unhandled("too many bytes in all");
		}
	}

	/**
	 * An entry's stream that stops at {@link FastXlsxReader#MAX_ENTRY_BYTES} and counts
	 * what the reading took in all.
	 */
	private static final class Limited extends FilterInputStream {

		private final XlsxPackage pkg;

		private long count;

		Limited(InputStream in, XlsxPackage pkg) {
			super(in);
			this.pkg = pkg;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				took(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				took(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			if (skipped > 0) {
				took(skipped);
			}
			return skipped;
		}

		private void took(long n) throws IOException {
			this.count += n;
			this.pkg.bytesRead += n;
			if (this.count > FastXlsxReader.MAX_ENTRY_BYTES || this.pkg.bytesRead > FastXlsxReader.MAX_TOTAL_BYTES) {
				throw new IOException("entry or file over the size limits");
			}
		}

	}

}
