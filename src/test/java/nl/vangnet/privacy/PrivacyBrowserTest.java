package nl.vangnet.privacy;

import java.util.UUID;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's rights as coordinators exercise them in a real browser: one records a
 * mother's request to see her data, reviews the report and downloads the PDF; then
 * requests the erasure of her household, which a second coordinator approves.
 */
class PrivacyBrowserTest extends BrowserTestSupport {

	@Autowired
	private Encryption encryption;

	@Test
	void aCoordinatorDeliversAMothersReportAndASecondOneApprovesHerErasure() throws Exception {
		Browser b = this.browser;
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person first = this.data.person(organisation, Role.COORDINATOR);
		TestData.Person second = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), first.id(), false);
		UUID household = family.household();

		b.signIn(first.email(), TestData.PASSWORD);
		b.open("/households/" + household);
		b.click("Inzage en wissen");
		b.press(By.id("request-M1"));
		assertThat(b.text()).contains("Het inzageverzoek is vastgelegd", family.motherName(), "[iemand anders]")
			.doesNotContain(family.childName())
			.doesNotContain(family.contactName());
		b.driver().findElement(By.id("review-report")).click();
		b.click("Controle vastleggen");
		assertThat(b.text()).contains("De controle is vastgelegd", "Gecontroleerd; klaar om af te geven");
		String pdf = b.driver().findElement(By.id("download-pdf")).getAttribute("href");
		Object head = ((JavascriptExecutor) b.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((r) => r.arrayBuffer().then((x) => done(r.status + ' '
				  + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(x.slice(0, 5))))))
				  .catch((e) => done('error ' + e));""", pdf);
		assertThat(head).isEqualTo("200 application/pdf %PDF-");
		b.screenshot("privacy-subject-access-reviewed");

		b.open("/households/" + household + "/privacy");
		b.fill("Toelichting", "Zij wil opnieuw beginnen");
		b.click("Wissen aanvragen");
		assertThat(b.path()).isEqualTo("/retention");
		assertThat(b.text()).contains("Een tweede coördinator moet het goedkeuren", "U vroeg dit aan");
		assertThat(b.driver().findElements(By.xpath("//button[normalize-space()='Goedkeuren en wissen']"))).isEmpty();
		b.signOut();

		b.signIn(second.email(), TestData.PASSWORD);
		b.click("Bewaren en wissen");
		b.click("Goedkeuren en wissen");
		assertThat(b.text()).contains("Het huishouden is gewist");
		b.screenshot("privacy-erased");
		b.open("/households/" + household);
		assertThat(b.text()).doesNotContain(family.motherName());
		b.signOut();
	}

}
