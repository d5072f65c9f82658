package vn.tonghop.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.tonghop.cli.ConsoleServer;

/**
 * Debian's Chromium, headless, driven by its own chromedriver ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; never a browser or driver downloaded: the driver's path
 * is given, so Selenium Manager is not asked). Without them the browser journeys are
 * skipped with a notice, or fail where {@code TONGHOP_REQUIRE_BROWSER=true} (as
 * {@code .ci/run} sets). Each page a journey looks at is saved as a screenshot under
 * {@code target/console-pages/} for a reviewer.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** Where the screenshots go. */
	public static final Path PAGES = Path.of("target/console-pages");

	private final WebDriver driver;

	private final ConsoleServer server;

	private final Path downloads;

	private Browser(WebDriver driver, ConsoleServer server, Path downloads) {
		this.driver = driver;
		this.server = server;
		this.downloads = downloads;
	}

	/** Skips the test (or fails it on CI) when Chromium or its driver is missing. */
	public static void assumeInstalled() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!installed && Boolean.parseBoolean(System.getenv("TONGHOP_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("Chromium is required (TONGHOP_REQUIRE_BROWSER=true) but " + CHROMIUM
					+ " or " + DRIVER + " is missing: apt-get install chromium chromium-driver");
		}
		Assumptions.assumeTrue(installed, "Chromium is not installed (" + CHROMIUM + ", " + DRIVER
				+ "): the console's browser journeys are skipped; apt-get install chromium chromium-driver");
	}

	/**
	 * A headless Chromium for the console of {@code server}, 1280×1000, in Vietnamese.
	 */
	public static Browser open(ConsoleServer server) throws IOException {
		assumeInstalled();
		// Selenium's notices about DevTools versions are not the journeys' business
		Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
		Path downloads = Files.createTempDirectory(server.work(), "tai-ve");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1280,1000", "--lang=vi", "--no-first-run", "--disable-extensions");
		Map<String, Object> preferences = new HashMap<>();
		preferences.put("download.default_directory", downloads.toAbsolutePath().toString());
		preferences.put("download.prompt_for_download", false);
		preferences.put("intl.accept_languages", "vi,en");
		options.setExperimentalOption("prefs", preferences);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Browser(driver, server, downloads);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Opens a console page by its path. */
	public Browser go(String path) {
		this.driver.get(this.server.url(path).toString());
		return this;
	}

	/** Signs in through the sign-in page. */
	public Browser signIn(String username, String password) {
		go("/sign-in");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("form.form button[type=submit]")).click();
		return this;
	}

	/** Signs out with the menu's button. */
	public Browser signOut() {
		find(By.cssSelector("form.sign-out button")).click();
		await((driver) -> driver.getCurrentUrl().contains("/sign-in?signed-out"));
		return this;
	}

	public WebElement find(By by) {
		return await((driver) -> driver.findElement(by));
	}

	/**
	 * Waits up to a minute for {@code condition} to give something other than null or
	 * false.
	 */
	public <T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(60)).ignoring(RuntimeException.class).until(condition);
	}

	/** The text of the page's {@code main}. */
	public String text() {
		// read again when a page that was loading replaced the element found
		return await((driver) -> driver.findElement(By.tagName("main")).getText());
	}

	/** Saves the page as {@code target/console-pages/<name>.png}. */
	public Path screenshot(String name) throws IOException {
		Files.createDirectories(PAGES);
		File shot = ((ChromeDriver) this.driver).getScreenshotAs(OutputType.FILE);
		Path saved = PAGES.resolve(name + ".png");
		Files.copy(shot.toPath(), saved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return saved;
	}

	/** The file named {@code name} once the browser has downloaded it whole. */
	public Path downloaded(String name) {
		Path file = this.downloads.resolve(name);
		return await(
				(driver) -> (Files.isRegularFile(file) && !Files.exists(this.downloads.resolve(name + ".crdownload")))
						? file : null);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
