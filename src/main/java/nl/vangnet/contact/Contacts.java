package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.vangnet.access.AccessAction;
import nl.vangnet.household.Family;
import nl.vangnet.household.FamilyTrajectory;
import nl.vangnet.household.ActivityKind;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact moments with a family and what comes with them: time invested per support type,
 * taking part in group activities, and the follow-up rhythm per trajectory. Every view
 * and change is in the access trail. Volunteers record their own contacts with the
 * families they are involved in and see only their own; a sensitive note is read only by
 * its author and by coordinators. The rules of a contact moment are its own
 * ({@link ContactMoment}); this service adds who may, the trail, and the views.
 */
@Service
@Transactional
class Contacts {

	static final int NOTE_MAX = ContactMoment.NOTE_MAX;

	static final int NAME_MAX = ContactMoment.NAME_MAX;

	static final int REASON_MAX = 500;

	private final ContactMomentRepository moments;

	private final FollowUpRhythms rhythms;

	private final TimeAndActivities time;

	private final Families families;

	private final ContactTrail trail;

	private final Clock clock;

	private final FollowUpChecks checks;

	Contacts(ContactMomentRepository moments, FollowUpRhythms rhythms, TimeAndActivities time, Families families,
			ContactTrail trail, Clock clock, FollowUpChecks checks) {
		this.checks = checks;
		this.moments = moments;
		this.rhythms = rhythms;
		this.time = time;
		this.families = families;
		this.trail = trail;
		this.clock = clock;
	}

	/** The clock's day (no transaction of its own: a page asks it for its forms). */
	@Transactional(propagation = Propagation.SUPPORTS)
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The clock's time (no transaction of its own). */
	@Transactional(propagation = Propagation.SUPPORTS)
	LocalDateTime now() {
		return LocalDateTime.now(this.clock);
	}

	// ---- Contact moments

	/**
	 * Records a contact moment, with the minutes per support type and, for a group
	 * activity, taking part in it.
	 */
	UUID record(UUID householdId, NewContact contact) {
		return record(householdId, contact, null);
	}

	/**
	 * Records a contact moment; the system (the demo) records it on behalf of the staff
	 * member {@code onBehalfOf}, who becomes its author. Anyone else is the author
	 * themselves.
	 */
	UUID record(UUID householdId, NewContact contact, UUID onBehalfOf) {
		Staff actor = Staff.current().requireOrganisation("household");
		Map<UUID, String> members = Families.members(this.families.require(householdId));
		ContactMoment moment = ContactMoment.record(householdId, actor.organisationId(), contact, members.keySet(),
				actor.isSystem() ? onBehalfOf : actor.userId(), now());
		this.moments.insert(moment);
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return moment.id();
	}

	/**
	 * The contact moments of a family, newest first. A volunteer sees only their own; a
	 * sensitive note is hidden from everyone but its author and coordinators.
	 */
	@Transactional
	List<ContactView> contacts(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household");
		Family family = this.families.require(householdId);
		List<ContactView> contacts = list(actor, family);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return contacts;
	}

	/**
	 * Everything the contacts page shows, in one transaction with one view in the trail:
	 * the family read once (whether the actor may see it, her members and trajectories)
	 * and handed on, the contact log and, for case workers, the time, the activities, the
	 * rhythms, the follow-up checks and her network map.
	 * @throws nl.vangnet.platform.NotFoundException when the household does not exist for
	 * the actor
	 */
	@Transactional
	Page page(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household");
		Family family = this.families.require(householdId);
		List<ContactView> contacts = list(actor, family);
		CaseWork work = null;
		if (actor.worksWithCases()) {
			List<FamilyTrajectory> trajectories = family.trajectories();
			work = new CaseWork(summaryOfTime(householdId, trajectories), activitiesOf(family),
					rhythmsOf(householdId, trajectories), this.checks.departuresOf(householdId, trajectories),
					this.checks.map(family).orElse(null));
		}
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return new Page(family.name(), Families.members(family), contacts, work);
	}

