package nl.vangnet.account;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 6
 * digits, 30-second steps, a 160-bit secret shown in base32. The computation is
 * java-otp's; this class chooses the secret, writes the {@code otpauth://} address of the
 * QR code and accepts the code of the current step or of one step either side.
 */
final class Totp {

	static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;

	static final int DIGITS = 6;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP,
			DIGITS);

	private Totp() {
	}

	/** A new secret of 20 random bytes, in base32. */
	static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return base32(secret);
	}

	/** The address an authenticator app reads from the QR code. */
	static String otpauthUri(String secret, String accountLabel) {
		String issuer = "Vangnet";
		return "otpauth://totp/" + encode(issuer) + ":" + encode(accountLabel) + "?secret=" + secret + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
	}

	/** The step of an instant: whole 30-second periods since the epoch. */
	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
	}

	/** The code of a step, as six digits. */
	static String code(String secret, long step) {
		try {
			int code = GENERATOR.generateOneTimePassword(new SecretKeySpec(base32Decode(secret), "HmacSHA1"),
					Instant.ofEpochSecond(step * STEP.toSeconds()));
			return String.format(Locale.ROOT, "%0" + DIGITS + "d", code);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The step whose code this is: the current one or one either side, later than
	 * {@code lastUsedStep}; empty when the code is not (or no longer) valid.
	 */
	static OptionalLong matchingStep(String secret, String code, Instant now, Long lastUsedStep) {
		String typed = normalise(code);
		if (typed.length() != DIGITS) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (lastUsedStep != null && step <= lastUsedStep) {
				continue;
			}
			if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					typed.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** Digits only: spaces and dashes that people type are dropped. */
	static String normalise(String code) {
		return (code != null) ? code.replaceAll("[\\s-]", "") : "";
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] base32Decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '=' || c == ' ') {
				continue;
			}
			int value = ALPHABET.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
