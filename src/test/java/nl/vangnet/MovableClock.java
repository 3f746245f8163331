package nl.vangnet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import nl.vangnet.platform.VangnetProperties;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock, moved forward by a test: in the configured zone like the real
 * one, starting at the real time. A test that needs it imports {@link Configuration} and
 * autowires the {@code MovableClock}.
 */
public final class MovableClock extends Clock {

	private volatile Instant now = Instant.now();

	private final ZoneId zone;

	public MovableClock(ZoneId zone) {
		this.zone = zone;
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MovableClock moving = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return moving.withZone(other);
			}

			@Override
			public Instant instant() {
				return moving.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	/** Puts the movable clock in place of the application's own. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		MovableClock movableClock(VangnetProperties properties) {
			return new MovableClock(properties.timeZone());
		}

	}

}
