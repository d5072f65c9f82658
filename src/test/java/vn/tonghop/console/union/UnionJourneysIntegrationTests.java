package vn.tonghop.console.union;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.tonghop.TestDatabase;
import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.console.Browser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.hostile.HostileCorpus;
import vn.tonghop.intake.Checksums;
import vn.tonghop.registry.RegistryReader;
import vn.tonghop.registry.RegistryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What a union's clerk does, in Chromium: signs in with the one-time code of the letter
 * and sets a password; downloads the blank form; uploads a return breaking R11 and reads
 * the cell and the message; downloads the feedback copy, where the cell is marked;
 * uploads the corrected return and sees it accepted, then a later one replacing it; the
 * province's analyst sees the union counted without a run; the union cannot reach another
 * union's upload or the federation's pages by their address; a file of another union, a
 * zip bomb and a web page renamed {@code .xls} are refused with their reasons. Each page
 * is saved under {@code target/console-pages/} (40-…). On the embedded H2 only.
 */
class UnionJourneysIntegrationTests {

	static final String CLERK = "cd750330";

	static final String ONE_TIME = "Ma-Mot-Lan-7Q4K";

	static final String PASSWORD = "Mat-khau-cua-Tan-Mai-2026";

	@TempDir
	static Path work;

	static ConsoleServer server;

	static long otherUpload;

