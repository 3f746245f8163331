package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.household.FamilyTrajectory;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact moments with a family and what comes with them: time invested per support type,
 * taking part in group activities, and the follow-up rhythm per trajectory. Every view
 * and change is in the access trail. Volunteers record their own contacts with the
 * families they are involved in and see only their own; a sensitive note is read only by
 * its author and by coordinators.
 */
@Service
@Transactional
class Contacts {

	static final int NOTE_MAX = 1000;

	static final int NAME_MAX = 100;

	static final int REASON_MAX = 500;

	private final JdbcClient jdbc;

	private final Families families;

	private final ContactTrail trail;

	private final Clock clock;

	private final TimeAndActivities time;

	Contacts(JdbcClient jdbc, Families families, TimeAndActivities time, ContactTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.time = time;
		this.families = families;
		this.trail = trail;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

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
		List<DomainException> errors = new ArrayList<>();
		if (contact.occurredAt() == null) {
			errors.add(new DomainException("occurredAt", "contact.occurredAt.required"));
		}
		else if (contact.occurredAt().isAfter(now().plusHours(1))) {
			errors.add(new DomainException("occurredAt", "contact.occurredAt.future"));
		}
		if (contact.channel() == null) {
			errors.add(new DomainException("channel", "contact.channel.required"));
		}
		if (contact.reached() == null) {
			errors.add(new DomainException("reached", "contact.reached.required"));
		}
		String note = trimmed(contact.note());
		if (note != null && note.length() > NOTE_MAX) {
			errors.add(new DomainException("note", "contact.note.tooLong", NOTE_MAX));
		}
		for (UUID member : contact.members()) {
			if (!members.containsKey(member)) {
				errors.add(new DomainException("members", "contact.member.unknown"));
			}
		}
		contact.minutes().forEach((type, minutes) -> checkMinutes(errors, "minutes." + type, minutes));
		String activity = trimmed(contact.activity());
		if (activity != null && activity.length() > NAME_MAX) {
			errors.add(new DomainException("activity", "contact.activity.name.tooLong", NAME_MAX));
		}
		DomainErrors.throwIfAny(errors);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into contact_moment (id, household_id, organisation_id, occurred_at, channel, reached, note, sensitive, author_id)
					values (:id, :household, :organisation, :at, :channel, :reached, :note, :sensitive, :author)
					""")
			.param("id", id)
			.param("household", householdId)
			.param("organisation", actor.organisationId())
			.param("at", contact.occurredAt().withNano(0))
			.param("channel", contact.channel().name())
			.param("reached", contact.reached())
			.param("note", note)
			.param("sensitive", contact.sensitive() && note != null)
			.param("author", actor.isSystem() ? onBehalfOf : actor.userId())
			.update();
		for (UUID member : contact.members()) {
			this.jdbc.sql(
					"insert into contact_moment_member (contact_moment_id, organisation_id, member_id) values (:c, :o, :m)")
				.param("c", id)
				.param("o", actor.organisationId())
				.param("m", member)
				.update();
		}
		LocalDate day = contact.occurredAt().toLocalDate();
		UUID timeMember = (contact.members().size() == 1) ? contact.members().get(0) : null;
		contact.minutes().forEach((type, minutes) -> {
			if (minutes != null && minutes > 0) {
				this.time.insertTime(actor.organisationId(), householdId, day, type, minutes, timeMember, id, null);
			}
		});
		if (contact.channel() == Channel.GROUP_ACTIVITY && activity != null) {
			if (contact.members().isEmpty()) {
				this.time.insertActivity(actor.organisationId(), householdId, day, activity, null, contact.satisfaction(), id, null);
			}
			for (UUID member : contact.members()) {
				this.time.insertActivity(actor.organisationId(), householdId, day, activity, member, contact.satisfaction(), id, null);
			}
		}
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return id;
	}

	/**
	 * The contact moments of a family, newest first. A volunteer sees only their own; a
	 * sensitive note is hidden from everyone but its author and coordinators.
	 */
	@Transactional
	List<ContactView> contacts(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household");
		this.families.require(householdId);
		List<ContactView> contacts = list(actor, householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return contacts;
	}

	private List<ContactView> list(Staff actor, UUID householdId) {
		Map<UUID, String> members = this.families.members(householdId);
		Map<UUID, String> staff = this.families.staffNames(actor.organisationId());
		Map<UUID, List<UUID>> with = new HashMap<>();
		this.jdbc.sql("""
				select cm.contact_moment_id, cm.member_id from contact_moment_member cm
				join contact_moment c on c.id = cm.contact_moment_id where c.household_id = :id
				""").param("id", householdId).query((rs, n) -> {
			with.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
				.add(rs.getObject(2, UUID.class));
			return null;
		}).list();
		Map<UUID, Map<SupportType, Integer>> minutes = new HashMap<>();
		this.jdbc.sql("""
				select contact_moment_id, support_type, sum(minutes) from time_entry
				where household_id = :id and contact_moment_id is not null group by contact_moment_id, support_type
				""").param("id", householdId).query((rs, n) -> {
			minutes.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new EnumMap<>(SupportType.class))
				.put(SupportType.valueOf(rs.getString(2)), rs.getInt(3));
			return null;
		}).list();
		return this.jdbc.sql("""
				select id, occurred_at, channel, reached, note, sensitive, author_id from contact_moment
				where household_id = :id and (:all or author_id = :me) order by occurred_at desc, created_at desc
				""")
			.param("id", householdId)
			.param("all", !actor.seesOnlyOwnFamilies())
			.param("me", actor.userId())
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				UUID author = rs.getObject("author_id", UUID.class);
				boolean sensitive = rs.getBoolean("sensitive");
				boolean readable = actor.readsNote(author, sensitive);
				return new ContactView(id, rs.getObject("occurred_at", LocalDateTime.class),
						Channel.valueOf(rs.getString("channel")), rs.getBoolean("reached"),
						with.getOrDefault(id, List.of()).stream().map(members::get).toList(),
						readable ? rs.getString("note") : null, sensitive, !readable, author, staff.get(author),
						minutes.getOrDefault(id, Map.of()));
			})
			.list();
	}

	// ---- Time and activities on their own

	void addTime(UUID householdId, LocalDate date, SupportType type, Integer minutes, UUID member) {
		Staff actor = caseWorker();
		this.families.require(householdId);
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
			checkMinutes(errors, "minutes", minutes);
		}
		checkMember(errors, householdId, member);
		DomainErrors.throwIfAny(errors);
		this.time.insertTime(actor.organisationId(), householdId, date, type, minutes, member, null, null);
		this.trail.record(actor, AccessAction.CREATE, householdId);
	}

	void addActivity(UUID householdId, LocalDate date, String name, UUID member, Satisfaction satisfaction) {
		Staff actor = caseWorker();
		this.families.require(householdId);
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
		checkMember(errors, householdId, member);
		DomainErrors.throwIfAny(errors);
		this.time.insertActivity(actor.organisationId(), householdId, date, activity, member, satisfaction, null, null);
		this.trail.record(actor, AccessAction.CREATE, householdId);
	}

	@Transactional
	List<ActivityView> activities(UUID householdId) {
		Staff actor = caseWorker();
		Map<UUID, String> members = Families.members(this.families.require(householdId));
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return this.jdbc.sql("""
				select activity_date, name, member_id, satisfaction from activity_participation
				where household_id = :id order by activity_date desc, position nulls last, id
				""").param("id", householdId).query((rs, n) -> {
			String satisfaction = rs.getString("satisfaction");
			UUID member = rs.getObject("member_id", UUID.class);
			return new ActivityView(rs.getObject("activity_date", LocalDate.class), rs.getString("name"),
					(member != null) ? members.get(member) : null,
					(satisfaction != null) ? Satisfaction.valueOf(satisfaction) : null);
		}).list();
	}

	/**
	 * Minutes per week per support type in the first and in the last 8 weeks of the
	 * family's trajectory (its latest intensive one, else its latest).
	 */
	@Transactional
	TimeSummary timeSummary(UUID householdId) {
		Staff actor = caseWorker();
		this.families.require(householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return summaryOfTime(householdId);
	}

	TimeSummary summaryOfTime(UUID householdId) {
		List<FamilyTrajectory> trajectories = this.families.trajectories(householdId);
		FamilyTrajectory trajectory = trajectories.stream()
			.filter((t) -> "INTENSIVE".equals(t.kind()))
			.reduce((a, b) -> b)
			.orElse(trajectories.isEmpty() ? null : trajectories.get(trajectories.size() - 1));
		List<TimeSummary.Entry> entries = this.jdbc
			.sql("select entry_date, support_type, minutes from time_entry where household_id = :id")
			.param("id", householdId)
			.query((rs, n) -> new TimeSummary.Entry(rs.getObject(1, LocalDate.class),
					SupportType.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
		if (trajectory == null) {
			return TimeSummary.withoutTrajectory(entries);
		}
		return TimeSummary.of(trajectory.start(), trajectory.end(), today(), entries);
	}

	// ---- Follow-up rhythm

	@Transactional
	List<RhythmView> rhythms(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household");
		this.families.require(householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return rhythmsOf(householdId);
	}

	List<RhythmView> rhythmsOf(UUID householdId) {
		LocalDate lastReached = lastReached(householdId);
		List<FamilyTrajectory> trajectories = this.families.trajectories(householdId);
		Map<UUID, RhythmRow> active = new HashMap<>();
		this.jdbc.sql("""
				select trajectory_id, rhythm, started_on, version from follow_up_rhythm
				where household_id = :id and ended_on is null
				""")
			.param("id", householdId)
			.query((rs, n) -> active.put(rs.getObject(1, UUID.class),
					new RhythmRow(Rhythm.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getInt(4))))
			.list();
		List<RhythmView> views = new ArrayList<>();
		for (FamilyTrajectory t : trajectories) {
			RhythmRow row = active.get(t.id().value());
			LocalDate due = null;
			if (row != null) {
				LocalDate base = (lastReached != null) ? lastReached : row.startedOn();
				due = row.rhythm().next(base);
			}
			views.add(new RhythmView(t.id().value(), t.kind(), t.start(), t.end(), (row != null) ? row.rhythm() : null,
					(row != null) ? row.startedOn() : null, due, (row != null) ? row.version() : null));
		}
		return views;
	}

	/**
	 * Sets (or changes) the rhythm of a trajectory, from today. The next contact is due
	 * one period after the last reached contact, or after today when there was none.
	 */
	void setRhythm(UUID householdId, UUID trajectoryId, Rhythm rhythm) {
		Staff actor = caseWorker();
		this.families.require(householdId);
		requireTrajectory(householdId, trajectoryId);
		if (rhythm == null) {
			throw new DomainException("rhythm", "contact.rhythm.required");
		}
		int changed = this.jdbc.sql(
				"update follow_up_rhythm set rhythm = :rhythm, version = version + 1 where trajectory_id = :t and ended_on is null")
			.param("rhythm", rhythm.name())
			.param("t", trajectoryId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					insert into follow_up_rhythm (id, household_id, organisation_id, trajectory_id, rhythm, started_on)
					values (:id, :household, :organisation, :t, :rhythm, :today)
					""")
				.param("id", UUID.randomUUID())
				.param("household", householdId)
				.param("organisation", actor.organisationId())
				.param("t", trajectoryId)
				.param("rhythm", rhythm.name())
				.param("today", today())
				.update();
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
		int ended = this.jdbc.sql("""
				update follow_up_rhythm set ended_on = :today, end_reason = :reason, version = version + 1
				where household_id = :household and trajectory_id = :t and ended_on is null
				""")
			.param("today", today())
			.param("reason", why)
			.param("household", householdId)
			.param("t", trajectoryId)
			.update();
		if (ended == 0) {
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
		this.families.require(householdId);
		List<ContactView> contacts = list(actor, householdId);
		ContactView last = contacts.isEmpty() ? null : contacts.get(0);
		LocalDate due = rhythmsOf(householdId).stream()
			.map(RhythmView::due)
			.filter(java.util.Objects::nonNull)
			.min(LocalDate::compareTo)
			.orElse(null);
		DossierSummary summary = actor.seesOnlyOwnFamilies() ? new DossierSummary(last, due, null, null, null)
				: new DossierSummary(last, due, summaryOfTime(householdId), papers.openObligations(householdId),
						papers.debtTotal(householdId));
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return summary;
	}

