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
 * The static files under their own paths ({@link StaticResources}): served with their
 * cache lifetime, the WebJars' links with their version, and any other path a 404 without
 * looking for a file.
 */
@VangnetTest
class StaticResourcesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Test
	void theStylesScriptsIconAndWebJarsAreServedForAnHour() throws Exception {
		for (String path : new String[] { "/css/app.css", "/js/app.js", "/favicon.ico",
				"/webjars/htmx.org/dist/htmx.min.js" }) {
			MockHttpServletResponse file = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(file.getStatus()).as(path).isEqualTo(200);
			assertThat(file.getContentAsByteArray()).as(path).isNotEmpty();
			assertThat(file.getHeader("Cache-Control")).as(path).contains("max-age=3600");
		}
	}

	@Test
	void aPageLinksTheWebJarsWithTheirVersionAndItsOwnLinksAsWritten() throws Exception {
		MockHttpSession coordinator = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.COORDINATOR));
		MockHttpServletResponse response = this.mvc.perform(get("/households").session(coordinator))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString());

		String htmx = page.selectFirst("script[src*=htmx]").attr("src");
		assertThat(htmx).matches("/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js");
		assertThat(this.mvc.perform(get(htmx)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(page.selectFirst("link[href^=/css/app.css]").attr("href")).isEqualTo("/css/app.css");
	}

	@Test
	void anUnknownPathIsTheFriendlyNotFoundPageAndAProblemInTheApi() throws Exception {
		MockHttpSession coordinator = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.COORDINATOR));
		MockHttpServletResponse page = this.mvc.perform(get("/no-such-page").session(coordinator))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentType()).startsWith("text/html");

		MockHttpServletResponse api = this.mvc.perform(get("/api/v1/no-such-thing").session(coordinator))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(404);
		assertThat(api.getContentType()).startsWith("application/problem+json");
	}

}
