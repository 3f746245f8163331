package nl.vangnet.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A JSON request body is at most {@value #MAX_KILOBYTES} kB (a household document with
 * every section fits many times over); a larger one answers 413 with a problem naming the
 * limit, before anything reads it. Household files ({@code /api/v1/imports} and the
 * import page) have the multipart limits of the configuration instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter extends OncePerRequestFilter {

	static final int MAX_KILOBYTES = 2_048;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	RequestSizeFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/") || path.startsWith("/api/v1/imports");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_KILOBYTES * 1024L) {
			String title = this.messages.getMessage("validation.bodyTooLarge", new Object[] { MAX_KILOBYTES },
					this.locales.resolveLocale(request));
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getWriter(), Map.of("type", "about:blank", "status", 413, "title", title,
					"errors", List.of(Map.of("field", "", "message", title))));
			return;
		}
		chain.doFilter(request, response);
	}

}
