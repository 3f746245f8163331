package nl.vangnet.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Goes around Spring Security's passkey registration ({@code POST /webauthn/register}): a
 * credential that is already registered (a replayed or copied answer) makes it throw,
 * which would be an error page; it is a 400 problem instead, and nothing is saved.
 */
class PasskeyRegistrationErrors extends OncePerRequestFilter {

	private static final RequestMatcher REGISTRATION = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/webauthn/register");

	private final ProblemResponses problems;

	PasskeyRegistrationErrors(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !REGISTRATION.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IllegalArgumentException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			this.problems.write(request, response, 400, "factor.passkey.notRegistered");
		}
	}

}
