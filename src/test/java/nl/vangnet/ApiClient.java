package nl.vangnet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The one API client of the integration tests: requests through MockMvc (every security
 * filter included) in a signed-in session, JSON in and out. Autowire it in a
 * {@link VangnetTest}.
 */
@TestComponent
public class ApiClient {

	private final MockMvc mvc;

	private final JsonMapper json;

	ApiClient(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** The status of a request without a body (and without a CSRF token). */
	public int status(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		return this.mvc.perform(request.session(session)).andReturn().getResponse().getStatus();
	}

	/** Sends a JSON body with the CSRF token; the answer, whatever its status. */
	public MockHttpServletResponse send(MockHttpServletRequestBuilder request, JsonNode body, MockHttpSession session)
			throws Exception {
		return send(request, body.toString(), session);
	}

	/** Sends a JSON body with the CSRF token; the answer, whatever its status. */
	public MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body, MockHttpSession session)
			throws Exception {
		return this.mvc
			.perform(request.session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
	}

	/** Sends a JSON body and asserts the status of the answer. */
	public MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body, MockHttpSession session,
			int expected) throws Exception {
		MockHttpServletResponse response = send(request, body, session);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return response;
	}

	/** GETs a JSON document that must answer 200. */
	public JsonNode getJson(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return read(response);
	}

	/** The body of an answer as JSON. */
	public JsonNode read(MockHttpServletResponse response) throws Exception {
		return this.json.readTree(response.getContentAsString());
	}

}
