package nl.vangnet.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes are those of RFC 6238 (its appendix B, HMAC-SHA1, the last six of the eight
 * digits), the secret is base32 as authenticator apps read it, and a code counts in its
 * own step and one step either side, once.
 */
class TotpTests {

	/** The RFC's seed for HMAC-SHA1, "12345678901234567890". */
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void theCodesAreThoseOfTheRfcsTestVectors() {
		assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(code(59)).isEqualTo("287082");
		assertThat(code(1111111109)).isEqualTo("081804");
		assertThat(code(1111111111)).isEqualTo("050471");
		assertThat(code(1234567890)).isEqualTo("005924");
		assertThat(code(2000000000)).isEqualTo("279037");
		assertThat(code(20000000000L)).isEqualTo("353130");
	}

	@Test
	void aCodeCountsInItsStepAndOneEitherSideOnlyAfterTheLastUsedStep() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now, null)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, null)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, null)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, null)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, null)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now, step)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, step)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, null)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now, null)).isEmpty();
	}

	@Test
	void base32GoesBothWaysAndTheOtpauthAddressNamesEverything() {
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.base32(Totp.base32Decode(secret))).isEqualTo(secret);
		assertThat(Totp.otpauthUri(secret, "fatima@dehaven.example"))
			.startsWith("otpauth://totp/Vangnet:fatima%40dehaven.example?secret=" + secret)
			.contains("issuer=Vangnet", "digits=6", "period=30", "algorithm=SHA1");
	}

	@Test
	void recoveryCodesHaveEightyRandomBitsAndAreReadWithoutDashes() {
		String code = SecondFactors.newRecoveryCode();
		assertThat(code).matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}");
		assertThat(SecondFactors.normaliseRecoveryCode(" " + code.toUpperCase().replace("-", " ")))
			.isEqualTo(code.replace("-", ""));
		assertThat(SecondFactors.newRecoveryCode()).isNotEqualTo(code);
	}

	private static String code(long epochSecond) {
		return Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSecond)));
	}

}
