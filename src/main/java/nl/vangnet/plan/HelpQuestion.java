package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import nl.vangnet.household.HelpQuestionStatus;
import nl.vangnet.platform.DomainException;

/**
 * A help question of a family member ({@code memberId} null: the household as a whole) on
 * a domain of a framework, counted in the monitor under the monitor code chosen for it
 * (one its domain may count for; revisable, as everything else about it). It can be
 * acute, it has a status, and it changes along the way: every change is kept as
 * {@link Change}s.
 */
final class HelpQuestion {

	static final int TEXT_MAX = 2000;

	private final UUID id;

	private final UUID householdId;

	private UUID memberId;

	private String frameworkCode;

	private String domainCode;

	private String monitorCode;

	private final LocalDate openedOn;

	private LocalDate closedOn;

	private Boolean acute;

	private HelpQuestionStatus status;

	private String description;

	private final int version;

	HelpQuestion(UUID id, UUID householdId, UUID memberId, String frameworkCode, String domainCode, String monitorCode,
			LocalDate openedOn, LocalDate closedOn, Boolean acute, HelpQuestionStatus status, String description,
			int version) {
		this.id = id;
		this.householdId = householdId;
		this.memberId = memberId;
		this.frameworkCode = frameworkCode;
		this.domainCode = domainCode;
		this.monitorCode = monitorCode;
		this.openedOn = openedOn;
		this.closedOn = closedOn;
		this.acute = acute;
		this.status = status;
		this.description = description;
		this.version = version;
	}

	/**
	 * A new question, open, asked on the day.
	 */
	static HelpQuestion open(UUID householdId, UUID memberId, String frameworkCode, String domainCode,
			String monitorCode, LocalDate openedOn, boolean acute, String description, LocalDate today) {
		if (openedOn == null) {
			throw new DomainException("openedOn", "helpQuestion.openedOn.required");
		}
		if (openedOn.isAfter(today)) {
			throw new DomainException("openedOn", "helpQuestion.openedOn.future");
		}
		return new HelpQuestion(UUID.randomUUID(), householdId, memberId, frameworkCode, domainCode, monitorCode,
				openedOn, null, acute, HelpQuestionStatus.OPEN, checkedDescription(description), 0);
	}

	/**
	 * Changes the question as the family's situation changed. A question that is resolved
	 * or no longer relevant is closed (today when no date is given); one that is open or
	 * in progress again is no longer closed.
	 * @return what changed, field by field
	 */
	List<Change> revise(String newDescription, boolean newAcute, HelpQuestionStatus newStatus, LocalDate newClosedOn,
			LocalDate today) {
		return revise(newDescription, newAcute, newStatus, newClosedOn, this.monitorCode, today);
	}

	/**
	 * Changes the question as
	 * {@link #revise(String, boolean, HelpQuestionStatus, LocalDate, LocalDate)} does,
	 * and the monitor code it counts for (one its domain may count for, as the caller
	 * checked).
	 * @return what changed, field by field
	 */
	List<Change> revise(String newDescription, boolean newAcute, HelpQuestionStatus newStatus, LocalDate newClosedOn,
			String newMonitorCode, LocalDate today) {
		if (newStatus == null) {
			throw new DomainException("status", "helpQuestion.status.required");
		}
		String text = checkedDescription(newDescription);
		LocalDate closed = switch (newStatus) {
			case OPEN, IN_PROGRESS -> null;
			case RESOLVED, NO_LONGER_RELEVANT ->
				(newClosedOn != null) ? newClosedOn : (this.closedOn != null) ? this.closedOn : today;
		};
		if (closed != null && closed.isBefore(this.openedOn)) {
			throw new DomainException("closedOn", "helpQuestion.closedOn.beforeOpened");
		}
		List<Change> changes = new ArrayList<>();
		compare(changes, "description", this.description, text);
		compare(changes, "acute", this.acute, newAcute);
		compare(changes, "status", this.status, newStatus);
		compare(changes, "closedOn", this.closedOn, closed);
		compare(changes, "monitorCode", this.monitorCode, newMonitorCode);
		this.description = text;
		this.acute = newAcute;
		this.status = newStatus;
		this.closedOn = closed;
		this.monitorCode = newMonitorCode;
		return changes;
	}

	/**
	 * Takes over what a household document says about this question (same member, domain
	 * and opening day), as given: the document may leave things unknown.
	 */
	List<Change> replaceBy(LocalDate closed, Boolean newAcute, HelpQuestionStatus newStatus, String text) {
		List<Change> changes = new ArrayList<>();
		compare(changes, "description", this.description, text);
		compare(changes, "acute", this.acute, newAcute);
		compare(changes, "status", this.status, newStatus);
		compare(changes, "closedOn", this.closedOn, closed);
		this.description = text;
		this.acute = newAcute;
		this.status = newStatus;
		this.closedOn = closed;
		return changes;
	}

	/** Acute and still open or in progress: it stands at the top of the dossier. */
	boolean acuteAndOpen() {
		return Boolean.TRUE.equals(this.acute) && this.closedOn == null && (this.status == null
				|| this.status == HelpQuestionStatus.OPEN || this.status == HelpQuestionStatus.IN_PROGRESS);
	}

	private static String checkedDescription(String text) {
		String clean = (text != null) ? text.strip() : "";
		if (clean.isEmpty()) {
			throw new DomainException("description", "helpQuestion.description.required");
		}
		if (clean.length() > TEXT_MAX) {
			throw new DomainException("description", "helpQuestion.description.tooLong", TEXT_MAX);
		}
		return clean;
	}

	private static void compare(List<Change> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(new Change(field, (before != null) ? before.toString() : null,
					(after != null) ? after.toString() : null));
		}
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

	LocalDate openedOn() {
		return this.openedOn;
	}

	LocalDate closedOn() {
		return this.closedOn;
	}

	Boolean acute() {
		return this.acute;
	}

	HelpQuestionStatus status() {
		return this.status;
	}

	String description() {
		return this.description;
	}

	int version() {
		return this.version;
	}

	/**
	 * One field of a question that changed: what it was and what it became.
	 */
	record Change(String field, String before, String after) {
	}

}
