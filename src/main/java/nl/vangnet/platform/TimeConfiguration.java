package nl.vangnet.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in the configured zone ({@code VANGNET_TIME_ZONE},
 * default Europe/Amsterdam): every "now" and "today" comes from it, never from the JVM's
 * default zone. Templates reach its zone as {@code @clock.zone}.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(VangnetProperties properties) {
		return Clock.system(properties.timeZone());
	}

}
