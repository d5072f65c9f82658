package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import org.apache.poi.hssf.model.InternalWorkbook;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.normalise.LegacyText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workbooks Excel opens, and POI too, that tonghop read wrong or refused. Each is read
 * alike by the fast path, which handles it, and by the streaming path ({@code .xls} by
 * HSSF where the case applies to it).
 */
class OddWorkbooksTests {

	private static final LegacyText LEGACY = LegacyText.load();

	/** The date of day 46037 in the 1900 date system, the one Excel on Windows uses. */
	private static final String DATE_ROW = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>46037</v></c></row>";

	final FastXlsxReader fast = new FastXlsxReader();

	/** The existing path alone: every {@code .xlsx} streamed. */
	final WorkbookReader streaming = new WorkbookReader(LEGACY, false);

	/** The reader as shipped: the fast path first. */
	final WorkbookReader reader = new WorkbookReader(LEGACY, true);

	@TempDir
	Path dir;

	/**
	 * Symptom: a workbook saved in the 1904 date system (Excel for the Mac of old; File,
	 * Options, "Use 1904 date system") gave every date four years and a day early: the 16
	 * January 2030 Excel shows was read as 2026-01-15.
	 */
	@Test
	void datesOfA1904WorkbookAreTheDaysExcelShows() throws Exception {
		Path file = XlsxParts.withRows(DATE_ROW)
			.replace("xl/workbook.xml", "<workbookPr ", "<workbookPr date1904=\"1\" ")
			.write(this.dir.resolve("1904.xlsx"));
		assertThat(readAlike(file).get(0, 0).text()).isEqualTo("2030-01-16");
		assertOpensInPoi(file);

		Path windows = XlsxParts.withRows(DATE_ROW).write(this.dir.resolve("1900.xlsx"));
		assertThat(readAlike(windows).get(0, 0).text()).isEqualTo("2026-01-15");
	}

