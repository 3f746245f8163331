package nl.vangnet.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The static files under their own paths ({@code /css}, {@code /js}, {@code /images},
 * {@code /favicon.ico}, and the WebJars under {@code /webjars} without their version),
 * instead of Spring Boot's one mapping of {@code /**} onto every static location
 * ({@code spring.web.resources.add-mappings=false}). Every link a template writes goes
 * through the resource chain (it puts the WebJars' versions into their links), and with
 * {@code /**} each link to a page (a dossier, a plan: dozens on a list) was looked for,
 * in vain and never cached, in four places of the class path of the nested jar: most of
 * the processor time of a page. Any other path still answers the friendly 404
 * ({@link NoHandlerAdvice}), as before, without looking for a file.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private final CacheControl cacheControl;

	StaticResources(WebProperties web) {
		CacheControl configured = web.getResources().getCache().getCachecontrol().toHttpCacheControl();
		this.cacheControl = (configured != null) ? configured : CacheControl.empty();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(this.cacheControl)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : List.of("css", "js", "images")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(this.cacheControl)
				.resourceChain(true);
		}
		registry.addResourceHandler("/*.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(this.cacheControl)
			.resourceChain(true);
		registry.addResourceHandler("/**").resourceChain(false).addResolver(new NoFile());
	}

	/**
	 * Finds no file (so the path answers 404) and writes no link, without looking.
	 */
	private static final class NoFile implements ResourceResolver {

		@Override
		public Resource resolveResource(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return null;
		}

		@Override
		public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return null;
		}

	}

}
