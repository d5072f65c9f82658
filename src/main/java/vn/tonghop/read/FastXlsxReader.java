package vn.tonghop.read;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.ContentTypes;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.internal.ContentType;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import vn.tonghop.normalise.LegacyText;
import vn.tonghop.normalise.TextFold;

/**
 * The fast path for {@code .xlsx} and {@code .xlsm}: reads the return sheet with
 * {@link ZipFile} and StAX, without POI's package model, XMLBeans or the streaming
 * reader, and gives exactly the cells {@link WorkbookReader}'s streaming path gives.
 * <p>
 * It handles the common case only. Whenever a file holds anything it does not read
 * exactly like the streaming path (a legacy font, a formula without a cached value, a
 * date cell in ISO form, a DOCTYPE, Strict OOXML, an unusual package, an oversized part,
 * XML the streaming path would reject or read differently…) it answers "not handled" and
 * the caller reads the file the usual way, which also produces the proper message for a
 * damaged file. It never throws, and one instance may serve several threads.
 * <p>
 * What the streaming path does, and this class mirrors, in short: POI opens the package
 * (every zip entry needs a content type, every relationship part of a part is parsed, the
 * core properties are checked), the workbook's {@code sheet} elements give the sheet
 * names and states, shared strings are read as plain text without phonetic runs (and
 * {@code _xHHHH_} escapes are decoded when a cell's text is taken), the cell styles give
 * each cell its number format, and the sheet XML is streamed with the state machine of
 * excel-streaming-reader's row iterator.
 */
final class FastXlsxReader {

	static final String NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String NS_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

	private static final String NS_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";

	private static final String NS_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

	private static final String NS_DCTERMS = "http://purl.org/dc/terms/";

	private static final String NS_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";

	private static final String CONTENT_TYPES_ENTRY = "[Content_Types].xml";

	private static final String REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

	private static final String REL_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

	private static final String REL_WORKSHEET = XSSFRelation.WORKSHEET.getRelation();

	/** The relationship types the streaming reader takes as sheets of the workbook. */
	private static final Set<String> SHEET_RELATIONS = Set.of(REL_WORKSHEET,
			"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet", XSSFRelation.CHARTSHEET.getRelation(),
			XSSFRelation.MACRO_SHEET_BIN.getRelation());

