package nl.vangnet.account;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.platform.staff.ReauthenticationRequiredException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page whose act needs a recent check sends the person to the re-authentication page,
 * which returns to where they were: the page itself for a {@code GET}, the page the form
 * was on for a {@code POST}. (The API answers 401 {@code reauthentication-required}
 * through the platform's problem handler, which comes first.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ReauthenticationAdvice {

	@ExceptionHandler(ReauthenticationRequiredException.class)
	void reauthenticate(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		request.getSession().setAttribute(Sessions.REAUTHENTICATION_CONTINUE, whereFrom(request));
		String page = request.getContextPath() + "/account/reauthentication";
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", page);
			response.setStatus(200);
		}
		else {
			response.sendRedirect(page);
		}
	}

	/** A path of this application, never another site's address. */
	static String whereFrom(HttpServletRequest request) {
		String context = request.getContextPath();
		if ("GET".equals(request.getMethod())) {
			String query = request.getQueryString();
			return request.getRequestURI().substring(context.length()) + ((query != null) ? "?" + query : "");
		}
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				boolean sameSite = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
				String path = uri.getRawPath();
				if (sameSite && path != null && path.startsWith(context + "/") && !path.startsWith("//")) {
					return path.substring(context.length())
							+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
				}
			}
			catch (IllegalArgumentException ex) {
				// not an address: back to the start
			}
		}
		return "/";
	}

}
