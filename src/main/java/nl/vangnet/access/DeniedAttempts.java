package nl.vangnet.access;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every refused request of a signed-in person in the trail with outcome
 * {@code DENIED}: who, what (the action the method stands for, the household or person in
 * the path, and method and path as detail; never the query string, which may hold a
 * name), when, from where. Sits in the security filter chain between the exception
 * translation and the authorization, so it sees both a refusal by the security rules and
 * one by a module (an {@link AccessDeniedException} from a page, or a 403 answered by the
 * API). The row is written in a transaction of its own, since the refused request's
 * transaction rolls back. Nobody signed in: nothing is recorded (the sign-in page
 * answers).
 */
public final class DeniedAttempts extends OncePerRequestFilter {

	private static final Pattern SUBJECT = Pattern.compile(
			"/(households|members|referrals|consents)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

	private static final Pattern ENDS_WITH_ID = Pattern.compile(".*/[0-9a-fA-F-]{36}/?$");

	private static final int MAX_PATH = 300;

	private final AccessTrail trail;

	public DeniedAttempts(AccessTrail trail) {
		this.trail = trail;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (deniedBy(ex)) {
				record(request);
			}
			throw ex;
		}
		if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
			record(request);
		}
	}

	private static boolean deniedBy(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof AccessDeniedException) {
				return true;
			}
		}
		return false;
	}

	private void record(HttpServletRequest request) {
		if (AccessTrail.currentActor() == null) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.length() > MAX_PATH) {
			path = path.substring(0, MAX_PATH);
		}
		this.trail.recordDenied(action(request.getMethod(), path), subject(path), request.getMethod() + " " + path);
	}

	static AccessAction action(String method, String path) {
		return switch (method) {
			case "GET", "HEAD" -> path.contains("export") ? AccessAction.EXPORT : AccessAction.VIEW;
			case "DELETE" -> AccessAction.DELETE;
			case "PUT", "PATCH" -> AccessAction.UPDATE;
			case "POST" -> path.contains("import") ? AccessAction.IMPORT
					: ENDS_WITH_ID.matcher(path).matches() ? AccessAction.UPDATE : AccessAction.CREATE;
			default -> AccessAction.VIEW;
		};
	}

	/**
	 * The household in the path, else the person, else the referral or consent (of the
	 * cooperation module), else none.
	 */
	static AccessSubject subject(String path) {
		Matcher matcher = SUBJECT.matcher(path);
		AccessSubject found = AccessSubject.NONE;
		while (matcher.find()) {
			UUID id = UUID.fromString(matcher.group(2));
			switch (matcher.group(1)) {
				case "households" -> {
					return AccessSubject.household(id);
				}
				case "members" -> found = AccessSubject.person(id);
				case "referrals" -> found = "PERSON".equals(found.type()) ? found : new AccessSubject("REFERRAL", id);
				default -> found = (found.type() != null) ? found : new AccessSubject("CONSENT", id);
			}
		}
		return found;
	}

}
