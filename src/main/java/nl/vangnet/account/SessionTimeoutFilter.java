package nl.vangnet.account;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.vangnet.platform.VangnetProperties;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session after the idle timeout (no request for 30 minutes) or the
 * absolute timeout (12 hours after sign-in), whichever comes first.
 */
class SessionTimeoutFilter extends OncePerRequestFilter {

	private final Clock clock;

	private final long idleMillis;

	private final long absoluteMillis;

	SessionTimeoutFilter(Clock clock, VangnetProperties.Session timeouts) {
		this.clock = clock;
		this.idleMillis = timeouts.idleTimeout().toMillis();
		this.absoluteMillis = timeouts.absoluteTimeout().toMillis();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(Sessions.SIGNED_IN_AT) instanceof Long signedInAt) {
			long now = this.clock.millis();
			Object lastSeen = session.getAttribute(Sessions.LAST_SEEN);
			boolean idle = lastSeen instanceof Long seen && now - seen > this.idleMillis;
			if (idle || now - signedInAt > this.absoluteMillis) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				if (!SecurityConfiguration.isApi(request)) {
					response.sendRedirect(request.getContextPath() + "/login?expired");
					return;
				}
			}
			else {
				session.setAttribute(Sessions.LAST_SEEN, now);
			}
		}
		chain.doFilter(request, response);
	}

}
