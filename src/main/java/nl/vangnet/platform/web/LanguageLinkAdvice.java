package nl.vangnet.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch of every page leads to the same page in the other language: same
 * path, same query (a search, a filter), only {@code lang} changed.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinkAdvice {

	@ModelAttribute("languageLinks")
	LanguageLinks languageLinks(HttpServletRequest request) {
		return new LanguageLinks(link(request, "nl"), link(request, "en"));
	}

	static String link(HttpServletRequest request, String language) {
		String path = request.getRequestURI();
		boolean get = "GET".equals(request.getMethod());
		try {
			return UriComponentsBuilder.fromPath(path)
				.query(get ? request.getQueryString() : null)
				.replaceQueryParam("lang", language)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			return UriComponentsBuilder.fromPath(path).queryParam("lang", language).build().encode().toUriString();
		}
	}

	/** The page in Dutch and in English. */
	record LanguageLinks(String nl, String en) {
	}

}
