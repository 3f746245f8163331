package nl.vangnet.account;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * For tests outside this package: the code an authenticator app shows for a secret.
 */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The code of the current 30-second step. */
	public static String now(String secret) {
		return at(secret, Instant.now(), 0);
	}

	/** The code of the step of {@code at}, or {@code offset} steps later. */
	public static String at(String secret, Instant at, int offset) {
		return Totp.code(secret, Totp.step(at) + offset);
	}

	/**
	 * Starts a TOTP enrolment in the session and answers the code that confirms it (or
	 * {@code 000000} when the session may not start one).
	 */
	public static String startAndCompute(MockMvc mvc, MockHttpSession session) {
		if (session == null) {
			return "000000";
		}
		try {
			MockHttpServletResponse response = mvc
				.perform(post("/api/v1/me/factors/totp").session(session)
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{}"))
				.andReturn()
				.getResponse();
			if (response.getStatus() != 200) {
				return "000000";
			}
			String secret = JsonMapper.builder()
				.build()
				.readTree(response.getContentAsString())
				.get("secret")
				.asString();
			return now(secret);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
