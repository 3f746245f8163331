package nl.vangnet.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

import nl.vangnet.platform.VangnetProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing passwords, with its counters in PostgreSQL so that every
 * application node throttles alike. Failed sign-ins are counted three ways:
 * <ul>
 * <li>per account from one source (the e-mail address as typed, whether or not it exists,
 * and the client's address): after {@code maxFailuresPerMinute} failures that client
 * waits a minute before its next attempt on the account, twice as long after the next
 * failure, and so on (at most {@link #PAIR_MAX_DELAY});</li>
 * <li>per source, over all accounts (password spraying: one client, many accounts): after
 * {@code sourceFailuresBeforeDelay} failures each attempt from that client waits a
 * growing delay, from a second up to {@link #SOURCE_MAX_DELAY};</li>
 * <li>per account, over all sources: after {@code accountFailuresBeforeDelay} failures
 * each attempt on the account waits a growing delay from a second up to
 * {@link #ACCOUNT_MAX_DELAY}, never a lock: someone else's wrong guesses cost the real
 * user seconds at most.</li>
 * </ul>
 * A refused attempt is not counted and no password is checked for it. A successful
 * sign-in forgets the account's failures; a source's failures are forgotten only
 * {@link #FORGET_AFTER} after its last failure, like every other counter.
 */
@Component
class SignInThrottle {

	static final Duration FORGET_AFTER = Duration.ofHours(1);

	static final Duration PAIR_DELAY = Duration.ofMinutes(1);

	static final Duration PAIR_MAX_DELAY = Duration.ofMinutes(15);

	static final Duration SOURCE_DELAY = Duration.ofSeconds(1);

	static final Duration SOURCE_MAX_DELAY = Duration.ofMinutes(15);

	static final Duration ACCOUNT_DELAY = Duration.ofSeconds(1);

	static final Duration ACCOUNT_MAX_DELAY = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final VangnetProperties.SignIn limits;

	SignInThrottle(JdbcClient jdbc, Clock clock, VangnetProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.limits = properties.signIn();
	}

	/**
	 * How long the attempt must wait; zero when it may go ahead now.
	 */
	Duration wait(String username, String source) {
		Keys keys = Keys.of(username, source);
		Instant now = this.clock.instant();
		Instant forgetBefore = now.minus(FORGET_AFTER);
		Duration wait = Duration.ZERO;
		for (Counter counter : this.jdbc.sql(
				"select kind, failures, last_failure_at from sign_in_failure where (kind = 'PAIR' and key_hash = :pair)"
						+ " or (kind = 'ACCOUNT' and key_hash = :account) or (kind = 'SOURCE' and key_hash = :source)")
			.param("pair", keys.pair())
			.param("account", keys.account())
			.param("source", keys.source())
			.query((rs, row) -> new Counter(rs.getString("kind"), rs.getInt("failures"),
					rs.getObject("last_failure_at", OffsetDateTime.class).toInstant()))
			.list()) {
			if (counter.lastFailure().isBefore(forgetBefore)) {
				continue;
			}
			Duration delay = delay(counter);
			if (delay != null) {
				Duration left = Duration.between(now, counter.lastFailure().plus(delay));
				if (left.compareTo(wait) > 0) {
					wait = left;
				}
			}
		}
		return wait;
	}

	/** Counts a failed attempt for the account, the source and the two together. */
	void failed(String username, String source) {
		Keys keys = Keys.of(username, source);
		Instant now = this.clock.instant();
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		OffsetDateTime forgetBefore = OffsetDateTime.ofInstant(now.minus(FORGET_AFTER), ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into sign_in_failure (kind, key_hash, failures, last_failure_at)
				values ('PAIR', :pair, 1, :at), ('ACCOUNT', :account, 1, :at), ('SOURCE', :source, 1, :at)
				on conflict (kind, key_hash) do update set
				  failures = case when sign_in_failure.last_failure_at < :forgetBefore then 1
				                  else sign_in_failure.failures + 1 end,
				  last_failure_at = excluded.last_failure_at
				""")
			.param("pair", keys.pair())
			.param("account", keys.account())
			.param("source", keys.source())
			.param("at", at)
			.param("forgetBefore", forgetBefore)
			.update();
		this.jdbc.sql("delete from sign_in_failure where last_failure_at < :forgetBefore")
			.param("forgetBefore", forgetBefore)
			.update();
	}

	/** The account signed in: its failures, also from this source, are forgotten. */
	void succeeded(String username, String source) {
		Keys keys = Keys.of(username, source);
		this.jdbc
			.sql("delete from sign_in_failure where (kind = 'PAIR' and key_hash = :pair)"
					+ " or (kind = 'ACCOUNT' and key_hash = :account)")
			.param("pair", keys.pair())
			.param("account", keys.account())
			.update();
	}

	/** The delay after the counter's last failure; {@code null} when there is none. */
	private Duration delay(Counter counter) {
		return switch (counter.kind()) {
			case "PAIR" -> growing(counter.failures(), this.limits.maxFailuresPerMinute(), PAIR_DELAY, PAIR_MAX_DELAY);
			case "SOURCE" ->
				growing(counter.failures(), this.limits.sourceFailuresBeforeDelay(), SOURCE_DELAY, SOURCE_MAX_DELAY);
			case "ACCOUNT" ->
				growing(counter.failures(), this.limits.accountFailuresBeforeDelay(), ACCOUNT_DELAY, ACCOUNT_MAX_DELAY);
			default -> null;
		};
	}

	/**
	 * {@code base}, doubled for every failure beyond the threshold, at most {@code max}.
	 */
	static Duration growing(int failures, int threshold, Duration base, Duration max) {
		if (failures < threshold) {
			return null;
		}
		int doublings = Math.min(failures - threshold, 30);
		Duration delay = base.multipliedBy(1L << doublings);
		return (delay.compareTo(max) > 0) ? max : delay;
	}

	private record Counter(String kind, int failures, Instant lastFailure) {
	}

	/** The three keys of an attempt, hashed: no address is stored in clear. */
	private record Keys(String pair, String account, String source) {

		static Keys of(String username, String source) {
			String account = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
			String from = (source != null) ? source : "";
			return new Keys(sha256("pair\n" + account + "\n" + from), sha256("account\n" + account),
					sha256("source\n" + from));
		}

		private static String sha256(String value) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
