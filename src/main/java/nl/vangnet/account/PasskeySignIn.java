package nl.vangnet.account;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessOutcome;
import nl.vangnet.access.AccessTrail;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A passkey as the second step of a sign-in ({@code POST /login/webauthn}, Spring
 * Security's WebAuthn filter). The passkey must belong to the account whose password was
 * right in this session; then the session is signed in as that account (the staff member,
 * not the passkey's user entity) and the answer names where the browser goes. Anything
 * else (no password first, another account's passkey) is refused and signs nobody in. A
 * passkey that does not verify counts in the sign-in throttle like a wrong password or
 * code, and while the account and client are throttled no passkey is checked
 * ({@link #throttleFilter()}: 429 with {@code Retry-After}).
 */
@Component
class PasskeySignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final AccountUserDetailsService users;

	private final SecondFactorSignIn signIn;

	private final ProblemResponses problems;

	private final AccessTrail trail;

	private final SignInThrottle throttle;

	private final AccountRepository accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasskeySignIn(AccountUserDetailsService users, SecondFactorSignIn signIn, ProblemResponses problems,
			AccessTrail trail, SignInThrottle throttle, AccountRepository accounts) {
		this.users = users;
		this.signIn = signIn;
		this.problems = problems;
		this.trail = trail;
		this.throttle = throttle;
		this.accounts = accounts;
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
		this.throttle.succeeded(user.email(), request.getRemoteAddr());
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
			Optional<Account> account = pendingAccount(session);
			this.trail.recordSession(AccessAction.SIGN_IN_FAILED, AccessOutcome.FAILURE, UUID.fromString(id),
					account.map(Account::email).orElse(null), account.map((a) -> a.role().name()).orElse(null),
					account.map(Account::organisationId).orElse(null));
			account.ifPresent((a) -> this.throttle.failed(a.email(), request.getRemoteAddr()));
		}
		this.problems.write(request, response, 401, "factor.passkey.failed");
	}

	/**
	 * Goes before Spring Security's passkey sign-in ({@code POST /login/webauthn}): while
	 * the account whose password was right in this session is throttled from this client,
	 * no passkey is checked and the answer is 429 with {@code Retry-After}.
	 */
	OncePerRequestFilter throttleFilter() {
		RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/webauthn");
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (signIn.matches(request)) {
					Optional<Account> account = pendingAccount(request.getSession(false));
					Duration wait = account
						.map((a) -> PasskeySignIn.this.throttle.wait(a.email(), request.getRemoteAddr()))
						.orElse(Duration.ZERO);
					if (wait.compareTo(Duration.ZERO) > 0) {
						Account a = account.get();
						PasskeySignIn.this.trail.recordSession(AccessAction.SIGN_IN_THROTTLED, AccessOutcome.DENIED,
								a.id(), a.email(), a.role().name(), a.organisationId());
						response.setHeader("Retry-After",
								String.valueOf(new ThrottledAuthenticationProvider.SignInThrottledException(wait)
									.retryAfterSeconds()));
						PasskeySignIn.this.problems.write(request, response, 429, "signIn.throttled");
						return;
					}
				}
				chain.doFilter(request, response);
			}
		};
	}

	/** The account whose password was right in this session. */
	private Optional<Account> pendingAccount(HttpSession session) {
		Object pending = (session != null) ? session.getAttribute(Sessions.SECOND_FACTOR_ACCOUNT) : null;
		if (!(pending instanceof String id)) {
			return Optional.empty();
		}
		return this.accounts.findById(UUID.fromString(id));
	}

}
