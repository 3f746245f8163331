package nl.vangnet;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.util.WebUtils;

/**
 * Lets MockMvc tests keep a signed-in session as a {@link MockHttpSession}, as they did
 * before sessions moved to PostgreSQL: the session cookie comes first, as in production;
 * without one, the id of the request's mock session names the stored session, and a new
 * or renamed stored session becomes the request's mock session (so
 * {@code result.getRequest().getSession(false)} is the signed-in session). Ending the
 * session invalidates the mock session too. Tests that need the real thing (two nodes)
 * send the cookie.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

	@Bean
	HttpSessionIdResolver mockMvcSessionIdResolver() {
		return new MockSessionIdResolver();
	}

	static class MockSessionIdResolver implements HttpSessionIdResolver {

		private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

		@Override
		public List<String> resolveSessionIds(HttpServletRequest request) {
			List<String> ids = this.cookies.resolveSessionIds(request);
			if (!ids.isEmpty()) {
				return ids;
			}
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			HttpSession session = (mock != null) ? mock.getSession(false) : null;
			return (session != null) ? List.of(session.getId()) : List.of();
		}

		@Override
		public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
			this.cookies.setSessionId(request, response, sessionId);
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			if (mock != null) {
				HttpSession session = mock.getSession(false);
				if (session == null || !session.getId().equals(sessionId)) {
					mock.setSession(new MockHttpSession(mock.getServletContext(), sessionId));
				}
			}
		}

		@Override
		public void expireSession(HttpServletRequest request, HttpServletResponse response) {
			this.cookies.expireSession(request, response);
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			HttpSession session = (mock != null) ? mock.getSession(false) : null;
			if (session != null) {
				session.invalidate();
			}
		}

	}

}
