package nl.vangnet.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network story in a real browser: a professional draws the mother's network of five
 * contacts, one of them a violent ex-partner marked as a danger, sees the map drawn,
 * drags a contact closer, makes a second snapshot, changes it and compares the two with
 * the gaps.
 */
class NetworkBrowserTest extends BrowserTestSupport {

	@Test
	void aProfessionalDrawsAMapWithADangerousExPartnerMakesASecondSnapshotAndSeesTheComparisonAndTheGaps()
			throws Exception {
		Browser b = this.browser;
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		UUID household = family(organisation);
		b.signIn(professional.email(), TestData.PASSWORD);

		b.open("/households/" + household);
		wait(b).until(ExpectedConditions.presenceOfElementLocated(By.id("network-M1")));
		b.click("Netwerk van Samira");
		assertThat(b.heading()).isEqualTo("Netwerk van Samira");
		b.fill("Naam (bijvoorbeeld intake)", "intake");
		b.click("Netwerkkaart beginnen");
		assertThat(b.text()).contains("De momentopname is gemaakt.");

		contact(b, "Marco", "Ex-partner", "Middelste cirkel", "Sterke band", true, "Financiën");
		assertThat(b.driver().findElement(By.id("danger-notice")).getText()).contains("Gevaar").contains("Marco");
		contact(b, "Zus Nadia", "Familie", "Binnenste cirkel (heel dichtbij)", "Sterke band", false, "Sociaal");
		contact(b, "Buurvrouw Els", "Buren", "Buitenste cirkel (verder weg)", "Zwakke band", false, "Wonen");
		contact(b, "Vriendin Lisa", "Vriend of vriendin", "Middelste cirkel", "Zwakke band", false, "Sociaal");
		contact(b, "Huisarts", "Hulpverlener", "Buitenste cirkel (verder weg)", "Zwakke band", false, "Gezondheid");

		assertThat(b.driver().findElements(By.cssSelector("#contacts tbody tr"))).hasSize(5);
		assertThat(b.driver().findElement(By.cssSelector("#contacts tr.danger-row")).getText()).contains("Marco")
			.contains("Gevaar")
			.contains("Telt niet als steun");
		assertThat(b.driver().findElements(By.cssSelector("#network-map canvas"))).isNotEmpty();
		assertThat(contactNodes(b)).isEqualTo(5);
		assertThat(b.driver().findElement(By.id("gaps")).getText()).contains("Financiën: Gat: niemand helpt hierbij");
		// The README shows docs/network-map.png: copy this one there to refresh it.
		Path picture = Path.of("target", "network-map.png");
		Files.createDirectories(picture.getParent());
		((JavascriptExecutor) b.driver()).executeScript("document.querySelector('ul.legend').scrollIntoView()");
		Files.write(picture, ((TakesScreenshot) b.driver()).getScreenshotAs(OutputType.BYTES));

		// Dragging the neighbour to the centre moves her to the inner circle (saved
		// through the API).
		WebElement html = b.driver().findElement(By.tagName("html"));
		((JavascriptExecutor) b.driver()).executeScript("""
				var cy = window.vangnetNetworkMap;
				var node = cy.nodes('.contact').filter(function (n) { return n.data('label') === 'Buurvrouw Els'; });
				node.position(cy.$id('client').position());
				node.emit('dragfree');
				""");
		b.awaitReplaced(html);
		wait(b).until(ExpectedConditions.presenceOfElementLocated(By.id("contacts")));
		assertThat(b.driver()
			.findElement(By.cssSelector("#contacts tr[data-name='Buurvrouw Els']"))
			.getAttribute("data-closeness")).isEqualTo("INNER");

		b.fill("Naam (bijvoorbeeld intake)", "na drie maanden");
		b.click("Nieuwe momentopname");
		assertThat(b.driver().findElements(By.cssSelector("#contacts tbody tr"))).as("a copy of the first").hasSize(5);
		contact(b, "Maatje Anneke", "Vrijwilliger (maatje)", "Middelste cirkel", "Sterke band", false, "Financiën");
		b.select("Buurvrouw Els naar cirkel", "Middelste cirkel");
		b.driver()
			.findElement(By.xpath("//tr[@data-name='Buurvrouw Els']//button[normalize-space()='Verplaatsen']"))
			.click();
		wait(b).until(
				ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Het contact is verplaatst."));
		assertThat(contactNodes(b)).isEqualTo(6);
		assertThat(overlappingLabels(b)).as("no contact's name over a circle's label or another name").isEmpty();
		assertThat(((JavascriptExecutor) b.driver())
			.executeScript("return window.vangnetNetworkMap.$('node.ring').first().style('font-size')"))
			.as("readable circle labels")
			.isEqualTo("14px");

		// The same by keyboard on the map: choose a contact with an arrow, move it a
		// circle out.
		WebElement map = b.driver().findElement(By.id("network-map"));
		map.sendKeys(Keys.ARROW_RIGHT);
		String chosen = (String) ((JavascriptExecutor) b.driver())
			.executeScript("return window.vangnetNetworkMap.nodes(':selected')[0].id()");
		String before = b.driver()
			.findElement(By.cssSelector("#contacts tr[data-contact-id='" + chosen + "']"))
			.getAttribute("data-closeness");
		assertThat(b.driver().findElement(By.id("map-status")).getAttribute("textContent")).isNotBlank();
		WebElement page = b.driver().findElement(By.tagName("html"));
		map.sendKeys("OUTER".equals(before) ? Keys.ARROW_UP : Keys.ARROW_DOWN);
		b.awaitReplaced(page);
		wait(b).until(ExpectedConditions.presenceOfElementLocated(By.id("contacts")));
		assertThat(b.driver()
			.findElement(By.cssSelector("#contacts tr[data-contact-id='" + chosen + "']"))
			.getAttribute("data-closeness")).isNotEqualTo(before);

		String mapPage = java.net.URI.create(b.driver().getCurrentUrl()).getRawPath();

		// The integration safety net: by numbers, then out of view.
		b.fill("Overheid", "20").fill("Hulp en diensten", "70").fill("Samenleving", "10");
		b.click("Plaatsen");
		assertThat(b.text()).contains("De plek in de driehoek is vastgelegd.");
		b.driver().findElement(By.id("triangle-outOfView")).click();
		b.click("Plaatsen");
		assertThat(b.driver().findElement(By.id("triangle-table")).getText()).contains("Buiten beeld");
		((JavascriptExecutor) b.driver()).executeScript("document.getElementById('triangle').scrollIntoView()");
		b.screenshot("network-triangle");

		b.click("Vergelijken");
		assertThat(b.heading()).isEqualTo("Netwerk van Samira vergelijken");
		assertThat(b.driver().findElement(By.id("added")).getText()).contains("Maatje Anneke");
		assertThat(b.driver().findElement(By.id("lost")).getText()).contains("Niemand.");
		String gaps = b.driver().findElement(By.id("gap-table")).getText();
		assertThat(gaps).contains("Financiën Gat: niemand helpt hierbij Iemand helpt hierbij");
		assertThat(gaps).contains("Wonen Iemand helpt hierbij Iemand helpt hierbij");
		b.screenshot("network-comparison");

		// On a phone (390 px) the contacts table stacks: each contact a block of labelled
		// lines, nothing wider than the screen (issue 18, item 3).
		JavascriptExecutor js = (JavascriptExecutor) b.driver();
		b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		try {
			b.open(mapPage);
			long width = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
			assertThat(width).isLessThanOrEqualTo(390L);
			WebElement contacts = b.driver().findElement(By.id("contacts"));
			assertThat((long) contacts.getRect().getWidth()).as("the contacts table fits the phone")
				.isLessThanOrEqualTo(width);
			assertThat(b.driver().findElement(By.cssSelector("#contacts thead")).isDisplayed()).isFalse();
			assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
				.as("no sideways scrolling: %s",
						js.executeScript(
								"""
										var w = document.documentElement.clientWidth, out = [];
										document.querySelectorAll('main *').forEach(function (e) {
										  var r = e.getBoundingClientRect();
										  if (r.right > w + 1 && e.children.length === 0) { out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); }
										});
										return out.slice(0, 12).join(', ');"""))
				.isLessThanOrEqualTo(width);
			b.screenshot("network-phone");
		}
		finally {
			b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		}
		b.signOut();
	}

	private static void contact(Browser b, String name, String relation, String closeness, String tie, boolean danger,
			String domain) {
		b.fill("Wie", name).select("Relatie", relation).select("Cirkel", closeness).select("Band", tie);
		if (!danger) {
			b.check("Praktische hulp");
		}
		b.check(domain);
		if (danger) {
			b.driver().findElement(By.id("contact-danger")).click();
		}
		b.click("Contact toevoegen");
		assertThat(b.text()).contains("Het contact is toegevoegd.");
	}

	@SuppressWarnings("unchecked")
	private static java.util.List<String> overlappingLabels(Browser b) {
		return (java.util.List<String>) ((JavascriptExecutor) b.driver()).executeScript(
				"""
						var cy = window.vangnetNetworkMap;
						function box(n, nodes) { return n.boundingBox({ includeNodes: nodes, includeLabels: true,
						  includeEdges: false, includeOverlays: false }); }
						function overlap(a, b) { return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2; }
						var labelled = cy.nodes('.ring').map(function (n) { return [n.data('label'), box(n, false)]; })
						  .concat(cy.nodes('.contact, .client').map(function (n) { return [n.data('label'), box(n, true)]; }));
						var found = [];
						for (var i = 0; i < labelled.length; i++) {
						  for (var j = i + 1; j < labelled.length; j++) {
						    if (overlap(labelled[i][1], labelled[j][1])) { found.push(labelled[i][0] + ' / ' + labelled[j][0]); }
						  }
						}
						return found;
						""");
	}

	private static long contactNodes(Browser b) {
		wait(b)
			.until((driver) -> ((JavascriptExecutor) driver).executeScript("return window.vangnetNetworkMap != null"));
		return (Long) ((JavascriptExecutor) b.driver())
			.executeScript("return window.vangnetNetworkMap.nodes('.contact').length");
	}

	private static WebDriverWait wait(Browser b) {
		return new WebDriverWait(b.driver(), Duration.ofSeconds(10));
	}

	private UUID family(TestData.Organisation organisation) {
		UUID household = UUID.randomUUID();
		UUID mother = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (sql) -> {
			sql.sql("insert into household (id, organisation_id, version) values (:id, :org, 0)")
				.param("id", household)
				.param("org", organisation.id())
				.update();
			sql.sql("""
					insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact,
					  given_name)
					values (:m, :h, :org, 0, 'M1', 'PARENT', true, 'Samira'),
					       (:c, :h, :org, 1, 'M2', 'CHILD', false, 'Yara')
					""")
				.param("m", mother)
				.param("c", UUID.randomUUID())
				.param("h", household)
				.param("org", organisation.id())
				.update();
			for (String domain : new String[] { "FINANCES", "HOUSING" }) {
				sql.sql("""
						insert into help_question (id, household_id, organisation_id, member_id, framework_code,
						  domain_code, monitor_code, opened_on, status)
						values (:id, :h, :org, :m, 'MONITOR', :d, :d, date '2026-01-01', 'OPEN')
						""")
					.param("id", UUID.randomUUID())
					.param("h", household)
					.param("org", organisation.id())
					.param("m", mother)
					.param("d", domain)
					.update();
			}
			return null;
		});
		return household;
	}

}