	private List<ContactView> list(Staff actor, Family family) {
		UUID householdId = family.id();
		Map<UUID, String> members = Families.members(family);
		Map<UUID, String> staff = this.families.staffNames(actor.organisationId());
		return this.moments.ofHousehold(householdId, actor.seesOnlyOwnFamilies() ? actor.userId() : null)
			.stream()
			.map((moment) -> {
				boolean readable = moment.noteReadableBy(actor);
				return new ContactView(moment.id(), moment.occurredAt(), moment.channel(), moment.reached(),
						moment.members().stream().map(members::get).toList(), readable ? moment.note() : null,
						moment.sensitive(), !readable, moment.authorId(), staff.get(moment.authorId()),
						moment.minutes());
			})
			.toList();
	}

	// ---- Time and activities on their own

	void addTime(UUID householdId, LocalDate date, SupportType type, Integer minutes, UUID member) {
		Staff actor = caseWorker();
		Map<UUID, String> members = Families.members(this.families.require(householdId));
		List<DomainException> errors = new ArrayList<>();
		if (date == null) {
			errors.add(new DomainException("date", "contact.time.date.required"));
		}
		if (type == null) {
			errors.add(new DomainException("type", "contact.time.type.required"));
		}
		if (minutes == null) {
			errors.add(new DomainException("minutes", "contact.time.minutes.required"));
		}
		else if (minutes == 0) {
			errors.add(new DomainException("minutes", "contact.time.minutes.positive", 1440));
		}
		else {
			ContactMoment.checkMinutes(errors, "minutes", minutes);
		}
		checkMember(errors, members, member);
		DomainErrors.throwIfAny(errors);
		this.time.insertTime(actor.organisationId(), householdId, date, type, minutes, member, null, null);
		this.trail.record(actor, AccessAction.CREATE, householdId);
	}

	void addActivity(UUID householdId, LocalDate date, String name, UUID member, Satisfaction satisfaction,
			ActivityKind kind) {
		Staff actor = caseWorker();
		Map<UUID, String> members = Families.members(this.families.require(householdId));
		List<DomainException> errors = new ArrayList<>();
		if (date == null) {
			errors.add(new DomainException("date", "contact.activity.date.required"));
		}
		String activity = trimmed(name);
		if (activity == null) {
			errors.add(new DomainException("name", "contact.activity.name.required"));
		}
		else if (activity.length() > NAME_MAX) {
			errors.add(new DomainException("name", "contact.activity.name.tooLong", NAME_MAX));
		}
		checkMember(errors, members, member);
		DomainErrors.throwIfAny(errors);
		this.time.insertActivity(actor.organisationId(), householdId, date, activity, member, satisfaction, null, null,
				kind);
		this.trail.record(actor, AccessAction.CREATE, householdId);
	}

