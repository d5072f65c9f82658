package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.normalise.LegacyText;
import vn.tonghop.samples.SyntheticReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path gives exactly what the streaming path gives, or leaves the file to it.
 */
class FastXlsxReaderTests {

	private static final LegacyText LEGACY = LegacyText.load();

	final FastXlsxReader fast = new FastXlsxReader();

	/** The existing path alone: every {@code .xlsx} streamed. */
	final WorkbookReader streaming = new WorkbookReader(LEGACY, false);

	/** The reader as shipped: the fast path first. */
	final WorkbookReader reader = new WorkbookReader(LEGACY, true);

	@TempDir
	Path dir;

	@Test
	void columnOfAReferenceIsPoisForEveryOneToThreeLetters() {
		String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		List<String> columns = new ArrayList<>();
		for (char a : letters.toCharArray()) {
			columns.add("" + a);
			for (char b : letters.toCharArray()) {
				columns.add("" + a + b);
				for (char c : letters.toCharArray()) {
					columns.add("" + a + b + c);
				}
			}
		}
		for (String column : columns) {
			assertThat(XlsxValues.column(column + "1")).as(column)
				.isEqualTo(org.apache.poi.ss.util.CellReference.convertColStringToIndex(column));
		}
		assertThat(XlsxValues.column("XFD1048576")).isEqualTo(16383);
		assertThat(XlsxValues.column("C1234567")).isEqualTo(2);
		for (String odd : List.of("", "A", "12", "C12345678", "ABCD1", "c12", "C1A", "C-1", "$C$1", " C1", "C1 ")) {
			assertThat(XlsxValues.column(odd)).as(odd).isEqualTo(-1);
		}
	}

	@Test
	void readsEverySampleAndSyntheticWorkbookAsTheStreamingPathDoes() throws Exception {
		List<Path> samples = new ArrayList<>();
		samples.addAll(workbooks(Path.of("src/test/resources")));
		samples.addAll(workbooks(Path.of("input-samples")));
		Path syntheticDir = this.dir.resolve("synthetic");
		SyntheticReturns.write(syntheticDir, 30, 2026, 20260101L);
		List<Path> synthetic = workbooks(syntheticDir);
		assertThat(samples).hasSizeGreaterThan(20);
		assertThat(synthetic).hasSize(30);

		int samplesHandled = 0;
		for (Path file : samples) {
			if (compare(file)) {
				samplesHandled++;
			}
		}
		for (Path file : synthetic) {
			assertThat(compare(file)).as("synthetic %s is handled by the fast path", file.getFileName()).isTrue();
		}
		System.out.printf(Locale.ROOT, "fast path handled %d of %d samples and all %d synthetic returns%n",
				samplesHandled, samples.size(), synthetic.size());
		assertThat(samplesHandled).as("samples handled by the fast path")
			.isGreaterThanOrEqualTo(samples.size() * 3 / 4);
	}

	/**
	 * Reads a file both ways: when the fast path handles it, the cells must be those of
	 * the streaming path; the shipped reader must always give the streaming path's
	 * answer.
	 */
	private boolean compare(Path file) {
		FastXlsxReader.Attempt attempt = this.fast.attempt(file);
		String expected = outcome(this.streaming, file);
		if (attempt.handled()) {
			assertThat(dump(attempt.cells())).as("fast path on %s", file).isEqualTo(expected);
		}
		else {
			System.out.printf("fast path left %s to the streaming path: %s%n", file, attempt.fallback());
		}
		assertThat(outcome(this.reader, file)).as("reader on %s", file).isEqualTo(expected);
		return attempt.handled();
	}

