package nl.vangnet.contact;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.household.ActivityKind;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;

/**
 * A contact moment with a family: when, by which channel, whether the family was reached
 * (a failed outreach attempt counts and stays visible), with which members, a note that
 * can be sensitive (read only by its author and coordinators), the minutes it took per
 * support type and, for a group activity, the activity and how it was experienced.
 * Recorded once, never changed.
 */
final class ContactMoment {

	static final int NOTE_MAX = 1000;

	static final int NAME_MAX = 100;

	static final int MINUTES_MAX = 1440;

	private final UUID id;

	private final UUID householdId;

	private final UUID organisationId;

	private final LocalDateTime occurredAt;

	private final Channel channel;

	private final boolean reached;

	private final String note;

	private final boolean sensitive;

	private final UUID authorId;

	private final List<UUID> members;

	private final Map<SupportType, Integer> minutes;

	private final String activity;

	private final Satisfaction satisfaction;

	ContactMoment(UUID id, UUID householdId, UUID organisationId, LocalDateTime occurredAt, Channel channel,
			boolean reached, String note, boolean sensitive, UUID authorId, List<UUID> members,
			Map<SupportType, Integer> minutes, String activity, Satisfaction satisfaction) {
		this.id = id;
		this.householdId = householdId;
		this.organisationId = organisationId;
		this.occurredAt = occurredAt;
		this.channel = channel;
		this.reached = reached;
		this.note = note;
		this.sensitive = sensitive;
		this.authorId = authorId;
		this.members = List.copyOf(members);
		this.minutes = minutes.isEmpty() ? Map.of()
				: java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(minutes));
		this.activity = activity;
		this.satisfaction = satisfaction;
	}

	/**
	 * Records a contact moment of the family with members {@code known}, by
	 * {@code author}, at {@code now}: it cannot lie more than an hour ahead, needs a
	 * channel and whether the family was reached, takes only the family's members, and at
	 * most a day of minutes per support type. A note is sensitive only when there is one.
	 * @throws DomainErrors when it breaks the rules
	 */
	static ContactMoment record(UUID householdId, UUID organisationId, Contacts.NewContact contact, Set<UUID> known,
			UUID author, LocalDateTime now) {
		List<DomainException> errors = new ArrayList<>();
		if (contact.occurredAt() == null) {
			errors.add(new DomainException("occurredAt", "contact.occurredAt.required"));
		}
		else if (contact.occurredAt().isAfter(now.plusHours(1))) {
			errors.add(new DomainException("occurredAt", "contact.occurredAt.future"));
		}
		if (contact.channel() == null) {
			errors.add(new DomainException("channel", "contact.channel.required"));
		}
		if (contact.reached() == null) {
			errors.add(new DomainException("reached", "contact.reached.required"));
		}
		String note = Contacts.trimmed(contact.note());
		if (note != null && note.length() > NOTE_MAX) {
			errors.add(new DomainException("note", "contact.note.tooLong", NOTE_MAX));
		}
		for (UUID member : contact.members()) {
			if (!known.contains(member)) {
				errors.add(new DomainException("members", "contact.member.unknown"));
			}
		}
		contact.minutes().forEach((type, minutes) -> checkMinutes(errors, "minutes." + type, minutes));
		String activity = Contacts.trimmed(contact.activity());
		if (activity != null && activity.length() > NAME_MAX) {
			errors.add(new DomainException("activity", "contact.activity.name.tooLong", NAME_MAX));
		}
		DomainErrors.throwIfAny(errors);
		Map<SupportType, Integer> minutes = new java.util.EnumMap<>(SupportType.class);
		contact.minutes().forEach((type, value) -> {
			if (value != null && value > 0) {
				minutes.put(type, value);
			}
		});
		return new ContactMoment(UUID.randomUUID(), householdId, organisationId, contact.occurredAt().withNano(0),
				contact.channel(), contact.reached(), note, contact.sensitive() && note != null, author,
				contact.members(), minutes, activity, contact.satisfaction());
	}

	/**
	 * Minutes of a support type are between 0 and a day.
	 */
	static void checkMinutes(List<DomainException> errors, String field, Integer minutes) {
		if (minutes != null && (minutes < 0 || minutes > MINUTES_MAX)) {
			errors.add(new DomainException(field, "contact.time.minutes.range", MINUTES_MAX));
		}
	}

	/**
	 * Whether the reader may read the note: anyone when it is not sensitive, else its
	 * author and coordinators.
	 */
	boolean noteReadableBy(Staff reader) {
		return reader.readsNote(this.authorId, this.sensitive);
	}

	/**
	 * The member the minutes are for: the one member who took part, else the household as
	 * a whole ({@code null}).
	 */
	UUID timeMember() {
		return (this.members.size() == 1) ? this.members.get(0) : null;
	}

	/**
	 * Whether the family took part in a named group activity in this moment.
	 */
	boolean tookPartInActivity() {
		return this.channel == Channel.GROUP_ACTIVITY && this.activity != null;
	}

	/**
	 * The kind of the group activity taken part in (Tabel 3.4's split): a children's
	 * activity when its time is children's group time only, else a parents' group
	 * activity.
	 */
	ActivityKind activityKind() {
		boolean children = this.minutes.containsKey(SupportType.CHILD_GROUP_ACTIVITY);
		boolean parents = this.minutes.containsKey(SupportType.PARENT_GROUP_ACTIVITY);
		return (children && !parents) ? ActivityKind.CHILD_ACTIVITY : ActivityKind.PARENT_GROUP;
	}

	LocalDate day() {
		return this.occurredAt.toLocalDate();
	}

	UUID id() {
		return this.id;
	}

	UUID householdId() {
		return this.householdId;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	LocalDateTime occurredAt() {
		return this.occurredAt;
	}

	Channel channel() {
		return this.channel;
	}

	boolean reached() {
		return this.reached;
	}

	String note() {
		return this.note;
	}

	boolean sensitive() {
		return this.sensitive;
	}

	UUID authorId() {
		return this.authorId;
	}

	List<UUID> members() {
		return this.members;
	}

	Map<SupportType, Integer> minutes() {
		return this.minutes;
	}

	String activity() {
		return this.activity;
	}

	Satisfaction satisfaction() {
		return this.satisfaction;
	}

}
