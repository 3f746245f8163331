package nl.vangnet;

import nl.vangnet.platform.database.DatabaseCommands;

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

	/** Commands that run without the web server and then exit. */
	private static final java.util.Set<String> COMMANDS = java.util.Set.of("import", "generate", "bench-monitor",
			"verify-trail");

	public static void main(String[] args) {
		if (args.length > 0 && DatabaseCommands.NAMES.contains(args[0])) {
			// backup and restore: without the database server of the application itself.
			System.exit(DatabaseCommands.run(args));
		}
		if (args.length > 0 && COMMANDS.contains(args[0])) {
			SpringApplication application = new SpringApplication(VangnetApplication.class);
			// The web layer stays (security needs it) but listens on a free port only.
			application.setDefaultProperties(java.util.Map.of("vangnet.command", args[0], "server.port", "0",
					"logging.level.root", "warn", "logging.level.nl.vangnet", "info"));
			System.exit(SpringApplication.exit(application.run(args)));
		}
		SpringApplication.run(VangnetApplication.class, args);
	}

}
