package nl.vangnet.account;

import java.util.ArrayList;
import java.util.List;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import nl.vangnet.platform.DomainException;

import org.springframework.stereotype.Component;

/**
 * A password must be at least 12 characters and not be easy to guess: zxcvbn checks it,
 * offline, against lists of common passwords, names and words, and against the person's
 * own e-mail address and name.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	/** zxcvbn score 0..4; 3 means "safely unguessable", about 10^10 guesses. */
	private static final int MIN_SCORE = 3;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	void check(String field, String password, String... personal) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new DomainException(field, "password.tooShort", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw new DomainException(field, "password.tooLong", MAX_LENGTH);
		}
		List<String> inputs = new ArrayList<>();
		for (String value : personal) {
			if (value != null) {
				inputs.add(value);
				inputs.addAll(List.of(value.split("[@.\\s]+")));
			}
		}
		Strength strength = this.zxcvbn.measure(password, inputs);
		if (strength.getScore() < MIN_SCORE) {
			throw new DomainException(field, "password.tooCommon");
		}
	}

}
