package nl.vangnet.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Refuses to even check a password while the account is throttled, and counts every
 * failure.
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
		if (this.throttle.blocked(username)) {
			throw new SignInThrottledException();
		}
		try {
			return this.delegate.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Too many failed sign-ins for this account in the last minute.
	 */
	static class SignInThrottledException extends AuthenticationException {

		SignInThrottledException() {
			super("too many failed sign-ins");
		}

	}

}
