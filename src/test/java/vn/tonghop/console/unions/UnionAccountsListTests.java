package vn.tonghop.console.unions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.console.unions.UnionAccounts.Change;
import vn.tonghop.console.unions.UnionAccounts.Line;
import vn.tonghop.console.unions.UnionAccounts.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of the unions' accounts: its cells (a code only for a new or re-enabled
 * account, the address but for a disabled one), the workbook as printed (A4 landscape,
 * one page wide, headings repeated), the CSV (BOM, a formula-like name defused), the
 * files' names, and the sign-in names made from union codes.
 */
class UnionAccountsListTests {

	static final String ADDRESS = "https://tonghop.example.vn/";

	static final Outcome OUTCOME = new Outcome(2026, Set.of("75", "01"),
			List.of(new Line("CD010001", "CĐ Công ty Hà Nội", "01", "Hà Nội", "cd010001", "abcdEFGH34679xyz",
					Change.NEW),
					new Line("CD750001", "=HYPERLINK(\"x\")", "75", "Đồng Nai", "cd750001", null, Change.KEPT),
					new Line("CD750002", "CĐ Công ty Sao Mai", "75", "Đồng Nai", "cd750002", "QRTUvwxy34679abc",
							Change.RE_ENABLED),
					new Line("CD750009", "CĐ đã giải thể", "75", "Đồng Nai", "cd750009", null, Change.DISABLED)));

	@TempDir
	Path work;

	@Test
	void theCellsOfEachKindOfLine() {
		UnionAccountsList list = new UnionAccountsList(OUTCOME, ADDRESS);
		assertThat(list.cells(OUTCOME.lines().get(0))).containsExactly("CD010001", "CĐ Công ty Hà Nội", "Hà Nội",
				"cd010001", "abcdEFGH34679xyz", ADDRESS, "tạo mới");
		assertThat(list.cells(OUTCOME.lines().get(1)).subList(3, 7)).containsExactly("cd750001", "đã có tài khoản",
				ADDRESS, "đã có tài khoản");
		assertThat(list.cells(OUTCOME.lines().get(2)).subList(4, 7)).containsExactly("QRTUvwxy34679abc", ADDRESS,
				"kích hoạt lại, mã mới");
		assertThat(list.cells(OUTCOME.lines().get(3)).subList(4, 7)).containsExactly("", "",
				"vô hiệu hoá: không còn trong danh sách");
	}

	@Test
	void theFilesAreNamedAfterTheYearAndTheProvinces() {
		assertThat(new UnionAccountsList(OUTCOME, ADDRESS).fileName("xlsx"))
			.isEqualTo("tai-khoan-cdcs-2026-01-75.xlsx");
		assertThat(new UnionAccountsList(new Outcome(2026, Set.of(), List.of()), ADDRESS).fileName("csv"))
			.isEqualTo("tai-khoan-cdcs-2026.csv");
	}

	@Test
	void theWorkbookPrintsOnA4LandscapeOnePageWideWithItsHeadingsOnEveryPage() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new UnionAccountsList(OUTCOME, ADDRESS).xlsx(bytes);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("Tài khoản bảng điều khiển của các công đoàn cơ sở, năm 2026 — Hà Nội, Đồng Nai");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains(ADDRESS);
			Row headings = sheet.getRow(2);
			for (int i = 0; i < UnionAccountsList.HEADINGS.size(); i++) {
				assertThat(headings.getCell(i).getStringCellValue()).isEqualTo(UnionAccountsList.HEADINGS.get(i));
			}
			assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("abcdEFGH34679xyz");
			assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).as("a name is text, never a formula")
				.isEqualTo("=HYPERLINK(\"x\")");
			assertThat(sheet.getRow(6).getCell(6).getStringCellValue())
				.isEqualTo("vô hiệu hoá: không còn trong danh sách");
			assertThat(sheet.getLastRowNum()).isEqualTo(6);
			PrintSetup print = sheet.getPrintSetup();
			assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(print.getLandscape()).isTrue();
			assertThat(print.getFitWidth()).isEqualTo((short) 1);
			assertThat(print.getFitHeight()).isZero();
			assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
		}
	}

	@Test
	void theCsvBeginsWithAByteOrderMarkAndDefusesFormulas() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new UnionAccountsList(OUTCOME, ADDRESS).csv(bytes);
		String text = bytes.toString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFMã CĐCS,Tên CĐCS,Tỉnh/thành phố,Tên đăng nhập,Mã đăng nhập một lần,"
				+ "Địa chỉ console,Ghi chú\n");
		assertThat(text.lines().toList()).contains(
				"CD010001,CĐ Công ty Hà Nội,Hà Nội,cd010001,abcdEFGH34679xyz," + ADDRESS + ",tạo mới",
				"CD750001,\"'=HYPERLINK(\"\"x\"\")\",Đồng Nai,cd750001,đã có tài khoản," + ADDRESS
						+ ",đã có tài khoản");
	}

	@Test
	void savingLeavesBothFilesAndNoTemporaryOne() throws Exception {
		List<Path> files = new UnionAccountsList(OUTCOME, ADDRESS).save(this.work.resolve("ra"));
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("tai-khoan-cdcs-2026-01-75.xlsx", "tai-khoan-cdcs-2026-01-75.csv");
		try (var listed = Files.list(this.work.resolve("ra"))) {
			assertThat(listed.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("tai-khoan-cdcs-2026-01-75.xlsx", "tai-khoan-cdcs-2026-01-75.csv");
		}
	}

	@Test
	void signInNamesAreTheUnionCodesAsAClerkTypesThem() {
		assertThat(UnionAccounts.freeUsername("CD750330", Set.of())).isEqualTo("cd750330");
		assertThat(UnionAccounts.freeUsername("CĐ 75/03-Đ", Set.of())).isEqualTo("cd-75-03-d");
		assertThat(UnionAccounts.freeUsername("CĐ75.03", Set.of("cd75-03"))).isEqualTo("cd75-03-2");
		assertThat(UnionAccounts.freeUsername("7", Set.of())).isEqualTo("cdcs-7");
		assertThat(UnionAccounts.freeUsername("x".repeat(150), Set.of())).hasSize(90);
	}

}
