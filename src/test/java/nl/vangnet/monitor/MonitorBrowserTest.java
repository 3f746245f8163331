package nl.vangnet.monitor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor story in a real browser: a coordinator uploads a small JSON Lines file,
 * sees the preview of every line, confirms, opens an imported family's dossier from the
 * report and finds the families in the monitor's tables; a bad file shows every invalid
 * line with the field's label and stores nothing.
 */
class MonitorBrowserTest extends BrowserTestSupport {

	private static String line(String organisation, int i, String composition) {
		return ("{\"format\":\"vangnet-household/1\",\"externalId\":\"BT-%d\",\"organisation\":\"%s\","
				+ "\"composition\":\"%s\",\"members\":[{\"ref\":\"m1\",\"role\":\"PARENT\",\"mainContact\":true,"
				+ "\"givenName\":\"Moeder %d\"}],\"trajectories\":[{\"kind\":\"INTENSIVE\",\"start\":\"2024-01-0%d\"}]}")
			.formatted(i, organisation, composition, i, 1 + i);
	}

	@Test
	void aCoordinatorImportsASmallFileAfterThePreviewAndSeesTheFamiliesInTheMonitorWhileABadFileStoresNothing()
			throws Exception {
		Browser b = this.browser;
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			lines.add(line(organisation.code(), i, "ONE_PARENT"));
		}
		Path good = Files.createTempFile("vangnet-good", ".jsonl");
		Files.writeString(good, String.join("\n", lines), StandardCharsets.UTF_8);
		Path bad = Files.createTempFile("vangnet-bad", ".jsonl");
		Files.writeString(bad, String.join("\n", line(organisation.code(), 7, "ONE_PARENT"), "{kapot",
				line(organisation.code(), 8, "SINGLE")), StandardCharsets.UTF_8);

		b.signIn(coordinator.email(), TestData.PASSWORD);
		b.click("Import en export");
		assertThat(b.heading()).isEqualTo("Gezinnen importeren en exporteren");

		b.driver().findElement(By.id("file")).sendKeys(bad.toString());
		b.click("Bekijk eerst");
		List<WebElement> errors = b.driver().findElements(By.cssSelector("#import-report tr.import-error"));
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).getText()).contains("2");
		assertThat(errors.get(1).getText()).contains("3").contains("Samenstelling").contains("ONE_PARENT");
		assertThat(b.driver().findElement(By.id("import-report")).getText()).doesNotContain("composition");
		assertThat(b.driver().findElements(By.id("confirm"))).isEmpty();
		b.screenshot("import-errors");

		b.driver().findElement(By.id("file")).sendKeys(good.toString());
		b.click("Bekijk eerst");
		assertThat(b.driver().findElement(By.id("import-report")).getText())
			.contains("Alle 6 regels zijn goed: 6 nieuwe gezinnen");
		List<WebElement> preview = b.driver().findElements(By.cssSelector("#import-preview tbody tr"));
		assertThat(preview).hasSize(6);
		assertThat(preview.get(0).getText()).contains("Moeder 1")
			.contains("Intensieve begeleiding vanaf 02-01-2024")
			.contains("Nieuw gezin");
		b.click("Bevestig en sla op");
		assertThat(b.driver().findElement(By.id("import-stored")).getText()).contains("6 nieuwe gezinnen");
		assertThat(b.driver().findElements(By.cssSelector("#imported a"))).hasSize(6);
		b.click("Dossier van Moeder 3");
		assertThat(b.heading()).contains("Moeder 3");

		b.click("Monitor");
		assertThat(b.heading()).isEqualTo("Monitor");
		String reach = b.driver().findElement(By.id("table-reach")).getText();
		assertThat(reach).contains(organisation.code() + " 6 0").contains("Totaal 6 0");
		String composition = b.driver().findElement(By.id("table-background-composition")).getText();
		assertThat(composition).contains("Eenoudergezin 6");
		b.screenshot("monitor");
		b.signOut();
	}

}
