package nl.vangnet.cooperation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Today in the Netherlands, from the application's one {@link Clock}.
 */
@Component
class CooperationClock {

	static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

	private final Clock clock;

	CooperationClock(Clock clock) {
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(NETHERLANDS));
	}

}
