package nl.vangnet.platform.web;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Small things (issue 18, item 11): the language switch leads to the same page with the
 * same query, and every page has its icon.
 */
@VangnetTest
class LanguageLinkTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Test
	void theEnglishLinkKeepsTheSearchAndTheDutchOneToo() throws Exception {
		MockHttpSession coordinator = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.COORDINATOR));

		Document dutch = page("/households?q=priya", coordinator);
		Document english = page("/households?q=priya&lang=en", coordinator);

		assertThat(dutch.selectFirst("a[hreflang=en]").attr("href")).isEqualTo("/households?q=priya&lang=en");
		assertThat(english.selectFirst("a[hreflang=nl]").attr("href")).isEqualTo("/households?q=priya&lang=nl");
	}

	@Test
	void thePageIconIsThereForEveryoneAndEveryPageNamesIt() throws Exception {
		MockHttpServletResponse icon = this.mvc.perform(get("/favicon.ico")).andReturn().getResponse();

		assertThat(icon.getStatus()).isEqualTo(200);
		assertThat(icon.getContentAsByteArray()).isNotEmpty();
		assertThat(Jsoup.parse(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
			.selectFirst("link[rel=icon]")
			.attr("href")).isEqualTo("/favicon.ico");
	}

	private Document page(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

}