	private static final Set<String> WORKBOOK_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
			XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
			XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType());

	private static final String TYPE_SHARED_STRINGS = XSSFRelation.SHARED_STRINGS.getContentType();

	private static final String TYPE_STYLES = XSSFRelation.STYLES.getContentType();

	private static final String TYPE_THEME = XSSFRelation.THEME.getContentType();

	private static final String TYPE_CORE_PROPERTIES = ContentTypes.CORE_PROPERTIES_PART;

	/**
	 * The largest entry read, uncompressed. POI's zip-bomb check ({@link ZipSecureFile})
	 * looks at the inflate ratio only once an entry is past this size (its default grace
	 * size); below it, both paths read the same bytes. Anything larger goes to the
	 * streaming path, which applies POI's limits (min inflate ratio 0.01, max entry size
	 * 4 GB) and rejects with its own message.
	 */
	static final long MAX_ENTRY_BYTES = 100 * 1024;

	/** The most uncompressed bytes read from one file. */
	static final long MAX_TOTAL_BYTES = 1024 * 1024;

	static final int MAX_SHARED_STRINGS = 100_000;

	static final int MAX_CELLS = 100_000;

	private static final Pattern HEX_PAIRS = Pattern.compile("(?:[0-9A-Fa-f]{2})*");

	/** An {@code _xHHHH_} escape, as {@code XSSFRichTextString} decodes it. */
	private static final Pattern UTF_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	/** A date in the core properties as POI surely reads it. */
	private static final DateTimeFormatter W3CDTF = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	/** Why the fast path left a file with a DOCTYPE: Excel never writes one. */
	static final String DOCTYPE = "DOCTYPE declaration";

	/** What excel-streaming-reader puts before the code of an error cell's text. */
	private static final String ERROR_PREFIX = "ERROR:  ";

	/**
	 * One factory per thread: the reader is shared by the ingest partitions' threads, and
	 * StAX does not promise that a factory may create readers for several at once.
	 */
	private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(FastXlsxReader::xmlInputFactory);

	/** The fast path's answer for a file: the cells, or why it left the file alone. */
	record Attempt(SheetCells cells, String fallback) {

		boolean handled() {
			return this.cells != null;
		}

	}

	/**
	 * The fast path's answer for a file, read without limits (the tests compare it): as
	 * the ingest reads a return, from its bytes, unless its zip is of a kind
	 * {@link MemoryZip} leaves to the JDK's zip code.
	 */
	Attempt attempt(Path file) {
		try (ZipEntries zip = inMemoryOrOnDisk(file)) {
			return attempt(zip, ReadLimits.Budget.NONE);
		}
		catch (IOException ex) {
			return new Attempt(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private static ZipEntries inMemoryOrOnDisk(Path file) throws IOException {
		MemoryZip inMemory = MemoryZip.open(Files.readAllBytes(file));
		return (inMemory != null) ? inMemory : ZipEntries.of(new ZipFile(file.toFile()));
	}

	/**
	 * The fast path's answer for a workbook whose zip is open, within a file's budget: a
	 * file over it is not left to the other reader but stopped
	 * ({@link ReadLimits.LimitExceeded}).
	 */
	Attempt attempt(ZipEntries zip, ReadLimits.Budget budget) {
		try {
			return new Attempt(new Reading(zip, budget, this.parsed).read(), null);
		}
		catch (ReadLimits.LimitExceeded ex) {
			throw ex;
		}
		catch (Unhandled ex) {
			return new Attempt(null, ex.getMessage());
		}
		catch (Exception ex) {
			return new Attempt(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	/**
	 * Aalto's StAX parser, about twice as fast as the JDK's on these small parts, set as
	 * POI sets its own: namespace aware, not validating, no DTD, no external entities.
	 * Whatever it reads differently from the streaming path's parser (an entity it does
	 * not know, CDATA, a DOCTYPE) is refused by {@link Xml} or fails the attempt, and the
	 * file goes to the streaming path.
	 */
	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = new InputFactoryImpl();
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	/**
	 * The part names and content types of the common workbook, checked by POI once: every
	 * return has the same dozen, and POI's checks of a name are a fair part of reading a
	 * small workbook. Bounded, so a run of odd files cannot fill memory; a name that
	 * fails is checked (and fails) anew each time.
	 */
	private static final Known KNOWN = new Known();

	private static final class Known {

		private static final int MAX_ENTRIES = 1000;

		private final Map<String, PackagePartName> zipItems = new ConcurrentHashMap<>();

		private final Map<String, PackagePartName> overrides = new ConcurrentHashMap<>();

		private final Set<String> contentTypes = ConcurrentHashMap.newKeySet();

		/** The part of a zip entry, as the package names it. */
		PackagePartName partName(String zipItemName) throws InvalidFormatException {
			PackagePartName name = this.zipItems.get(zipItemName);
			if (name == null) {
				name = PackagingURIHelper.createPartName(ZipHelper.getOPCNameFromZipItemName(zipItemName));
				remember(this.zipItems, zipItemName, name);
			}
			return name;
		}

		/** The part an {@code Override} of the content types names. */
		PackagePartName overridePartName(String partName) throws InvalidFormatException, URISyntaxException {
			PackagePartName name = this.overrides.get(partName);
			if (name == null) {
				name = PackagingURIHelper.createPartName(new URI(partName));
				remember(this.overrides, partName, name);
			}
			return name;
		}

		private final Map<PackagePartName, PackagePartName> relationshipParts = new ConcurrentHashMap<>();

		private final Map<PackagePartName, Boolean> relationshipPartNames = new ConcurrentHashMap<>();

		private final Map<String, PackagePartName> targets = new ConcurrentHashMap<>();

		/** The name of a part's relationship part, as POI makes it. */
		PackagePartName relationshipPartName(PackagePartName part) {
			return memo(this.relationshipParts, part, PackagingURIHelper::getRelationshipPartName);
		}

		/** Whether a part is a relationship part, as POI tells. */
		boolean isRelationshipPart(PackagePartName part) {
			return memo(this.relationshipPartNames, part, PackagePartName::isRelationshipPartURI);
		}

		/** What {@code make} gives for a key, made once while the map is not full. */
		private static <K, V> V memo(Map<K, V> map, K key, Function<K, V> make) {
			V value = map.get(key);
			if (value == null) {
				value = make.apply(key);
				if (map.size() < MAX_ENTRIES) {
					map.put(key, value);
				}
			}
			return value;
		}

		/**
		 * The part a relationship's target names from its source part, as POI resolves
		 * it; a target that does not resolve throws, and is tried anew each time.
		 */
		PackagePartName target(URI source, String target) throws InvalidFormatException, URISyntaxException {
			String key = source.toASCIIString() + '\n' + target;
			PackagePartName name = this.targets.get(key);
			if (name == null) {
				URI uri = PackagingURIHelper.toURI(target);
				if (!uri.toASCIIString().startsWith("/")) {
					uri = PackagingURIHelper.resolvePartUri(source, uri);
				}
				name = PackagingURIHelper.createPartName(uri);
				remember(this.targets, key, name);
			}
			return name;
		}

		/** Whether POI reads the content type. */
		boolean validContentType(String contentType) {
			if (this.contentTypes.contains(contentType)) {
				return true;
			}
			try {
				new ContentType(contentType);
			}
			catch (Exception ex) {
				return false;
			}
			if (this.contentTypes.size() < MAX_ENTRIES) {
				this.contentTypes.add(contentType);
			}
			return true;
		}

		private static <V> void remember(Map<String, V> map, String key, V value) {
			if (map.size() < MAX_ENTRIES && key.length() <= 200) {
				map.put(key, value);
			}
		}

	}

	/** Something the fast path leaves to the streaming path; the message says what. */
	private static final class Unhandled extends Exception {

		private static final long serialVersionUID = 1L;

		Unhandled(String reason) {
			super(reason, null, false, false);
		}

	}

	/** A zip entry that POI takes as a part, with its content type. */
	private record Part(PackagePartName name, ZipEntry entry, String contentType) {
	}

	/** One relationship of a relationship part. */
	private record Rel(String id, String type, String target, boolean external) {
	}

	/** A sheet of the workbook: its name, whether it is hidden, its relationship. */
	private record SheetRef(String name, boolean hidden, String relationshipId) {
	}

	/**
	 * A cell style as the streaming path sees it: the number format index as
	 * {@code XSSFCellStyle.getDataFormat()} gives it and the format string.
	 */
	private static final class CellXf {

		/** Formats DataFormatter formats any finite number with, without fail. */
		private static final Set<Integer> PLAIN_NUMBER_FORMATS = Set.of(0, 1, 2, 3, 4, 9, 10);

		final short formatIndex;

		final String format;

		/** Whether numbers in this format need a trial formatting; see below. */
		final boolean formatChecked;

		private int date = -1;

		CellXf(short formatIndex, String format) {
			this.formatIndex = formatIndex;
			this.format = format;
			this.formatChecked = format != null && !(PLAIN_NUMBER_FORMATS.contains((int) formatIndex)
					&& format.equals(BuiltinFormats.getBuiltinFormat(formatIndex)));
		}

		/**
		 * {@code DateUtil.isADateFormat} for this style, worked out once (it depends on
		 * the format alone); a format it fails on counts as no date, as in
		 * {@code WorkbookReader.numeric}.
		 */
		boolean isDateFormat() {
			if (this.date < 0) {
				try {
					this.date = DateUtil.isADateFormat(this.formatIndex, this.format) ? 1 : 0;
				}
				catch (RuntimeException ex) {
					this.date = 0;
				}
			}
			return this.date == 1;
		}

	}

	/** The cell formats of the workbook, in {@code cellXfs} order. */
	private record Styles(List<CellXf> xfs) {

		/** {@code StylesTable.getStyleAt}: null out of range. */
		CellXf at(int index) {
			return (index >= 0 && index < this.xfs.size()) ? this.xfs.get(index) : null;
		}

	}

	/**
	 * A part of a zip held in memory, known by what the zip holds of it: its name,
	 * method, sizes, CRC and stored (compressed) bytes. Parts with equal keys unzip to
	 * the same contents, which is told without unzipping them.
	 */
	private static final class PartKey {

		private final int kind;

		private final String name;

		private final int method;

		private final long crc;

		private final long size;

		private final byte[] bytes;

		private final int offset;

		private final int length;

		private final int hash;

		PartKey(int kind, ZipEntry entry, ZipEntries.Stored stored) {
			this(kind, entry.getName(), entry.getMethod(), entry.getCrc(), entry.getSize(), stored.bytes(),
					stored.offset(), stored.length());
		}

		private PartKey(int kind, String name, int method, long crc, long size, byte[] bytes, int offset, int length) {
			this.kind = kind;
			this.name = name;
			this.method = method;
			this.crc = crc;
			this.size = size;
			this.bytes = bytes;
			this.offset = offset;
			this.length = length;
			// the CRC stands for the contents: the bytes are compared, not hashed
			this.hash = Objects.hash(kind, name, method, crc, size, length);
		}

		/** This key with a copy of its bytes: the file's bytes are not kept. */
		PartKey kept() {
			return new PartKey(this.kind, this.name, this.method, this.crc, this.size,
					Arrays.copyOfRange(this.bytes, this.offset, this.offset + this.length), 0, this.length);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PartKey key && key.hash == this.hash && key.kind == this.kind
					&& key.method == this.method && key.crc == this.crc && key.size == this.size
					&& key.length == this.length && key.name.equals(this.name) && Arrays.equals(key.bytes, key.offset,
							key.offset + key.length, this.bytes, this.offset, this.offset + this.length);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	/** The parts {@link Parsed} keeps, by what is made of them. */
	private static final int CONTENT_TYPES = 0;

	private static final int RELATIONSHIPS = 1;

	private static final int WORKBOOK = 2;

	private static final int STYLES = 3;

	private static final int THEME = 4;

	/**
	 * What was made of the package's parts read so far (content types, relationships, the
	 * workbook's list of sheets, the cell formats, a theme's check), by their
	 * {@link PartKey}: the returns saved by one program from one form carry the same
	 * parts, and unzipping and parsing them again was some 14% of the ingest threads'
	 * time. Only what was read without a reason to leave the file is kept, and only of a
	 * zip held in memory (every return of a few kilobytes). Once it holds
	 * {@link #MAX_ENTRIES} it starts again, and the parts that come back come back into
	 * it. (A {@link CellXf} works out whether it is a date once, whichever thread asks
	 * first: the answer is the same.)
	 */
	private static final class Parsed {

		private static final int MAX_ENTRIES = 128;

		/** Parts stored in more bytes than this are not kept. */
		private static final int MAX_STORED_BYTES = 16 * 1024;

		private final Map<PartKey, Object> known = new ConcurrentHashMap<>();

		private final AtomicLongArray parsed = new AtomicLongArray(THEME + 1);

		/** The key of an entry of the zip, or null when none is kept for it. */
		static PartKey key(int kind, ZipEntries zip, ZipEntry entry) {
			ZipEntries.Stored stored = zip.stored(entry);
			return (stored != null && stored.length() <= MAX_STORED_BYTES) ? new PartKey(kind, entry, stored) : null;
		}

		Object get(PartKey key) {
			return (key != null) ? this.known.get(key) : null;
		}

		/** A part is parsed: it was not known. */
		void parsing(int kind) {
			this.parsed.incrementAndGet(kind);
		}

		/** What was made of a part, kept when it has a key. */
		void keep(PartKey key, Object value) {
			if (key != null) {
				if (this.known.size() >= MAX_ENTRIES) {
					this.known.clear();
				}
				this.known.put(key.kept(), value);
			}
		}

	}

	private final Parsed parsed = new Parsed();

	/** How many style sheets this reader parsed (not found among those seen). */
	long styleSheetsParsed() {
		return this.parsed.parsed.get(STYLES);
	}

	/**
	 * How many parts of the kinds {@link Parsed} keeps this reader parsed (or began to: a
	 * part that makes the reader leave its file is parsed again next time).
	 */
	long partsParsed() {
		long all = 0;
		for (int kind = 0; kind <= THEME; kind++) {
			all += this.parsed.parsed.get(kind);
		}
		return all;
	}

	/** The reading of one file. */
	private static final class Reading {

		private final ZipEntries zip;

		private final Map<PackagePartName, Part> parts = new HashMap<>();

		private long bytesRead;

		private DataFormatter formatter;

		private final ReadLimits.Budget budget;

		private final Parsed parsed;

		Reading(ZipEntries zip, ReadLimits.Budget budget, Parsed parsed) {
			this.zip = zip;
			this.budget = budget;
			this.parsed = parsed;
		}

		/** Parses a part. */
		@FunctionalInterface
		private interface Parse<T> {

			T parse() throws Unhandled, IOException, XMLStreamException;

		}

		/**
		 * What {@code parse} makes of the entry, or made of the same part in an earlier
		 * file ({@link Parsed}); {@code parse} must give the same for the same contents,
		 * and something that does not change.
		 */
		@SuppressWarnings("unchecked")
		private <T> T known(int kind, ZipEntry entry, Parse<T> parse)
				throws Unhandled, IOException, XMLStreamException {
			PartKey key = Parsed.key(kind, this.zip, entry);
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

		SheetCells read() throws Unhandled, IOException, XMLStreamException, URISyntaxException {
			ZipEntry contentTypes = entries();
			registerParts(contentTypes);
			checkCoreProperties();
			Map<PackagePartName, List<Rel>> relationships = relationships();

			PackagePartName workbookName = officeDocument(
					relationships.get(PackagingURIHelper.PACKAGE_RELATIONSHIPS_ROOT_PART_NAME));
			Part workbook = this.parts.get(workbookName);
			if (workbook == null || !WORKBOOK_TYPES.contains(workbook.contentType())) {
				throw new Unhandled("no workbook part of a known type");
			}
			Map<String, Rel> sheetRelations = sheetRelations(workbook, relationships);
			List<SheetRef> sheets = sheets(workbook);
			if (sheets.isEmpty()) {
				throw new Unhandled("no sheets");
			}
			for (SheetRef sheet : sheets) {
				if (!sheetRelations.containsKey(sheet.relationshipId())) {
					throw new Unhandled("sheet without its part: " + sheet.name());
				}
			}
			List<WorkbookReader.SheetEntry> entries = new ArrayList<>();
			for (SheetRef sheet : sheets) {
				entries.add(new WorkbookReader.SheetEntry(sheet.name(), sheet.hidden()));
			}
			SheetRef chosen = sheets.get(WorkbookReader.chooseSheet(entries));
			Rel chosenRelation = sheetRelations.get(chosen.relationshipId());
			if (!REL_WORKSHEET.equals(chosenRelation.type())) {
				throw new Unhandled("the chosen sheet is not a worksheet");
			}
			Part sheetPart = this.parts.get(target(workbook.name().getURI(), chosenRelation));

			List<String> sharedStrings = sharedStrings();
			Styles styles = styles();
			SheetCells cells = new SheetCells(chosen.name(), this.budget);
			new SheetReader(this, styles, sharedStrings, cells).read(open(sheetPart));
			return cells;
		}

		// ---- the package --------------------------------------------------------

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
				if (!names.add(name.toLowerCase(Locale.ROOT))) {
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

		private static boolean plainName(String name) {
			if (name.isEmpty() || name.startsWith("/")) {
				return false;
			}
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
						|| c == '_' || c == '-' || c == '/' || c == '[' || c == ']';
				if (!plain) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Gives every entry its part name and content type, as {@code ZipPackage} does:
		 * an entry without a content type, or a part name twice, makes POI reject the
		 * file.
		 */
		private void registerParts(ZipEntry contentTypesEntry)
				throws Unhandled, IOException, XMLStreamException, URISyntaxException {
			ContentTypes types = known(CONTENT_TYPES, contentTypesEntry, () -> readContentTypes(contentTypesEntry));
			Map<String, String> defaults = types.defaults();
			Map<PackagePartName, String> overrides = types.overrides();
			for (ZipEntry entry : this.zip.entries()) {
				String name = entry.getName();
				if (name.startsWith("[trash]") || name.endsWith("/") || name.equalsIgnoreCase(CONTENT_TYPES_ENTRY)) {
					continue;
				}
				PackagePartName partName;
				try {
					partName = KNOWN.partName(name);
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
				if (!KNOWN.validContentType(contentType)) {
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
			try (Xml xml = new Xml(open(entry))) {
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
					overrides.put(KNOWN.overridePartName(override[0]), override[1]);
				}
				catch (Exception ex) {
					throw new Unhandled("invalid override part name: " + override[0]);
				}
			}
			return new ContentTypes(Collections.unmodifiableMap(defaults), Collections.unmodifiableMap(overrides));
		}

		/**
		 * The checks POI makes on the core properties when it opens the package: rules
		 * M4.2 to M4.5 and dates it can read.
		 */
		private void checkCoreProperties() throws Unhandled, IOException, XMLStreamException {
			Part core = null;
			for (Part part : this.parts.values()) {
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
			try (Xml xml = new Xml(open(core.entry()))) {
				String capturing = null;
				int captureDepth = 0;
				while (xml.next()) {
					if (xml.isStart()) {
						xml.checkCorePropertiesElement();
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
				if (date.length() > 0) {
					try {
						LocalDateTime.parse(date, W3CDTF);
					}
					catch (DateTimeParseException ex) {
						throw new Unhandled("core properties date POI may not read: " + date);
					}
				}
			}
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

		/**
		 * Parses the package relationships and those of every part, as POI does when it
		 * opens the package.
		 */
		private Map<PackagePartName, List<Rel>> relationships() throws Unhandled, IOException, XMLStreamException {
			Map<PackagePartName, List<Rel>> relationships = new HashMap<>();
			Part root = this.parts.get(PackagingURIHelper.PACKAGE_RELATIONSHIPS_ROOT_PART_NAME);
			if (root == null) {
				throw new Unhandled("no package relationships");
			}
			relationships.put(root.name(), readRelationships(root));
			for (Part part : new ArrayList<>(this.parts.values())) {
				if (KNOWN.isRelationshipPart(part.name())) {
					continue;
				}
				Part rels = this.parts.get(KNOWN.relationshipPartName(part.name()));
				if (rels != null) {
					relationships.put(part.name(), readRelationships(rels));
				}
			}
			return relationships;
		}

		private List<Rel> readRelationships(Part part) throws Unhandled, IOException, XMLStreamException {
			return known(RELATIONSHIPS, part.entry(), () -> parseRelationships(part));
		}

		private List<Rel> parseRelationships(Part part) throws Unhandled, IOException, XMLStreamException {
			List<Rel> rels = new ArrayList<>();
			boolean core = false;
			try (Xml xml = new Xml(open(part.entry()))) {
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
						rels.add(new Rel(xml.plainAttribute("Id", ""), type, xml.plainAttribute("Target", ""),
								external));
					}
				}
			}
			return Collections.unmodifiableList(rels);
		}

		/** The workbook part, the one {@code XSSFReader} finds. */
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
				PackagePartName name = KNOWN.target(source, rel.target());
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

		/**
		 * The sheet relationships of the workbook by id, each target a part, as
		 * excel-streaming-reader's sheet map needs them.
		 */
		private Map<String, Rel> sheetRelations(Part workbook, Map<PackagePartName, List<Rel>> relationships)
				throws Unhandled {
			Map<String, Rel> sheets = new HashMap<>();
			Set<String> ids = new HashSet<>();
			for (Rel rel : relationships.getOrDefault(workbook.name(), List.of())) {
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

		// ---- the workbook -------------------------------------------------------

		/**
		 * The sheets, in order. The streaming reader takes names and states from
		 * {@code /workbook/sheets/sheet} (DOM) and the parts from every element named
		 * {@code sheet} (SAX); the two must be the same list.
		 */
		private List<SheetRef> sheets(Part workbook) throws Unhandled, IOException, XMLStreamException {
			return known(WORKBOOK, workbook.entry(), () -> parseSheets(workbook));
		}

		private List<SheetRef> parseSheets(Part workbook) throws Unhandled, IOException, XMLStreamException {
			List<SheetRef> sheets = new ArrayList<>();
			try (Xml xml = new Xml(open(workbook.entry()))) {
				boolean inSheets = false;
				while (xml.next()) {
					if (xml.isStart()) {
						String namespace = xml.namespace();
						String localName = xml.localName();
						if (xml.depth() == 1 && !(NS_MAIN.equals(namespace) && "workbook".equals(localName))) {
							throw new Unhandled("not a transitional workbook");
						}
						if (xml.depth() == 2) {
							inSheets = NS_MAIN.equals(namespace) && "sheets".equals(localName);
						}
						if (localName.equalsIgnoreCase("sheet")) {
							if (!(inSheets && xml.depth() == 3 && NS_MAIN.equals(namespace)
									&& "sheet".equals(localName))) {
								throw new Unhandled("sheet element out of place");
							}
							sheets.add(xml.sheetRef());
						}
					}
					else if (xml.isEnd() && xml.depth() == 2) {
						inSheets = false;
					}
				}
			}
			return Collections.unmodifiableList(sheets);
		}

		// ---- shared strings -----------------------------------------------------

		/**
		 * The shared strings as POI's {@code ReadOnlySharedStringsTable} reads them
		 * (phonetic runs left out, escapes kept); null for none. An empty table part
		 * leaves the list null too, as there.
		 */
		private List<String> sharedStrings() throws Unhandled, IOException, XMLStreamException {
			Part part = single(TYPE_SHARED_STRINGS);
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
			try (Xml xml = new Xml(open(part.entry()))) {
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
									if (strings.size() > MAX_SHARED_STRINGS) {
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
			if (!digits(value, 18)) {
				throw new Unhandled("shared strings count POI may not read: " + value);
			}
			return (int) Long.parseLong(value);
		}

		// ---- styles -------------------------------------------------------------

		/**
		 * The cell formats, as POI's {@code StylesTable} gives them; null when the
		 * package has no styles part. Legacy fonts, table styles and anything XMLBeans
		 * could choke on are left to the streaming path.
		 */
		private Styles styles() throws Unhandled, IOException, XMLStreamException {
			Part part = single(TYPE_STYLES);
			if (part == null) {
				return null;
			}
			Part theme = single(TYPE_THEME);
			Styles styles = known(STYLES, part.entry(), () -> styles(bytes(part)));
			if (theme != null) {
				known(THEME, theme.entry(), () -> {
					checkTheme(bytes(theme));
					return Boolean.TRUE;
				});
			}
			return styles;
		}

		/** An entry's bytes, read within the limits. */
		private byte[] bytes(Part part) throws Unhandled, IOException {
			try (InputStream in = open(part)) {
				return in.readAllBytes();
			}
		}

		private static Styles styles(byte[] part) throws Unhandled, IOException, XMLStreamException {
			Map<Short, String> numberFormats = new HashMap<>();
			List<long[]> xfs = new ArrayList<>();
			Set<String> sections = new HashSet<>();
			try (Xml xml = new Xml(new ByteArrayInputStream(part))) {
				String section = null;
				while (xml.next()) {
					if (xml.isStart()) {
						String namespace = xml.namespace();
						String localName = xml.localName();
						int depth = xml.depth();
						xml.checkNoSchemaInstanceAttributes();
						if ("name".equals(localName)) {
							String font = xml.plainAttribute("val", null);
							if (font != null && LegacyText.encodingOfFont(font) != null) {
								throw new Unhandled("legacy font: " + font);
							}
						}
						if (depth == 1 && !(NS_MAIN.equals(namespace) && "styleSheet".equals(localName))) {
							throw new Unhandled("not a transitional style sheet");
						}
						if (depth == 2) {
							section = NS_MAIN.equals(namespace) ? localName : null;
							if (section != null && !sections.add(section)) {
								throw new Unhandled("style section twice: " + localName);
							}
						}
						if (depth == 3 && NS_MAIN.equals(namespace) && section != null) {
							if (section.equals("numFmts") && localName.equals("numFmt")) {
								long id = unsignedInt(xml.plainAttribute("numFmtId", null), 0);
								numberFormats.put((short) (int) id, xml.plainAttribute("formatCode", null));
							}
							else if (section.equals("cellXfs") && localName.equals("xf")) {
								long numFmtId = unsignedInt(xml.plainAttribute("numFmtId", null), 0);
								unsignedInt(xml.plainAttribute("xfId", null), 0);
								xfs.add(new long[] { numFmtId });
							}
							else if (section.equals("cellStyleXfs") && localName.equals("xf")) {
								unsignedInt(xml.plainAttribute("numFmtId", null), 0);
							}
							else if (section.equals("tableStyles") && localName.equals("tableStyle")) {
								throw new Unhandled("custom table styles");
							}
						}
						if (depth == 4 && NS_MAIN.equals(namespace) && "colors".equals(section)
								&& "rgbColor".equals(localName)) {
							String rgb = xml.plainAttribute("rgb", null);
							if (rgb != null && !HEX_PAIRS.matcher(rgb).matches()) {
								throw new Unhandled("indexed colour POI may not read: " + rgb);
							}
						}
					}
					else if (xml.isEnd() && xml.depth() == 2) {
						section = null;
					}
				}
			}
			List<CellXf> cellXfs = new ArrayList<>();
			for (long[] xf : xfs) {
				// XSSFCellStyle.getDataFormat() and getDataFormatString()
				short index = (short) (int) xf[0];
				String format = numberFormats.get(index);
				if (format == null) {
					format = BuiltinFormats.getBuiltinFormat(index);
				}
				cellXfs.add(new CellXf(index, format));
			}
			return new Styles(List.copyOf(cellXfs));
		}

		/** POI parses the theme with XMLBeans when there are styles. */
		private static void checkTheme(byte[] theme) throws Unhandled, IOException, XMLStreamException {
			try (Xml xml = new Xml(new ByteArrayInputStream(theme))) {
				while (xml.next()) {
					if (xml.isStart()) {
						xml.checkNoSchemaInstanceAttributes();
						if (xml.depth() == 1
								&& !(NS_DRAWING.equals(xml.namespace()) && "theme".equals(xml.localName()))) {
							throw new Unhandled("not a theme");
						}
					}
				}
			}
		}

		/** An {@code xsd:unsignedInt} as XMLBeans surely reads it. */
		private static long unsignedInt(String value, long absent) throws Unhandled {
			if (value == null) {
				return absent;
			}
			if (!digits(value, 10)) {
				throw new Unhandled("unsignedInt XMLBeans may not read: " + value);
			}
			long number = Long.parseLong(value);
			if (number > 0xFFFFFFFFL) {
				throw new Unhandled("unsignedInt out of range: " + value);
			}
			return number;
		}

		/**
		 * The one part of a content type, null for none; the streaming reader takes the
		 * first one, so two are left to it.
		 */
		private Part single(String contentType) throws Unhandled {
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

		// ---- reading entries ----------------------------------------------------

		private InputStream open(Part part) throws Unhandled, IOException {
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
			if (size < 0 || size > MAX_ENTRY_BYTES) {
				throw new Unhandled("entry too large or of unknown size: " + entry.getName());
			}
			if (this.bytesRead + size > MAX_TOTAL_BYTES) {
				throw new Unhandled("too many bytes in all");
			}
		}

		DataFormatter formatter() {
			if (this.formatter == null) {
				this.formatter = new DataFormatter();
			}
			return this.formatter;
		}

	}

	/**
	 * An entry's stream that stops at {@link #MAX_ENTRY_BYTES} and counts what the
	 * reading took in all.
	 */
	private static final class Limited extends FilterInputStream {

		private final Reading reading;

		private long count;

		Limited(InputStream in, Reading reading) {
			super(in);
			this.reading = reading;
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
			this.reading.bytesRead += n;
			if (this.count > MAX_ENTRY_BYTES || this.reading.bytesRead > MAX_TOTAL_BYTES) {
				throw new IOException("entry or file over the size limits");
			}
		}

	}

	/**
	 * A StAX reader that refuses what the fast path does not read: a DTD (so an entity is
	 * never resolved), entity references, whitespace the parser calls ignorable, and
	 * CDATA reported apart from text where that is not allowed (the JDK's parser reports
	 * it as text, to the streaming reader as here). Comments and processing instructions
	 * are skipped, as by every path.
	 */
	private static final class Xml implements AutoCloseable {

		private final InputStream in;

		private final XMLStreamReader reader;

		private int depth;

		private int event;

		private boolean cdataAllowed;

		Xml(InputStream in) throws XMLStreamException {
			this.in = in;
			this.reader = XML.get().createXMLStreamReader(in);
		}

		void allowCdata() {
			this.cdataAllowed = true;
		}

		/** Moves to the next start, end or text; false at the end of the document. */
		boolean next() throws XMLStreamException, Unhandled {
			while (this.reader.hasNext()) {
				this.event = this.reader.next();
				switch (this.event) {
					case XMLStreamConstants.START_ELEMENT -> {
						this.depth++;
						return true;
					}
					case XMLStreamConstants.END_ELEMENT -> {
						this.depth--;
						return true;
					}
					case XMLStreamConstants.CHARACTERS -> {
						if (this.depth > 0) {
							return true;
						}
					}
					case XMLStreamConstants.CDATA -> {
						if (!this.cdataAllowed) {
							throw new Unhandled("CDATA section");
						}
						return true;
					}
					case XMLStreamConstants.SPACE -> {
						if (this.depth > 0) {
							throw new Unhandled("ignorable whitespace");
						}
					}
					case XMLStreamConstants.DTD -> throw new Unhandled(DOCTYPE);
					case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
							XMLStreamConstants.NOTATION_DECLARATION ->
						throw new Unhandled("entity");
					default -> {
						// comments, processing instructions, the document's start and end
					}
				}
			}
			return false;
		}

		boolean isStart() {
			return this.event == XMLStreamConstants.START_ELEMENT;
		}

		boolean isEnd() {
			return this.event == XMLStreamConstants.END_ELEMENT;
		}

		boolean isText() {
			return this.event == XMLStreamConstants.CHARACTERS || this.event == XMLStreamConstants.CDATA;
		}

		boolean isCharacters() {
			return this.event == XMLStreamConstants.CHARACTERS;
		}

		/** Depth of the current element: 1 for the document element. */
		int depth() {
			return isEnd() ? this.depth + 1 : this.depth;
		}

		/** The element's namespace, "" for none. */
		String namespace() {
			String namespace = this.reader.getNamespaceURI();
			return (namespace != null) ? namespace : "";
		}

		String localName() {
			return this.reader.getLocalName();
		}

		/**
		 * The last element's namespace, and what {@link #inMain} and {@link #inAMain} say
		 * of it: the parser gives the same string for the same namespace, so the strings
		 * are compared only when the namespace changes.
		 */
		private String namespaceSeen;

		private boolean namespaceIsMain;

		private boolean namespaceEndsInMain;

		private void see() {
			String namespace = namespace();
			if (namespace != this.namespaceSeen) {
				this.namespaceSeen = namespace;
				this.namespaceIsMain = NS_MAIN.equals(namespace);
				this.namespaceEndsInMain = namespace.endsWith("/main");
			}
		}

		/** Whether the element is in the spreadsheet namespace. */
		boolean inMain() {
			see();
			return this.namespaceIsMain;
		}

		/**
		 * Whether the element is in a namespace ending in /main, as the streaming reader
		 * asks of every element of a sheet.
		 */
		boolean inAMain() {
			see();
			return this.namespaceEndsInMain;
		}

		String text() {
			return this.reader.getText();
		}

		void appendText(StringBuilder to) {
			to.append(this.reader.getTextCharacters(), this.reader.getTextStart(), this.reader.getTextLength());
		}

		/** The value of the attribute without a namespace, or {@code absent}. */
		String plainAttribute(String localName, String absent) {
			for (int i = 0; i < this.reader.getAttributeCount(); i++) {
				String namespace = this.reader.getAttributeNamespace(i);
				if ((namespace == null || namespace.isEmpty())
						&& localName.equals(this.reader.getAttributeLocalName(i))) {
					return this.reader.getAttributeValue(i);
				}
			}
			return absent;
		}

		/**
		 * The plain attributes {@code r}, {@code s} and {@code t} of a cell, each as
		 * {@link #plainAttribute} gives it (null when absent), in one pass over the
		 * attributes: {@code values[0]}, {@code [1]} and {@code [2]}.
		 */
		void cellAttributes(String[] values) {
			values[0] = null;
			values[1] = null;
			values[2] = null;
			int count = this.reader.getAttributeCount();
			for (int i = 0; i < count; i++) {
				String localName = this.reader.getAttributeLocalName(i);
				int slot = (localName.length() != 1) ? -1 : switch (localName.charAt(0)) {
					case 'r' -> 0;
					case 's' -> 1;
					case 't' -> 2;
					default -> -1;
				};
				if (slot >= 0 && values[slot] == null) {
					String namespace = this.reader.getAttributeNamespace(i);
					if (namespace == null || namespace.isEmpty()) {
						values[slot] = this.reader.getAttributeValue(i);
					}
				}
			}
		}

		/**
		 * A {@code sheet} element as both the DOM and the SAX reading of the workbook see
		 * it: one {@code name}, one {@code r:id}, nothing else they could mistake for
		 * those.
		 */
		SheetRef sheetRef() throws Unhandled {
			String name = null;
			String id = null;
			for (int i = 0; i < this.reader.getAttributeCount(); i++) {
				String namespace = this.reader.getAttributeNamespace(i);
				boolean plain = namespace == null || namespace.isEmpty();
				String localName = this.reader.getAttributeLocalName(i);
				if (localName.equalsIgnoreCase("name")) {
					if (name != null || !plain || !localName.equals("name")) {
						throw new Unhandled("unusual sheet name attribute");
					}
					name = this.reader.getAttributeValue(i);
				}
				else if (localName.equalsIgnoreCase("id")) {
					if (id != null || !NS_RELATIONSHIPS.equals(namespace) || !localName.equals("id")) {
						throw new Unhandled("unusual sheet id attribute");
					}
					id = this.reader.getAttributeValue(i);
				}
			}
			if (name == null || id == null || id.isEmpty()) {
				throw new Unhandled("sheet without name or id");
			}
			String state = plainAttribute("state", "visible");
			return new SheetRef(name, state.equals("hidden") || state.equals("veryHidden"), id);
		}

		/** XMLBeans acts on {@code xsi:type} and {@code xsi:nil}: left to it. */
		void checkNoSchemaInstanceAttributes() throws Unhandled {
			for (int i = 0; i < this.reader.getAttributeCount(); i++) {
				if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(this.reader.getAttributeNamespace(i))) {
					throw new Unhandled("xsi attribute in a part XMLBeans reads");
				}
			}
		}

		/** Rules M4.2 to M4.5 of the OPC, as POI checks them on the core properties. */
		void checkCorePropertiesElement() throws Unhandled {
			for (int i = 0; i < this.reader.getNamespaceCount(); i++) {
				if (NS_MARKUP_COMPATIBILITY.equals(this.reader.getNamespaceURI(i))) {
					throw new Unhandled("markup compatibility in the core properties");
				}
			}
			String typeAttribute = null;
			for (int i = 0; i < this.reader.getAttributeCount(); i++) {
				String namespace = this.reader.getAttributeNamespace(i);
				String localName = this.reader.getAttributeLocalName(i);
				if (XMLConstants.XML_NS_URI.equals(namespace) && "lang".equals(localName)) {
					throw new Unhandled("xml:lang in the core properties");
				}
				if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(namespace) && "type".equals(localName)) {
					typeAttribute = this.reader.getAttributeValue(i);
				}
			}
			if (NS_DCTERMS.equals(namespace())) {
				String prefix = this.reader.getPrefix();
				if (!("created".equals(localName()) || "modified".equals(localName())) || prefix == null
						|| prefix.isEmpty() || !(prefix + ":W3CDTF").equals(typeAttribute)) {
					throw new Unhandled("Dublin Core terms POI rejects");
				}
			}
		}

		@Override
		public void close() throws IOException {
			try {
				this.reader.close();
			}
			catch (XMLStreamException ex) {
				// the stream is closed below
			}
			this.in.close();
		}

	}

	/**
	 * One cell while its row is read, as excel-streaming-reader's {@code StreamingCell}
	 * holds it.
	 */
	private static final class CellData {

		final int column;

		final String type;

		/**
		 * The cell's style: the one {@code setFormatString} takes the number format from
		 * and {@code setCellStyle} gives the cell (the same for the style indexes the
		 * fast path reads); null for none.
		 */
		final CellXf format;

		boolean formula;

		/** The content supplier's value; null until a value or text element ends. */
		String content;

		/** Whether the content is a number the reader formats when it is asked for. */
		boolean formatted;

		String raw;

		CellData(int column, String type, CellXf format) {
			this.column = column;
			this.type = type;
			this.format = format;
		}

	}

	/** The chosen sheet, streamed with the row iterator's state machine. */
	private static final class SheetReader {

		private final Reading reading;

		private final Styles styles;

		private final List<String> sharedStrings;

		private final SheetCells cells;

		private final StringBuilder content = new StringBuilder(64);

		private boolean insideCharElement;

		private boolean insideIs;

		private int currentRowNum;

		private int rowIndex = -1;

		/**
		 * The cells of the row being read, by column, a later cell of a column in place
		 * of the earlier (the streaming reader's TreeMap, kept here as a list: the cells
		 * nearly always come left to right); null outside a row.
		 */
		private List<CellData> row;

		/** The cell's {@code r}, {@code s} and {@code t}, read in one pass. */
		private final String[] cellAttributes = new String[3];

		private CellData cell;

		private int cellCount;

		SheetReader(Reading reading, Styles styles, List<String> sharedStrings, SheetCells cells) {
			this.reading = reading;
			this.styles = styles;
			this.sharedStrings = sharedStrings;
			this.cells = cells;
		}

		void read(InputStream in) throws Unhandled, IOException, XMLStreamException {
			try (Xml xml = new Xml(in)) {
				while (xml.next()) {
					if (xml.isCharacters()) {
						if (this.insideCharElement) {
							xml.appendText(this.content);
						}
					}
					else if (xml.isStart()) {
						if (xml.inAMain()) {
							start(xml);
							if (!this.insideIs) {
								this.content.setLength(0);
							}
						}
					}
					else if (xml.isEnd()) {
						if (xml.inAMain()) {
							end(xml.localName());
						}
					}
				}
			}
			if (this.row != null) {
				throw new Unhandled("row not closed");
			}
		}

		private void start(Xml xml) throws Unhandled {
			switch (xml.localName()) {
				case "row" -> {
					if (this.row != null) {
						throw new Unhandled("row inside a row");
					}
					String r = xml.plainAttribute("r", null);
					if (r != null) {
						this.currentRowNum = rowNumber(r) - 1;
					}
					this.rowIndex = this.currentRowNum;
					this.row = new ArrayList<>();
				}
				case "col" -> col(xml);
				case "c" -> cellStart(xml);
				case "v", "t" -> this.insideCharElement = true;
				case "is" -> this.insideIs = true;
				case "f" -> {
					if (this.cell != null) {
						this.cell.formula = true;
					}
				}
				case "mergeCell" -> {
					String ref = xml.plainAttribute("ref", null);
					if (ref != null) {
						try {
							CellRangeAddress.valueOf(ref);
						}
						catch (RuntimeException ex) {
							throw new Unhandled("merged range the streaming reader rejects: " + ref);
						}
					}
				}
				default -> {
					// dimension, pane, selection, hyperlink, sheetFormatPr: nothing
					// there can fail or change a value
				}
			}
		}

		private static int rowNumber(String r) throws Unhandled {
			if (!digits(r, 9)) {
				throw new Unhandled("row number the streaming reader may not read: " + r);
			}
			int number = Integer.parseInt(r);
			if (number < 1 || number > 1_048_576) {
				throw new Unhandled("row number out of range: " + r);
			}
			return number;
		}

		/** A {@code col} element: what the streaming reader parses must parse. */
		private static void col(Xml xml) throws Unhandled {
			String hiddenValue = xml.plainAttribute("hidden", null);
			boolean hidden = hiddenValue != null && ("1".equals(hiddenValue) || "true".equalsIgnoreCase(hiddenValue));
			String widthValue = xml.plainAttribute("width", null);
			float width = -1;
			if (widthValue != null) {
				try {
					width = Float.parseFloat(widthValue);
				}
				catch (RuntimeException ex) {
					// the streaming reader logs it and goes on
				}
			}
			if (hidden || width >= 0) {
				String min = xml.plainAttribute("min", null);
				String max = xml.plainAttribute("max", null);
				if (min == null || max == null || !digits(min, 9) || !digits(max, 9)
						|| Integer.parseInt(max) - Integer.parseInt(min) > 16384) {
					throw new Unhandled("column range the streaming reader may not read");
				}
			}
		}

		private void cellStart(Xml xml) throws Unhandled {
			if (this.row == null) {
				throw new Unhandled("cell outside a row");
			}
			if (++this.cellCount > MAX_CELLS) {
				throw new Unhandled("too many cells");
			}
			String[] attributes = this.cellAttributes;
			xml.cellAttributes(attributes);
			String r = attributes[0];
			if (r == null) {
				throw new Unhandled("cell without a reference");
			}
			int column = column(r);
			if (column < 0) {
				throw new Unhandled("cell reference the fast path does not read: " + r);
			}
			String s = attributes[1];
			CellXf format;
			if (this.styles == null) {
				format = null;
			}
			else if (s != null) {
				if (!digits(s, 9)) {
					throw new Unhandled("style index the fast path does not read: " + s);
				}
				// out of range: no style (StylesTable.getStyleAt gives null)
				format = this.styles.at(Integer.parseInt(s));
			}
			else {
				format = this.styles.at(0);
			}
			String t = attributes[2];
			this.cell = new CellData(column, (t != null) ? t : "n", format);
		}

		private void end(String localName) throws Unhandled {
			switch (localName) {
				case "v", "t" -> {
					if (this.cell == null) {
						throw new Unhandled("value outside a cell");
					}
					this.insideCharElement = false;
					contents(this.cell, this.content.toString());
				}
				case "row" -> {
					if (this.row == null) {
						throw new Unhandled("row end without its start");
					}
					for (CellData data : this.row) {
						RawCell raw = convert(data, new CellRef(this.rowIndex, data.column));
						if (raw != null) {
							this.cells.add(raw);
						}
					}
					this.row = null;
					this.currentRowNum++;
				}
				case "c" -> {
					if (this.row == null || this.cell == null) {
						throw new Unhandled("cell end outside a row");
					}
					put(this.row, this.cell);
					this.cell = null;
				}
				case "is" -> this.insideIs = false;
				default -> {
				}
			}
		}

		private static final Comparator<CellData> BY_COLUMN = Comparator.comparingInt((data) -> data.column);

		/**
		 * {@code TreeMap.put} by column, on a list sorted by column: appended when it
		 * comes after the last, as nearly every cell does.
		 */
		private static void put(List<CellData> row, CellData cell) {
			if (row.isEmpty() || row.get(row.size() - 1).column < cell.column) {
				row.add(cell);
				return;
			}
			int at = Collections.binarySearch(row, cell, BY_COLUMN);
			if (at >= 0) {
				row.set(at, cell);
			}
			else {
				row.add(-at - 1, cell);
			}
		}

		/**
		 * What the row iterator does at the end of a value or text element: the content
		 * supplier and the raw contents, by the cell's type. Shared strings are looked up
		 * at once, there as here.
		 */
		private void contents(CellData data, String last) throws Unhandled {
			switch (data.type) {
				case "s" -> {
					if (last.isEmpty()) {
						data.content = "";
					}
					else {
						if (!digits(last, 9)) {
							throw new Unhandled("shared string index the fast path does not read: " + last);
						}
						int index = Integer.parseInt(last);
						if (this.sharedStrings == null || index >= this.sharedStrings.size()) {
							throw new Unhandled("missing shared string " + index);
						}
						data.content = utfDecode(this.sharedStrings.get(index));
					}
					data.raw = data.content;
					data.formatted = false;
				}
				case "e" -> {
					data.content = ERROR_PREFIX + last;
					data.raw = last;
					data.formatted = false;
				}
				case "n" -> {
					data.content = last;
					data.raw = last;
					data.formatted = data.format != null && data.format.format != null && !last.isEmpty();
				}
				case "d" -> throw new Unhandled("ISO date cell");
				default -> {
					// inlineStr, str, b and others: the text as it stands
					data.content = last;
					data.raw = last;
					data.formatted = false;
				}
			}
		}

		/**
		 * {@code WorkbookReader.convert} over what {@code StreamingCell} would answer.
		 */
		private RawCell convert(CellData data, CellRef ref) throws Unhandled {
			if (data.content == null) {
				if (data.formula) {
					throw new Unhandled("formula without a cached value at " + ref);
				}
				return null;
			}
			switch (data.type) {
				case "n" -> {
					return numeric(data, ref);
				}
				case "s", "inlineStr", "str" -> {
					String text = data.content;
					if (data.formula && text.isEmpty()) {
						throw new Unhandled("formula with an empty cached string at " + ref);
					}
					// no legacy font anywhere in the styles: the text as it is
					return text.isBlank() ? null : RawCell.text(ref, text);
				}
				case "b" -> {
					String raw = data.raw;
					return RawCell.bool(ref, raw != null && ("1".equals(raw) || "true".equalsIgnoreCase(raw)));
				}
				case "e" -> {
					return RawCell.error(ref, errorText(data));
				}
				default -> throw new Unhandled("cell type " + data.type + " at " + ref);
			}
		}

		private RawCell numeric(CellData data, CellRef ref) throws Unhandled {
			String raw = data.raw;
			if (!plainNumber(raw)) {
				throw new Unhandled("number the fast path does not read: " + raw);
			}
			double value = Double.parseDouble(raw);
			if (!Double.isFinite(value)) {
				throw new Unhandled("number out of range: " + raw);
			}
			if (data.formatted && data.format.formatChecked) {
				// the streaming reader formats every such number when it is asked the
				// cell's type; a format that fails there fails the file
				try {
					this.reading.formatter().formatRawCellContents(value, data.format.formatIndex, data.format.format);
				}
				catch (RuntimeException ex) {
					throw new Unhandled("number format the streaming reader fails on: " + data.format.format);
				}
			}
			try {
				CellXf style = data.format;
				boolean date = style != null && DateUtil.isValidExcelDate(value) && style.isDateFormat();
				if (date && DateUtil.isValidExcelDate(value)) {
					LocalDate day = DateUtil.getLocalDateTime(value).toLocalDate();
					return new RawCell(ref, RawCell.Kind.TEXT, day.toString(), value);
				}
			}
			catch (RuntimeException ex) {
				// as WorkbookReader.numeric: keep the number
			}
			return RawCell.number(ref, value);
		}

		/** {@code WorkbookReader.errorText} over what {@code StreamingCell} answers. */
		private static String errorText(CellData data) {
			if (data.formula) {
				// getErrorCellValue() refuses a formula cell: the cell's text
				return data.content;
			}
			try {
				byte code = (data.raw == null) ? 0 : FormulaError.forString(data.raw).getCode();
				return FormulaError.forInt(code).getString();
			}
			catch (RuntimeException ex) {
				return data.content;
			}
		}

	}

	/** Whether the text is 1 to {@code max} ASCII digits. */
	static boolean digits(String text, int max) {
		int length = text.length();
		if (length == 0 || length > max) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The column of a cell reference such as {@code AB12} (1 to 3 capitals, then 1 to 7
	 * digits), or -1 for anything else.
	 */
	static int column(String reference) {
		int length = reference.length();
		int letters = 0;
		while (letters < length && reference.charAt(letters) >= 'A' && reference.charAt(letters) <= 'Z') {
			letters++;
		}
		int digits = length - letters;
		if (letters == 0 || letters > 3 || digits == 0 || digits > 7) {
			return -1;
		}
		for (int i = letters; i < length; i++) {
			if (!isDigit(reference.charAt(i))) {
				return -1;
			}
		}
		// as CellReference.convertColStringToIndex, without the substrings (every cell)
		int column = 0;
		for (int i = 0; i < letters; i++) {
			column = column * 26 + (reference.charAt(i) - 'A' + 1);
		}
		return column - 1;
	}

	/**
	 * Whether the text is a plain decimal number, which {@link Double#parseDouble} and
	 * the streaming reader's trimming parse read alike:
	 * {@code -?(digits[.digits]|.digits)} then an optional exponent.
	 */
	static boolean plainNumber(String text) {
		int length = text.length();
		int i = (length > 0 && text.charAt(0) == '-') ? 1 : 0;
		int intDigits = 0;
		while (i < length && isDigit(text.charAt(i))) {
			i++;
			intDigits++;
		}
		int fractionDigits = 0;
		if (i < length && text.charAt(i) == '.') {
			i++;
			while (i < length && isDigit(text.charAt(i))) {
				i++;
				fractionDigits++;
			}
		}
		if (intDigits == 0 && fractionDigits == 0) {
			return false;
		}
		if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
			i++;
			if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
				i++;
			}
			int exponentDigits = 0;
			while (i < length && isDigit(text.charAt(i))) {
				i++;
				exponentDigits++;
			}
			if (exponentDigits == 0) {
				return false;
			}
		}
		return i == length;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** {@code XSSFRichTextString.utfDecode}: {@code _xHHHH_} escapes to characters. */
	static String utfDecode(String value) {
		if (value == null || !value.contains("_x")) {
			return value;
		}
		StringBuilder buf = new StringBuilder();
		Matcher m = UTF_ESCAPE.matcher(value);
		int idx = 0;
		while (m.find()) {
			int pos = m.start();
			if (pos > idx) {
				buf.append(value, idx, pos);
			}
			buf.append((char) Integer.parseInt(m.group(1), 16));
			idx = m.end();
		}
		if (idx == 0) {
			return value;
		}
		buf.append(value.substring(idx));
		return buf.toString();
	}

}
