package nl.vangnet.account;

import java.time.Clock;

import jakarta.servlet.http.HttpSession;
import nl.vangnet.platform.staff.ReauthenticationRequiredException;
import nl.vangnet.platform.staff.RecentAuthentication;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one {@link RecentAuthentication}: the time of the last check is in the session (in
 * PostgreSQL, so every node agrees). Work outside an HTTP request (the command line, a
 * scheduled job) is not a person's and needs no check.
 */
@Component
class SessionRecentAuthentication implements RecentAuthentication {

	private final Clock clock;

	SessionRecentAuthentication(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void require() {
		if (!isRecent()) {
			throw new ReauthenticationRequiredException();
		}
	}

	@Override
	public boolean isRecent() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return true;
		}
		// a request of nobody signed in through the web (a module's own work in a
		// request-less scope): no person to check
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof VangnetUser)) {
			return true;
		}
		HttpSession session = attributes.getRequest().getSession(false);
		Object checked = (session != null) ? session.getAttribute(Sessions.LAST_CHECKED_AT) : null;
		return checked instanceof Long at && this.clock.millis() - at <= WINDOW.toMillis();
	}

}
