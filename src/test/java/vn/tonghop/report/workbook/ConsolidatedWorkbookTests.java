package vn.tonghop.report.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.pjfanning.xlsx.StreamingReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.tonghop.report.workbook.WrittenWorkbook.column;
import static vn.tonghop.report.workbook.WrittenWorkbook.row;
import static vn.tonghop.report.workbook.WrittenWorkbook.summaryRow;
import static vn.tonghop.report.workbook.WrittenWorkbook.value;

class ConsolidatedWorkbookTests {

	static final List<String> SHEETS = List.of("Tổng hợp", "Theo tỉnh", "Theo khu vực", "Tỉnh × khu vực", "Theo ngành",
			"Xếp loại", "Mức độ đầy đủ", "Chưa báo cáo", "Phát hiện", "Báo cáo", "Thông tin");

	static final List<String> TABLE_SHEETS = SHEETS.subList(1, SHEETS.size());

	@TempDir
	Path folder;

	private WrittenWorkbook full() throws IOException {
		return WrittenWorkbook.write(TestInputs.full(), this.folder.resolve("tong-hop-thi-dua-2026.xlsx"));
	}

	private WrittenWorkbook bare() throws IOException {
		return WrittenWorkbook.write(TestInputs.bare(), this.folder.resolve("tong-hop-thi-dua-2026.xlsx"));
	}

	@Test
	void writesTheSheetsInOrderWithVietnameseNames() throws IOException {
		try (WrittenWorkbook written = full()) {
			List<String> names = new ArrayList<>();
			written.workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactlyElementsOf(SHEETS);
			assertThat(written.workbook.getActiveSheetIndex()).isZero();
		}
	}

