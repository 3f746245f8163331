package nl.vangnet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

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

	@AfterAll
	void closeBrowser() {
		this.browser.close();
	}

}
