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
 * fills Vangnet with synthetic households, then the application exits. With
 * {@code --password P} each organisation gets caseloads too (bench/pages.sh): a
 * coordinator and up to {@code --professionals} (40) professionals who sign in with P,
 * each the fixed contact person of {@code --families} (30) running families, a rhythm per
 * running trajectory, {@code --moments} (20) contact moments and {@code --trail} (50)
 * access-trail rows per household.
 */
@Component
@ConditionalOnProperty(name = "vangnet.command", havingValue = "generate")
class GenerateCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

	private final SyntheticHouseholds synthetic;

	private final SyntheticCaseloads caseloads;

	GenerateCommand(SyntheticHouseholds synthetic, SyntheticCaseloads caseloads) {
		this.synthetic = synthetic;
		this.caseloads = caseloads;
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
		String password = option(args, "password", null);
		if (password != null) {
			int professionals = Integer.parseInt(option(args, "professionals", "40"));
			int families = Integer.parseInt(option(args, "families", "30"));
			int moments = Integer.parseInt(option(args, "moments", "20"));
			int trail = Integer.parseInt(option(args, "trail", "50"));
			for (String code : codes) {
				long begun = System.nanoTime();
				List<String> emails = this.caseloads.add(code, professionals, families, moments, trail, password,
						seed + code.hashCode());
				System.out.println("Caseloads of " + code + " in " + (System.nanoTime() - begun) / 1_000_000 + " ms: "
						+ String.join(" ", emails));
			}
		}
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
