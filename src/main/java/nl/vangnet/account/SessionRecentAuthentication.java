package nl.vangnet.account;

import java.time.Clock;

import jakarta.servlet.http.HttpSession;
import nl.vangnet.platform.staff.ReauthenticationRequiredException;
import nl.vangnet.platform.staff.RecentAuthentication;

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
		HttpSession session = attributes.getRequest().getSession(false);
		Object checked = (session != null) ? session.getAttribute(Sessions.LAST_CHECKED_AT) : null;
		return checked instanceof Long at && this.clock.millis() - at <= WINDOW.toMillis();
	}

}
