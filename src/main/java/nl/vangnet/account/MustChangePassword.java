package nl.vangnet.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Someone who signed in with a generated one-time password chooses their own before
 * anything else in the browser. (API clients are told through
 * {@code mustChangePassword}.)
 */
@Configuration(proxyBeanMethods = false)
class MustChangePassword implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.excludePathPatterns("/account/password", "/login", "/login/**", "/logout", "/error", "/api/**", "/css/**",
					"/js/**", "/images/**", "/webjars/**", "/actuator/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		HttpSession session = request.getSession(false);
		if (session != null && Boolean.TRUE.equals(session.getAttribute(Sessions.MUST_CHANGE_PASSWORD))
				&& "GET".equals(request.getMethod())) {
			response.sendRedirect(request.getContextPath() + "/account/password");
			return false;
		}
		return true;
	}

}
