package nl.vangnet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through chromedriver, as a person would use Vangnet: by
 * labels and visible text. Paths come from {@code CHROMIUM} and {@code CHROMEDRIVER}
 * (defaults {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}).
 */
public final class Browser implements AutoCloseable {

	private final WebDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	private final java.util.List<String> violations = new java.util.ArrayList<>();

	private final boolean auditing = !"false".equals(System.getProperty("vangnet.axe"));

	private static String axe;

	public Browser(int port) throws IOException {
		this.baseUrl = "http://localhost:" + port;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(env("CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1280,900", "--lang=nl",
				"--user-data-dir=" + Files.createTempDirectory("vangnet-chromium").toAbsolutePath());
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(env("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(10));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	public Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		audit();
		return this;
	}

	/** Types into the field whose visible label is {@code label}. */
	public Browser fill(String label, String text) {
		WebElement field = field(label);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	public Browser select(String label, String visibleText) {
		new org.openqa.selenium.support.ui.Select(field(label)).selectByVisibleText(visibleText);
		return this;
	}

	public Browser check(String label) {
		WebElement box = this.driver.findElement(By.xpath("//label[normalize-space()='" + label + "']//input"));
		if (!box.isSelected()) {
			box.click();
		}
		return this;
	}

	/** Clicks the button or link with this visible text and waits for the next page. */
	public Browser click(String text) {
		return press(By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text
				+ "'] | //a[.//*[normalize-space()='" + text + "']]"));
	}

	/** Clicks the button or link and waits for the next page. */
	public Browser press(By by) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		this.wait.until(ExpectedConditions.elementToBeClickable(by)).click();
		awaitReplaced(page);
		return this;
	}

	/** Waits until the page that the element belongs to has been replaced. */
	public void awaitReplaced(WebElement page) {
		this.wait.until((driver) -> gone(page));
		audit();
	}

	/**
	 * Runs axe-core over the page the browser shows, once per address and state, and
	 * keeps every WCAG 2.2 A and AA violation it finds (see {@link #violations()}).
	 */
	public void audit() {
		if (!this.auditing) {
			return;
		}
		try {
			this.wait.until((driver) -> "complete"
				.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
			JavascriptExecutor js = (JavascriptExecutor) this.driver;
			if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
				js.executeScript(axeSource());
			}
			Object found = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
					+ ".then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.help + '): '"
					+ " + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); })"
					+ ".catch(function (e) { done(['axe failed: ' + e]); });");
			String page = this.driver.getCurrentUrl();
			if (page.replace(this.baseUrl, "").startsWith("/api/")) {
				// A JSON document the test opened (a refusal, say) is no page to audit.
				return;
			}
			if (found instanceof java.util.List<?> list) {
				list.forEach((v) -> this.violations.add(page.replace(this.baseUrl, "") + " — " + v));
			}
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			// A page that is replaced while axe runs is audited when it is opened again.
		}
	}

	/**
	 * What the browser's console said about the content security policy since the last
	 * call: a page that needs an inline style or script it may not have.
	 */
	public java.util.List<String> policyViolations() {
		return this.driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.map(org.openqa.selenium.logging.LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
	}

	/** The WCAG 2.2 AA violations axe-core found on the pages visited so far. */
	public java.util.List<String> violations() {
		return java.util.List.copyOf(this.violations);
	}

	/**
	 * Forgets the violations found so far (for a test that shows a page on purpose
	 * broken).
	 */
	public void forgetViolations() {
		this.violations.clear();
	}

	private static String axeSource() {
		if (axe == null) {
			try (java.io.InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe.min.js is not on the test class path");
				}
				axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return axe;
	}

	/**
	 * Whether the page the element belongs to has been replaced. Chromium sometimes
	 * reports a replaced page as a general inspector error rather than a stale element.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			return true;
		}
	}

	public WebElement field(String label) {

		WebElement labelElement = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//label[normalize-space()='" + label + "']")));
		return this.driver.findElement(By.id(labelElement.getAttribute("for")));
	}

	public String heading() {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1"))).getText();
	}

	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public String path() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	public boolean hasLink(String text) {
		return !this.driver.findElements(By.xpath("//a[normalize-space()='" + text + "']")).isEmpty();
	}

	public void signIn(String email, String password) {
		open("/login").fill("E-mailadres", email).fill("Wachtwoord", password).click("Aanmelden");
	}

	public void signOut() {
		click("Afmelden");
	}

	/** Saves what the browser shows, for a person to look at (target/screenshots). */
	public Path screenshot(String name) throws IOException {
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		return target;
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
