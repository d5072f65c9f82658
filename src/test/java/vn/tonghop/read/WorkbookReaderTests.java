package vn.tonghop.read;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.intake.Checksums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkbookReaderTests {

	final WorkbookReader reader = new WorkbookReader();

	@TempDir
	Path dir;

	static Path sample(String name) {
		try {
			return Path.of(WorkbookReaderTests.class.getResource("/samples/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void readsLegacyXlsSavedByLibreOffice() throws Exception {
		SheetCells cells = this.reader.readReturnSheet(sample("form-libreoffice.xls"));
		assertThat(cells.name()).isEqualTo("BaoCao");
		assertThat(cells.cellCount()).isGreaterThan(100);
	}

	@Test
	void skipsHiddenFirstSheet() throws Exception {
		SheetCells cells = this.reader.readReturnSheet(sample("form-edited.xlsx"));
		assertThat(cells.name()).isNotEqualToIgnoringCase("Hướng dẫn").isEqualTo("BaoCao");
	}

	@Test
	void prefersTheSheetNamedBaoCaoOverAnEarlierVisibleSheet() throws Exception {
		Path file = this.dir.resolve("two-sheets.xlsx");
		try (Workbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("ghi chú");
			workbook.createSheet("Báo cáo").createRow(0).createCell(0).setCellValue("báo cáo");
			write(workbook, file);
		}
		assertThat(this.reader.readReturnSheet(file).name()).isEqualTo("Báo cáo");
	}

	@Test
	void neverTakesTheFeedbackSheetOfACopySentBackAsTheReturn() throws Exception {
		Path file = this.dir.resolve("sent-back.xlsx");
		try (Workbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("Phản hồi").createRow(0).createCell(0).setCellValue("R08");
			workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("biểu");
			write(workbook, file);
		}
		assertThat(this.reader.readReturnSheet(file).name()).isEqualTo("Sheet1");
	}

	@Test
	void readsEachRichTextRunInItsOwnFont() throws Exception {
		Path file = this.dir.resolve("mixed-fonts.xls");
		try (org.apache.poi.hssf.usermodel.HSSFWorkbook workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
			org.apache.poi.ss.usermodel.Font tcvn3 = workbook.createFont();
			tcvn3.setFontName(".VnTime");
			org.apache.poi.ss.usermodel.Font unicode = workbook.createFont();
			unicode.setFontName("Times New Roman");
			String legacy = "Li\u00AAn \u00AEo\u00B5n ";
			org.apache.poi.hssf.usermodel.HSSFRichTextString text = new org.apache.poi.hssf.usermodel.HSSFRichTextString(
					legacy + "Hà Nội");
			text.applyFont(0, legacy.length(), tcvn3);
			text.applyFont(legacy.length(), text.length(), unicode);
			workbook.createSheet("BaoCao").createRow(0).createCell(0).setCellValue(text);
			write(workbook, file);
		}
		RawCell cell = this.reader.readReturnSheet(file).get(0, 0);
		assertThat(cell.text()).isEqualTo("Liên đoàn Hà Nội");
		assertThat(cell.legacy()).isEqualTo("TCVN3");
		assertThat(cell.original()).isEqualTo("Li\u00AAn \u00AEo\u00B5n Hà Nội");
	}

	@Test
	void leavesUnicodeTextInAUnicodeFontAlone() throws Exception {
		SheetCells cells = this.reader.readReturnSheet(sample("form-edited.xlsx"));
		assertThat(cells.legacy()).isEmpty();
	}

	@Test
	void takesCachedValuesOfFormulas() throws Exception {
		SheetCells cells = this.reader.readReturnSheet(sample("form-formulas-libreoffice.xlsx"));
		assertThat(cells.rowNumbers()).isNotEmpty();
		boolean found47 = cells.rowNumbers()
			.stream()
			.flatMap((r) -> cells.row(r).stream())
			.anyMatch((c) -> c.isNumber() && c.number() == 47);
		assertThat(found47).as("A01 = 47 from its cached formula value").isTrue();
	}

	@Test
	void calculatesFormulaWithoutCachedValue() throws Exception {
		Path file = this.dir.resolve("uncached.xlsx");
		try (Workbook workbook = new XSSFWorkbook()) {
			Row row = workbook.createSheet("BaoCao").createRow(0);
			row.createCell(0).setCellValue(20);
			row.createCell(1).setCellValue(22);
			row.createCell(2).setCellFormula("A1+B1");
			write(workbook, file);
		}
		RawCell cell = this.reader.readReturnSheet(file).get(0, 2);
		assertThat(cell.kind()).isEqualTo(RawCell.Kind.NUMBER);
		assertThat(cell.number()).isEqualTo(42);
	}

	@Test
	void keepsFormulaThatCannotBeCalculatedAsUncalculated() throws Exception {
		Path file = this.dir.resolve("external.xlsx");
		try (Workbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("BaoCao");
			sheet.createRow(0).createCell(0).setCellFormula("FORECAST.ETS(1,2,3)");
			write(workbook, file);
		}
		RawCell cell = this.reader.readReturnSheet(file).get(0, 0);
		assertThat(cell.kind()).isIn(RawCell.Kind.UNCALCULATED, RawCell.Kind.ERROR);
	}

	@Test
	void neverModifiesTheInputFile() throws Exception {
		Path copy = this.dir.resolve("copy.xlsx");
		Files.copy(sample("form-edited.xlsx"), copy);
		String before = Checksums.sha256(copy);
		var modified = Files.getLastModifiedTime(copy);
		this.reader.readReturnSheet(copy);
		assertThat(Checksums.sha256(copy)).isEqualTo(before);
		assertThat(Files.getLastModifiedTime(copy)).isEqualTo(modified);
	}

	@Nested
	class UnreadableFiles {

		/**
		 * A budget of no time at all: every path stops at its first check of the clock.
		 */
		final ReadLimits noTime = new ReadLimits(ReadLimits.DEFAULT.maxFileBytes(),
				ReadLimits.DEFAULT.maxUnzippedBytes(), ReadLimits.DEFAULT.maxSharedStringsBytes(),
				ReadLimits.DEFAULT.maxCells(), java.time.Duration.ZERO);

		@Test
		void stopsAFileThatTakesLongerThanItsTime() {
			for (String name : new String[] { "form-edited.xlsx", "form-libreoffice.xls" }) {
				for (boolean fast : new boolean[] { true, false }) {
					WorkbookReader slow = new WorkbookReader(vn.tonghop.normalise.LegacyText.load(), fast, this.noTime);
					assertThatThrownBy(() -> slow.readReturnSheet(sample(name))).as(name)
						.isInstanceOf(UnreadableFileException.class)
						.hasMessageContaining("quá 0 giây")
						.hasMessageContaining("tonghop.limits.max-time");
				}
			}
		}

		@Test
		void stopsACsvFileThatTakesLongerThanItsTime() {
			CsvSheetReader slow = new CsvSheetReader(vn.tonghop.normalise.LegacyText.load(), this.noTime);
			assertThatThrownBy(() -> slow.read(sample("table-2025-utf16.csv")))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessageContaining("tonghop.limits.max-time");
		}

		@Test
		void rejectsAFileOverTheSizeLimit() {
			WorkbookReader small = new WorkbookReader(vn.tonghop.normalise.LegacyText.load(), true,
					new ReadLimits(1000, 1L << 30, 1L << 30, 1000, java.time.Duration.ofSeconds(60)));
			assertThatThrownBy(() -> small.readReturnSheet(sample("form-edited.xlsx")))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessageContaining("tonghop.limits.max-file-size");
		}

		@Test
		void rejectsEmptyFile() throws IOException {
			Path file = Files.createFile(WorkbookReaderTests.this.dir.resolve("empty.xlsx"));
			assertThatThrownBy(() -> WorkbookReaderTests.this.reader.readReturnSheet(file))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessageContaining("rỗng");
		}

		@Test
		void rejectsHtmlNamedXls() throws IOException {
			Path file = WorkbookReaderTests.this.dir.resolve("portal-export.xls");
			Files.writeString(file, "<html><body><table><tr><td>1</td></tr></table></body></html>");
			assertThatThrownBy(() -> WorkbookReaderTests.this.reader.readReturnSheet(file))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessageContaining("trang web (HTML)");
		}

		@Test
		void rejectsTruncatedWorkbook() throws Exception {
			byte[] whole = Files.readAllBytes(sample("form-edited.xlsx"));
			Path file = WorkbookReaderTests.this.dir.resolve("truncated.xlsx");
			Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
			assertThatThrownBy(() -> WorkbookReaderTests.this.reader.readReturnSheet(file))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessageContaining("hỏng");
		}

	}

	private static void write(Workbook workbook, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
	}

}
