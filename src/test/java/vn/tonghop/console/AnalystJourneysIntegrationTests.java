package vn.tonghop.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import vn.tonghop.TestDatabase;
import vn.tonghop.cli.ConsoleServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What people do in the console, in Chromium: an analyst signs in, sees the year, opens a
 * rejected file and reads the cell of its finding, clicks a province's total and sees the
 * returns behind it summing to it, starts a consolidation and watches it finish,
 * downloads the workbook; an analyst of another province cannot reach that file by its
 * address; the federation creates a user and disables her. Each page is saved under
 * {@code target/console-pages/}. On the embedded H2 only.
 */
class AnalystJourneysIntegrationTests {

	@TempDir
	static Path work;

	static ConsoleServer server;

	@BeforeAll
	static void start() throws Exception {
		assumeFalse(TestDatabase.postgresql(), "the browser journeys run once, on the embedded H2");
		Browser.assumeInstalled();
		server = ConsoleServer.start(work);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	/** The file page of the sample return of Đồng Nai that R01 rejects. */
	static String rejectedFileOfDongNai() {
		Object id = server
			.query("SELECT MAX(id) FROM intake_log WHERE source_file = ?",
					"ldld-dong-nai/cd-cong-ty-thuc-pham-sao-mai.xlsx")
			.get(0)
			.values()
			.iterator()
			.next();
		return "/files/" + id;
	}

	@Test
	void anAnalystReadsTracesRunsAndDownloads() throws Exception {
		try (Browser browser = Browser.open(server)) {
			browser.signIn(ConsoleServer.DONG_NAI, ConsoleServer.PASSWORD);
			browser.await((driver) -> driver.getCurrentUrl().equals(server.url("/").toString()));
			String year = browser.text();
			assertThat(year).contains("2026");
			browser.screenshot("10-tong-quan-nam");

			// the rejected files of her province, then one of them
			browser.go("/files");
			browser.screenshot("11-tep-va-phat-hien");
			browser.go("/files?status=rejected");
			assertThat(browser.text()).contains("cd-cong-ty-thuc-pham-sao-mai.xlsx").doesNotContain("ldld-ha-noi");
			browser.find(By.linkText("ldld-dong-nai/cd-cong-ty-thuc-pham-sao-mai.xlsx")).click();
			WebElement finding = browser.find(By.cssSelector("#findings tbody tr"));
			assertThat(finding.findElement(By.cssSelector(".finding-rule")).getText()).isEqualTo("R01");
			assertThat(finding.findElement(By.cssSelector(".finding-cell")).getText()).matches("[A-Z]+[0-9]+");
			assertThat(finding.findElement(By.cssSelector(".finding-message")).getText()).isNotBlank();
			browser.screenshot("12-mot-tep-bi-tu-choi");

			// a union's second return: what changed from its first
			browser.go("/files?q=CD750101");
			browser.find(By.linkText("ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-2.xlsx")).click();
			WebElement changes = browser.find(By.id("changes"));
			assertThat(changes.getText()).contains("A02", "77", "89", "E14");
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", changes);
			browser.screenshot("12b-thay-doi-so-voi-bao-cao-truoc");

			// a number of the roll-up, and the returns behind it
			browser.go("/rollups");
			browser.screenshot("13-so-lieu-tong-hop");
			WebElement total = browser
				.find(By.cssSelector("a[href*='/rollups/trace'][href*='indicator=A02'][href*='province=75']"));
			String number = total.getText();
			total.click();
			browser.find(By.cssSelector(".trace-sum"));
			assertThat(browser.find(By.cssSelector(".trace-sum")).getText()).isEqualTo(number);
			long sum = 0;
			for (WebElement value : browser.driver().findElements(By.cssSelector(".trace-table tbody td.number"))) {
				sum += Long.parseLong(value.getText().replace(".", ""));
			}
			assertThat(sum).isEqualTo(Long.parseLong(number.replace(".", "")));
			assertThat(browser.text()).contains("bằng");
			browser.screenshot("14-nguon-cua-mot-so");

			// a consolidation, watched to its end
			browser.go("/runs");
			browser.find(By.cssSelector("input[name=kind][value=consolidate]")).click();
			browser.screenshot("15-lan-chay-truoc-khi-bat-dau");
			browser.find(By.id("run-start")).click();
			browser
				.await((driver) -> "false".equals(driver.findElement(By.id("run-live")).getDomAttribute("data-running"))
						|| driver.findElement(By.id("run-outcome")).getText().contains("xong"));
			browser.await((driver) -> driver.findElement(By.id("run-outcome")).getText().contains("xong"));
			assertThat(browser.find(By.id("run-step")).getText()).contains("9/9");
			browser.screenshot("16-lan-chay-xong");
			server.awaitRun();

			// her workbook: her provinces' rows, as the console consolidated them for her
			browser.go("/downloads");
			browser.screenshot("17-tai-ve-phan-tich");
			browser.find(By.linkText("tong-hop-thi-dua-2026.xlsx")).click();
			Path downloaded = browser.downloaded("tong-hop-thi-dua-2026.xlsx");
			assertThat(Files.readAllBytes(downloaded))
				.isEqualTo(Files.readAllBytes(server.output().resolve(".pham-vi/75/2026/tong-hop-thi-dua-2026.xlsx")));
			browser.signOut();
		}
	}

	@Test
	void anAnalystOfAnotherProvinceCannotReachTheFileByItsAddress() throws Exception {
		try (Browser browser = Browser.open(server)) {
			browser.signIn(ConsoleServer.HA_NOI, ConsoleServer.PASSWORD);
			browser.await((driver) -> !driver.getCurrentUrl().contains("/sign-in"));
			for (String path : List.of(rejectedFileOfDongNai(), rejectedFileOfDongNai() + "/original")) {
				browser.go(path);
				assertThat(browser.text()).as(path).contains("Không có trang này").doesNotContain("sao-mai");
			}
			browser.go(rejectedFileOfDongNai());
			browser.screenshot("18-tep-cua-tinh-khac");
			browser.go("/admin/users");
			assertThat(browser.text()).contains("Không được phép");
			browser.screenshot("19-trang-quan-tri-voi-phan-tich");
		}
	}

	@Test
	void theFederationCreatesAUserAndDisablesHer() throws Exception {
		try (Browser browser = Browser.open(server)) {
			browser.signIn(ConsoleServer.ADMIN, ConsoleServer.PASSWORD);
			browser.await((driver) -> !driver.getCurrentUrl().contains("/sign-in"));
			browser.go("/admin/users");
			browser.find(By.id("username")).sendKeys("mai.pham");
			browser.find(By.id("display-name")).sendKeys("Phạm Thị Mai");
			browser.find(By.cssSelector("input[name=provinces][value='75']")).click();
			browser.screenshot("30-tao-nguoi-dung");
			browser.find(By.cssSelector("form.admin-form button[type=submit]")).click();
			String password = browser.find(By.cssSelector(".one-time code.password")).getText();
			assertThat(password).hasSizeGreaterThanOrEqualTo(10);
			browser.screenshot("31-mat-khau-dung-mot-lan");

			// she signs in with it, in a browser of her own
			try (Browser hers = Browser.open(server)) {
				hers.signIn("mai.pham", password);
				hers.await((driver) -> driver.getCurrentUrl().endsWith("/password"));
				hers.find(By.id("current")).sendKeys(password);
				hers.find(By.id("new-password")).sendKeys("Mat-khau-cua-Mai-1");
				hers.find(By.id("repeated")).sendKeys("Mat-khau-cua-Mai-1");
				hers.find(By.cssSelector("form.form button[type=submit]")).click();
				hers.await((driver) -> !driver.getCurrentUrl().contains("/password"));
				hers.go("/files");
				assertThat(hers.text()).contains("ldld-dong-nai").doesNotContain("ldld-ha-noi");

				// the federation disables her: her session ends at once
				browser.find(By.cssSelector("form[action$='/disable'] button")).click();
				browser.driver().switchTo().alert().accept();
				browser.await((driver) -> driver.findElements(By.cssSelector("form[action$='/enable']")).size() == 1);
				browser.screenshot("32-nguoi-dung-bi-vo-hieu-hoa");
				hers.go("/files");
				hers.await((driver) -> driver.getCurrentUrl().contains("/sign-in"));
				hers.signIn("mai.pham", "Mat-khau-cua-Mai-1");
				hers.await((driver) -> driver.getCurrentUrl().endsWith("/sign-in?error"));
				assertThat(hers.text()).contains("Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khoá");
			}
			browser.go("/admin/audit");
			assertThat(browser.text()).contains("mai.pham");
			browser.screenshot("33-nhat-ky-kiem-tra");
			browser.go("/admin/registry");
			browser.screenshot("34-danh-sach-cdcs");
		}
	}

}
