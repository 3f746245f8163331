package nl.vangnet.account;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses to even check a password while the account, the client or the two together are
 * throttled, and counts every failure.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String source = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		Duration wait = this.throttle.wait(username, source);
		if (!wait.isZero() && !wait.isNegative()) {
			throw new SignInThrottledException(wait);
		}
		Authentication result;
		try {
			result = this.delegate.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, source);
			throw ex;
		}
		this.throttle.succeeded(username, source);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Too many failed sign-ins for this account, from this client, or both.
	 */
	static class SignInThrottledException extends AuthenticationException {

		private final long retryAfterSeconds;

		SignInThrottledException(Duration wait) {
			super("too many failed sign-ins");
			long seconds = wait.getSeconds() + ((wait.getNano() > 0) ? 1 : 0);
			this.retryAfterSeconds = Math.max(1, seconds);
		}

		/** Whole seconds, rounded up, for the {@code Retry-After} header. */
		long retryAfterSeconds() {
			return this.retryAfterSeconds;
		}

	}

}
