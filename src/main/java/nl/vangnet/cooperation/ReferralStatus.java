package nl.vangnet.cooperation;

/**
 * The statuses of a referral (EXCHANGE.md section 3), each recorded as a dated event.
 */
public enum ReferralStatus {

	/** Created on a valid consent. */
	SENT,
	/** The warm handover: went along, or introduced in person. */
	INTRODUCED,
	/** The receiver was in touch with the family. */
	FIRST_CONTACT,
	/** The receiver took the family on (registered it there). */
	ACCEPTED,
	/** The receiver did not take the family on, with a reason. */
	DECLINED,
	/** Ended. */
	CLOSED;

	boolean terminal() {
		return this == DECLINED || this == CLOSED;
	}

	/**
	 * Whether this status may follow the history so far (oldest first, starting with
	 * {@code SENT}), whoever records it: nothing after {@code DECLINED} or
	 * {@code CLOSED}; {@code INTRODUCED} right after {@code SENT}; {@code FIRST_CONTACT}
	 * once, before or after {@code ACCEPTED}; {@code ACCEPTED} or {@code DECLINED} once,
	 * from {@code SENT}, {@code INTRODUCED} or {@code FIRST_CONTACT}; {@code CLOSED} from
	 * anything open.
	 */
	boolean mayFollow(java.util.List<ReferralStatus> history) {
		ReferralStatus current = history.isEmpty() ? SENT : history.get(history.size() - 1);
		if (current.terminal()) {
			return false;
		}
		boolean open = current == SENT || current == INTRODUCED || current == FIRST_CONTACT;
		return switch (this) {
			case SENT -> false;
			case INTRODUCED -> current == SENT;
			case FIRST_CONTACT -> !history.contains(FIRST_CONTACT) && (open || current == ACCEPTED);
			case ACCEPTED, DECLINED -> !history.contains(ACCEPTED) && open;
			case CLOSED -> true;
		};
	}

	/**
	 * Who records this status for a partner in Vangnet: the receiver its answers, the
	 * referrer the handover, either the closing. (For a partner outside Vangnet the
	 * referrer records every status.)
	 */
	boolean recordedByReceiver() {
		return this == FIRST_CONTACT || this == ACCEPTED || this == DECLINED || this == CLOSED;
	}

	boolean recordedByReferrer() {
		return this == INTRODUCED || this == CLOSED;
	}

}
