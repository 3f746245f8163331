package nl.vangnet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Vangnet: case management and monitoring for organisations that support single mothers
 * and vulnerable families.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VangnetApplication {

	public static void main(String[] args) {
		SpringApplication.run(VangnetApplication.class, args);
	}

}
