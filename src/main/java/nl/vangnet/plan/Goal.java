package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.platform.DomainException;

/**
 * A goal of the family's plan, in the family's words ("where would you like to be in a
 * year?"), optionally of one member and on one domain. When it is adjusted, the words it
 * had are kept as a revision.
 */
final class Goal {

	static final int TEXT_MAX = 2000;

	private final UUID id;

	private final UUID householdId;

	private final UUID memberId;

	private final String frameworkCode;

	private final String domainCode;

	private final String monitorCode;

	private String description;

	private GoalStatus status;

	private final LocalDate setOn;

	private final int version;

	Goal(UUID id, UUID householdId, UUID memberId, String frameworkCode, String domainCode, String monitorCode,
			String description, GoalStatus status, LocalDate setOn, int version) {
		this.id = id;
		this.householdId = householdId;
		this.memberId = memberId;
		this.frameworkCode = frameworkCode;
		this.domainCode = domainCode;
		this.monitorCode = monitorCode;
		this.description = description;
		this.status = status;
		this.setOn = setOn;
		this.version = version;
	}

	static Goal set(UUID householdId, UUID memberId, String frameworkCode, String domainCode, String monitorCode,
			String description, LocalDate on) {
		return new Goal(UUID.randomUUID(), householdId, memberId, frameworkCode, domainCode, monitorCode,
				checked(description, "description"), GoalStatus.ACTIVE, on, 0);
	}

	/**
	 * Adjusts the goal: new words and where it stands.
	 * @return the words it had, when they changed (to keep as history)
	 */
	Optional<String> adjust(String newDescription, GoalStatus newStatus, String field) {
		String text = checked(newDescription, field);
		String before = this.description;
		this.description = text;
		if (newStatus != null) {
			this.status = newStatus;
		}
		return before.equals(text) ? Optional.empty() : Optional.of(before);
	}

	static String checked(String text, String field) {
		String clean = (text != null) ? text.strip() : "";
		if (clean.isEmpty()) {
			throw new DomainException(field, "goal.description.required");
		}
		if (clean.length() > TEXT_MAX) {
			throw new DomainException(field, "plan.text.tooLong", TEXT_MAX);
		}
		return clean;
	}

	UUID id() {
		return this.id;
	}

	UUID householdId() {
		return this.householdId;
	}

	UUID memberId() {
		return this.memberId;
	}

	String frameworkCode() {
		return this.frameworkCode;
	}

	String domainCode() {
		return this.domainCode;
	}

	String monitorCode() {
		return this.monitorCode;
	}

	String description() {
		return this.description;
	}

	GoalStatus status() {
		return this.status;
	}

	LocalDate setOn() {
		return this.setOn;
	}

	int version() {
		return this.version;
	}

}
