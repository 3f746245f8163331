package nl.vangnet.cooperation;

import java.time.LocalDate;

/**
 * The state of a consent, derived from its dates: withdrawn from the day of its
 * withdrawal, expired after its last valid day, else active.
 */
public enum ConsentState {

	ACTIVE, EXPIRED, WITHDRAWN;

	static ConsentState on(LocalDate today, LocalDate givenOn, LocalDate validUntil, LocalDate withdrawnOn) {
		if (withdrawnOn != null && !withdrawnOn.isAfter(today)) {
			return WITHDRAWN;
		}
		if (validUntil.isBefore(today) || givenOn.isAfter(today)) {
			return EXPIRED;
		}
		return ACTIVE;
	}

}
