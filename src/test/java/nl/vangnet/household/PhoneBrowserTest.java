package nl.vangnet.household;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone (390 × 844, issue 18, item 3): the coordinator's menu sits behind one
 * button, the households filters behind one "Filters" control, and the first result of
 * the list is in view without scrolling.
 */
class PhoneBrowserTest extends BrowserTestSupport {

	@Test
	void aCoordinatorOnAPhoneSeesTheFirstHouseholdWithoutScrolling() throws Exception {
		Browser b = this.browser;
		TestData.Person coordinator = this.data.person(this.data.organisation(), Role.COORDINATOR);
		b.signIn(coordinator.email(), TestData.PASSWORD);
		b.open("/households/new");
		b.fill("Voornaam", "Ilse").fill("Achternaam", "Telefoon").select("Soort begeleiding", "Intensieve begeleiding");
		b.click("Opslaan");
		assertThat(b.text()).contains("Het huishouden is aangemeld.");

		JavascriptExecutor js = (JavascriptExecutor) b.driver();
		b.driver().manage().window().setSize(new Dimension(390, 844));
		try {
			// A viewport of 390 × 844, whatever the window around it takes.
			long chrome = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).longValue();
			b.driver().manage().window().setSize(new Dimension(390, 844 + (int) chrome));
			b.open("/households");
			b.screenshot("households-phone");
			long viewport = ((Number) js.executeScript("return window.innerHeight")).longValue();
			assertThat(viewport).isBetween(820L, 844L);
			WebElement first = b.driver().findElement(By.cssSelector("#households table tbody tr > *"));
			assertThat(((Number) js.executeScript("return window.scrollY")).longValue()).isZero();
			assertThat((long) (first.getRect().getY() + first.getRect().getHeight())).as("the first result is in view")
				.isLessThanOrEqualTo(viewport);
			assertThat(first.getText()).contains("Ilse Telefoon");

			WebElement menu = b.driver().findElement(By.cssSelector(".menu-toggle"));
			assertThat(menu.isDisplayed()).isTrue();
			assertThat(b.driver().findElement(By.id("main-menu")).isDisplayed()).isFalse();
			assertThat(b.driver().findElement(By.cssSelector("header.top")).getRect().getHeight())
				.as("a compact header")
				.isLessThan(150);
			assertThat(b.driver().findElement(By.id("more-filters")).getAttribute("open")).isNull();
			assertThat(b.driver().findElement(By.id("status")).isDisplayed()).isFalse();

			menu.click();
			assertThat(b.driver().findElement(By.id("main-menu")).isDisplayed()).isTrue();
			assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
			b.driver().findElement(By.cssSelector("#more-filters > summary")).click();
			assertThat(b.driver().findElement(By.id("status")).isDisplayed()).isTrue();
			b.audit();
		}
		finally {
			b.driver().manage().window().setSize(new Dimension(1280, 900));
		}
		b.signOut();
	}

}
