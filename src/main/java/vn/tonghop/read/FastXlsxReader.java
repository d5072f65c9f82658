package vn.tonghop.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamException;

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
 * What the streaming path does, and the fast path mirrors, in short: POI opens the
 * package ({@link XlsxPackage}: every zip entry needs a content type, every relationship
 * part of a part is parsed, the core properties are checked by
 * {@link XlsxCoreProperties}), the workbook's {@code sheet} elements give the sheet names
 * and states ({@link XlsxWorkbook}), shared strings are read as plain text without
 * phonetic runs ({@link XlsxSharedStrings}; {@code _xHHHH_} escapes are decoded when a
 * cell's text is taken), the cell styles give each cell its number format
 * ({@link XlsxStyles}), and the sheet XML is streamed with the state machine of
 * excel-streaming-reader's row iterator ({@link XlsxSheetParser}). Every part is parsed
 * with {@link XlsxXml}. This class ties them together.
 */
final class FastXlsxReader {

	/**
	 * The largest entry read, uncompressed. POI's zip-bomb check
	 * ({@link org.apache.poi.openxml4j.util.ZipSecureFile}) looks at the inflate ratio
	 * only once an entry is past this size (its default grace size); below it, both paths
	 * read the same bytes. Anything larger goes to the streaming path, which applies
	 * POI's limits (min inflate ratio 0.01, max entry size 4 GB) and rejects with its own
	 * message.
	 */
	static final long MAX_ENTRY_BYTES = 100 * 1024;

	/** The most uncompressed bytes read from one file. */
	static final long MAX_TOTAL_BYTES = 1024 * 1024;

	static final int MAX_SHARED_STRINGS = 100_000;

	static final int MAX_CELLS = 100_000;

	/** Why the fast path left a file with a DOCTYPE: Excel never writes one. */
	static final String DOCTYPE = "DOCTYPE declaration";

	/** The fast path's answer for a file: the cells, or why it left the file alone. */
	record Attempt(SheetCells cells, String fallback) {

		boolean handled() {
			return this.cells != null;
		}

	}

	/** Something the fast path leaves to the streaming path; the message says what. */
	static final class Unhandled extends Exception {

		private static final long serialVersionUID = 1L;

		Unhandled(String reason) {
			super(reason, null, false, false);
		}

	}

	private final XlsxParsedParts parsed = new XlsxParsedParts();

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
			return new Attempt(read(zip, budget), null);
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

	/** How many style sheets this reader parsed (not found among those seen). */
	long styleSheetsParsed() {
		return this.parsed.parsed(XlsxParsedParts.STYLES);
	}

	/**
	 * How many parts of the kinds {@link XlsxParsedParts} keeps this reader parsed (or
	 * began to: a part that makes the reader leave its file is parsed again next time).
	 */
	long partsParsed() {
		long all = 0;
		for (int kind = 0; kind <= XlsxParsedParts.THEME; kind++) {
			all += this.parsed.parsed(kind);
		}
		return all;
	}

	/** The reading of one file: the return sheet's cells. */
	private SheetCells read(ZipEntries zip, ReadLimits.Budget budget)
			throws Unhandled, IOException, XMLStreamException {
		XlsxPackage pkg = XlsxPackage.open(zip, this.parsed);
		XlsxPackage.Part workbook = pkg.workbook();
		Map<String, XlsxPackage.Rel> sheetRelations = pkg.sheetRelations(workbook);
		XlsxWorkbook workbookPart = XlsxWorkbook.read(pkg, workbook);
		List<XlsxWorkbook.SheetRef> sheets = workbookPart.sheets();
		if (sheets.isEmpty()) {
			throw new Unhandled("no sheets");
		}
		for (XlsxWorkbook.SheetRef sheet : sheets) {
			if (!sheetRelations.containsKey(sheet.relationshipId())) {
				throw new Unhandled("sheet without its part: " + sheet.name());
			}
		}
		List<WorkbookReader.SheetEntry> entries = new ArrayList<>();
		for (XlsxWorkbook.SheetRef sheet : sheets) {
			XlsxPackage.Rel relation = sheetRelations.get(sheet.relationshipId());
			entries.add(new WorkbookReader.SheetEntry(sheet.name(), sheet.hidden(),
					XlsxPackage.WORKSHEET_RELATIONS.contains(relation.type())));
		}
		XlsxWorkbook.SheetRef chosen = sheets.get(WorkbookReader.chooseSheet(entries));
		XlsxPackage.Rel chosenRelation = sheetRelations.get(chosen.relationshipId());
		if (!XlsxPackage.REL_WORKSHEET.equals(chosenRelation.type())) {
			throw new Unhandled("the chosen sheet is not a worksheet");
		}
		XlsxPackage.Part sheetPart = pkg.target(workbook, chosenRelation);

		List<String> sharedStrings = XlsxSharedStrings.read(pkg);
		XlsxStyles styles = XlsxStyles.read(pkg);
		SheetCells cells = new SheetCells(chosen.name(), budget);
		new XlsxSheetParser(styles, workbookPart.date1904(), sharedStrings, cells).read(pkg.open(sheetPart));
		return cells;
	}

}
