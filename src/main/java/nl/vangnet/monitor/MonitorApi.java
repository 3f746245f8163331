package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * What other modules may do with the monitor: add synthetic households (no names, no free
 * text) to organisations that take part in it, so that its tables have something to show
 * (the demo).
 */
@Service
public class MonitorApi {

	private final SyntheticHouseholds synthetic;

	MonitorApi(SyntheticHouseholds synthetic) {
		this.synthetic = synthetic;
	}

	/**
	 * Adds {@code count} synthetic households, distributed like seed 004, spread over the
	 * organisations, with trajectories starting between {@code first} and {@code last}
	 * (none ends after {@code last}). Their external ids start with
	 * {@code externalIdPrefix}, which tells them apart from real families. Each chunk is
	 * a transaction of its own, in a system scope of exactly these organisations.
	 */
	public void addSyntheticHouseholds(List<UUID> organisationIds, int count, long seed, LocalDate first,
			LocalDate last, String externalIdPrefix) {
		this.synthetic.addTo(organisationIds, count, seed, first, last, externalIdPrefix);
	}

}