	@BeforeAll
	static void start() throws Exception {
		assumeFalse(TestDatabase.postgresql(), "the browser journeys run once, on the embedded H2");
		Browser.assumeInstalled();
		server = ConsoleServer.start(work);
		Path registry = Path.of("input-samples/danh-sach-cdcs-2026.xlsx");
		server.bean(RegistryStore.class)
			.replace(2026, registry.toAbsolutePath().toString(), Checksums.sha256(registry),
					server.bean(RegistryReader.class).read(registry, 2026).entries());
		ConsoleUsers users = server.bean(ConsoleUsers.class);
		users.createUnion(CLERK, UnionReturns.TAN_MAI_NAME, UnionReturns.TAN_MAI, "75", ONE_TIME);
		// another union, with an upload of its own
		long other = users
			.createUnion("cd750214", "Công đoàn Bệnh viện Đa khoa khu vực Long Khánh", "CD750214", "75", "x-x-x-x-x-x")
			.id();
		users.setPassword(other, ConsoleServer.PASSWORD, false);
		Path file = UnionReturns.write(work.resolve("long khánh.xlsx"), "CD750214",
				"Công đoàn Bệnh viện Đa khoa khu vực Long Khánh", 950, false);
		try (var in = Files.newInputStream(file)) {
			otherUpload = server.bean(UnionUploads.class).receive(other, "CD750214", "long khánh.xlsx", in).id();
		}
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aUnionSendsItsReturnFixesItAndSeesItCount() throws Exception {
		Path sent = Files.createDirectories(work.resolve("máy của đơn vị"));
		try (Browser browser = Browser.open(server)) {
			// the letter's one-time code, then a password of the union's own
			browser.go("/huong-dan");
			assertThat(browser.text()).contains("mã đăng nhập một lần");
			browser.screenshot("40-cdcs-huong-dan");
			browser.signIn(CLERK, ONE_TIME);
			browser.await((driver) -> driver.getCurrentUrl().endsWith("/password"));
			browser.find(By.id("current")).sendKeys(ONE_TIME);
			browser.find(By.id("new-password")).sendKeys(PASSWORD);
			browser.find(By.id("repeated")).sendKeys(PASSWORD);
			browser.screenshot("41-cdcs-doi-mat-khau-lan-dau");
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			browser.await((driver) -> driver.getCurrentUrl().endsWith("/union"));
			assertThat(browser.text()).contains("Báo cáo thi đua năm 2026")
				.contains("CD750330")
				.contains("Đơn vị chưa gửi tệp nào");
			browser.screenshot("42-cdcs-trang-cua-don-vi");

			// the blank form of the year
			browser.find(By.id("blank-form")).click();
			try (Workbook form = WorkbookFactory.create(browser.downloaded("bieu-mau-thi-dua-2026.xlsx").toFile())) {
				assertThat(form.getNumberOfSheets()).isPositive();
			}

			// a return breaking R11: the cell and the message at once
			Path wrong = UnionReturns.write(sent.resolve("Báo cáo Tân Mai.xlsx"), UnionReturns.TAN_MAI,
					UnionReturns.TAN_MAI_NAME, 950, true);
			long started = System.nanoTime();
			send(browser, wrong);
			WebElement r11 = browser
				.find(By.xpath("//table[@id='findings']//tr[td[@class='finding-rule' and .='R11']]"));
			long millis = (System.nanoTime() - started) / 1_000_000;
			String cell = r11.findElement(By.className("finding-cell")).getText();
			String sheetName = r11.findElement(By.tagName("td")).getText();
			assertThat(cell).matches("[A-Z]+[0-9]+");
			assertThat(r11.findElement(By.className("finding-message")).getText()).contains("B03").contains("B02");
			assertThat(browser.find(By.id("verdict")).getText()).contains("bị từ chối");
			browser.screenshot("43-cdcs-bao-cao-bi-tu-choi");
			System.out.println("Từ lúc bấm gửi đến khi thấy phát hiện trên trang: " + millis + " ms");

			// the feedback copy: the cell is marked
			browser.find(By.id("download-feedback")).click();
			Path copy = browser.downloaded("Báo cáo Tân Mai__phan-hoi.xlsx");
			try (Workbook feedback = WorkbookFactory.create(copy.toFile())) {
				CellReference at = new CellReference(cell);
				Sheet sheet = feedback.getSheet(sheetName);
				Row row = sheet.getRow(at.getRow());
				Cell marked = row.getCell(at.getCol());
				assertThat(marked.getCellComment()).as("the comment on " + cell).isNotNull();
				assertThat(marked.getCellComment().getString().getString()).contains("R11");
				assertThat(marked.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			}

			// the corrected return: accepted, and counted for the analyst without a run
			send(browser, UnionReturns.write(sent.resolve("Báo cáo Tân Mai (đã sửa).xlsx"), UnionReturns.TAN_MAI,
					UnionReturns.TAN_MAI_NAME, 950, false));
			assertThat(browser.find(By.id("verdict")).getText()).contains("được chấp nhận");
			browser.screenshot("44-cdcs-bao-cao-duoc-chap-nhan");
			send(browser, UnionReturns.write(sent.resolve("Báo cáo Tân Mai (bổ sung).xlsx"), UnionReturns.TAN_MAI,
					UnionReturns.TAN_MAI_NAME, 980, false));
			assertThat(browser.find(By.id("verdict")).getText()).contains("được chấp nhận");
			browser.go("/union");
			WebElement returns = browser.find(By.id("returns"));
			assertThat(returns.getText()).contains("được tính").contains("đã được thay").contains("A02: 950 → 980");
			String uploads = browser.find(By.id("uploads")).getText();
			assertThat(uploads).contains("Báo cáo Tân Mai.xlsx bị từ chối, cần sửa")
				.contains("Báo cáo Tân Mai (đã sửa).xlsx được chấp nhận");
			browser.screenshot("45-cdcs-cac-lan-gui");

			// another union's upload and the federation's pages, by their address
			browser.go("/union/uploads/" + otherUpload);
			assertThat(browser.text()).doesNotContain("long khánh");
			assertThat(browser.driver().getTitle()).doesNotContain("long khánh");
			browser.screenshot("46-cdcs-tep-cua-don-vi-khac");
			browser.go("/files");
			assertThat(browser.text()).doesNotContain("ldld-dong-nai");

			// a file of another union: refused, nothing kept
			browser.go("/union");
			send(browser, UnionReturns.write(sent.resolve("nhầm tệp.xlsx"), UnionReturns.TIN_PHAT,
					"Công đoàn Công ty TNHH May Tín Phát", 950, false));
			assertThat(browser.text()).contains("bị từ chối").contains("CD750101").contains("không được lưu");
			browser.screenshot("47-cdcs-tep-cua-don-vi-khac-bi-tu-choi");

			// a zip bomb, and a web page saved as .xls
			Path corpus = Files.createDirectories(work.resolve("tệp xấu"));
			Map<String, String> reasons = new java.util.HashMap<>();
			for (HostileCorpus.Case hostile : HostileCorpus.write(corpus)) {
				reasons.put(hostile.file(), hostile.reason());
			}
			browser.go("/union");
			send(browser, corpus.resolve("bom nén.xlsx"));
			assertThat(browser.text()).contains("Không đọc được tệp").contains(reasons.get("bom nén.xlsx"));
			browser.screenshot("48-cdcs-bom-nen");
			browser.go("/union");
			send(browser, corpus.resolve("xuất từ cổng thông tin.xls"));
			assertThat(browser.text()).contains("Không đọc được tệp")
				.contains(reasons.get("xuất từ cổng thông tin.xls"));
			browser.screenshot("49-cdcs-trang-web-doi-duoi-xls");
			browser.signOut();

			// the province's analyst: the union counted, its uploads on the files' page
			browser.signIn(ConsoleServer.DONG_NAI, ConsoleServer.PASSWORD);
			browser.await((driver) -> driver.getCurrentUrl().equals(server.url("/").toString()));
			List<Object> accepted = server
				.query("SELECT COUNT(DISTINCT union_code) AS n FROM return_record WHERE province_code = '75'"
						+ " AND accepted AND superseded_by IS NULL AND report_year = 2026")
				.get(0)
				.values()
				.stream()
				.toList();
			assertThat(browser.find(By.cssSelector("#unions-accepted .value")).getText())
				.isEqualTo(String.valueOf(accepted.get(0)));
			browser.screenshot("50-phan-tich-thay-cdcs-da-gui");

			// the union's uploads among the files: who sent which, the original there
			browser.go("/files?q=CD750330");
			browser.find(By.cssSelector("#files tbody a[href^='/files/']")).click();
			assertThat(browser.find(By.id("uploaded")).getText()).contains("CD750330").contains("Báo cáo Tân Mai");
			assertThat(browser.find(By.id("download-original")).isDisplayed()).isTrue();
			browser.screenshot("56-phan-tich-tep-cdcs-gui-len");

			// her province's union accounts, made from the registry
			browser.go("/unions?year=2026&province=75");
			browser.screenshot("52-tai-khoan-cdcs");
			browser.find(By.cssSelector("form[method=post][action$='/unions'] button[type=submit]")).click();
			browser.await((driver) -> driver.findElement(By.id("accounts")).getText().contains("cd750101"));
			browser.screenshot("53-tai-khoan-cdcs-da-tao");

			// the deadline, yesterday: the union's uploads came after it
			browser.go("/");
			WebElement deadline = browser.find(By.cssSelector("#deadline-75 input[type=date]"));
			String yesterday = java.time.LocalDate.now(vn.tonghop.store.Deadlines.VIETNAM).minusDays(1).toString();
			((org.openqa.selenium.JavascriptExecutor) browser.driver())
				.executeScript("arguments[0].value = arguments[1]", deadline, yesterday);
			browser.find(By.cssSelector("#deadline-75 button[type=submit]")).click();
			browser.find(By.id("deadline-notice"));
			assertThat(browser.find(By.id("unions-late")).getText()).doesNotStartWith("0");
			WebElement deadlines = browser.find(By.id("deadlines"));
			((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
					deadlines);
			browser.screenshot("54-han-nop-va-nop-muon");
			browser.signOut();
			browser.signIn(CLERK, PASSWORD);
			browser.await((driver) -> driver.getCurrentUrl().endsWith("/union"));
			assertThat(browser.find(By.id("deadline")).getText()).contains("hết ngày");
			assertThat(browser.find(By.id("uploads")).getText()).contains("nộp sau hạn");
			browser.screenshot("55-cdcs-nop-sau-han");
		}
	}

	@Test
	void aUnionIsRefusedTheFederationsPages() throws Exception {
		try (Browser browser = Browser.open(server)) {
			browser.signIn("cd750214", ConsoleServer.PASSWORD);
			browser.await((driver) -> driver.getCurrentUrl().endsWith("/union"));
			assertThat(browser.text()).contains("long khánh.xlsx");
			browser.go("/rollups");
			assertThat(browser.text()).contains("Không được phép").doesNotContain("A02");
			browser.screenshot("51-cdcs-trang-cua-lien-doan");
			browser.go("/admin/users");
			assertThat(browser.text()).contains("Không được phép");
		}
	}

	/**
	 * On the union's page, chooses the file in its upload form and sends it; waits for
	 * its result.
	 */
	private static void send(Browser browser, Path file) {
		if (!browser.driver().getCurrentUrl().endsWith("/union")) {
			browser.go("/union");
		}
		WebElement input = browser.find(By.id("file"));
		input.sendKeys(file.toAbsolutePath().toString());
		assertThat(browser.find(By.id("chosen")).getText()).isEqualTo(file.getFileName().toString());
		browser.find(By.id("send")).click();
		browser.await((driver) -> driver.getCurrentUrl().contains("/union/uploads/"));
		browser.find(By.id("verdict"));
	}

}
