package nl.vangnet.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a request: the language the user chose (a cookie), else for the JSON
 * API the Accept-Language header, else Dutch. Only Dutch and English exist.
 */
class VangnetLocaleResolver extends CookieLocaleResolver {

	private static final List<Locale> SUPPORTED = List.of(WebConfiguration.DUTCH, Locale.ENGLISH);

	VangnetLocaleResolver() {
		super("vangnet-lang");
		setCookieMaxAge(WebConfiguration.languageCookieAge());
		setCookieSameSite("Lax");
		setDefaultLocaleFunction(VangnetLocaleResolver::fallback);
	}

	private static Locale fallback(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& request.getHeader("Accept-Language") != null) {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(request.getHeader("Accept-Language")), SUPPORTED);
			if (best != null) {
				return best;
			}
		}
		return WebConfiguration.DUTCH;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale supported = (locale != null && locale.getLanguage().equals("en")) ? Locale.ENGLISH
				: WebConfiguration.DUTCH;
		super.setLocale(request, response, supported);
	}

}
