package nl.vangnet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test shares: Vangnet on a random port, test data, and one headless
 * Chromium per test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

	@LocalServerPort
	private int port;

	@Autowired
	protected TestData data;

	protected Browser browser;

	@BeforeAll
	void openBrowser() throws Exception {
		this.browser = new Browser(this.port);
	}

	/**
	 * axe-core found no WCAG 2.2 AA violation on any page the test visited (the browser
	 * audits every page it opens or is sent to, and the page it ends on).
	 */
	@AfterEach
	void noAccessibilityViolations() {
		this.browser.audit();
		java.util.List<String> violations = this.browser.violations();
		this.browser.forgetViolations();
		assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();
	}

	/** No page the test visited broke the content security policy (an inline style). */
	@AfterEach
	void noContentSecurityPolicyErrors() {
		assertThat(this.browser.policyViolations()).as("content security policy errors in the console").isEmpty();
	}

	@AfterAll
	void closeBrowser() {
		this.browser.close();
	}

}
