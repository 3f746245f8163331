package nl.vangnet.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * Spring Security's single-page-application recipe, a little more forgiving: the token is
 * accepted as sent in the {@code X-XSRF-TOKEN} header (the cookie's value), as the masked
 * value that rendered forms carry in {@code _csrf}, and as the cookie's plain value in
 * {@code _csrf} (what a script posting a form sends). Forms are rendered with masked
 * tokens (BREACH protection).
 */
class CsrfTokenHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		this.masked.handle(request, response, token);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		String header = request.getHeader(token.getHeaderName());
		if (StringUtils.hasText(header)) {
			return header;
		}
		String parameter = request.getParameter(token.getParameterName());
		if (parameter != null && MessageDigest.isEqual(parameter.getBytes(StandardCharsets.UTF_8),
				token.getToken().getBytes(StandardCharsets.UTF_8))) {
			return parameter;
		}
		return this.masked.resolveCsrfTokenValue(request, token);
	}

}
