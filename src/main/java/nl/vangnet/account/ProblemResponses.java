package nl.vangnet.account;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes RFC 9457 problem details from the security filters, where no controller advice
 * reaches, in the caller's language.
 */
@Component
class ProblemResponses {

	private final JsonMapper json;

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemResponses(JsonMapper json, MessageSource messages, LocaleResolver locales) {
		this.json = json;
		this.messages = messages;
		this.locales = locales;
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey)
			throws IOException {
		write(request, response, status, titleKey, Map.of());
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey,
			Map<String, Object> properties) throws IOException {
		write(request, response, status, titleKey, properties, null);
	}

	/** A problem of its own type (a relative URI such as reauthentication-required). */
	void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey,
			Map<String, Object> properties, String type) throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		if (type != null) {
			problem.setType(java.net.URI.create(type));
		}
		problem.setTitle(this.messages.getMessage(titleKey, null, titleKey, locale));
		properties.forEach(problem::setProperty);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body);
	}

}
