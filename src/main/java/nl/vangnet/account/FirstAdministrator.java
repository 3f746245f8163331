package nl.vangnet.account;

import java.security.SecureRandom;

import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.VangnetProperties;
import nl.vangnet.platform.staff.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start: the administrator from {@code VANGNET_ADMIN_EMAIL} and
 * {@code VANGNET_ADMIN_PASSWORD}, or, when those are unset and no administrator exists,
 * one with a generated one-time password that is printed once on the console.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

	static final String DEFAULT_EMAIL = "admin@vangnet.local";

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final VangnetProperties properties;

	private final SecureRandom random = new SecureRandom();

	FirstAdministrator(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			VangnetProperties properties) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		VangnetProperties.Admin admin = this.properties.admin();
		if (admin.configured()) {
			String email = Account.normaliseEmail(admin.email());
			if (this.accounts.findByEmail(email).isEmpty()) {
				String password = (admin.password() != null && !admin.password().isBlank()) ? admin.password()
						: generatePassword();
				boolean weak = !acceptable(password, email);
				this.accounts.save(Account.open(email, "Beheerder", Role.ADMINISTRATOR, null, null,
						this.passwordEncoder.encode(password),
						weak || admin.password() == null || admin.password().isBlank()));
				if (admin.password() == null || admin.password().isBlank()) {
					announce(email, password);
				}
				else if (weak) {
					log.warn("VANGNET_ADMIN_PASSWORD does not meet the password policy; "
							+ "the administrator must choose a new password at first sign-in");
				}
				else {
					log.info("Created the administrator from VANGNET_ADMIN_EMAIL");
				}
			}
		}
		else if (!this.accounts.existsByRole(Role.ADMINISTRATOR)) {
			String password = generatePassword();
			this.accounts.save(Account.open(DEFAULT_EMAIL, "Beheerder", Role.ADMINISTRATOR, null, null,
					this.passwordEncoder.encode(password), true));
			announce(DEFAULT_EMAIL, password);
		}
	}

	private boolean acceptable(String password, String email) {
		try {
			this.policy.check("password", password, email);
			return true;
		}
		catch (DomainException ex) {
			return false;
		}
	}

	private String generatePassword() {
		StringBuilder password = new StringBuilder();
		for (int group = 0; group < 4; group++) {
			if (group > 0) {
				password.append('-');
			}
			for (int i = 0; i < 5; i++) {
				password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
		}
		return password.toString();
	}

	/**
	 * Printed on the console, deliberately not through the log: this is the only time the
	 * password is shown.
	 */
	@SuppressWarnings("java:S106")
	private static void announce(String email, String password) {
		System.out.println();
		System.out.println("==================================================================");
		System.out.println(" Vangnet: first administrator created (shown only this once)");
		System.out.println("   e-mail:   " + email);
		System.out.println("   password: " + password);
		System.out.println(" Sign in and choose your own password.");
		System.out.println("==================================================================");
		System.out.println();
	}

}
