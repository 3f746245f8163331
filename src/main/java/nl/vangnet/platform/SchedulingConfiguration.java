package nl.vangnet.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduling, for the jobs of the modules (the daily retention listing, the
 * trail's external chain heads). Every job is safe on several nodes at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