	/**
	 * A package laid out as Excel writes one: theme, calculation chain, printer settings,
	 * markup-compatibility attributes, extension lists, rich text and phonetic settings.
	 */
	@Test
	void readsAWorkbookLaidOutAsExcelWritesIt() throws Exception {
		Path file = this.dir.resolve("excel.xlsx");
		String contentTypes = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
				<Default Extension="xml" ContentType="application/xml"/>
				<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
				<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
				<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>
				<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
				<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
				<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>
				<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
				<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
				</Types>""";
		String packageRels = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
				<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
				</Relationships>""";
		String app = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
				<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity>
				<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant>
				<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>
				</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr">
				<vt:lpstr>Báo cáo</vt:lpstr></vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion>
				</Properties>""";
		String core = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
				<dc:creator>Nguyễn Văn A</dc:creator><cp:lastModifiedBy>Công đoàn</cp:lastModifiedBy>
				<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-01T02:15:00Z</dcterms:created>
				<dcterms:modified xsi:type="dcterms:W3CDTF">2027-01-05T08:30:12Z</dcterms:modified>
				</cp:coreProperties>""";
		String workbook = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">
				<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>
				<workbookPr defaultThemeVersion="166925"/>
				<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
				<mc:Choice Requires="x15">
				<x15ac:absPath url="C:\\Users\\CongDoan\\Desktop\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/>
				</mc:Choice></mc:AlternateContent>
				<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{8C0D2F6E-1111-4A2B-9C3D-0123456789AB}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>
				<bookViews>
				<workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/>
				</bookViews><sheets><sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets>
				<calcPr calcId="191029"/><extLst>
				<ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">
				<x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>""";
		String workbookRels = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
				<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
				<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>
				<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
				</Relationships>""";
		String theme = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">
				<a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/>
				</a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/>
				</a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>
				<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>
				<a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5>
				<a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>
				<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office">
				<a:majorFont><a:latin typeface="Calibri Light" panose="020F0302020204030204"/>
				<a:ea typeface=""/><a:cs typeface=""/><a:font script="Viet" typeface="Times New Roman"/>
				</a:majorFont><a:minorFont><a:latin typeface="Calibri" panose="020F0502020204030204"/>
				<a:ea typeface=""/><a:cs typeface=""/><a:font script="Viet" typeface="Arial"/></a:minorFont>
				</a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill>
				<a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350">
				<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst>
				<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill>
				<a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements>
				<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>""";
		String styles = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">
				<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0\\ &quot;đồng&quot;"/></numFmts>
				<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/>
				<name val="Times New Roman"/><family val="2"/><charset val="163"/><scheme val="minor"/></font>
				<font><b/><sz val="14"/><color theme="1"/><name val="Times New Roman"/><family val="1"/></font>
				</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>
				<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>
				<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1">
				<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4">
				<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
				<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">
				<alignment horizontal="center"/></xf>
				<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
				<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
				<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
				<dxfs count="0"/>
				<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>
				<extLst>
				<ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">
				<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>
				<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">
				<x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>""";
		String sharedStrings = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
				<si><t>BÁO CÁO KẾT QUẢ</t></si><si><t xml:space="preserve">Số lao động </t></si><si><r><rPr><b/>
				<sz val="11"/><color theme="1"/><rFont val="Times New Roman"/><family val="1"/></rPr>
				<t>Đoàn viên</t></r><r><rPr><sz val="11"/><color theme="1"/><rFont val="Times New Roman"/>
				<family val="1"/></rPr><t xml:space="preserve"> (người)</t></r></si><si><t>Kinh phí</t>
				<phoneticPr fontId="1" type="noConversion"/></si></sst>""";
		String sheet = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{4A7B2C10-0000-4000-8000-000000000001}">
				<dimension ref="A1:D5"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">
				<selection activeCell="D5" sqref="D5"/></sheetView></sheetViews>
				<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols>
				<col min="1" max="1" width="24.7109375" customWidth="1"/>
				<col min="2" max="4" width="14.7109375" customWidth="1"/></cols><sheetData>
				<row r="1" spans="1:4" ht="18.75" x14ac:dyDescent="0.3"><c r="A1" s="1" t="s"><v>0</v></c>
				<c r="B1" s="1"/><c r="C1" s="1"/><c r="D1" s="1"/></row>
				<row r="3" spans="1:4" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>1</v></c><c r="B3" s="2">
				<v>46037</v></c><c r="C3"><v>1284</v></c><c r="D3" s="3"><v>12500000</v></c></row>
				<row r="4" spans="1:4" x14ac:dyDescent="0.25"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>20</v>
				</c><c r="C4"><v>22</v></c><c r="D4"><f>B4+C4</f><v>42</v></c></row>
				<row r="5" spans="1:4" x14ac:dyDescent="0.25"><c r="A5" t="s"><v>3</v></c><c r="B5" t="str">
				<f>A5&amp;"!"</f><v>Kinh phí!</v></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="e"><f>1/0</f>
				<v>#DIV/0!</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>
				<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
				<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/></worksheet>""";
		String sheetRels = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/>
				</Relationships>""";
		String calcChain = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D4" i="1"/>
				<c r="B5"/><c r="D5"/></calcChain>""";
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			put(out, "[Content_Types].xml", contentTypes);
			put(out, "_rels/.rels", packageRels);
			put(out, "docProps/app.xml", app);
			put(out, "docProps/core.xml", core);
			put(out, "xl/workbook.xml", workbook);
			put(out, "xl/_rels/workbook.xml.rels", workbookRels);
			put(out, "xl/theme/theme1.xml", theme);
			put(out, "xl/styles.xml", styles);
			put(out, "xl/sharedStrings.xml", sharedStrings);
			put(out, "xl/worksheets/sheet1.xml", sheet);
			put(out, "xl/worksheets/_rels/sheet1.xml.rels", sheetRels);
			put(out, "xl/printerSettings/printerSettings1.bin", "\u0000\u0001binary");
			put(out, "xl/calcChain.xml", calcChain);
		}
		SheetCells cells = assertHandledAlike(file);
		assertThat(cells.name()).isEqualTo("Báo cáo");
		assertThat(cells.get(2, 0).text()).isEqualTo("Số lao động ");
		assertThat(cells.get(2, 1).text()).isEqualTo("2026-01-15");
		assertThat(cells.get(2, 3).number()).isEqualTo(12500000);
		assertThat(cells.get(3, 0).text()).isEqualTo("Đoàn viên (người)");
		assertThat(cells.get(3, 3).number()).isEqualTo(42);
		assertThat(cells.get(4, 1).text()).isEqualTo("Kinh phí!");
		assertThat(cells.get(4, 2).text()).isEqualTo("TRUE");
		assertThat(cells.get(4, 3).kind()).isEqualTo(RawCell.Kind.ERROR);
	}

	private static void put(ZipOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		out.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

	@Test
	void readsDatesAndNumbersWithTheirFormats() throws Exception {
		Path file = write("dates.xlsx", (workbook) -> {
			Sheet sheet = workbook.createSheet("BaoCao");
			CellStyle custom = workbook.createCellStyle();
			custom.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle builtin = workbook.createCellStyle();
			builtin.setDataFormat((short) 14);
			CellStyle thousands = workbook.createCellStyle();
			thousands.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0"));
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat((short) 10);
			styled(sheet, 0, 46037, custom);
			styled(sheet, 1, 46037.75, builtin);
			styled(sheet, 2, -1, custom);
			styled(sheet, 3, 1284567, thousands);
			styled(sheet, 4, 0.125, percent);
			sheet.createRow(5).createCell(0).setCellValue(12.5);
			sheet.createRow(6).createCell(0).setCellValue(1e-7);
		});
		SheetCells cells = assertHandledAlike(file);
		assertThat(cells.get(0, 0).kind()).isEqualTo(RawCell.Kind.TEXT);
		assertThat(cells.get(0, 0).text()).isEqualTo("2026-01-15");
		assertThat(cells.get(1, 0).text()).isEqualTo("2026-01-15");
		assertThat(cells.get(2, 0).kind()).isEqualTo(RawCell.Kind.NUMBER);
		assertThat(cells.get(3, 0).number()).isEqualTo(1284567);
		assertThat(cells.get(5, 0).text()).isEqualTo("12.5");
	}

	@Test
	void readsEachStyleSheetOnceAndTellsStyleSheetsApartByTheirBytes() throws Exception {
		Path plain = write("plain-styles.xlsx", (workbook) -> {
			Sheet sheet = workbook.createSheet("BaoCao");
			CellStyle format = workbook.createCellStyle();
			format.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.000"));
			styled(sheet, 0, 46037, format);
		});
		long before = this.fast.styleSheetsParsed();
		assertThat(assertHandledAlike(plain).get(0, 0).kind()).isEqualTo(RawCell.Kind.NUMBER);
		long once = this.fast.styleSheetsParsed();
		assertThat(once).isEqualTo(before + 1);
		assertThat(assertHandledAlike(plain).get(0, 0).kind()).isEqualTo(RawCell.Kind.NUMBER);
		assertThat(this.fast.styleSheetsParsed()).as("the same style sheet: not parsed again").isEqualTo(once);
		// the same workbook but for one format code, of the same length: a date now
		Path dated = new Mutation("a date format", "xl/styles.xml", "formatCode=\"0.000\"", "formatCode=\"dd/mm\"")
			.apply(plain);
		RawCell cell = assertHandledAlike(dated).get(0, 0);
		assertThat(this.fast.styleSheetsParsed()).isEqualTo(once + 1);
		assertThat(cell.kind()).isEqualTo(RawCell.Kind.TEXT);
		assertThat(cell.text()).isEqualTo("2026-01-15");
		assertThat(assertHandledAlike(plain).get(0, 0).kind()).isEqualTo(RawCell.Kind.NUMBER);
	}

	/**
	 * The parts every return of a form has alike (content types, relationships, the
	 * workbook's sheets, the styles) are parsed once, known again by what the zip holds.
	 */
	@Test
	void parsesThePartsReturnsHaveAlikeOnceAndTellsThemApartByTheirBytes() throws Exception {
		Path returns = this.dir.resolve("returns");
		SyntheticReturns.write(returns, 3, 2026, 7L);
		List<Path> files = workbooks(returns);
		long before = this.fast.partsParsed();
		assertHandledAlike(files.get(0));
		assertThat(this.fast.partsParsed() - before)
			.as("content types, the package's and the workbook's relationships, the workbook, the styles")
			.isEqualTo(5);
		assertHandledAlike(files.get(1));
		assertHandledAlike(files.get(2));
		assertThat(this.fast.partsParsed() - before).as("the same parts in every return: parsed once").isEqualTo(5);

		// rewritten (every part stored anew), then the same with the sheet renamed: only
		// the workbook part is parsed again, and its sheet is the renamed one
		Path rewritten = rewrite(files.get(0), "xl/workbook.xml", UnaryOperator.identity());
		String name = assertHandledAlike(rewritten).name();
		long afterRewrite = this.fast.partsParsed();
		Path renamed = rewrite(files.get(0), "xl/workbook.xml",
				(xml) -> xml.replace("name=\"" + name + "\"", "name=\"" + name + " 2\""));
		assertThat(assertHandledAlike(renamed).name()).isEqualTo(name + " 2");
		assertThat(this.fast.partsParsed()).isEqualTo(afterRewrite + 1);
		assertThat(assertHandledAlike(rewritten).name()).isEqualTo(name);
		assertThat(this.fast.partsParsed()).as("both workbooks known").isEqualTo(afterRewrite + 1);

		// a workbook part that makes the fast path leave the file is not kept
		Path misplaced = rewrite(files.get(0), "xl/workbook.xml",
				(xml) -> xml.replace("</sheets>", "</sheets><sheet name=\"X\" r:id=\"rId1\"/>"));
		for (int i = 1; i <= 2; i++) {
			assertThat(this.fast.attempt(misplaced).fallback()).contains("sheet element out of place");
			assertThat(this.fast.partsParsed()).isEqualTo(afterRewrite + 1 + i);
		}
	}

	@Test
	void readsSharedAndInlineStrings() throws Exception {
		Path shared = write("shared.xlsx", (workbook) -> {
			Row row = workbook.createSheet("BaoCao").createRow(0);
			row.createCell(0).setCellValue("Liên đoàn Lao động");
			row.createCell(1).setCellValue("   ");
			row.createCell(2).setCellValue("");
			row.createCell(3).setCellValue("Liên đoàn Lao động");
		});
		SheetCells sharedCells = assertHandledAlike(shared);
		assertThat(sharedCells.get(0, 0).text()).isEqualTo("Liên đoàn Lao động");
		assertThat(sharedCells.get(0, 1)).isNull();

		Path inline = this.dir.resolve("inline.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Row row = workbook.createSheet("BaoCao").createRow(0);
			row.createCell(0).setCellValue("Công đoàn cơ sở");
			row.createCell(1).setCellValue(" ");
			row.createCell(2).setCellValue(7);
			save(workbook, inline);
			workbook.dispose();
		}
		assertThat(entry(inline, "xl/worksheets/sheet1.xml")).contains("inlineStr");
		SheetCells inlineCells = assertHandledAlike(inline);
		assertThat(inlineCells.get(0, 0).text()).isEqualTo("Công đoàn cơ sở");

		// an inline string in runs, phonetic run and all: the streaming path joins
		// every text element of the cell
		Path runs = rewrite(inline, "xl/worksheets/sheet1.xml",
				(xml) -> xml.replaceFirst("<is><t>Công đoàn cơ sở</t></is>",
						"<is><r><t>Hà </t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">Nội </t></r>"
								+ "<rPh sb=\"0\" eb=\"1\"><t>ハ</t></rPh></is>"));
		assertThat(assertHandledAlike(runs).get(0, 0).text()).isEqualTo("Hà Nội ハ");
	}

	@Test
	void readsRichTextAsPlainTextWhateverTheRunFonts() throws Exception {
		Path file = write("rich.xlsx", (workbook) -> {
			XSSFFont times = workbook.createFont();
			times.setFontName("Times New Roman");
			XSSFFont arial = workbook.createFont();
			arial.setFontName("Arial");
			arial.setBold(true);
			XSSFRichTextString text = new XSSFRichTextString("Hà Nội RUNFONT");
			text.applyFont(0, 3, times);
			text.applyFont(3, text.length(), arial);
			workbook.createSheet("BaoCao").createRow(0).createCell(0).setCellValue(text);
		});
		assertThat(entry(file, "xl/sharedStrings.xml")).contains("<r>");
		assertThat(assertHandledAlike(file).get(0, 0).text()).isEqualTo("Hà Nội RUNFONT");

		// a legacy font on a run only: the streaming path reads shared strings without
		// their runs, so the text stays as stored; so must the fast path's
		Path legacyRun = rewrite(file, "xl/sharedStrings.xml",
				(xml) -> xml.replaceFirst("<rFont val=\"Arial\"/>", "<rFont val=\".VnTime\"/>")
					.replace("RUNFONT", "Li\u00AAn \u00AEo\u00B5n"));
		assertThat(entry(legacyRun, "xl/sharedStrings.xml")).contains(".VnTime");
		assertThat(assertHandledAlike(legacyRun).get(0, 0).legacy()).isNull();
	}

	@Test
	void decodesEscapesInSharedStringsAsThePoiTableDoes() throws Exception {
		Path file = write("escapes.xlsx", (workbook) -> {
			Row row = workbook.createSheet("BaoCao").createRow(0);
			row.createCell(0).setCellValue("SHARED1");
			row.createCell(1).setCellValue("SHARED2");
			row.createCell(2).setCellValue("SHARED3");
		});
		Path escaped = rewrite(file, "xl/sharedStrings.xml",
				(xml) -> xml.replace("SHARED1", "Dòng 1_x000D_Dòng 2")
					.replace("SHARED2", "_x005F_x0041_ và _x00e9_")
					.replace("SHARED3", "_x0020_"));
		SheetCells cells = assertHandledAlike(escaped);
		assertThat(cells.get(0, 0).text()).isEqualTo("Dòng 1\rDòng 2");
		assertThat(cells.get(0, 1).text()).isEqualTo("_x0041_ và é");
		assertThat(cells.get(0, 2)).as("an escaped space is blank").isNull();

		// inline strings are decoded alike (they kept their escapes: OddWorkbooksTests)
		Path inline = rewrite(escaped, "xl/worksheets/sheet1.xml",
				(xml) -> xml.replaceFirst("<c r=\"A1\" t=\"s\"[^>]*><v>0</v></c>",
						"<c r=\"A1\" t=\"inlineStr\"><is><t>a_x000D_b</t></is></c>"));
		assertThat(entry(inline, "xl/worksheets/sheet1.xml")).contains("a_x000D_b");
		assertThat(assertHandledAlike(inline).get(0, 0).text()).isEqualTo("a\rb");
	}

	@Test
	void readsBooleans() throws Exception {
		Path file = write("booleans.xlsx", (workbook) -> {
			Row row = workbook.createSheet("BaoCao").createRow(0);
			row.createCell(0).setCellValue(true);
			row.createCell(1).setCellValue(false);
			row.createCell(2).setCellValue("B3");
		});
		SheetCells cells = assertHandledAlike(file);
		assertThat(cells.get(0, 0).kind()).isEqualTo(RawCell.Kind.BOOLEAN);
		assertThat(cells.get(0, 0).text()).isEqualTo("TRUE");
		assertThat(cells.get(0, 1).text()).isEqualTo("FALSE");

		Path spelled = rewrite(file, "xl/worksheets/sheet1.xml", (xml) -> xml.replace("<v>1</v>", "<v>true</v>")
			.replace("<v>0</v></c><c r=\"C1\"", "<v>no</v></c><c r=\"C1\""));
		assertHandledAlike(spelled);
	}

	@Test
	void readsErrorsAsTheStreamingPathDoes() throws Exception {
		Path file = write("errors.xlsx", (workbook) -> {
			Row row = workbook.getSheet("BaoCao").createRow(0);
			row.createCell(0).setCellErrorValue(FormulaError.REF.getCode());
			row.createCell(1).setCellErrorValue(FormulaError.DIV0.getCode());
			row.createCell(2).setCellErrorValue(FormulaError.NA.getCode());
			row.createCell(3).setCellFormula("1/0");
			row.createCell(4).setCellErrorValue(FormulaError.VALUE.getCode());
			workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(3));
		}, "BaoCao");
		SheetCells cells = assertHandledAlike(file);
		assertThat(cells.get(0, 0).text()).isEqualTo("#REF!");
		assertThat(cells.get(0, 1).text()).isEqualTo("#DIV/0!");
		assertThat(cells.get(0, 2).text()).isEqualTo("#N/A");

		// an error code POI does not know
		Path unknown = rewrite(file, "xl/worksheets/sheet1.xml", (xml) -> xml.replace("#VALUE!", "#SPILL!"));
		assertThat(entry(unknown, "xl/worksheets/sheet1.xml")).contains("#SPILL!");
		assertHandledAlike(unknown);
	}

	@Test
	void takesCachedFormulaValues() throws Exception {
		Path file = write("cached.xlsx", (workbook) -> {
			Row row = workbook.getSheet("BaoCao").createRow(0);
			row.createCell(0).setCellValue(20);
			row.createCell(1).setCellValue(22);
			row.createCell(2).setCellFormula("A1+B1");
			row.createCell(3).setCellFormula("\"Hà \"&\"Nội\"");
			row.createCell(4).setCellFormula("A1>B1");
			FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			evaluator.evaluateFormulaCell(row.getCell(2));
			evaluator.evaluateFormulaCell(row.getCell(3));
			evaluator.evaluateFormulaCell(row.getCell(4));
		}, "BaoCao");
		SheetCells cells = assertHandledAlike(file);
		assertThat(cells.get(0, 2).kind()).isEqualTo(RawCell.Kind.NUMBER);
		assertThat(cells.get(0, 2).number()).isEqualTo(42);
		assertThat(cells.get(0, 3).text()).isEqualTo("Hà Nội");
		assertThat(cells.get(0, 4).text()).isEqualTo("FALSE");
	}

	@Test
	void leavesFormulaWithoutCachedValueToTheStreamingPath() throws Exception {
		Path file = write("uncached.xlsx", (workbook) -> {
			Row row = workbook.getSheet("BaoCao").createRow(0);
			row.createCell(0).setCellValue(20);
			row.createCell(1).setCellValue(22);
			row.createCell(2).setCellFormula("A1+B1");
		}, "BaoCao");
		assertFallsBackAlike(file, "formula without a cached value");
		RawCell cell = this.reader.readReturnSheet(file).get(0, 2);
		assertThat(cell.kind()).isEqualTo(RawCell.Kind.NUMBER);
		assertThat(cell.number()).isEqualTo(42);
	}

	@Test
	void leavesWorkbooksWithALegacyFontToTheStreamingPath() throws Exception {
		Path file = write("tcvn3.xlsx", (workbook) -> {
			XSSFFont font = workbook.createFont();
			font.setFontName(".VnTime");
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			Cell cell = workbook.getSheet("BaoCao").createRow(0).createCell(0);
			cell.setCellValue("Li\u00AAn \u00AEo\u00B5n");
			cell.setCellStyle(style);
		}, "BaoCao");
		assertFallsBackAlike(file, "legacy font");
		RawCell cell = this.reader.readReturnSheet(file).get(0, 0);
		assertThat(cell.legacy()).isEqualTo("TCVN3");
		assertThat(cell.text()).isEqualTo("Liên đoàn");
	}

	@Test
	void choosesTheSheetNamedBaoCaoAfterAHiddenFirstSheet() throws Exception {
		Path file = write("hidden.xlsx", (workbook) -> {
			workbook.createSheet("Hướng dẫn").createRow(0).createCell(0).setCellValue("đọc kỹ");
			workbook.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("ghi chú");
			workbook.createSheet("Báo cáo").createRow(0).createCell(0).setCellValue("báo cáo");
			workbook.setSheetHidden(0, true);
		});
		assertThat(assertHandledAlike(file).name()).isEqualTo("Báo cáo");

		Path veryHidden = write("very-hidden.xlsx", (workbook) -> {
			workbook.createSheet("Báo cáo").createRow(0).createCell(0).setCellValue("cũ");
			workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("mới");
			workbook.setSheetVisibility(0, org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
		});
		assertThat(assertHandledAlike(veryHidden).name()).isEqualTo("Sheet1");
	}

	@Test
	void skipsTheFeedbackSheet() throws Exception {
		Path file = write("sent-back.xlsx", (workbook) -> {
			workbook.createSheet("Phản hồi").createRow(0).createCell(0).setCellValue("R08");
			workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("biểu");
		});
		assertThat(assertHandledAlike(file).name()).isEqualTo("Sheet1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml",
			"[Content_Types].xml", "xl/_rels/workbook.xml.rels", "docProps/core.xml" })
	void neverResolvesAnEntityAndRefusesADoctype(String part) throws Exception {
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), "SECRET-5F3A");
		Path file = write("plain.xlsx",
				(workbook) -> workbook.getSheet("BaoCao").createRow(0).createCell(0).setCellValue("MARKER"), "BaoCao");
		Path doctype = rewrite(file, part, (xml) -> {
			int root = xml.indexOf('<', xml.indexOf("?>") + 2);
			String name = xml.substring(root + 1).split("[\\s>/]", 2)[0];
			String declared = xml.substring(0, root) + "<!DOCTYPE " + name + " [<!ENTITY xxe SYSTEM \"" + secret.toUri()
					+ "\"><!ENTITY inner \"INNER\">]>" + xml.substring(root);
			return declared.replace("MARKER", "&xxe;&inner;");
		});
		assertThat(entry(doctype, part)).contains("<!DOCTYPE");
		FastXlsxReader.Attempt attempt = this.fast.attempt(doctype);
		assertThat(attempt.handled()).isFalse();
		assertThat(attempt.fallback()).isEqualTo("DOCTYPE declaration");
		// Excel never writes a DOCTYPE: the file is refused saying so, not left to the
		// streaming path (which would refuse it too, less plainly)
		assertThat(outcome(this.streaming, doctype)).doesNotContain("SECRET").doesNotContain("INNER");
		assertThat(outcome(this.reader, doctype)).startsWith("UNREADABLE: ")
			.contains("DOCTYPE")
			.doesNotContain("SECRET");
	}

	@Test
	void leavesOversizedPartsToTheStreamingPath() throws Exception {
		Path file = write("large.xlsx", (workbook) -> {
			Sheet sheet = workbook.getSheet("BaoCao");
			sheet.createRow(0).createCell(0).setCellValue("x".repeat(30_000));
			sheet.createRow(1).createCell(0).setCellValue("y".repeat(30_000));
			sheet.createRow(2).createCell(0).setCellValue("z".repeat(30_000));
			sheet.createRow(3).createCell(0).setCellValue("w".repeat(30_000));
		}, "BaoCao");
		assertFallsBackAlike(file, "entry too large");
	}

	@Test
	void leavesCellsWithoutReferencesToTheStreamingPath() throws Exception {
		Path file = write("no-refs.xlsx", (workbook) -> {
			Row row = workbook.getSheet("BaoCao").createRow(2);
			row.createCell(1).setCellValue("B3");
			row.createCell(2).setCellValue(3);
		}, "BaoCao");
		Path noRefs = rewrite(file, "xl/worksheets/sheet1.xml",
				(xml) -> xml.replaceAll("<c r=\"[A-Z]+[0-9]+\"", "<c").replaceAll("<row r=\"[0-9]+\"", "<row"));
		assertFallsBackAlike(noRefs, "cell without a reference");
	}

	@Test
	void leavesDamagedFilesToTheStreamingPath() throws Exception {
		Path file = write("whole.xlsx",
				(workbook) -> workbook.getSheet("BaoCao").createRow(0).createCell(0).setCellValue("a"), "BaoCao");
		byte[] whole = Files.readAllBytes(file);
		Path truncated = Files.write(this.dir.resolve("truncated.xlsx"),
				java.util.Arrays.copyOf(whole, whole.length / 2));
		assertThat(this.fast.attempt(truncated).handled()).isFalse();
		assertThat(outcome(this.reader, truncated)).isEqualTo(outcome(this.streaming, truncated))
			.startsWith("UNREADABLE");

		Path badXml = rewrite(file, "xl/worksheets/sheet1.xml", (xml) -> xml.replace("</sheetData>", ""));
		assertThat(this.fast.attempt(badXml).handled()).isFalse();
		assertThat(outcome(this.reader, badXml)).isEqualTo(outcome(this.streaming, badXml));
	}

	/**
	 * Edits to real workbooks (one written by POI, one by LibreOffice) that take the
	 * reading into corners: whenever the fast path still handles the file, it must give
	 * what the streaming path gives.
	 */
	@Test
	void readsEditedWorkbooksAsTheStreamingPathDoesOrLeavesThem() throws Exception {
		Path syntheticDir = this.dir.resolve("base");
		SyntheticReturns.write(syntheticDir, 1, 2026, 99L);
		List<Path> bases = List.of(workbooks(syntheticDir).get(0),
				Path.of("src/test/resources/samples/form-formulas-libreoffice.xlsx"));
		String sheet = "xl/worksheets/sheet1.xml";
		String styles = "xl/styles.xml";
		String strings = "xl/sharedStrings.xml";
		List<Mutation> mutations = List.of(
				new Mutation("numbers with spaces", sheet, "<v>([0-9]+(\\.[0-9]+)?)</v>", "<v> $1 </v>"),
				new Mutation("styles out of range", sheet, " s=\"[0-9]+\"", " s=\"999\""),
				new Mutation("no style attributes", sheet, " s=\"[0-9]+\"", ""),
				new Mutation("first cell format a date", styles, "(<cellXfs[^>]*>\\s*<xf[^>]*?)numFmtId=\"0\"",
						"$1numFmtId=\"14\"")
					.and(sheet, " s=\"[0-9]+\"", ""),
				new Mutation("custom date formats", styles, "<numFmts count=\"([0-9]+)\">",
						"<numFmts count=\"$1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>")
					.and(styles, "<numFmts count=\"[0-9]+\"/>",
							"<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>")
					.and(styles, "numFmtId=\"(0|1|3|4)\"", "numFmtId=\"164\""),
				new Mutation("format 14 redefined as General", styles, "<numFmts count=\"[0-9]+\"/>",
						"<numFmts count=\"1\"><numFmt numFmtId=\"14\" formatCode=\"General\"/></numFmts>")
					.and(styles, "numFmtId=\"(1|3|4)\"", "numFmtId=\"14\""),
				new Mutation("a cell twice in a row", sheet, "<c r=\"C(1[0-9])\"", "<c r=\"A$1\"").first(),
				new Mutation("a row number twice", sheet, "<row r=\"6\"", "<row r=\"5\""),
				new Mutation("cells right to left", sheet, "<c r=\"B([0-9]+)\"", "<c r=\"ZZ$1\""),
				new Mutation("cell attributes in another order", sheet,
						"<c r=\"([A-Z]+[0-9]+)\"( s=\"[0-9]+\")?( t=\"[a-z]+\")?", "<c$3$2 r=\"$1\""),
				new Mutation("namespaced cell attributes before the cell's own", sheet, "<c r=",
						"<c xmlns:o=\"urn:other\" o:r=\"ZZ1\" o:t=\"s\" o:s=\"999\" r="),
				new Mutation("rows without numbers", sheet, "<row r=\"[0-9]+\"", "<row"),
				new Mutation("number as formula-less string", sheet, "t=\"n\"", "t=\"str\"").first(),
				new Mutation("number as boolean", sheet, "t=\"n\"", "t=\"b\""),
				new Mutation("error cells", sheet, "t=\"n\"( s=\"[0-9]+\")?><v>[^<]*</v>", "t=\"e\"$1><v>#N/A</v>"),
				new Mutation("unknown error", sheet, "t=\"n\"( s=\"[0-9]+\")?><v>[^<]*</v>",
						"t=\"e\"$1><v>#BOGUS!</v>")
					.first(),
				new Mutation("unknown cell type", sheet, "t=\"n\"", "t=\"x\"").first(),
				new Mutation("ISO date cell", sheet, "t=\"n\"( s=\"[0-9]+\")?><v>[^<]*</v>",
						"t=\"d\"$1><v>2026-01-15</v>")
					.first(),
				new Mutation("only sheet hidden", "xl/workbook.xml", "<sheet ", "<sheet state=\"hidden\" "),
				new Mutation("no core properties", "docProps/core.xml", null, null)
					.and("[Content_Types].xml", "<Override[^>]*core[^>]*/>", "")
					.and("_rels/.rels", "<Relationship[^>]*core-properties[^>]*/>", ""),
				new Mutation("fractional seconds in the core properties", "docProps/core.xml",
						"([0-9]{2}:[0-9]{2}:[0-9]{2})Z", "$1.123Z"),
				new Mutation("xml:lang in the core properties", "docProps/core.xml", "<dc:creator>",
						"<dc:creator xml:lang=\"vi\">"),
				new Mutation("upper-case default extension", "[Content_Types].xml", "Extension=\"xml\"",
						"Extension=\"XML\""),
				new Mutation("no styles part", styles, null, null)
					.and("[Content_Types].xml", "<Override[^>]*styles[^>]*/>", "")
					.and("xl/_rels/workbook.xml.rels", "<Relationship[^>]*/styles\"[^>]*/>", ""),
				new Mutation("phonetic runs", strings, "</t></si>",
						"</t><rPh sb=\"0\" eb=\"1\"><t>PHON</t></rPh></si>"),
				new Mutation("CDATA in shared strings", strings, "<t>([^<]+)</t>", "<t><![CDATA[$1]]></t>").first(),
				new Mutation("comments inside values", sheet, "<v>([0-9])([^<]*)</v>", "<v>$1<!-- note -->$2</v>"),
				new Mutation("lower-case cell reference", sheet, "<c r=\"B", "<c r=\"b").first(),
				new Mutation("empty number", sheet, "t=\"n\"( s=\"[0-9]+\")?><v>[^<]*</v>", "t=\"n\"$1><v></v>")
					.first(),
				new Mutation("empty shared string index", sheet, "t=\"s\"( s=\"[0-9]+\")?><v>[^<]*</v>",
						"t=\"s\"$1><v></v>")
					.first(),
				new Mutation("shared string index out of range", sheet, "t=\"s\"( s=\"[0-9]+\")?><v>[^<]*</v>",
						"t=\"s\"$1><v>99999</v>")
					.first(),
				new Mutation("formula with an empty cached string", sheet, "t=\"s\"( s=\"[0-9]+\")?><v>[^<]*</v>",
						"t=\"str\"$1><f>A1</f><v></v>")
					.first(),
				new Mutation("formula with a cached string", sheet, "t=\"s\"( s=\"[0-9]+\")?><v>[^<]*</v>",
						"t=\"str\"$1><f>A1</f><v>cached</v>")
					.first(),
				new Mutation("invalid merged range", sheet, "</sheetData>",
						"</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:\"/></mergeCells>"),
				new Mutation("hidden column without range", sheet, "<col min=\"1\" max=\"1\"", "<col hidden=\"true\"")
					.first(),
				new Mutation("value outside a cell", sheet, "</sheetData>",
						"</sheetData><extLst><ext uri=\"x\"><x14:v xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\">1</x14:v></ext></extLst>"),
				new Mutation("formula element outside a cell", sheet, "</sheetData>",
						"</sheetData><extLst><ext uri=\"x\"><xm:f xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\">A1</xm:f></ext></extLst>"),
				new Mutation("large numbers", sheet, "t=\"n\"( s=\"[0-9]+\")?><v>[^<]*</v>",
						"t=\"n\"$1><v>1.5E+300</v>"),
				new Mutation("negative numbers", sheet, "t=\"n\"( s=\"[0-9]+\")?><v>([^<]*)</v>",
						"t=\"n\"$1><v>-$2</v>"));
		int handled = 0;
		int all = 0;
		for (Path base : bases) {
			for (Mutation mutation : mutations) {
				Path edited = mutation.apply(base);
				all++;
				FastXlsxReader.Attempt attempt = this.fast.attempt(edited);
				System.out.printf("%s on %s: %s%n", mutation.name(), base.getFileName(),
						attempt.handled() ? "handled" : "left: " + attempt.fallback());
				if (compare(edited)) {
					handled++;
				}
			}
		}
		assertThat(handled).as("edited workbooks the fast path handles").isGreaterThan(all / 3);
	}

	/** Edits to the entries of a workbook: a regular expression and its replacement. */
	private final class Mutation {

		private final String name;

		private final List<String[]> edits = new ArrayList<>();

		private boolean firstOnly;

		Mutation(String name, String entry, String regex, String replacement) {
			this.name = name;
			and(entry, regex, replacement);
		}

		/** Also this edit; a null regex removes the entry. */
		Mutation and(String entry, String regex, String replacement) {
			this.edits.add(new String[] { entry, regex, replacement });
			return this;
		}

		/** Only the first match of the first edit. */
		Mutation first() {
			this.firstOnly = true;
			return this;
		}

		String name() {
			return this.name;
		}

		Path apply(Path base) throws IOException {
			Path file = base;
			boolean first = true;
			for (String[] edit : this.edits) {
				Pattern pattern = (edit[1] != null) ? Pattern.compile(edit[1], Pattern.DOTALL) : null;
				boolean once = first && this.firstOnly;
				file = rewrite(file, edit[0], (pattern == null) ? null : (xml) -> {
					Matcher matcher = pattern.matcher(xml);
					return once ? matcher.replaceFirst(edit[2]) : matcher.replaceAll(edit[2]);
				});
				first = false;
			}
			return file;
		}

	}

	private static double filesPerSecond(WorkbookReader reader, List<Path> files) throws Exception {
		long start = System.nanoTime();
		int cells = 0;
		for (Path file : files) {
			cells += reader.readReturnSheet(file).cellCount();
		}
		long elapsed = System.nanoTime() - start;
		assertThat(cells).isPositive();
		return files.size() / (elapsed / 1e9);
	}

	// ---- helpers ----------------------------------------------------------------

	private SheetCells assertHandledAlike(Path file) {
		FastXlsxReader.Attempt attempt = this.fast.attempt(file);
		assertThat(attempt.fallback()).as("fast path on %s", file.getFileName()).isNull();
		assertThat(dump(attempt.cells())).isEqualTo(outcome(this.streaming, file));
		return attempt.cells();
	}

	private void assertFallsBackAlike(Path file, String reason) {
		FastXlsxReader.Attempt attempt = this.fast.attempt(file);
		assertThat(attempt.handled()).isFalse();
		assertThat(attempt.fallback()).contains(reason);
		assertThat(outcome(this.reader, file)).isEqualTo(outcome(this.streaming, file));
	}

	/** The sheet as text, every field of every cell; or why it could not be read. */
	private static String outcome(WorkbookReader reader, Path file) {
		try {
			return dump(reader.readReturnSheet(file));
		}
		catch (UnreadableFileException ex) {
			return "UNREADABLE: " + ex.getMessage();
		}
		catch (RuntimeException ex) {
			// what the streaming path lets through (an unknown cell type, for one)
			return "FAILS: " + ex;
		}
	}

	static String dump(SheetCells cells) {
		StringBuilder out = new StringBuilder("sheet ").append(cells.name()).append('\n');
		for (int row : cells.rowNumbers()) {
			for (RawCell cell : cells.row(row)) {
				out.append(cell).append('\n');
			}
		}
		return out.append("cells ").append(cells.cellCount()).append(", legacy ").append(cells.legacy()).toString();
	}

	private static List<Path> workbooks(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).filter((path) -> {
				String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
				return name.endsWith(".xlsx") || name.endsWith(".xlsm");
			}).sorted().toList();
		}
	}

	private static void styled(Sheet sheet, int row, double value, CellStyle style) {
		Cell cell = sheet.createRow(row).createCell(0);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private Path write(String name, Consumer<XSSFWorkbook> build, String... sheets) throws IOException {
		Path file = this.dir.resolve(name);
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			for (String sheet : sheets) {
				workbook.createSheet(sheet);
			}
			build.accept(workbook);
			save(workbook, file);
		}
		return file;
	}

	private static void save(Workbook workbook, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
	}

	private static String entry(Path file, String name) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry(name);
			try (InputStream in = zip.getInputStream(entry)) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
	}

	/** A copy of the workbook with one entry's XML edited, or removed for a null edit. */
	private Path rewrite(Path file, String name, UnaryOperator<String> edit) throws IOException {
		Path copy = Files.createTempFile(this.dir, "edited-", ".xlsx");
		try (ZipFile zip = new ZipFile(file.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				byte[] bytes;
				try (InputStream in = zip.getInputStream(entry)) {
					bytes = in.readAllBytes();
				}
				if (entry.getName().equals(name)) {
					if (edit == null) {
						continue;
					}
					bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		return copy;
	}

}