	@Test
	void replacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
		Path file = this.folder.resolve("tong-hop-thi-dua-2026.xlsx");
		Files.writeString(file, "an older, broken workbook");
		new ConsolidatedWorkbook(TestInputs.CATALOGUE).write(TestInputs.full(), file);
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).containsExactly(file);
		}
		try (WrittenWorkbook written = WrittenWorkbook.write(TestInputs.bare(), file)) {
			assertThat(written.workbook.getNumberOfSheets()).isEqualTo(SHEETS.size());
		}
	}

	/** Files.createTempFile made the workbook readable by its owner only (rw-------). */
	@Test
	void writesAFileAsReadableAsAnyOtherInItsFolder() throws IOException {
		assumeTrue(this.folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
		Path file = this.folder.resolve("tong-hop-thi-dua-2026.xlsx");
		new ConsolidatedWorkbook(TestInputs.CATALOGUE).write(TestInputs.bare(), file);
		Path other = Files.createFile(this.folder.resolve("other.txt"));
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(other));
	}

	@Nested
	class Summary {

		@Test
		void showsKeyTotalsBesideThePreviousYearWithTheChange() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Tổng hợp");
				assertThat(texts(sheet)).contains("BÁO CÁO TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA NĂM 2026");
				Row members = summaryRow(sheet, "A02");
				assertThat(members.getCell(1).getStringCellValue()).isEqualTo("Tổng số đoàn viên công đoàn");
				assertThat(members.getCell(2).getStringCellValue()).isEqualTo("người");
				assertThat(value(members.getCell(3))).isEqualTo(2900.0);
				assertThat(value(members.getCell(4))).isEqualTo(2740.0);
				assertThat(value(members.getCell(5))).isEqualTo(160.0);
				assertThat((double) value(members.getCell(6))).isCloseTo(160.0 / 2740, within(1e-9));
				assertThat(value(summaryRow(sheet, "returns").getCell(3))).isEqualTo(5.0);
				assertThat(value(summaryRow(sheet, "A02_nu").getCell(3))).isEqualTo(1660.0);
				assertThat(value(summaryRow(sheet, "B02").getCell(3))).isEqualTo(1700.0);
				assertThat(value(summaryRow(sheet, "B03").getCell(3))).isEqualTo(160.0);
				assertThat(value(summaryRow(sheet, "B03").getCell(5))).isEqualTo(10.0);
				assertThat(summaryRow(sheet, "A02").getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			}
		}

		@Test
		void computesRatesFromTheTotalsNotFromAveragedRates() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Tổng hợp");
				Row members = summaryRow(sheet, "A02/A01");
				assertThat((double) value(members.getCell(3))).isCloseTo(2900.0 / 4000, within(1e-9));
				assertThat((double) value(members.getCell(4))).isCloseTo(2740.0 / 3950, within(1e-9));
				assertThat(members.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
				assertThat((double) value(summaryRow(sheet, "A02_nu/A02").getCell(3))).isCloseTo(1660.0 / 2900,
						within(1e-9));
				assertThat((double) value(summaryRow(sheet, "B03/B02").getCell(3))).isCloseTo(160.0 / 1700,
						within(1e-9));
				assertThat((double) value(summaryRow(sheet, "F02/F01").getCell(3))).isCloseTo(0.8, within(1e-9));
				assertThat((double) value(summaryRow(sheet, "F03_HTTNV/F03").getCell(3))).isCloseTo(3.0 / 5,
						within(1e-9));
				assertThat((double) value(summaryRow(sheet, "F03_HTTNV/F03").getCell(4))).isCloseTo(2.0 / 5,
						within(1e-9));
			}
		}

		@Test
		void showsCompletenessOfTheReturns() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Tổng hợp");
				assertThat(value(summaryRow(sheet, "expected").getCell(3))).isEqualTo(8.0);
				assertThat(value(summaryRow(sheet, "accepted").getCell(3))).isEqualTo(5.0);
				assertThat(value(summaryRow(sheet, "missing").getCell(3))).isEqualTo(3.0);
				assertThat((double) value(summaryRow(sheet, "reported_share").getCell(3))).isCloseTo(5.0 / 8,
						within(1e-9));
			}
		}

		@Test
		void holdsAMembersBarChartAndARatingPieChartOnItsOwnData() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Tổng hợp");
				List<XSSFChart> charts = ((XSSFDrawing) sheet.getDrawingPatriarch()).getCharts();
				assertThat(charts).hasSizeGreaterThanOrEqualTo(2);
				assertThat(charts.get(0).getCTChart().getPlotArea().getBarChartList()).hasSize(1);
				assertThat(charts.get(1).getCTChart().getPlotArea().getPieChartList()).hasSize(1);
				assertThat(charts.get(0).getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount())
					.isEqualTo(2); // the provinces with returns
				String categories = charts.get(0)
					.getChartSeries()
					.get(0)
					.getSeries(0)
					.getCategoryData()
					.getDataRangeReference();
				assertThat(categories).startsWith("'Tổng hợp'!");
				assertThat(charts.get(1).getChartSeries().get(0).getSeries(0).getValuesData().getPointAt(1))
					.isEqualTo(3.0);
			}
		}

		@Test
		void saysWhenThereIsNoPreviousYearOrRegistry() throws IOException {
			try (WrittenWorkbook written = bare()) {
				XSSFSheet sheet = written.sheet("Tổng hợp");
				assertThat(texts(sheet)).anySatisfy((text) -> assertThat(text).contains("không có số liệu năm trước"));
				Row members = summaryRow(sheet, "A02");
				assertThat(value(members.getCell(3))).isEqualTo(2900.0);
				assertThat(members.getCell(4)).isNull();
				assertThat(value(summaryRow(sheet, "expected").getCell(3))).isNull();
				assertThat(value(summaryRow(sheet, "received").getCell(3))).isEqualTo(6.0);
				assertThat(value(summaryRow(sheet, "reported_share").getCell(3))).isNull();
			}
		}

	}

	@Nested
	class Rollups {

		@Test
		void byProvinceGivesNamesVietnameseHeadingsCodesAndATotal() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Theo tỉnh");
				int members = column(sheet, "A02");
				assertThat(sheet.getRow(Layout.HEADING_ROW).getCell(members).getStringCellValue())
					.isEqualTo("Tổng số đoàn viên công đoàn (người)");
				assertThat(sheet.getRow(Layout.HEADING_ROW).getCell(column(sheet, "A02_nu")).getStringCellValue())
					.isEqualTo("Tổng số đoàn viên công đoàn – trong đó nữ (người)");
				assertThat(sheet.getRow(Layout.HEADING_ROW).getCell(column(sheet, "E06")).getStringCellValue())
					.endsWith("(đồng)");
				assertThat(sheet.getRow(Layout.HEADING_ROW).getCell(column(sheet, "F03_HTXSNV")).getStringCellValue())
					.isEqualTo("Xếp loại: Hoàn thành xuất sắc nhiệm vụ (CĐCS)");
				assertThat(value(sheet, "01", "province_name")).isEqualTo("Hà Nội");
				assertThat(value(sheet, "79", "A02")).isEqualTo(2100.0);
				assertThat(value(sheet, "01", "E06")).isEqualTo(7.5e9);
				assertThat(value(sheet, "04", "A02")).isNull();
				assertThat(value(sheet, "04", "returns")).isEqualTo(0.0);
				Row total = row(sheet, 0, "TOTAL");
				assertThat(total.getRowNum()).isEqualTo(Layout.FIRST_ROW + 3);
				assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
				assertThat(value(total.getCell(members))).isEqualTo(2900.0);
				assertThat(value(sheet, "TOTAL", "returns")).isEqualTo(5.0);
				// every indicator column is there, in order, after the rates
				List<Integer> positions = TestInputs.COLUMNS.stream().map((code) -> column(sheet, code)).toList();
				assertThat(positions).doesNotContain(-1).isSorted();
			}
		}

		@Test
		void computesEachRowsRatesFromItsOwnSums() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Theo tỉnh");
				assertThat((double) value(sheet, "01", "A02/A01")).isCloseTo(0.8, within(1e-9));
				assertThat((double) value(sheet, "79", "A02/A01")).isCloseTo(0.7, within(1e-9));
				assertThat((double) value(sheet, "TOTAL", "A02/A01")).isCloseTo(0.725, within(1e-9));
				assertThat((double) value(sheet, "01", "B02/A01")).isCloseTo(0.5, within(1e-9));
				assertThat((double) value(sheet, "01", "C03/C01")).isCloseTo(0.25, within(1e-9));
				// denominator 0 or missing: empty, never 0 or an error
				assertThat(value(sheet, "79", "C03/C01")).isNull();
				assertThat(value(sheet, "79", "F02/F01")).isNull();
				assertThat(value(sheet, "04", "A02/A01")).isNull();
				assertThat(row(sheet, 0, "01").getCell(column(sheet, "A02/A01")).getCellStyle().getDataFormatString())
					.isEqualTo("0.0%");
				assertThat(row(sheet, 0, "01").getCell(column(sheet, "A02/A01")).getCellType())
					.isEqualTo(CellType.NUMERIC);
			}
		}

		@Test
		void putsThePreviousYearAndTheChangeBesideTheKeyIndicators() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Theo tỉnh");
				assertThat(column(sheet, "A01_2025")).isEqualTo(column(sheet, "A01") + 1);
				assertThat(value(sheet, "01", "A01_2025")).isEqualTo(900.0);
				assertThat(value(sheet, "01", "A01_change")).isEqualTo(100.0);
				assertThat((double) value(sheet, "01", "A01_change_pct")).isCloseTo(100.0 / 900, within(1e-9));
				assertThat(value(sheet, "04", "returns_2025")).isEqualTo(1.0);
				assertThat(value(sheet, "04", "returns_change")).isEqualTo(-1.0);
				assertThat(value(sheet, "04", "A02_change")).isNull(); // no member figure
																		// this year
				assertThat(value(sheet, "TOTAL", "A02_2025")).isEqualTo(2740.0);
				assertThat(value(sheet, "TOTAL", "B03_change")).isEqualTo(10.0);
				assertThat(
						row(sheet, 0, "01").getCell(column(sheet, "A01_change")).getCellStyle().getDataFormatString())
					.isEqualTo(Styles.CHANGE);
				// a sector missing last year compares with nothing
				XSSFSheet sectors = written.sheet("Theo khu vực");
				assertThat(value(sectors, "HCSN", "A02_change")).isEqualTo(100.0);
				assertThat(value(sectors, "NNN", "A02_2025")).isNull();
				assertThat(value(sectors, "NNN", "A02_change")).isNull();
				// no previous industries: no comparison
				assertThat(column(written.sheet("Theo ngành"), "A01_2025")).isEqualTo(-1);
			}
		}

		@Test
		void leavesOutThePreviousYearWhenItIsNotStored() throws IOException {
			try (WrittenWorkbook written = bare()) {
				XSSFSheet sheet = written.sheet("Theo tỉnh");
				assertThat(column(sheet, "A01_2025")).isEqualTo(-1);
				assertThat(column(sheet, "A01_change")).isEqualTo(-1);
				assertThat(value(sheet, "TOTAL", "A02")).isEqualTo(2900.0);
				assertThat(sheet.getRow(Layout.NOTE_ROW).getCell(0).getStringCellValue())
					.contains("Không có số liệu năm trước");
			}
		}

		@Test
		void addsUpProvinceBySectorWhenItHasNoTotal() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Tỉnh × khu vực");
				Row haNoiPrivate = row(sheet, 2, "NNN");
				assertThat(haNoiPrivate.getCell(column(sheet, "province_code")).getStringCellValue()).isEqualTo("01");
				assertThat(haNoiPrivate.getCell(column(sheet, "province_name")).getStringCellValue())
					.isEqualTo("Hà Nội");
				assertThat(haNoiPrivate.getCell(column(sheet, "sector_name")).getStringCellValue())
					.isEqualTo("Doanh nghiệp ngoài nhà nước");
				assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 4);
				assertThat(value(sheet, "TOTAL", "returns")).isEqualTo(5.0);
				assertThat(value(sheet, "TOTAL", "A01")).isEqualTo(4000.0);
				assertThat(value(sheet, "TOTAL", "B07")).isEqualTo(4.0);
				assertThat(value(sheet, "TOTAL", "B02")).isNull();
				assertThat(value(sheet, "TOTAL", "province_name")).isEqualTo("Tổng cộng");
			}
		}

		@Test
		void namesTheIndustryThatWasNotGiven() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Theo ngành");
				assertThat(value(sheet, "C", "industry_name")).isEqualTo("Công nghiệp chế biến, chế tạo");
				Row notGiven = sheet.getRow(Layout.FIRST_ROW + 1);
				assertThat(notGiven.getCell(1).getStringCellValue()).isEqualTo("(không ghi)");
				assertThat(value(notGiven.getCell(column(sheet, "A01")))).isEqualTo(700.0);
				assertThat(value(sheet, "TOTAL", "A01")).isEqualTo(4000.0);
			}
		}

		@Test
		void ratingsGiveTheDistributionByProvinceWithShares() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Xếp loại");
				assertThat(value(sheet, "01", "F03")).isEqualTo(3.0);
				assertThat(value(sheet, "01", "F03_HTTNV")).isEqualTo(2.0);
				assertThat((double) value(sheet, "01", "F03_HTTNV/F03")).isCloseTo(2.0 / 3, within(1e-9));
				assertThat((double) value(sheet, "79", "F03_HTNV/F03")).isCloseTo(0.5, within(1e-9));
				assertThat(value(sheet, "04", "F03_HTNV/F03")).isNull();
				assertThat(value(sheet, "TOTAL", "F03")).isEqualTo(5.0);
				assertThat((double) value(sheet, "TOTAL", "F03_HTXSNV/F03")).isCloseTo(0.2, within(1e-9));
				assertThat((double) value(sheet, "TOTAL", "F03_KHTNV/F03")).isZero();
			}
		}

	}

	@Nested
	class Lists {

		@Test
		void completenessPerProvinceAndPerSector() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Mức độ đầy đủ");
				Row caoBang = row(sheet, 1, "04");
				assertThat(caoBang.getCell(2).getStringCellValue()).isEqualTo("Cao Bằng");
				assertThat(value(caoBang.getCell(column(sheet, "expected")))).isEqualTo(2.0);
				assertThat(value(caoBang.getCell(column(sheet, "missing")))).isEqualTo(2.0);
				assertThat(value(caoBang.getCell(column(sheet, "reported_share")))).isEqualTo(0.0);
				Row administration = row(sheet, 1, "HCSN");
				assertThat(administration.getCell(0).getStringCellValue()).isEqualTo("Khu vực");
				assertThat(value(administration.getCell(column(sheet, "rejected")))).isEqualTo(1.0);
				Row total = row(sheet, 1, "TOTAL");
				assertThat(value(total.getCell(column(sheet, "received")))).isEqualTo(6.0);
				assertThat((double) value(total.getCell(column(sheet, "reported_share")))).isCloseTo(5.0 / 8,
						within(1e-9));
			}
		}

		@Test
		void completenessWithoutRegistryLeavesExpectedAndMissingEmpty() throws IOException {
			try (WrittenWorkbook written = bare()) {
				XSSFSheet sheet = written.sheet("Mức độ đầy đủ");
				assertThat(sheet.getRow(Layout.NOTE_ROW).getCell(0).getStringCellValue())
					.startsWith("Chưa nạp danh sách");
				Row haNoi = row(sheet, 1, "01");
				assertThat(value(haNoi.getCell(column(sheet, "expected")))).isNull();
				assertThat(value(haNoi.getCell(column(sheet, "missing")))).isNull();
				assertThat(value(haNoi.getCell(column(sheet, "accepted")))).isEqualTo(3.0);
				assertThat(written.sheet("Chưa báo cáo").getLastRowNum()).isEqualTo(Layout.HEADING_ROW);
				assertThat(written.sheet("Chưa báo cáo").getRow(Layout.NOTE_ROW).getCell(0).getStringCellValue())
					.startsWith("Chưa nạp danh sách");
			}
		}

		@Test
		void listsTheUnionsThatHaveNotReportedWithNamesAsText() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Chưa báo cáo");
				assertThat(sheet.getLastRowNum()).isEqualTo(Layout.FIRST_ROW + 2);
				Row hostile = row(sheet, 1, "CB-002");
				assertThat(hostile.getCell(2).getCellType()).isEqualTo(CellType.STRING);
				assertThat(hostile.getCell(2).getStringCellValue()).isEqualTo(TestInputs.HOSTILE_NAME);
				assertThat(hostile.getCell(3).getStringCellValue()).isEqualTo("Cao Bằng");
			}
		}

		@Test
		void listsTheFindingsInVietnamese() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Phát hiện");
				assertThat(sheet.getLastRowNum()).isEqualTo(Layout.FIRST_ROW + 2);
				Row error = sheet.getRow(Layout.FIRST_ROW);
				assertThat(error.getCell(column(sheet, "source_file")).getStringCellValue())
					.isEqualTo("2026/hn/dong-anh.xlsx");
				assertThat(error.getCell(column(sheet, "cell")).getStringCellValue()).isEqualTo("D21");
				assertThat(error.getCell(column(sheet, "rule")).getStringCellValue()).isEqualTo("R11");
				assertThat(error.getCell(column(sheet, "severity")).getStringCellValue()).isEqualTo("Lỗi");
				Row formulaLike = sheet.getRow(Layout.FIRST_ROW + 1);
				assertThat(formulaLike.getCell(column(sheet, "message")).getCellType()).isEqualTo(CellType.STRING);
				assertThat(formulaLike.getCell(column(sheet, "message")).getStringCellValue()).isEqualTo("=SUM(A1:A9)");
				assertThat(formulaLike.getCell(column(sheet, "severity")).getStringCellValue()).isEqualTo("Cảnh báo");
				assertThat(formulaLike.getCell(column(sheet, "message")).getCellStyle().getWrapText()).isTrue();
			}
		}

		@Test
		void listsTheAcceptedReturns() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Báo cáo");
				assertThat(sheet.getLastRowNum()).isEqualTo(Layout.FIRST_ROW + 4);
				Row first = sheet.getRow(Layout.FIRST_ROW);
				assertThat(first.getCell(column(sheet, "union_name")).getCellType()).isEqualTo(CellType.STRING);
				assertThat(first.getCell(column(sheet, "union_name")).getStringCellValue())
					.isEqualTo(TestInputs.HOSTILE_NAME);
				assertThat(value(sheet, "HN-000003", "A01")).isEqualTo(103.0);
				assertThat(value(sheet, "HN-000003", "A02")).isNull();
				assertThat(value(sheet, "HN-000003", "F03")).isEqualTo("Hoàn thành tốt nhiệm vụ");
				assertThat(value(sheet, "HN-000003", "province_name")).isEqualTo("Hà Nội");
			}
		}

		@Test
		void tellsHowTheRunWent() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Thông tin");
				assertThat(value(row(sheet, 0, "Thời điểm lập").getCell(1))).isEqualTo("08:30 ngày 15/01/2027");
				assertThat(value(row(sheet, 0, "Số tệp đã đọc").getCell(1))).isEqualTo(8.0);
				assertThat(value(row(sheet, 0, "Số dòng trên trang Báo cáo").getCell(1))).isEqualTo(5.0);
				assertThat(value(row(sheet, 0, "Số phát hiện (lỗi và cảnh báo)").getCell(1))).isEqualTo(3.0);
				assertThat(value(row(sheet, 0, "Trong đó lỗi").getCell(1))).isEqualTo(1.0);
				assertThat(value(row(sheet, 0, "Năm so sánh").getCell(1))).isEqualTo("2025");
				assertThat(value(row(sheet, 0, "Phiên bản công cụ").getCell(1))).isEqualTo("0.1.0-test");
			}
		}

	}

	@Nested
	class Printing {

		/** Fitted to one page wide, a table of 57 columns printed at about 2 pt. */
		@Test
		void everySheetPrintsOnA4LandscapeAtAReadableScaleWithHeaderAndPageNumbers() throws IOException {
			try (WrittenWorkbook written = full()) {
				for (String name : SHEETS) {
					XSSFSheet sheet = written.sheet(name);
					PrintSetup setup = sheet.getPrintSetup();
					assertThat(setup.getLandscape()).as(name).isTrue();
					assertThat(setup.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
					assertThat(sheet.getFitToPage()).as(name).isFalse();
					assertThat(setup.getScale()).as(name).isBetween((short) Layout.MIN_SCALE, (short) 100);
					assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("&12Trang &P / &N");
					assertThat(sheet.getHeader().getCenter()).as(name).endsWith("Tổng hợp thi đua năm 2026 – " + name);
				}
			}
		}

		@Test
		void tablesRepeatTheirHeadingsFreezeThemAndFilterOnThem() throws IOException {
			try (WrittenWorkbook written = full()) {
				for (String name : TABLE_SHEETS) {
					XSSFSheet sheet = written.sheet(name);
					assertThat(sheet.getRepeatingRows().getFirstRow()).as(name).isEqualTo(Layout.THEME_ROW);
					assertThat(sheet.getRepeatingRows().getLastRow()).as(name).isEqualTo(Layout.HEADING_ROW);
					assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
					assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name)
						.isEqualTo((short) Layout.FIRST_ROW);
					assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
					CellRangeAddress filter = CellRangeAddress.valueOf(sheet.getCTWorksheet().getAutoFilter().getRef());
					assertThat(filter.getFirstRow()).as(name).isEqualTo(Layout.HEADING_ROW);
					assertThat(filter.getLastRow()).as(name)
						.isEqualTo(Math.max(sheet.getLastRowNum(), Layout.HEADING_ROW));
					assertThat(filter.getLastColumn()).as(name)
						.isEqualTo(sheet.getRow(Layout.HEADING_ROW).getLastCellNum() - 1);
					for (Cell heading : sheet.getRow(Layout.HEADING_ROW)) {
						assertThat(sheet.getColumnWidth(heading.getColumnIndex())).as(name)
							.isGreaterThanOrEqualTo(6 * 256);
					}
				}
				XSSFSheet provinces = written.sheet("Theo tỉnh");
				assertThat(provinces.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
			}
		}

		/**
		 * The grey row of codes was part of the repeated print titles, and TOTAL,
		 * returns, expected, reported_share were printed in the Mã column.
		 */
		@Test
		void printsNoMachineCode() throws IOException {
			try (WrittenWorkbook written = full()) {
				for (String name : TABLE_SHEETS) {
					XSSFSheet sheet = written.sheet(name);
					assertThat(sheet.getRow(Layout.CODE_ROW).getZeroHeight()).as(name).isTrue();
					assertThat(sheet.getRepeatingRows().getFirstRow()).as(name).isGreaterThan(Layout.CODE_ROW);
					for (int r = Layout.FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
						for (Cell cell : sheet.getRow(r)) {
							assertThat(WrittenWorkbook.text(cell)).as(name).isNotEqualTo(RollupSheets.TOTAL_CODE);
						}
					}
				}
				// the summary's codes are right of its printed columns A–G
				assertThat(written.workbook.getPrintArea(0)).contains("$A$1:$G$");
				assertThat(SummarySheet.CODE_COLUMN).isGreaterThan(6);
				XSSFSheet summary = written.sheet("Tổng hợp");
				for (Row row : summary) {
					for (int c = 0; c < 7; c++) {
						assertThat(WrittenWorkbook.text(row.getCell(c))).isNotIn("returns", "expected",
								"reported_share", "A02/A01", "code", "item");
					}
				}
				// the tool's version and the database are below Thông tin's printed rows
				XSSFSheet info = written.sheet("Thông tin");
				String area = written.workbook.getPrintArea(written.workbook.getSheetIndex(info));
				int lastPrinted = CellRangeAddress.valueOf(area.substring(area.indexOf('!') + 1)).getLastRow();
				assertThat(row(info, 0, "Phiên bản công cụ").getRowNum()).isGreaterThan(lastPrinted);
				assertThat(row(info, 0, "Cơ sở dữ liệu").getRowNum()).isGreaterThan(lastPrinted);
				assertThat(row(info, 0, "Trong đó lỗi").getRowNum()).isLessThanOrEqualTo(lastPrinted);
			}
		}

		/** 50–57 columns squeezed to one page wide printed at about 2 pt. */
		@Test
		void wideTablesPrintAsThematicTablesEachAPageWideWithTheRowLabelsRepeated() throws IOException {
			try (WrittenWorkbook written = full()) {
				for (String name : List.of("Theo tỉnh", "Tỉnh × khu vực", "Báo cáo")) {
					XSSFSheet sheet = written.sheet(name);
					int labels = name.equals("Tỉnh × khu vực") ? 4 : 2;
					assertThat(sheet.getRepeatingColumns().getFirstColumn()).as(name).isZero();
					assertThat(sheet.getRepeatingColumns().getLastColumn()).as(name).isEqualTo(labels - 1);
					int[] breaks = sheet.getColumnBreaks();
					assertThat(breaks).as(name).isNotEmpty();
					Row themes = sheet.getRow(Layout.THEME_ROW);
					List<String> titles = new ArrayList<>();
					int first = labels;
					double scale = sheet.getPrintSetup().getScale() / 100.0;
					List<Integer> lasts = new ArrayList<>();
					for (int b : breaks) {
						lasts.add(b);
					}
					lasts.add((int) sheet.getRow(Layout.HEADING_ROW).getLastCellNum() - 1);
					for (int last : lasts) {
						// each page of columns starts with its theme's heading
						String title = WrittenWorkbook.text(themes.getCell(first));
						assertThat(title).as("%s column %d", name, first).isNotBlank();
						titles.add(title);
						double points = 0;
						for (int c = 0; c < labels; c++) {
							points += Layout.points(sheet.getColumnWidth(c) / 256);
						}
						for (int c = first; c <= last; c++) {
							points += Layout.points(sheet.getColumnWidth(c) / 256);
						}
						assertThat(points * scale).as("%s columns %d–%d", name, first, last)
							.isLessThanOrEqualTo(Layout.PAPER_WIDTH);
						first = last + 1;
					}
					assertThat(titles).as(name)
						.contains(Themes.WORKERS, Themes.TITLES, Themes.COLLECTIVES, Themes.MONEY, Themes.TARGETS);
				}
			}
		}

		/** "Doanh nghiệp có vốn đầu tư nước ngoài" was cut at its cell's edge. */
		@Test
		void longNamesWrapInRowsTallEnoughForThem() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Theo khu vực");
				Row row = row(sheet, 0, "NNN");
				Cell name = row.getCell(1);
				assertThat(name.getCellStyle().getWrapText()).isTrue();
				assertThat(row.getHeightInPoints()).isGreaterThanOrEqualTo(
						Layout.height(Layout.lines(name.getStringCellValue(), sheet.getColumnWidth(1) / 256)));
				assertThat(Layout.lines("Doanh nghiệp có vốn đầu tư nước ngoài", Layout.NAME_WIDTH)).isEqualTo(2);
			}
		}

		@Test
		void theSummaryBreaksPagesSoThatEachChartIsWholeOnOnePage() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Tổng hợp");
				int[] breaks = sheet.getRowBreaks();
				List<XSSFChart> charts = ((XSSFDrawing) sheet.getDrawingPatriarch()).getCharts();
				assertThat(charts).hasSize(2);
				for (XSSFShape shape : ((XSSFDrawing) sheet.getDrawingPatriarch()).getShapes()) {
					XSSFClientAnchor anchor = (XSSFClientAnchor) shape.getAnchor();
					for (int b : breaks) {
						assertThat(b < anchor.getRow1() || b >= anchor.getRow2() - 1)
							.as("break after row %d, chart on rows %d–%d", b, anchor.getRow1(), anchor.getRow2())
							.isTrue();
					}
				}
				// no page holds more rows than the paper: no automatic break either
				String area = written.workbook.getPrintArea(0);
				int last = CellRangeAddress.valueOf(area.substring(area.indexOf('!') + 1)).getLastRow();
				List<Integer> ends = new ArrayList<>();
				for (int b : breaks) {
					ends.add(b);
				}
				ends.add(last);
				int first = 0;
				for (int end : ends) {
					double points = 0;
					for (int r = first; r <= end; r++) {
						Row row = sheet.getRow(r);
						points += (row != null) ? row.getHeightInPoints() : sheet.getDefaultRowHeightInPoints();
					}
					assertThat(points).as("rows %d–%d", first, end).isLessThanOrEqualTo(Layout.PAPER_HEIGHT);
					first = end + 1;
				}
			}
		}

		@Test
		void theSummaryIsHeadedAndSignedAsAnAdministrativeReport() throws IOException {
			Issuer issuer = new Issuer("TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH ĐỒNG NAI", "Đồng Nai", "NGƯỜI LẬP BIỂU",
					"Nguyễn Thị An", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Trần Văn Bình");
			Path file = ConsolidatedWorkbookTests.this.folder.resolve("issued.xlsx");
			new ConsolidatedWorkbook(TestInputs.CATALOGUE, issuer).write(TestInputs.full(), file);
			try (InputStream in = Files.newInputStream(file);
					org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
							in)) {
				XSSFSheet sheet = workbook.getSheet("Tổng hợp");
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("TỔNG LĐLĐ VIỆT NAM");
				assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("LĐLĐ TỈNH ĐỒNG NAI");
				assertThat(sheet.getRow(0).getCell(2).getStringCellValue())
					.isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
				assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Độc lập - Tự do - Hạnh phúc");
				assertThat(sheet.getRow(2).getCell(2).getStringCellValue())
					.isEqualTo("Đồng Nai, ngày 15 tháng 01 năm 2027");
				List<String> texts = texts(sheet);
				assertThat(texts).containsSubsequence("NGƯỜI LẬP BIỂU", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH",
						"Nguyễn Thị An", "Trần Văn Bình");
			}
		}

		@Test
		void withoutTheSettingsLeavesBlanksToFillByHand() throws IOException {
			try (WrittenWorkbook written = full()) {
				XSSFSheet sheet = written.sheet("Tổng hợp");
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(Issuer.DOTS);
				assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(Issuer.DOTS);
				assertThat(sheet.getRow(2).getCell(2).getStringCellValue())
					.isEqualTo("……………, ngày 15 tháng 01 năm 2027");
				assertThat(texts(sheet)).containsSubsequence("NGƯỜI LẬP BIỂU", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH",
						Issuer.DOTS, Issuer.DOTS);
			}
		}

		@Test
		void theSummaryPrintsItsTablesAndChartsNotTheChartData() throws IOException {
			try (WrittenWorkbook written = full()) {
				String area = written.workbook.getPrintArea(0);
				assertThat(area).contains("$A$1:$G$");
			}
		}

	}

	/** Every text of a sheet, row by row. */
	static List<String> texts(XSSFSheet sheet) {
		List<String> texts = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			}
		}
		return texts;
	}

	/** 50,000 returns stream through a window of rows: memory stays flat. */
	@Test
	void streamsFiftyThousandReturns() throws IOException {
		int count = 50_000;
		Path file = this.folder.resolve("tong-hop-thi-dua-2026.xlsx");
		new ConsolidatedWorkbook(TestInputs.CATALOGUE).write(TestInputs.withReturns(TestInputs.returns(count)), file);
		try (InputStream in = Files.newInputStream(file);
				org.apache.poi.ss.usermodel.Workbook workbook = StreamingReader.builder()
					.rowCacheSize(100)
					.bufferSize(4096)
					.open(in)) {
			org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Báo cáo");
			long rows = 0;
			Row last = null;
			for (Row row : sheet) {
				if (row.getRowNum() >= Layout.FIRST_ROW) {
					rows++;
					last = row;
				}
			}
			assertThat(rows).isEqualTo(count);
			assertThat(last.getCell(0).getStringCellValue()).isEqualTo("HN-049999");
			assertThat(last.getCell(1).getStringCellValue()).isEqualTo("CĐCS Công ty số 49999");
		}
	}

}