	@Transactional
	List<ActivityView> activities(UUID householdId) {
		Staff actor = caseWorker();
		Family family = this.families.require(householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return activitiesOf(family);
	}

	private List<ActivityView> activitiesOf(Family family) {
		Map<UUID, String> members = Families.members(family);
		return this.time.activities(family.id())
			.stream()
			.map((p) -> new ActivityView(p.date(), p.name(), (p.member() != null) ? members.get(p.member()) : null,
					p.satisfaction(), p.kind()))
			.toList();
	}

	/**
	 * Minutes per week per support type in the first and in the last 8 weeks of the
	 * family's trajectory (its latest intensive one, else its latest).
	 */
	@Transactional
	TimeSummary timeSummary(UUID householdId) {
		Staff actor = caseWorker();
		Family family = this.families.require(householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return summaryOfTime(householdId, family.trajectories());
	}

	private TimeSummary summaryOfTime(UUID householdId, List<FamilyTrajectory> trajectories) {
		FamilyTrajectory trajectory = trajectories.stream()
			.filter((t) -> "INTENSIVE".equals(t.kind()))
			.reduce((a, b) -> b)
			.orElse(trajectories.isEmpty() ? null : trajectories.get(trajectories.size() - 1));
		List<TimeSummary.Entry> entries = this.time.entries(householdId);
		if (trajectory == null) {
			return TimeSummary.withoutTrajectory(entries);
		}
		return TimeSummary.of(trajectory.start(), trajectory.end(), today(), entries);
	}

	// ---- Follow-up rhythm

	@Transactional
	List<RhythmView> rhythms(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household");
		Family family = this.families.require(householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return rhythmsOf(householdId, family.trajectories());
	}

	private List<RhythmView> rhythmsOf(UUID householdId, List<FamilyTrajectory> trajectories) {
		LocalDate lastReached = this.moments.lastReached(householdId);
		Map<UUID, FollowUpRhythms.Running> running = this.rhythms.runningOf(householdId);
		List<RhythmView> views = new ArrayList<>();
		for (FamilyTrajectory t : trajectories) {
			FollowUpRhythms.Running row = running.get(t.id().value());
			views.add(new RhythmView(t.id().value(), t.kind(), t.start(), t.end(), (row != null) ? row.rhythm() : null,
					(row != null) ? row.startedOn() : null, (row != null) ? row.due(lastReached) : null,
					(row != null) ? row.version() : null, (row != null) ? row.plannedUntil() : null,
					row != null && row.periodOverOn(today())));
		}
		return views;
	}

	/**
	 * Sets (or changes) the rhythm of a trajectory, from today. The next contact is due
	 * one period after the last reached contact, or after today when there was none.
	 */
	void setRhythm(UUID householdId, UUID trajectoryId, Rhythm rhythm) {
		setRhythm(householdId, trajectoryId, rhythm, null);
	}

	/**
	 * Sets the rhythm; {@code plannedUntil}, when given, sets the last day of its planned
	 * aftercare period (extending it when that period is over): today or later.
	 */
	void setRhythm(UUID householdId, UUID trajectoryId, Rhythm rhythm, LocalDate plannedUntil) {
		Staff actor = caseWorker();
		this.families.require(householdId);
		if (this.families.trajectories(householdId).stream().noneMatch((t) -> t.id().value().equals(trajectoryId))) {
			throw new NotFoundException("trajectory");
		}
		if (rhythm == null) {
			throw new DomainException("rhythm", "contact.rhythm.required");
		}
		if (plannedUntil != null && plannedUntil.isBefore(today())) {
			throw new DomainException("plannedUntil", "contact.rhythm.plannedUntil.past");
		}
		this.rhythms.set(actor.organisationId(), householdId, trajectoryId, rhythm, today());
		if (plannedUntil != null) {
			this.rhythms.planUntil(trajectoryId, plannedUntil);
		}
		this.trail.record(actor, AccessAction.UPDATE, householdId);
	}

	/**
	 * Ends the rhythm of a trajectory on purpose, with a reason: only then does the
	 * family leave the worklist.
	 */
	void endRhythm(UUID householdId, UUID trajectoryId, String reason) {
		Staff actor = caseWorker();
		this.families.require(householdId);
		String why = trimmed(reason);
		if (why == null) {
			throw new DomainException("reason", "contact.rhythm.reason.required");
		}
		if (why.length() > REASON_MAX) {
			throw new DomainException("reason", "contact.rhythm.reason.tooLong", REASON_MAX);
		}
		if (!this.rhythms.end(householdId, trajectoryId, today(), why)) {
			throw new NotFoundException("rhythm");
		}
		this.trail.record(actor, AccessAction.UPDATE, householdId);
	}

	// ---- For the dossier

	/**
	 * What the dossier shows at a glance: the last contact (a volunteer's own), the next
	 * due day, the time per week now and at the start, and (for case workers) the open
	 * obligations and the debt total.
	 */
	@Transactional
	DossierSummary dossierSummary(UUID householdId, FamilyPapers papers) {
		Staff actor = Staff.current().requireOrganisation("household");
		Family family = this.families.require(householdId);
		List<FamilyTrajectory> trajectories = family.trajectories();
		List<ContactView> contacts = list(actor, family);
		ContactView last = contacts.isEmpty() ? null : contacts.get(0);
		LocalDate due = rhythmsOf(householdId, trajectories).stream()
			.map(RhythmView::due)
			.filter(java.util.Objects::nonNull)
			.min(LocalDate::compareTo)
			.orElse(null);
		DossierSummary summary = actor.seesOnlyOwnFamilies() ? new DossierSummary(last, due, null, null, null)
				: new DossierSummary(last, due, summaryOfTime(householdId, trajectories),
						papers.openObligations(householdId), papers.debtTotal(householdId));
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return summary;
	}

	// ---- Internals

	LocalDate lastReached(UUID householdId) {
		return this.moments.lastReached(householdId);
	}

	private Staff caseWorker() {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases()) {
			throw new AccessDeniedException("Only coordinators and professionals");
		}
		return actor;
	}

	private static void checkMember(List<DomainException> errors, Map<UUID, String> members, UUID member) {
		if (member != null && !members.containsKey(member)) {
			errors.add(new DomainException("member", "contact.member.unknown"));
		}
	}

	static String trimmed(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.strip();
	}

	/**
	 * A contact moment to record; {@code minutes} per support type (0 or absent: none).
	 */
	record NewContact(LocalDateTime occurredAt, Channel channel, Boolean reached, List<UUID> members, String note,
			boolean sensitive, Map<SupportType, Integer> minutes, String activity, Satisfaction satisfaction) {

		NewContact {
			members = (members != null) ? members.stream().filter(Objects::nonNull).distinct().toList() : List.of();
			minutes = (minutes != null) ? Map.copyOf(minutes) : Map.of();
		}

	}

	/**
	 * A contact moment as the reader may see it: {@code noteHidden} when a sensitive note
	 * is not for them.
	 */
	record ContactView(UUID id, LocalDateTime occurredAt, Channel channel, boolean reached, List<String> members,
			String note, boolean sensitive, boolean noteHidden, UUID authorId, String authorName,
			Map<SupportType, Integer> minutes) {
	}

	record ActivityView(LocalDate date, String name, String member, Satisfaction satisfaction,
			@JsonInclude(JsonInclude.Include.NON_NULL) ActivityKind kind) {
	}

	/**
	 * A trajectory with its follow-up rhythm (if any) and when the next contact is due;
	 * {@code plannedUntil} the last day of its planned aftercare period, if any, and
	 * {@code periodOver} when that day has passed while the rhythm goes on.
	 */
	record RhythmView(UUID trajectoryId, String kind, LocalDate start, LocalDate end, Rhythm rhythm,
			LocalDate rhythmSince, LocalDate due, Integer version, LocalDate plannedUntil, boolean periodOver) {
	}

	/**
	 * The contacts page: the family's name and members, the contact log as the reader may
	 * see it, and {@code caseWork} only for case workers (else {@code null}).
	 */
	record Page(String householdName, Map<UUID, String> members, List<ContactView> contacts, CaseWork caseWork) {
	}

	/**
	 * What only case workers see on the contacts page; {@code map} may be {@code null}.
	 */
	record CaseWork(TimeSummary time, List<ActivityView> activities, List<RhythmView> rhythms,
			List<FollowUpChecks.Departure> departures, nl.vangnet.household.NetworkMaps.LatestMap map) {
	}

	record DossierSummary(ContactView last, LocalDate due, TimeSummary time,
			List<FamilyPapers.ObligationView> obligations, java.math.BigDecimal debtTotal) {
	}

}