	/** Symptom: as above, for an {@code .xls} whose workbook is flagged 1904. */
	@Test
	void datesOfA1904XlsAreTheDaysExcelShows() throws Exception {
		Path file = this.dir.resolve("1904.xls");
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			InternalWorkbook internal = workbook.getInternalWorkbook();
			((DateWindow1904Record) internal.findFirstRecordBySid(DateWindow1904Record.sid)).setWindowing((short) 1);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat((short) 14);
			org.apache.poi.ss.usermodel.Row row = workbook.createSheet("Báo cáo").createRow(0);
			Cell cell = row.createCell(0);
			cell.setCellValue(46037);
			cell.setCellStyle(date);
			// a plain number between two dates: whether a format is a date's is decided
			// once per format, not once per workbook
			row.createCell(1).setCellValue(46037);
			Cell again = row.createCell(2);
			again.setCellValue(46038);
			again.setCellStyle(date);
			save(workbook, file);
		}
		try (InputStream in = Files.newInputStream(file); HSSFWorkbook written = new HSSFWorkbook(in)) {
			assertThat(written.getInternalWorkbook().isUsing1904DateWindowing()).isTrue();
		}
		SheetCells read = this.reader.readReturnSheet(file);
		assertThat(read.get(0, 0).text()).isEqualTo("2030-01-16");
		assertThat(read.get(0, 1).isNumber()).isTrue();
		assertThat(read.get(0, 1).number()).isEqualTo(46037);
		assertThat(read.get(0, 2).text()).isEqualTo("2030-01-17");
	}

	/**
	 * Symptom: a formula whose saved result is an error read as the streaming reader's
	 * text, "ERROR: #DIV/0!", and rule R05 told the union "ô có lỗi công thức ERROR:
	 * #DIV/0!"; the error is #DIV/0!, as in a plain error cell. So for a code POI does
	 * not know (#SPILL!, of Excel 365).
	 */
	@Test
	void aFormulaErrorIsItsCodeAsInAPlainErrorCell() throws Exception {
		Path file = XlsxParts
			.withRows("<row r=\"1\"><c r=\"A1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
					+ "<c r=\"B1\" t=\"e\"><v>#DIV/0!</v></c><c r=\"C1\" t=\"e\"><f>SEQUENCE(2)</f><v>#SPILL!</v></c>"
					+ "<c r=\"D1\" t=\"e\"><v>#SPILL!</v></c></row>")
			.write(this.dir.resolve("errors.xlsx"));
		SheetCells cells = readAlike(file);
		assertThat(cells.row(0)).extracting(RawCell::kind).containsOnly(RawCell.Kind.ERROR);
		assertThat(cells.row(0)).extracting(RawCell::text).containsExactly("#DIV/0!", "#DIV/0!", "#SPILL!", "#SPILL!");
		assertOpensInPoi(file);

		Path xls = this.dir.resolve("errors.xls");
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			Row row = workbook.createSheet("Báo cáo").createRow(0);
			row.createCell(0).setCellFormula("1/0");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(0));
			row.createCell(1).setCellErrorValue(FormulaError.DIV0.getCode());
			save(workbook, xls);
		}
		assertThat(this.reader.readReturnSheet(xls).row(0)).extracting(RawCell::text)
			.containsExactly("#DIV/0!", "#DIV/0!");
	}

	/**
	 * Symptom: an inline string ({@code t="inlineStr"}, as streaming writers save text)
	 * kept its {@code _xHHHH_} escapes, "Dòng 1_x000D_Dòng 2", where the same text in the
	 * shared strings read "Dòng 1\rDòng 2". So for a formula's string result
	 * ({@code t="str"}), which POI decodes too. An escaped underscore ({@code _x005F_})
	 * keeps what follows it, and shared strings are decoded once.
	 */
	@Test
	void inlineStringsDecodeEscapesAsSharedStringsDo() throws Exception {
		Path file = XlsxParts
			.withRows("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Dòng 1_x000D_Dòng 2</t></is></c>"
					+ "<c r=\"B1\" t=\"inlineStr\"><is><r><t>Hà_x0020_</t></r><r><t>Nội</t></r></is></c>"
					+ "<c r=\"C1\" t=\"str\"><f>\"a\"&amp;CHAR(13)</f><v>a_x000D_</v></c>"
					+ "<c r=\"D1\" t=\"inlineStr\"><is><t>_x005F_x000D_</t></is></c>"
					+ "<c r=\"E1\" t=\"inlineStr\"><is><t>_x0020_</t></is></c>"
					+ "<c r=\"F1\" t=\"s\"><v>0</v></c></row>")
			.replace("[Content_Types].xml", "</Types>",
					"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>")
			.replace("xl/_rels/workbook.xml.rels", "</Relationships>",
					"<Relationship Id=\"rId4\" Type=\"" + XlsxParts.OFFICE_RELATIONSHIPS
							+ "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>")
			.put("xl/sharedStrings.xml",
					"<sst xmlns=\"" + XlsxParts.MAIN
							+ "\" count=\"1\" uniqueCount=\"1\"><si><t>_x005F_x000D_</t></si></sst>")
			.write(this.dir.resolve("escapes.xlsx"));
		SheetCells cells = readAlike(file);
		assertThat(cells.get(0, 0).text()).isEqualTo("Dòng 1\rDòng 2");
		assertThat(cells.get(0, 1).text()).isEqualTo("Hà Nội");
		assertThat(cells.get(0, 2).text()).isEqualTo("a\r");
		assertThat(cells.get(0, 3).text()).isEqualTo("_x000D_");
		assertThat(cells.get(0, 4)).as("an escaped space is blank").isNull();
		assertThat(cells.get(0, 5).text()).isEqualTo("_x000D_");
		assertOpensInPoi(file);
	}

	/**
	 * Symptom: a workbook whose zip names its entries with backslashes
	 * ({@code xl\workbook.xml}, {@code xl\worksheets\sheet1.xml}, as some old writers
	 * made them) was refused as "a zip without an Excel workbook", though Excel and POI
	 * (whose part names turn backslashes into slashes) open it.
	 */
	@Test
	void aZipWithBackslashesInItsEntryNamesIsRead() throws Exception {
		Path file = XlsxParts.withRows(DATE_ROW)
			.write(this.dir.resolve("backslashes.xlsx"), (name) -> name.replace('/', '\\'));
		try (ZipFile zip = new ZipFile(file.toFile())) {
			assertThat(zip.getEntry("xl\\worksheets\\sheet1.xml")).isNotNull();
		}
		SheetCells cells = readAlike(file);
		assertThat(cells.name()).isEqualTo("Báo cáo");
		assertThat(cells.get(0, 0).text()).isEqualTo("2026-01-15");
		assertOpensInPoi(file);
	}

	/**
	 * Symptom: a number cell with an empty value ({@code <c t="n"><v></v></c>}, or
	 * {@code <c><v/></c>}) made the whole file unreadable, "empty String". It is a blank
	 * cell (POI's usermodel reads 0, but missing is not zero). A formula whose saved
	 * result is empty is calculated, as one saved without a result is: the fast path
	 * leaves that file to the streaming path, which calculates.
	 */
	@Test
	void aNumberCellWithAnEmptyValueIsBlank() throws Exception {
		Path file = XlsxParts
			.withRows("<row r=\"1\"><c r=\"A1\" t=\"n\"><v></v></c><c r=\"B1\" s=\"1\"><v/></c>"
					+ "<c r=\"C1\"><v>5</v></c></row>")
			.write(this.dir.resolve("empty.xlsx"));
		SheetCells cells = readAlike(file);
		assertThat(cells.get(0, 0)).isNull();
		assertThat(cells.get(0, 1)).isNull();
		assertThat(cells.get(0, 2).number()).isEqualTo(5);
		assertOpensInPoi(file);

		Path formula = XlsxParts
			.withRows("<row r=\"1\"><c r=\"A1\"><v>2</v></c><c r=\"B1\"><f>A1*2</f><v></v></c></row>")
			.write(this.dir.resolve("empty-result.xlsx"));
		assertThat(this.fast.attempt(formula).fallback()).startsWith("formula with an empty cached number");
		for (WorkbookReader path : List.of(this.streaming, this.reader)) {
			assertThat(path.readReturnSheet(formula).get(0, 1).number()).isEqualTo(4);
		}
		assertOpensInPoi(formula);
	}

	/**
	 * Symptom: an Excel 4.0 macro sheet placed first (visible, as such sheets are made to
	 * run on opening) was taken for the return: its cells were read, or the file failed.
	 * A macro sheet is never the return, nor a chart sheet: they are passed over like
	 * hidden sheets, before a sheet named "Báo cáo" as before a plain first sheet. The
	 * macro sheet is an XML one ({@code xl/macrosheets/sheet1.xml}), a binary one in an
	 * {@code .xlsm}, or an international one, which the fast path leaves to the streaming
	 * path (it is no sheet to the streaming reader, whose choice passed it over but whose
	 * reading could not find it).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "xml", "binary", "international", "chart" })
	void anExcel4MacroSheetIsNeverTheReturn(String kind) throws Exception {
		for (String returnSheet : List.of("Báo cáo", "Sheet1")) {
			Path file = withSheetBefore(kind, returnSheet, DATE_ROW).write(this.dir.resolve(kind + ".xlsx"));
			SheetCells cells;
			if (kind.equals("international")) {
				assertThat(this.fast.attempt(file).fallback()).startsWith("sheet without its part");
				cells = this.reader.readReturnSheet(file);
				assertThat(FastXlsxReaderTests.dump(this.streaming.readReturnSheet(file)))
					.isEqualTo(FastXlsxReaderTests.dump(cells));
			}
			else {
				cells = readAlike(file);
			}
			assertThat(cells.name()).as(kind).isEqualTo(returnSheet);
			assertThat(cells.get(0, 0).text()).isEqualTo("2026-01-15");
			assertOpensInPoi(file);
		}
	}

	/**
	 * The same, with a formula saved without its result on the return sheet: POI's
	 * workbook, which calculates it, leaves the macro sheet out of its sheets.
	 */
	@Test
	void aFormulaIsCalculatedOnTheReturnSheetAfterAMacroSheet() throws Exception {
		Path file = withSheetBefore("xml", "Sheet1",
				"<row r=\"1\"><c r=\"A1\"><v>20</v></c><c r=\"B1\"><f>A1+22</f></c></row>")
			.write(this.dir.resolve("macro-formula.xlsx"));
		for (WorkbookReader path : List.of(this.streaming, this.reader)) {
			SheetCells cells = path.readReturnSheet(file);
			assertThat(cells.name()).isEqualTo("Sheet1");
			assertThat(cells.get(0, 1).number()).isEqualTo(42);
		}
	}

	/** The same for an {@code .xls}: HSSF keeps an Excel 4.0 macro sheet as a sheet. */
	@Test
	void anExcel4MacroSheetOfAnXlsIsNeverTheReturn() throws Exception {
		for (String returnSheet : List.of("Báo cáo", "Sheet1")) {
			Path file = this.dir.resolve("macro.xls");
			try (HSSFWorkbook workbook = new HSSFWorkbook()) {
				HSSFSheet macro = workbook.createSheet("Macro1");
				macro.createRow(0).createCell(0).setCellValue("=HALT()");
				((BOFRecord) macro.getSheet().getRecords().get(0)).setType(BOFRecord.TYPE_EXCEL_4_MACRO);
				workbook.createSheet(returnSheet).createRow(0).createCell(0).setCellValue("báo cáo");
				save(workbook, file);
			}
			try (InputStream in = Files.newInputStream(file); HSSFWorkbook written = new HSSFWorkbook(in)) {
				assertThat(((BOFRecord) written.getSheetAt(0).getSheet().getRecords().get(0)).getType())
					.isEqualTo(BOFRecord.TYPE_EXCEL_4_MACRO);
			}
			SheetCells cells = this.reader.readReturnSheet(file);
			assertThat(cells.name()).isEqualTo(returnSheet);
			assertThat(cells.get(0, 0).text()).isEqualTo("báo cáo");
		}
	}

	/**
	 * A workbook whose first sheet, visible, is a sheet of {@code kind} (an XML, binary
	 * or international Excel 4.0 macro sheet, or a chart sheet), then a worksheet named
	 * {@code returnSheet} holding {@code rows}.
	 */
	private static XlsxParts withSheetBefore(String kind, String returnSheet, String rows) {
		String type = switch (kind) {
			case "international" -> "http://schemas.microsoft.com/office/2006/relationships/xlIntlMacrosheet";
			case "chart" -> XlsxParts.OFFICE_RELATIONSHIPS + "/chartsheet";
			default -> "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet";
		};
		String part = switch (kind) {
			case "binary" -> "xl/macrosheets/sheet1.bin";
			case "chart" -> "xl/chartsheets/sheet1.xml";
			default -> "xl/macrosheets/sheet1.xml";
		};
		String contentType = switch (kind) {
			case "binary" -> "application/vnd.ms-excel.macrosheet";
			case "international" -> "application/vnd.ms-excel.intlmacrosheet+xml";
			case "chart" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml";
			default -> "application/vnd.ms-excel.macrosheet+xml";
		};
		String content = switch (kind) {
			case "binary" -> "\u0000\u0001binary macro sheet";
			case "chart" -> "<chartsheet xmlns=\"" + XlsxParts.MAIN + "\"><sheetViews><sheetView workbookViewId=\"0\"/>"
					+ "</sheetViews></chartsheet>";
			default -> "<xm:macrosheet xmlns=\"" + XlsxParts.MAIN
					+ "\" xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"><sheetData><row r=\"1\">"
					+ "<c r=\"A1\" t=\"str\"><f>HALT()</f><v>MACRO</v></c></row></sheetData></xm:macrosheet>";
		};
		XlsxParts parts = XlsxParts.withRows(rows)
			.replace("xl/workbook.xml", "<sheet name=\"Báo cáo\" sheetId=\"1\" r:id=\"rId1\"/>",
					"<sheet name=\"Macro1\" sheetId=\"2\" r:id=\"rId2\"/><sheet name=\"" + returnSheet
							+ "\" sheetId=\"1\" r:id=\"rId1\"/>")
			.replace("xl/_rels/workbook.xml.rels", "</Relationships>",
					"<Relationship Id=\"rId2\" Type=\"" + type + "\" Target=\"" + part.substring(3)
							+ "\"/></Relationships>")
			.replace("[Content_Types].xml", "</Types>",
					"<Override PartName=\"/" + part + "\" ContentType=\"" + contentType + "\"/></Types>")
			.put(part, content);
		if (kind.equals("binary")) {
			// a macro-enabled workbook, .xlsm
			parts.replace("[Content_Types].xml",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
					"application/vnd.ms-excel.sheet.macroEnabled.main+xml");
		}
		return parts;
	}

	/**
	 * Symptom: a workbook whose core properties carry a date with fractional seconds
	 * ({@code 2024-01-02T03:04:05.123Z}, as some programs write it) or an offset
	 * ({@code +07:00}) went to the slow path, though POI reads those dates
	 * ({@code PackagePropertiesPart}'s forms). The fast path now reads what POI reads.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2024-01-02T03:04:05.123Z", "2024-01-02T03:04:05.123+07:00", "2024-01-02T03:04:05+07:00",
			"2024-01-02T03:04:05-0530", "2024-01-02T03:04:05.1234567Z", "2024-01-02", "2024-01-02T03:04:05Z", "" })
	void coreDatesPoiReadsStayOnTheFastPath(String date) throws Exception {
		Path file = XlsxParts.withRows(DATE_ROW)
			.put("docProps/core.xml", XlsxParts.core(date))
			.write(this.dir.resolve("core.xlsx"));
		assertThat(readAlike(file).get(0, 0).text()).isEqualTo("2026-01-15");
		assertOpensInPoi(file);
	}

	/** A date POI does not read fails the file there: the streaming path says so. */
	@ParameterizedTest
	@ValueSource(strings = { "hôm qua", "02/01/2024", "+20245-01-02T03:04:05Z" })
	void coreDatesPoiRejectsAreLeftToTheStreamingPath(String date) throws Exception {
		Path file = XlsxParts.withRows(DATE_ROW)
			.put("docProps/core.xml", XlsxParts.core(date))
			.write(this.dir.resolve("core.xlsx"));
		assertThat(XlsxCoreProperties.poiReads(date)).isFalse();
		assertThatThrownBy(() -> assertOpensInPoi(file)).as("POI refuses it too").isInstanceOf(Exception.class);
		assertThat(this.fast.attempt(file).fallback()).startsWith("core properties date POI may not read");
		assertThatThrownBy(() -> this.streaming.readReturnSheet(file)).isInstanceOf(UnreadableFileException.class);
		assertThatThrownBy(() -> this.reader.readReturnSheet(file)).isInstanceOf(UnreadableFileException.class);
	}

	/**
	 * Symptom: a workbook with a custom table style ({@code <tableStyles count="1">
	 * <tableStyle name="…">}, made by Format as Table, New Table Style) went to the slow
	 * path, though POI reads it. The fast path reads what POI's {@code StylesTable}
	 * reads, and leaves to the streaming path what it fails on.
	 */
	@Test
	void customTableStylesStayOnTheFastPath() throws Exception {
		Path file = withTableStyle("<dxfs count=\"1\"><dxf><font><b/></font></dxf></dxfs>",
				"<tableStyleElement type=\"wholeTable\" dxfId=\"0\"/><tableStyleElement type=\"headerRow\"/>")
			.write(this.dir.resolve("table-style.xlsx"));
		assertThat(readAlike(file).get(0, 0).text()).isEqualTo("2026-01-15");
		assertOpensInPoi(file);

		// without differential formats, POI does not read the table styles at all
		Path unread = withTableStyle("", "<tableStyleElement type=\"bogus\" dxfId=\"7\"/>")
			.write(this.dir.resolve("unread.xlsx"));
		assertThat(readAlike(unread).get(0, 0).text()).isEqualTo("2026-01-15");
		assertOpensInPoi(unread);

		for (String element : List.of("<tableStyleElement type=\"wholeTable\" dxfId=\"1\"/>",
				"<tableStyleElement type=\"bogus\"/>", "<tableStyleElement dxfId=\"0\"/>")) {
			Path failing = withTableStyle("<dxfs count=\"1\"><dxf><font><b/></font></dxf></dxfs>", element)
				.write(this.dir.resolve("failing.xlsx"));
			assertThat(this.fast.attempt(failing).fallback()).as(element).startsWith("table style element");
			assertThatThrownBy(() -> assertOpensInPoi(failing)).as("POI refuses it too").isInstanceOf(Exception.class);
			assertThatThrownBy(() -> this.reader.readReturnSheet(failing)).as(element)
				.isInstanceOf(UnreadableFileException.class);
		}
	}

	/**
	 * The small workbook with those differential formats and one table style of those
	 * elements.
	 */
	private static XlsxParts withTableStyle(String dxfs, String elements) {
		return XlsxParts.withRows(DATE_ROW)
			.replace("xl/styles.xml", "<dxfs count=\"0\"/>", dxfs)
			.replace("xl/styles.xml", "<tableStyles count=\"0\"", "<tableStyles count=\"1\"")
			.replace("xl/styles.xml", " defaultPivotStyle=\"PivotStyleLight16\"/>",
					" defaultPivotStyle=\"PivotStyleLight16\"><tableStyle name=\"Báo cáo CĐ\" pivot=\"0\" count=\"2\">"
							+ elements + "</tableStyle></tableStyles>");
	}

	// ---- helpers ----------------------------------------------------------------

	/**
	 * The sheet as the shipped reader reads it, once it is checked that the fast path
	 * handles the file and gives what the streaming path gives.
	 */
	private SheetCells readAlike(Path file) throws UnreadableFileException {
		FastXlsxReader.Attempt attempt = this.fast.attempt(file);
		assertThat(attempt.fallback()).as("fast path on %s", file.getFileName()).isNull();
		String streamed = FastXlsxReaderTests.dump(this.streaming.readReturnSheet(file));
		assertThat(FastXlsxReaderTests.dump(attempt.cells())).isEqualTo(streamed);
		SheetCells cells = this.reader.readReturnSheet(file);
		assertThat(FastXlsxReaderTests.dump(cells)).isEqualTo(streamed);
		return cells;
	}

	/** POI's own usermodel opens the file: tonghop must not refuse it. */
	private static void assertOpensInPoi(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
			assertThat(workbook.getNumberOfSheets()).isPositive();
		}
	}

	private static void save(Workbook workbook, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
	}

}
