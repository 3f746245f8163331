package nl.vangnet.monitor;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar vangnet.jar generate --organisations M --households N [--seed S]}:
 * fills Vangnet with synthetic households, then the application exits.
 */
@Component
@ConditionalOnProperty(name = "vangnet.command", havingValue = "generate")
class GenerateCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

	private final SyntheticHouseholds synthetic;

	GenerateCommand(SyntheticHouseholds synthetic) {
		this.synthetic = synthetic;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String[] args = arguments.getSourceArgs();
		int organisations = Integer.parseInt(option(args, "organisations", "5"));
		int households = Integer.parseInt(option(args, "households", "1000"));
		long seed = Long.parseLong(option(args, "seed", Long.toString(System.nanoTime())));
		long started = System.nanoTime();
		List<String> codes = this.synthetic.generate(organisations, households, seed);
		long ms = (System.nanoTime() - started) / 1_000_000;
		System.out.println("Generated " + households + " households in " + organisations + " organisations ("
				+ String.join(", ", codes) + ") in " + ms + " ms");
		log.info("Generated {} synthetic households in {} ms", households, ms);
	}

	/** {@code --name value} or {@code --name=value}. */
	static String option(String[] args, String name, String otherwise) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--" + name) && i + 1 < args.length) {
				return args[i + 1];
			}
			if (args[i].startsWith("--" + name + "=")) {
				return args[i].substring(name.length() + 3);
			}
		}
		return otherwise;
	}

}
