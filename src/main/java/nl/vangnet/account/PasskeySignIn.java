package nl.vangnet.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessOutcome;
import nl.vangnet.access.AccessTrail;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A passkey as the second step of a sign-in ({@code POST /login/webauthn}, Spring
 * Security's WebAuthn filter). The passkey must belong to the account whose password was
 * right in this session; then the session is signed in as that account (the staff member,
 * not the passkey's user entity) and the answer names where the browser goes. Anything
 * else (no password first, another account's passkey) is refused and signs nobody in.
 */
@Component
class PasskeySignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final AccountUserDetailsService users;

	private final SecondFactorSignIn signIn;

	private final ProblemResponses problems;

	private final AccessTrail trail;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasskeySignIn(AccountUserDetailsService users, SecondFactorSignIn signIn, ProblemResponses problems,
			AccessTrail trail) {
		this.users = users;
		this.signIn = signIn;
		this.problems = problems;
		this.trail = trail;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication passkey) throws IOException {
		HttpSession session = request.getSession(false);
		Object pending = (session != null) ? session.getAttribute(Sessions.SECOND_FACTOR_ACCOUNT) : null;
		VangnetUser user = this.users.loadUserByUsername(passkey.getName());
		if (SecondFactorSignIn.pending(session) != SecondFactorStep.CODE || !(pending instanceof String id)
				|| !UUID.fromString(id).equals(user.id()) || !user.isEnabled()) {
			SecurityContextHolder.clearContext();
			if (session != null) {
				session.invalidate();
			}
			this.problems.write(request, response, 401, "factor.passkey.wrongAccount");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		user.eraseCredentials();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.signIn.complete(request, user, true);
		this.contexts.saveContext(context, request, response);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("authenticated", true);
		answer.put("redirectUrl", this.signIn.continueUrl(request, response));
		this.problems.writeJson(response, 200, answer);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		HttpSession session = request.getSession(false);
		Object pending = (session != null) ? session.getAttribute(Sessions.SECOND_FACTOR_ACCOUNT) : null;
		if (pending instanceof String id) {
			this.trail.recordSession(AccessAction.SIGN_IN_FAILED, AccessOutcome.FAILURE, UUID.fromString(id), null,
					null, null);
		}
		this.problems.write(request, response, 401, "factor.passkey.failed");
	}

}
