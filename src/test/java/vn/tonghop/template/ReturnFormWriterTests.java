package vn.tonghop.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReturnFormWriterTests {

	private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	private final ReturnFormWriter writer = new ReturnFormWriter(CATALOGUE);

	@TempDir
	Path dir;

	/**
	 * A filled-in return: every header field, a number for every count, typical texts.
	 */
	static FormContent filledIn() {
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", "CD750101");
		header.put("union_name", "Công đoàn Công ty TNHH May Tín Phát");
		header.put("province", "Đồng Nai");
		header.put("sector", "NNN");
		header.put("industry", "C");
		header.put("parent_union", "Liên đoàn Lao động tỉnh Đồng Nai");
		header.put("year", "2026");
		header.put("preparer", "Nguyễn Thị Lan");
		header.put("prepared_on", "10/01/2027");
		header.put("phone", "0912 345 678");
		header.put("email", "congdoan.tinphat@gmail.com");
		Map<String, FormContent.Entry> values = new LinkedHashMap<>();
		int n = 100;
		for (Indicator indicator : CATALOGUE.all()) {
			if (indicator.kind().numeric()) {
				values.put(indicator.code(), new FormContent.Entry(n, indicator.hasFemaleColumn() ? n / 2 : null));
				n += 10;
			}
		}
		values.put("E06", FormContent.Entry.of(12_500_000L));
		values.put("F03", FormContent.Entry.of("Hoàn thành tốt nhiệm vụ"));
		values.put("F04", FormContent.Entry.of("Có"));
		return new FormContent(header, values);
	}

	private Path write(FormContent content, FormStyle style, String name) throws IOException {
		Path file = this.dir.resolve(name);
		this.writer.write(content, style, file);
		return file;
	}

	private static Workbook open(Path file) throws IOException {
		return WorkbookFactory.create(file.toFile(), null, true);
	}

	@Test
	void writesTheStandardFormWithHeaderTableAndFooterWhereExpected() throws IOException {
		Path file = write(filledIn(), FormStyle.standard(), "standard.xlsx");
		try (Workbook workbook = open(file)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("BaoCao");
			assertThat(text(sheet, 0, 0)).isEqualTo("BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA NĂM 2026");
			assertThat(text(sheet, 3, 1)).isEqualTo("Mã công đoàn cơ sở");
			assertThat(text(sheet, 3, 2)).isEqualTo("CD750101");
			assertThat(text(sheet, 5, 1)).isEqualTo("Tỉnh/thành phố");
			assertThat(text(sheet, 6, 1)).isEqualTo("Khu vực");
			assertThat(text(sheet, 9, 1)).isEqualTo("Năm báo cáo");
			Cell year = sheet.getRow(9).getCell(2);
			assertThat(year.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(year.getNumericCellValue()).isEqualTo(2026);
			assertThat(List.of(text(sheet, 11, 0), text(sheet, 11, 1), text(sheet, 11, 2), text(sheet, 11, 3),
					text(sheet, 11, 4), text(sheet, 11, 5)))
				.containsExactly("STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Tổng số", "Trong đó nữ");
			int row = 12;
			for (Indicator indicator : CATALOGUE.all()) {
				assertThat(sheet.getRow(row).getCell(0).getNumericCellValue()).isEqualTo(row - 11);
				assertThat(text(sheet, row, 1)).isEqualTo(indicator.labelVi());
				assertThat(text(sheet, row, 2)).isEqualTo(indicator.code());
				assertThat(text(sheet, row, 3)).isEqualTo(indicator.unit());
				row++;
			}
			int footer = 12 + CATALOGUE.all().size() + 1;
			assertThat(text(sheet, footer, 3)).isEqualTo("Người lập biểu");
			assertThat(text(sheet, footer, 4)).isEqualTo("Nguyễn Thị Lan");
			assertThat(text(sheet, footer + 1, 3)).isEqualTo("Ngày lập");
			assertThat(text(sheet, footer + 3, 3)).isEqualTo("Email");
		}
	}

	@Test
	void writesNumbersAsNumbersAndTextAsText() throws IOException {
		FormContent content = new FormContent(Map.of("year", "2026"),
				Map.of("A01", new FormContent.Entry(1234, "856"), "A02", new FormContent.Entry("1.180", 812), "E07",
						FormContent.Entry.of("5 triệu"), "E04", FormContent.Entry.of("trên 30"), "F03",
						FormContent.Entry.of("Vững mạnh"), "F04", FormContent.Entry.of("x")));
		WrittenForm form = WrittenForm.read(write(content, FormStyle.standard(), "types.xlsx"), CATALOGUE);
		assertThat(form.indicator("A01").total()).isEqualTo(1234L);
		assertThat(form.indicator("A01").female()).isEqualTo("856");
		assertThat(form.indicator("A02").total()).isEqualTo("1.180");
		assertThat(form.indicator("A02").female()).isEqualTo(812L);
		assertThat(form.indicator("E07").total()).isEqualTo("5 triệu");
		assertThat(form.indicator("E04").total()).isEqualTo("trên 30");
		assertThat(form.indicator("F03").total()).isEqualTo("Vững mạnh");
		assertThat(form.indicator("F04").total()).isEqualTo("x");
		assertThat(form.indicator("A03").total()).isNull();
	}

	@Test
	void leavesTheFemaleCellBlankAndGreyWhereTheIndicatorHasNone() throws IOException {
		FormContent content = new FormContent(Map.of("year", "2026"), Map.of("A04", new FormContent.Entry(12, 7), "B06",
				new FormContent.Entry(17, 17), "F03", new FormContent.Entry("HTTNV", "x")));
		Path file = write(content, FormStyle.standard(), "female.xlsx");
		WrittenForm form = WrittenForm.read(file, CATALOGUE);
		assertThat(form.indicator("A04").total()).isEqualTo(12L);
		assertThat(form.indicator("A04").female()).isNull();
		assertThat(form.indicator("B06").total()).isEqualTo(17L);
		assertThat(form.indicator("B06").female()).isNull();
		assertThat(form.indicator("F03").female()).isNull();
		try (Workbook workbook = open(file)) {
			Sheet sheet = workbook.getSheetAt(0);
			Cell b06Female = sheet.getRow(form.indicator("B06").row()).getCell(form.totalColumn() + 1);
			assertThat(b06Female.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			Cell a01Female = sheet.getRow(form.indicator("A01").row()).getCell(form.totalColumn() + 1);
			assertThat(a01Female.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
		}
	}

	@Test
	void writesABlankTemplateWithEveryIndicatorAndNoValue() throws IOException {
		WrittenForm form = WrittenForm.read(write(FormContent.blank(2027), FormStyle.standard(), "blank.xlsx"),
				CATALOGUE);
		assertThat(form.indicators().keySet())
			.containsExactlyElementsOf(CATALOGUE.all().stream().map(Indicator::code).toList());
		assertThat(form.indicators().values()).allSatisfy((cells) -> {
			assertThat(cells.total()).isNull();
			assertThat(cells.female()).isNull();
		});
		assertThat(form.header("Mã công đoàn cơ sở")).isEmpty();
		assertThat(form.header("Năm báo cáo")).isEqualTo("2027");
	}

	static Stream<Arguments> styles() {
		FormStyle standard = FormStyle.standard();
		return Stream.of(Arguments.of("standard", standard),
				Arguments.of("padding", standard.withPaddingRows(3).withPaddingColumns(2)),
				Arguments.of("swapped", standard.withSwapLabelAndCode(true)),
				Arguments.of("shuffled", standard.withShuffledHeader(true)),
				Arguments.of("nu", standard.withFemaleHeading(FormStyle.NU)),
				Arguments.of("hidden", standard.withHiddenFirstSheet(true)),
				Arguments.of("merged", standard.withMergedCells(true)),
				Arguments.of("labelOnly", standard.withLabelOnlyCodes(Set.of("B05", "E03"))),
				Arguments.of("sheetName", standard.withSheetName("Báo cáo")),
				Arguments.of("extraRows", standard.withExtraRows(true)),
				Arguments.of("variantLabels", standard.withHeaderLabelVariant(true)),
				Arguments.of("unknownRow", standard.withUnknownRow(true)),
				Arguments.of("everything",
						standard.withPaddingRows(2)
							.withPaddingColumns(1)
							.withSwapLabelAndCode(true)
							.withShuffledHeader(true)
							.withFemaleHeading(FormStyle.NU)
							.withHiddenFirstSheet(true)
							.withMergedCells(true)
							.withLabelOnlyCodes(Set.of("A03"))
							.withSheetName("Sheet1")
							.withExtraRows(true)
							.withHeaderLabelVariant(true)
							.withUnknownRow(true)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("styles")
	void everyStyleKeepsHeaderValuesAndFiguresFindableByLabelAndCode(String name, FormStyle style) throws IOException {
		FormContent content = filledIn();
		for (String extension : List.of("xlsx", "xls")) {
			WrittenForm form = WrittenForm.read(write(content, style, name + "." + extension), CATALOGUE);
			boolean variant = style.headerLabelVariant();
			assertThat(form.header(variant ? "Mã CĐCS:" : "Mã công đoàn cơ sở")).isEqualTo("CD750101");
			assertThat(form.header(variant ? "Tên CĐCS:" : "Tên công đoàn cơ sở"))
				.isEqualTo("Công đoàn Công ty TNHH May Tín Phát");
			assertThat(form.header(variant ? "Tỉnh, thành phố:" : "Tỉnh/thành phố")).isEqualTo("Đồng Nai");
			assertThat(form.header(variant ? "Loại hình:" : "Khu vực")).isEqualTo("NNN");
			assertThat(form.header(variant ? "Ngành nghề:" : "Ngành")).isEqualTo("C");
			assertThat(form.header(variant ? "Năm:" : "Năm báo cáo")).isEqualTo("2026");
			assertThat(form.header(variant ? "Người lập biểu:" : "Người lập biểu")).isEqualTo("Nguyễn Thị Lan");
			assertThat(form.header(variant ? "Email:" : "Email")).isEqualTo("congdoan.tinphat@gmail.com");
			for (Indicator indicator : CATALOGUE.all()) {
				FormContent.Entry entry = content.entry(indicator.code());
				WrittenForm.IndicatorCells cells = form.indicator(indicator.code());
				assertThat(cells).as(indicator.code()).isNotNull();
				assertThat(cells.total()).as(indicator.code()).isEqualTo(expected(entry.total()));
				assertThat(cells.female()).as(indicator.code() + "_nu")
					.isEqualTo(indicator.hasFemaleColumn() ? expected(entry.female()) : null);
			}
			assertThat(form.indicator(ReturnFormWriter.UNKNOWN_CODE) != null).isEqualTo(style.unknownRow());
		}
	}

	private static Object expected(Object value) {
		return (value instanceof Number number) ? (Object) number.longValue() : value;
	}

	@Nested
	class Variations {

		@Test
		void paddingMovesTheWholeFormDownAndRight() throws IOException {
			Path file = write(filledIn(), FormStyle.standard().withPaddingRows(3).withPaddingColumns(2), "pad.xlsx");
			try (Workbook workbook = open(file)) {
				Sheet sheet = workbook.getSheetAt(0);
				assertThat(sheet.getRow(0)).isNull();
				assertThat(text(sheet, 3, 2)).startsWith("BÁO CÁO KẾT QUẢ");
			}
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			assertThat(form.tableRow()).isEqualTo(14);
			assertThat(form.labelColumn()).isEqualTo(3);
			assertThat(form.codeColumn()).isEqualTo(4);
		}

		@Test
		void swappingPutsTheCodeColumnBeforeTheLabelColumn() throws IOException {
			WrittenForm form = WrittenForm
				.read(write(filledIn(), FormStyle.standard().withSwapLabelAndCode(true), "swap.xlsx"), CATALOGUE);
			assertThat(form.codeColumn()).isLessThan(form.labelColumn());
		}

		@Test
		void shufflingPutsTwoHeaderPairsOnOneRowInAnotherOrder() throws IOException {
			Path file = write(filledIn(), FormStyle.standard().withShuffledHeader(true), "shuffled.xlsx");
			try (Workbook workbook = open(file)) {
				Sheet sheet = workbook.getSheetAt(0);
				Row first = sheet.getRow(3);
				assertThat(text(first.getCell(1))).isEqualTo("Năm báo cáo");
				assertThat(text(first.getCell(2))).isEqualTo("2026");
				assertThat(text(first.getCell(4))).isEqualTo("Mã công đoàn cơ sở");
				assertThat(text(first.getCell(5))).isEqualTo("CD750101");
			}
		}

		@Test
		void shufflingNeverLeavesABlankValueBesideTheNextLabel() throws IOException {
			FormContent content = new FormContent(Map.of("union_code", "CD1", "year", "2026"), Map.of());
			Path file = write(content, FormStyle.standard().withShuffledHeader(true), "blank-province.xlsx");
			try (Workbook workbook = open(file)) {
				Sheet sheet = workbook.getSheetAt(0);
				for (Row row : sheet) {
					if (text(row.getCell(1)).equals("Tỉnh/thành phố")) {
						assertThat(text(row.getCell(4))).isEmpty();
					}
				}
			}
		}

		@Test
		void theFemaleColumnCanBeHeadedNu() throws IOException {
			Path file = write(filledIn(), FormStyle.standard().withFemaleHeading(FormStyle.NU), "nu.xlsx");
			try (Workbook workbook = open(file)) {
				assertThat(text(workbook.getSheetAt(0), 11, 5)).isEqualTo("Nữ");
			}
		}

		@Test
		void theInstructionsSheetComesFirstAndIsHidden() throws IOException {
			Path file = write(filledIn(), FormStyle.standard().withHiddenFirstSheet(true).withSheetName("Sheet1"),
					"hidden.xlsx");
			try (Workbook workbook = open(file)) {
				assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
				assertThat(workbook.getSheetName(0)).isEqualTo("Hướng dẫn");
				assertThat(workbook.isSheetHidden(0)).isTrue();
				assertThat(workbook.getSheetName(1)).isEqualTo("Sheet1");
				assertThat(workbook.isSheetHidden(1)).isFalse();
				assertThat(workbook.getActiveSheetIndex()).isEqualTo(1);
			}
		}

		@Test
		void mergingSpansTheTitleHeaderValuesAndLabels() throws IOException {
			Path file = write(filledIn(), FormStyle.standard().withMergedCells(true), "merged.xlsx");
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			try (Workbook workbook = open(file)) {
				List<CellRangeAddress> merged = workbook.getSheetAt(0).getMergedRegions();
				assertThat(merged).contains(CellRangeAddress.valueOf("A1:G1"));
				assertThat(merged).anySatisfy((range) -> {
					assertThat(range.getFirstRow()).isEqualTo(3);
					assertThat(range.getFirstColumn()).isEqualTo(3);
					assertThat(range.getNumberOfCells()).isBetween(2, 3);
				});
				int a01 = form.indicator("A01").row();
				assertThat(merged).contains(new CellRangeAddress(a01, a01, 1, 2));
			}
		}

		@Test
		void labelOnlyRowsHaveTheLabelAndTheValueButNoCode() throws IOException {
			Path file = write(filledIn(), FormStyle.standard().withLabelOnlyCodes(Set.of("b05", "E03")), "label.xlsx");
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			try (Workbook workbook = open(file)) {
				Sheet sheet = workbook.getSheetAt(0);
				for (String code : List.of("B05", "E03")) {
					Row row = sheet.getRow(form.indicator(code).row());
					assertThat(text(row.getCell(form.codeColumn()))).isEmpty();
					assertThat(text(row.getCell(form.labelColumn()))).isEqualTo(CATALOGUE.get(code).labelVi());
					assertThat(form.indicator(code).total()).isNotNull();
				}
			}
		}

		@Test
		void sectionHeadingRowsHaveNoCodeAndNoValue() throws IOException {
			Path file = write(filledIn(), FormStyle.standard().withExtraRows(true), "sections.xlsx");
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			try (Workbook workbook = open(file)) {
				Sheet sheet = workbook.getSheetAt(0);
				Row heading = sheet.getRow(form.indicator("A01").row() - 1);
				assertThat(text(heading.getCell(form.labelColumn()))).isEqualTo("A. LAO ĐỘNG, ĐOÀN VIÊN");
				assertThat(text(heading.getCell(form.codeColumn()))).isEmpty();
				assertThat(text(heading.getCell(form.totalColumn()))).isEmpty();
				Row beforeB01 = sheet.getRow(form.indicator("B01").row() - 1);
				assertThat(text(beforeB01.getCell(form.labelColumn()))).isEqualTo("B. THI ĐUA CÁ NHÂN");
			}
		}

		@Test
		void theUnknownRowCarriesCodeG01AndItsValue() throws IOException {
			Map<String, FormContent.Entry> values = new LinkedHashMap<>(filledIn().values());
			values.put("G01", FormContent.Entry.of(3));
			FormContent content = new FormContent(filledIn().header(), values);
			WrittenForm form = WrittenForm
				.read(write(content, FormStyle.standard().withUnknownRow(true), "unknown.xlsx"), CATALOGUE);
			assertThat(form.indicator("G01").total()).isEqualTo(3L);
			assertThat(form.indicator("G01").row()).isEqualTo(form.indicator("F04").row() + 1);
		}

	}

	@Nested
	class Formulas {

		@Test
		void aCachedFormulaCarriesItsValue() throws IOException {
			FormContent content = new FormContent(Map.of("year", "2026"),
					Map.of("A01", new FormContent.Entry(new FormContent.Formula("=412+388", true), 500), "B02",
							new FormContent.Entry(new FormContent.Formula("{B02_nu}+41", true), 35)));
			Path file = write(content, FormStyle.standard().withExtraRows(true), "cached.xlsx");
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			try (Workbook workbook = open(file)) {
				Sheet sheet = workbook.getSheetAt(0);
				Cell a01 = sheet.getRow(form.indicator("A01").row()).getCell(form.totalColumn());
				assertThat(a01.getCellType()).isEqualTo(CellType.FORMULA);
				assertThat(a01.getCellFormula()).isEqualTo("412+388");
				assertThat(((XSSFCell) a01).getCTCell().isSetV()).isTrue();
				assertThat(a01.getNumericCellValue()).isEqualTo(800);
				Cell b02 = sheet.getRow(form.indicator("B02").row()).getCell(form.totalColumn());
				assertThat(b02.getCellFormula()).isEqualTo("F" + (form.indicator("B02").row() + 1) + "+41");
				assertThat(b02.getNumericCellValue()).isEqualTo(76);
			}
		}

		@Test
		void anUncachedFormulaHasNoCachedValue() throws IOException {
			FormContent content = new FormContent(Map.of("year", "2026"),
					Map.of("E04", FormContent.Entry.of(new FormContent.Formula("25+18", false))));
			Path file = write(content, FormStyle.standard(), "uncached.xlsx");
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			try (Workbook workbook = open(file)) {
				Cell e04 = workbook.getSheetAt(0).getRow(form.indicator("E04").row()).getCell(form.totalColumn());
				assertThat(e04.getCellType()).isEqualTo(CellType.FORMULA);
				assertThat(e04.getCellFormula()).isEqualTo("25+18");
				assertThat(((XSSFCell) e04).getCTCell().isSetV()).isFalse();
				assertThat(workbook.getForceFormulaRecalculation()).isTrue();
			}
		}

		@Test
		void rejectsAPlaceholderForAnIndicatorNotOnTheForm() {
			FormContent content = new FormContent(Map.of(),
					Map.of("A01", FormContent.Entry.of(new FormContent.Formula("{Z99}+1", true))));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> write(content, FormStyle.standard(), "bad-formula.xlsx"))
				.withMessageContaining("Z99");
		}

	}

	@Nested
	class Formats {

		@Test
		void writesLegacyXls() throws IOException {
			Path file = write(filledIn(), FormStyle.standard().withMergedCells(true), "form.xls");
			try (Workbook workbook = open(file)) {
				assertThat(workbook).isInstanceOf(HSSFWorkbook.class);
			}
			assertThat(WrittenForm.read(file, CATALOGUE).indicator("A02").total()).isEqualTo(110L);
		}

		@Test
		void writesMacroEnabledXlsm() throws IOException {
			Path file = write(filledIn(), FormStyle.standard(), "form.xlsm");
			try (Workbook workbook = open(file)) {
				assertThat(workbook).isInstanceOf(XSSFWorkbook.class);
				assertThat(((XSSFWorkbook) workbook).getPackagePart().getContentType())
					.isEqualTo("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
			}
			assertThat(WrittenForm.read(file, CATALOGUE).indicator("A02").total()).isEqualTo(110L);
		}

		@ParameterizedTest
		@ValueSource(strings = { "form.csv", "form.ods", "form" })
		void rejectsAnotherExtension(String name) {
			assertThatIllegalArgumentException().isThrownBy(() -> write(filledIn(), FormStyle.standard(), name))
				.withMessageContaining(".xlsx, .xlsm or .xls");
		}

		@Test
		void rejectsACodeOutsideTheCatalogue() {
			FormContent content = new FormContent(Map.of(), Map.of("G01", FormContent.Entry.of(1)));
			assertThatIllegalArgumentException().isThrownBy(() -> write(content, FormStyle.standard(), "g01.xlsx"))
				.withMessageContaining("G01");
		}

		@ParameterizedTest
		@ValueSource(strings = { "same.xlsx", "same.xlsm", "same.xls" })
		void writesTheSameBytesForTheSameContent(String name) throws IOException {
			// the committed input-samples folder must not change when it is re-generated
			Path first = write(filledIn(), FormStyle.standard().withHiddenFirstSheet(true), "a-" + name);
			Path second = write(filledIn(), FormStyle.standard().withHiddenFirstSheet(true), "b-" + name);
			assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
		}

	}

	private static String text(Sheet sheet, int row, int column) {
		Row r = sheet.getRow(row);
		return (r != null) ? text(r.getCell(column)) : "";
	}

	private static String text(Cell cell) {
		return WrittenForm.text(cell);
	}

}
