package nl.vangnet.account;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import nl.vangnet.platform.VangnetProperties;

import org.springframework.stereotype.Component;

/**
 * At most N failed sign-ins per account (the e-mail address as typed, whether or not it
 * exists) per minute; after that every attempt is refused until the minute is over.
 */
@Component
class SignInThrottle {

	private final Cache<String, Bucket> failures = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(5))
		.maximumSize(100_000)
		.build();

	private final int maxFailuresPerMinute;

	SignInThrottle(VangnetProperties properties) {
		this.maxFailuresPerMinute = properties.signIn().maxFailuresPerMinute();
	}

	boolean blocked(String username) {
		Bucket bucket = this.failures.getIfPresent(key(username));
		return bucket != null && bucket.getAvailableTokens() == 0;
	}

	void failed(String username) {
		this.failures.get(key(username), (k) -> newBucket()).tryConsume(1);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.maxFailuresPerMinute)
				.refillIntervally(this.maxFailuresPerMinute, Duration.ofMinutes(1))
				.build())
			.build();
	}

	private static String key(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

}
