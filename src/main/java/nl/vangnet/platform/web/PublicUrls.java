package nl.vangnet.platform.web;

import nl.vangnet.platform.staff.UrlRules;

import org.springframework.stereotype.Component;

/**
 * What everyone may reach without signing in: the static files, the error page, the
 * health check and the OpenAPI document.
 */
@Component
class PublicUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.open("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
			.open("/error", "/actuator/health", "/actuator/health/**")
			.open("/api/v1/openapi", "/api/v1/openapi.yaml", "/api/v1/openapi/**");
	}

}