	// ---- Internals

	LocalDate lastReached(UUID householdId) {
		List<LocalDateTime> found = this.jdbc
			.sql("select max(occurred_at) from contact_moment where household_id = :id and reached")
			.param("id", householdId)
			.query(LocalDateTime.class)
			.list();
		LocalDateTime at = found.isEmpty() ? null : found.get(0);
		return (at != null) ? at.toLocalDate() : null;
	}

	private void requireTrajectory(UUID householdId, UUID trajectoryId) {
		if (this.families.trajectories(householdId).stream().noneMatch((t) -> t.id().value().equals(trajectoryId))) {
			throw new NotFoundException("trajectory");
		}
	}

	private Staff caseWorker() {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases()) {
			throw new AccessDeniedException("Only coordinators and professionals");
		}
		return actor;
	}

	private void checkMember(List<DomainException> errors, UUID householdId, UUID member) {
		if (member != null && !this.families.members(householdId).containsKey(member)) {
			errors.add(new DomainException("member", "contact.member.unknown"));
		}
	}

	private static void checkMinutes(List<DomainException> errors, String field, Integer minutes) {
		if (minutes != null && (minutes < 0 || minutes > 1440)) {
			errors.add(new DomainException(field, "contact.time.minutes.range", 1440));
		}
	}

	static String trimmed(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.strip();
	}

	private record RhythmRow(Rhythm rhythm, LocalDate startedOn, int version) {
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

	record ActivityView(LocalDate date, String name, String member, Satisfaction satisfaction) {
	}

	/**
	 * A trajectory with its follow-up rhythm (if any) and when the next contact is due.
	 */
	record RhythmView(UUID trajectoryId, String kind, LocalDate start, LocalDate end, Rhythm rhythm,
			LocalDate rhythmSince, LocalDate due, Integer version) {
	}

	record DossierSummary(ContactView last, LocalDate due, TimeSummary time,
			List<FamilyPapers.ObligationView> obligations, java.math.BigDecimal debtTotal) {
	}

}
