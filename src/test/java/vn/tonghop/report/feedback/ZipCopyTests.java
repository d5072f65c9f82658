package vn.tonghop.report.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.samples.OtherWriters;
import vn.tonghop.samples.SyntheticReturns;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;
import vn.tonghop.testing.PrintedPages;
import vn.tonghop.testing.ValidReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy written at the zip level reads the same, through POI, as the copy POI writes:
 * for every sample return and returns the form writer makes (also as other programs save
 * them), with findings on existing cells, on cells and rows the sheet lacks, in merged
 * cells, and without a cell.
 */
class ZipCopyTests {

	private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	private final FeedbackWorkbook feedback = new FeedbackWorkbook();

	@TempDir
	Path dir;

	static Stream<Path> samples() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path folder : List.of(Path.of("src/test/resources/samples"), Path.of("input-samples/2026"))) {
			try (Stream<Path> walk = Files.walk(folder)) {
				walk.filter((file) -> file.toString().endsWith(".xlsx") || file.toString().endsWith(".xlsm"))
					.sorted()
					.forEach(files::add);
			}
		}
		assertThat(files).hasSizeGreaterThan(20);
		return files.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void copiesASampleReturnAsPoiDoes(Path source) throws Exception {
		assertSameAsPoi(source);
	}

	@Test
	void copiesReturnsTheFormWriterMakes() throws Exception {
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", "CD79000123");
		header.put("union_name", "Công đoàn Công ty Ánh Dương");
		header.put("province", "79");
		FormStyle standard = FormStyle.standard();
		List<FormStyle> styles = List.of(standard, standard.withMergedCells(true).withHiddenFirstSheet(true),
				standard.withSheetName("Báo cáo").withPaddingRows(2).withPaddingColumns(1).withExtraRows(true));
		int n = 0;
		for (FormStyle style : styles) {
			Path file = this.dir.resolve("return-" + (n++) + ".xlsx");
			new ReturnFormWriter(CATALOGUE).write(ValidReturns.content(CATALOGUE, header), style, file);
			assertSameAsPoi(file);
		}
	}

	/**
	 * Returns with findings as LibreOffice, openpyxl and WPS save them (numbers typed
	 * {@code t="n"}, entries in another order, inline strings and no shared strings):
	 * still copied at the zip level, as POI copies them.
	 */
	@ParameterizedTest
	@EnumSource(OtherWriters.Kind.class)
	void copiesReturnsOtherProgramsSaved(OtherWriters.Kind kind) throws Exception {
		Path forms = this.dir.resolve("forms");
		SyntheticReturns.write(forms, 10, 2026, 3, 100, 0);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(forms)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		assertThat(files).hasSize(10);
		for (Path form : files) {
			Path source = this.dir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT)).resolve(form.getFileName());
			Files.createDirectories(source.getParent());
			Files.write(source, OtherWriters.rewrite(kind, Files.readAllBytes(form)));
			Path copy = this.dir.resolve("zip-" + kind).resolve(form.getFileName());
			assertThat(this.feedback.writeZip(source, "CD000001", "Công đoàn Công ty X", findings(source), copy))
				.as("%s %s copied at the zip level, not by POI", kind, form.getFileName())
				.isTrue();
			assertSameAsPoi(source);
		}
	}

	@Test
	void copiesTheSmallFormOfTheFeedbackTests() throws Exception {
		Path source = this.dir.resolve("cd-x.xlsx");
		FeedbackWorkbookTests.writeForm(new XSSFWorkbook(), source);
		assertSameAsPoi(source);
		Path zip = this.dir.resolve("zip-again.xlsx");
		assertThat(this.feedback.writeZip(source, "CD000001", "Công đoàn Công ty X", FeedbackWorkbookTests.ITEMS, zip))
			.isTrue();
		try (Workbook workbook = open(zip)) {
			FeedbackWorkbookTests.assertFeedback(workbook, "cd-x.xlsx", 2, FeedbackWorkbookTests.ERROR_FILL,
					FeedbackWorkbookTests.WARNING_FILL);
		}
	}

	@Test
	void shiftsPrintAreasAndTitlesAndKeepsTheSheetsRelationships() throws Exception {
		Path source = this.dir.resolve("printed.xlsx");
		FeedbackWorkbookTests.writeForm(new XSSFWorkbook(), source);
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(source))) {
			workbook.setPrintArea(1, "$A$1:$F$20");
			Sheet form = workbook.getSheet("BaoCao");
			form.setRepeatingRows(CellRangeAddress.valueOf("4:4"));
			form.setAutoFilter(CellRangeAddress.valueOf("B14:F15"));
			Hyperlink link = workbook.getCreationHelper()
				.createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.URL);
			link.setAddress("https://congdoan.vn/huong-dan");
			form.getRow(3).getCell(0).setHyperlink(link);
			try (var out = Files.newOutputStream(source)) {
				workbook.write(out);
			}
		}
		assertSameAsPoi(source);
		Path zip = this.dir.resolve("zip").resolve("printed.xlsx");
		try (Workbook workbook = open(zip)) {
			assertThat(workbook.getPrintArea(2)).isEqualTo("BaoCao!$A$1:$F$20");
			assertThat(workbook.getSheet("BaoCao").getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("4:4"));
			assertThat(FeedbackWorkbookTests.cell(workbook.getSheet("BaoCao"), "A4").getHyperlink().getAddress())
				.isEqualTo("https://congdoan.vn/huong-dan");
		}
	}

	@Test
	void leavesAnXlsToPoi() throws Exception {
		Path source = this.dir.resolve("cd-x.xls");
		FeedbackWorkbookTests.writeForm(new org.apache.poi.hssf.usermodel.HSSFWorkbook(), source);
		Path copy = this.dir.resolve("copy.xls");
		assertThat(this.feedback.writeZip(source, "CD1", "X", FeedbackWorkbookTests.ITEMS, copy)).isFalse();
		assertThat(copy).doesNotExist();
	}

	@Test
	void leavesAMarkedSheetThatHasCommentsToPoi() throws Exception {
		Path source = this.dir.resolve("commented.xlsx");
		FeedbackWorkbookTests.writeForm(new XSSFWorkbook(), source);
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(source))) {
			Sheet sheet = workbook.getSheet("BaoCao");
			Comment comment = sheet.createDrawingPatriarch()
				.createCellComment(workbook.getCreationHelper().createClientAnchor());
			comment.setString(workbook.getCreationHelper().createRichTextString("ghi chú của công đoàn"));
			sheet.getRow(13).getCell(4).setCellComment(comment);
			try (var out = Files.newOutputStream(source)) {
				workbook.write(out);
			}
		}
		Path copy = this.dir.resolve("copy.xlsx");
		assertThat(this.feedback.writeZip(source, "CD1", "X", FeedbackWorkbookTests.ITEMS, copy)).isFalse();
		assertThat(copy).doesNotExist();
		this.feedback.write(source, "CD1", "X", FeedbackWorkbookTests.ITEMS, copy);
		try (Workbook workbook = open(copy)) {
			assertThat(FeedbackWorkbookTests.cell(workbook.getSheet("BaoCao"), "E14")
				.getCellComment()
				.getString()
				.getString()).contains("ghi chú của công đoàn");
		}
	}

	@Test
	void aZipCopyOpensInLibreOffice() throws Exception {
		Path small = this.dir.resolve("cd-nho.xlsx");
		FeedbackWorkbookTests.writeForm(new XSSFWorkbook(), small);
		List<Path> sources = List.of(Path.of("input-samples/2026/ldld-ha-noi/cd-benh-vien-bac-thang-long.xlsm"),
				Path.of("src/test/resources/samples/form-formulas-libreoffice.xlsx"), small);
		for (Path source : sources) {
			List<FeedbackItem> items = findings(source);
			Path copy = this.dir.resolve("lo-" + source.getFileName().toString().replace(".xlsm", ".xlsx"));
			assertThat(this.feedback.writeZip(source, "CD1", "Công đoàn X", items, copy)).isTrue();
			PrintedPages pages = PrintedPages.print(copy, this.dir.resolve("pdf-" + copy.getFileName()), 50);
			assertThat(pages.text()).contains(items.get(0).message());
		}
	}

	// --- the comparison

	private void assertSameAsPoi(Path source) throws Exception {
		List<FeedbackItem> items = findings(source);
		String name = source.getFileName().toString();
		Path zip = this.dir.resolve("zip").resolve(name);
		Path poi = this.dir.resolve("poi").resolve(name);
		assertThat(this.feedback.writeZip(source, "CD000001", "Công đoàn Công ty X", items, zip))
			.as("written at the zip level: %s", source)
			.isTrue();
		this.feedback.writePoi(source, "CD000001", "Công đoàn Công ty X", items, poi);
		try (Workbook z = open(zip); Workbook p = open(poi); Workbook original = open(source)) {
			assertThat(names(z)).as("sheets of %s", source).isEqualTo(names(p));
			assertThat(z.getActiveSheetIndex()).isEqualTo(p.getActiveSheetIndex()).isZero();
			for (int i = 0; i < z.getNumberOfSheets(); i++) {
				assertThat(z.getSheetAt(i).isSelected()).as("selected %s", i).isEqualTo(p.getSheetAt(i).isSelected());
				assertThat(z.isSheetHidden(i)).isEqualTo(p.isSheetHidden(i));
			}
			for (int i = 0; i < original.getNumberOfSheets(); i++) {
				assertSameCells(original.getSheetAt(i), z.getSheetAt(i + 1), false);
				assertSameCells(p.getSheetAt(i + 1), z.getSheetAt(i + 1), true);
			}
			assertSameCells(p.getSheetAt(0), z.getSheetAt(0), true);
			assertSameFeedbackSheet(p.getSheetAt(0), z.getSheetAt(0));
			assertThat(names(z.getAllNames())).as("defined names").isEqualTo(names(p.getAllNames()));
		}
	}

	private static List<String> names(Workbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
		return names;
	}

	private static List<String> names(List<? extends Name> names) {
		return names.stream()
			.map((name) -> name.getNameName() + "@" + name.getSheetIndex() + "=" + name.getRefersToFormula())
			.sorted()
			.toList();
	}

	/**
	 * Every cell's value; with {@code styled}, also its fill, font, format and comment.
	 */
	private static void assertSameCells(Sheet expected, Sheet actual, boolean styled) {
		String sheet = expected.getSheetName();
		for (Row row : expected) {
			for (Cell cell : row) {
				Cell other = (actual.getRow(row.getRowNum()) != null)
						? actual.getRow(row.getRowNum()).getCell(cell.getColumnIndex()) : null;
				String where = sheet + "!" + cell.getAddress();
				if (other == null) {
					assertThat(styled ? value(cell) : (cell.getCellType() == CellType.BLANK ? "" : value(cell)))
						.as("missing %s", where)
						.isEqualTo(styled ? "<absent>" : "");
					continue;
				}
				assertThat(value(other)).as(where).isEqualTo(value(cell));
				if (styled) {
					assertThat(style(other)).as("style of %s", where).isEqualTo(style(cell));
					assertThat(comment(other)).as("comment of %s", where).isEqualTo(comment(cell));
				}
			}
		}
		if (styled) {
			for (Row row : actual) {
				for (Cell cell : row) {
					Row expectedRow = expected.getRow(row.getRowNum());
					assertThat(expectedRow != null && expectedRow.getCell(cell.getColumnIndex()) != null)
						.as("extra cell %s!%s", sheet, cell.getAddress())
						.isTrue();
				}
			}
			assertThat(actual.getMergedRegions()).containsExactlyInAnyOrderElementsOf(expected.getMergedRegions());
		}
	}

	private static String value(Cell cell) {
		return switch (cell.getCellType()) {
			case FORMULA -> "=" + cell.getCellFormula();
			case NUMERIC -> "n" + cell.getNumericCellValue();
			case BOOLEAN -> "b" + cell.getBooleanCellValue();
			case ERROR -> "e" + cell.getErrorCellValue();
			case BLANK -> "";
			default -> "s" + cell.getStringCellValue();
		};
	}

	private static String style(Cell cell) {
		CellStyle style = cell.getCellStyle();
		Font font = cell.getSheet().getWorkbook().getFontAt(style.getFontIndex());
		XSSFColor fill = ((XSSFCellStyle) style).getFillForegroundXSSFColor();
		String fillColor = (fill == null) ? "-"
				: (fill.getRGB() != null) ? java.util.HexFormat.of().formatHex(fill.getRGB()) : "i" + fill.getIndex();
		return style.getFillPattern() + " " + fillColor + " font " + font.getFontName() + "/"
				+ font.getFontHeightInPoints() + "/" + font.getBold() + "/" + font.getItalic() + "/" + font.getColor()
				+ "/" + font.getUnderline() + " fmt " + style.getDataFormatString() + " border " + style.getBorderTop()
				+ style.getBorderBottom() + style.getBorderLeft() + style.getBorderRight() + " align "
				+ style.getAlignment() + style.getVerticalAlignment() + style.getWrapText();
	}

	private static String comment(Cell cell) {
		Comment comment = cell.getCellComment();
		return (comment == null) ? null : comment.getAuthor() + ": " + comment.getString().getString();
	}

	private static void assertSameFeedbackSheet(Sheet expected, Sheet actual) {
		assertThat(actual.getSheetName()).isEqualTo(FeedbackSheet.NAME);
		assertThat(actual.getLastRowNum()).isEqualTo(expected.getLastRowNum());
		for (int r = 0; r <= expected.getLastRowNum(); r++) {
			if (expected.getRow(r) == null) {
				assertThat(actual.getRow(r)).isNull();
				continue;
			}
			assertThat(actual.getRow(r).getHeightInPoints()).as("height of row %s", r)
				.isEqualTo(expected.getRow(r).getHeightInPoints());
			for (int c = 0; c < FeedbackSheet.HEADINGS.length; c++) {
				Cell cell = expected.getRow(r).getCell(c);
				Hyperlink link = (cell != null) ? cell.getHyperlink() : null;
				Hyperlink other = (actual.getRow(r).getCell(c) != null) ? actual.getRow(r).getCell(c).getHyperlink()
						: null;
				assertThat((other != null) ? other.getAddress() : null).as("link in %s", new CellAddress(r, c))
					.isEqualTo((link != null) ? link.getAddress() : null);
			}
		}
		for (int c = 0; c < FeedbackSheet.HEADINGS.length; c++) {
			assertThat(actual.getColumnWidth(c)).isEqualTo(expected.getColumnWidth(c));
		}
		assertThat(actual.getPaneInformation().getHorizontalSplitPosition())
			.isEqualTo(expected.getPaneInformation().getHorizontalSplitPosition());
		assertThat(actual.getRepeatingRows()).isEqualTo(expected.getRepeatingRows());
		assertThat(actual.getPrintSetup().getLandscape()).isTrue();
		assertThat(actual.getPrintSetup().getPaperSize()).isEqualTo(expected.getPrintSetup().getPaperSize());
		assertThat(actual.getPrintSetup().getFitWidth()).isEqualTo(expected.getPrintSetup().getFitWidth());
		assertThat(actual.getPrintSetup().getFitHeight()).isEqualTo(expected.getPrintSetup().getFitHeight());
		assertThat(actual.getFitToPage()).isEqualTo(expected.getFitToPage());
		assertThat(actual.getHorizontallyCenter()).isEqualTo(expected.getHorizontallyCenter());
		assertThat(actual.getFooter().getCenter()).isEqualTo(expected.getFooter().getCenter());
		for (short margin : new short[] { Sheet.LeftMargin, Sheet.TopMargin, Sheet.HeaderMargin }) {
			assertThat(actual.getMargin(margin)).isEqualTo(expected.getMargin(margin));
		}
		assertThat(((XSSFSheet) actual).getCTWorksheet().isSetAutoFilter())
			.isEqualTo(((XSSFSheet) expected).getCTWorksheet().isSetAutoFilter());
	}

	/**
	 * Findings on the sheet with the most rows: an error and a warning on its first cell,
	 * a warning on a middle one, an error on its last, one on a cell beyond its rows, one
	 * beside a row's cells, one inside merged cells, one about the whole return and one
	 * on a sheet it does not have.
	 */
	static List<FeedbackItem> findings(Path source) throws IOException {
		try (Workbook workbook = open(source)) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Sheet candidate : workbook) {
				if (candidate.getPhysicalNumberOfRows() >= sheet.getPhysicalNumberOfRows()) {
					sheet = candidate;
				}
			}
			List<Cell> cells = new ArrayList<>();
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() != CellType.BLANK) {
						cells.add(cell);
					}
				}
			}
			String name = sheet.getSheetName();
			List<FeedbackItem> items = new ArrayList<>();
			if (!cells.isEmpty()) {
				Cell first = cells.get(0);
				items.add(new FeedbackItem(name, first.getAddress().formatAsString(), "R08", "error",
						"Số nữ lớn hơn tổng số & <không hợp lệ> \"đây\"."));
				items.add(new FeedbackItem(name, first.getAddress().formatAsString(), "W05", "warning",
						"Thay đổi hơn 50% so với năm trước."));
				items.add(new FeedbackItem(name, cells.get(cells.size() / 2).getAddress().formatAsString(), "W01",
						"warning", "Ô giữa biểu có giá trị lạ."));
				items.add(new FeedbackItem(name.toUpperCase(java.util.Locale.ROOT),
						cells.get(cells.size() - 1).getAddress().formatAsString(), "R03", "error",
						"Ô cuối của biểu sai."));
				Row firstRow = first.getRow();
				items.add(new FeedbackItem(name,
						new CellAddress(firstRow.getRowNum(), firstRow.getLastCellNum() + 2).formatAsString(), "R05",
						"error", "Ô bên cạnh hàng."));
			}
			else {
				items.add(new FeedbackItem(name, "B2", "R08", "error", "Biểu trống & <không hợp lệ>."));
			}
			items.add(new FeedbackItem(name, new CellAddress(sheet.getLastRowNum() + 3, 8).formatAsString(), "W07",
					"warning", "Mã chỉ tiêu \"G01\" không có trong danh mục."));
			for (CellRangeAddress region : sheet.getMergedRegions()) {
				if (region.getNumberOfCells() > 1) {
					items.add(new FeedbackItem(name,
							new CellAddress(region.getLastRow(), region.getLastColumn()).formatAsString(), "R10",
							"error", "Ô gộp sai."));
					break;
				}
			}
			items.add(new FeedbackItem("", "", "W06", "warning", "Báo cáo này thay thế báo cáo trước đó."));
			items.add(new FeedbackItem("Không có", "A1", "R01", "error", "Trang tính không có trong tệp."));
			return items;
		}
	}

	static Workbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

}
