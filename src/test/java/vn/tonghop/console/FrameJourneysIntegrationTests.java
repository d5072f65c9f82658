package vn.tonghop.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import vn.tonghop.TestDatabase;
import vn.tonghop.cli.ConsoleServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * In Chromium: the first administrator signs in with the one-time password printed at the
 * first start and must choose her own; the language switch; the workbook downloaded byte
 * for byte. Screenshots in {@code target/console-pages/}. On the embedded H2 only (the
 * PostgreSQL run has the same pages; their rules are checked there by MockMvc).
 */
class FrameJourneysIntegrationTests {

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

	@Test
	void theFirstAdministratorSignsInWithTheOneTimePasswordAndChoosesHerOwn() throws Exception {
		String log = Files.readString(work.resolve("nhật ký/tonghop.log"));
		Matcher printed = Pattern.compile("quản trị viên \"admin\" với mật khẩu dùng một lần (\\S+)").matcher(log);
		assertThat(printed.find()).as(log).isTrue();
		try (Browser browser = Browser.open(server)) {
			browser.go("/");
			browser.find(By.id("username"));
			browser.screenshot("01-dang-nhap");
			browser.signIn("admin", printed.group(1));
			browser.await((driver) -> driver.getCurrentUrl().endsWith("/password"));
			assertThat(browser.text()).contains("mật khẩu dùng một lần");
			browser.screenshot("02-doi-mat-khau-lan-dau");
			browser.find(By.id("current")).sendKeys(printed.group(1));
			browser.find(By.id("new-password")).sendKeys("Mat-khau-rieng-2026");
			browser.find(By.id("repeated")).sendKeys("Mat-khau-rieng-2026");
			browser.find(By.cssSelector("form.form button[type=submit]")).click();
			browser.await((driver) -> !driver.getCurrentUrl().endsWith("/password"));
			browser.signOut();
			assertThat(browser.text()).contains("Bạn đã đăng xuất");
			browser.signIn("admin", "Mat-khau-rieng-2026");
			browser.await((driver) -> !driver.getCurrentUrl().contains("/sign-in"));
			browser.go("/sign-in?lang=en");
			assertThat(browser.text()).contains("Sign in");
			browser.screenshot("03-sign-in-english");
			browser.go("/sign-in");
			assertThat(browser.text()).as("the language is remembered").contains("Sign in");
			browser.go("/sign-in?lang=vi");
		}
	}

	@Test
	void anAnalystDownloadsTheWorkbookAndTheFederationByteForByte() throws Exception {
		try (Browser browser = Browser.open(server)) {
			browser.signIn(ConsoleServer.ADMIN, ConsoleServer.PASSWORD);
			browser.go("/downloads");
			browser.screenshot("20-tai-ve");
			browser.find(By.linkText("tong-hop-thi-dua-2026.xlsx")).click();
			Path downloaded = browser.downloaded("tong-hop-thi-dua-2026.xlsx");
			assertThat(Files.readAllBytes(downloaded))
				.isEqualTo(Files.readAllBytes(server.output().resolve("2026/tong-hop-thi-dua-2026.xlsx")));
		}
	}

}
