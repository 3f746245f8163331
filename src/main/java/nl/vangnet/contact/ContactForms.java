package nl.vangnet.contact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.household.ActivityKind;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of the contacts pages, bound to these records (never to stored rows).
 */
final class ContactForms {

	private ContactForms() {
	}

	/**
	 * A contact moment, with the minutes per support type on the same form.
	 */
	record Contact(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@DateTimeFormat(pattern = "HH:mm") LocalTime time, Channel channel, Boolean reached, List<UUID> members,
			String note, Boolean sensitive, Integer conversation, Integer arranging, Integer practicalSupport,
			Integer buddySupport, Integer parentGroupActivity, Integer childGroupActivity, Integer parentVolunteerWork,
			String activity, Satisfaction satisfaction) {

		static Contact empty(LocalDateTime now) {
			return new Contact(now.toLocalDate(), now.toLocalTime().withSecond(0).withNano(0), null, Boolean.TRUE,
					List.of(), null, Boolean.FALSE, null, null, null, null, null, null, null, null, null);
		}

		Contacts.NewContact toNew() {
			LocalDateTime at = (this.date != null) ? this.date.atTime((this.time != null) ? this.time : LocalTime.NOON)
					: null;
			return new Contacts.NewContact(at, this.channel, this.reached, this.members, this.note,
					Boolean.TRUE.equals(this.sensitive), minutes(), this.activity, this.satisfaction);
		}

		public Map<SupportType, Integer> minutes() {
			Map<SupportType, Integer> minutes = new EnumMap<>(SupportType.class);
			put(minutes, SupportType.CONVERSATION, this.conversation);
			put(minutes, SupportType.ARRANGING, this.arranging);
			put(minutes, SupportType.PRACTICAL_SUPPORT, this.practicalSupport);
			put(minutes, SupportType.BUDDY_SUPPORT, this.buddySupport);
			put(minutes, SupportType.PARENT_GROUP_ACTIVITY, this.parentGroupActivity);
			put(minutes, SupportType.CHILD_GROUP_ACTIVITY, this.childGroupActivity);
			put(minutes, SupportType.PARENT_VOLUNTEER_WORK, this.parentVolunteerWork);
			return minutes;
		}

		private static void put(Map<SupportType, Integer> minutes, SupportType type, Integer value) {
			if (value != null) {
				minutes.put(type, value);
			}
		}

		/**
		 * The form field of a support type ({@code PRACTICAL_SUPPORT} →
		 * {@code practicalSupport}).
		 */
		static String field(SupportType type) {
			String[] words = type.name().toLowerCase(java.util.Locale.ROOT).split("_");
			StringBuilder name = new StringBuilder(words[0]);
			for (int i = 1; i < words.length; i++) {
				name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
			}
			return name.toString();
		}

	}

	record Time(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, SupportType type, Integer minutes,
			UUID member) {
	}

	record Activity(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String name, UUID member,
			Satisfaction satisfaction, ActivityKind kind) {
	}

	/**
	 * The rhythm of a trajectory; {@code plannedUntil} extends (or shortens) its planned
	 * aftercare period when given.
	 */
	record SetRhythm(Rhythm rhythm, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedUntil) {
	}

	/**
	 * A follow-up check after departure (issue 15, item 3); an outcome left at "unknown"
	 * is {@code null}. Who she sees is a quick update of her network map: the people of
	 * her latest map that the form {@code listed}, of whom those she still sees are
	 * {@code kept}, and up to a few people {@code added} (rows left empty are dropped);
	 * the number of supportive contacts is counted from the map after it.
	 */
	record FollowUp(UUID trajectory, Integer months, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			Boolean reached, Channel channel, nl.vangnet.household.HousingSituation housing,
			nl.vangnet.household.IncomeSituation income, nl.vangnet.household.Debts debts, Boolean safe,
			nl.vangnet.household.SchoolSituation school, List<UUID> listed, List<UUID> kept, List<String> addedName,
			List<String> addedRelation, List<String> addedSupport, TrianglePosition triangle,
			nl.vangnet.household.Helped helped) {

		/**
		 * The rows for new people the form offers: always all of them, so that each of
		 * {@code addedName}, {@code addedRelation} and {@code addedSupport} comes as that
		 * many values, row by row (a single value would be split at its commas).
		 */
		static final int NEW_ROWS = 2;

		/** The rows typed, those left empty dropped. */
		List<Person> added() {
			List<Person> rows = new java.util.ArrayList<>();
			int size = Math.max(size(this.addedName), Math.max(size(this.addedRelation), size(this.addedSupport)));
			for (int i = 0; i < size; i++) {
				Person row = new Person(at(this.addedName, i), at(this.addedRelation, i), at(this.addedSupport, i));
				if (!row.empty()) {
					rows.add(row);
				}
			}
			return rows;
		}

		private static int size(List<String> values) {
			return (values != null) ? values.size() : 0;
		}

		private static String at(List<String> values, int index) {
			return (values != null && index < values.size()) ? values.get(index) : null;
		}

		/** Whether the form shows the person as still seen (all are, at first). */
		public boolean keeps(UUID key) {
			return (this.listed == null && this.kept == null) || (this.kept != null && this.kept.contains(key));
		}

		/** The row of a new person, empty beyond those typed. */
		public Person row(int index) {
			List<Person> rows = added();
			return (index < rows.size()) ? rows.get(index) : new Person(null, null, null);
		}

		/** The check to record: its supportive contacts come from her map. */
		FollowUpChecks.NewCheck toNew() {
			List<UUID> removed = (this.listed != null) ? this.listed.stream()
				.filter((key) -> key != null && (this.kept == null || !this.kept.contains(key)))
				.distinct()
				.toList() : List.of();
			List<nl.vangnet.household.NetworkMaps.NewPerson> people = added().stream()
				.map((p) -> new nl.vangnet.household.NetworkMaps.NewPerson(Contacts.trimmed(p.name()),
						Contacts.trimmed(p.relation()), Contacts.trimmed(p.support())))
				.toList();
			return new FollowUpChecks.NewCheck(this.trajectory, this.months, this.on, this.reached, this.channel,
					this.housing, this.income, this.debts, this.safe, this.school, null, this.triangle, this.helped,
					new FollowUpChecks.NetworkUpdate(removed, people));
		}

		/**
		 * The form for the latest departure: the first check not done, today, reached.
		 */
		static FollowUp proposed(List<FollowUpChecks.Departure> departures, LocalDate today) {
			if (departures.isEmpty()) {
				return new FollowUp(null, null, today, true, Channel.PHONE, null, null, null, null, null, null, null,
						null, null, null, null, null);
			}
			FollowUpChecks.Departure latest = departures.get(0);
			Integer months = latest.checks()
				.stream()
				.filter((c) -> c.status() != FollowUpChecks.Status.REACHED)
				.map(FollowUpChecks.Check::months)
				.findFirst()
				.orElse(null);
			return new FollowUp(latest.trajectory(), months, today, true, Channel.PHONE, null, null, null, null, null,
					null, null, null, null, null, null, null);
		}

		/**
		 * Someone she sees now who is not on her map: name, relation and support codes.
		 */
		record Person(String name, String relation, String support) {

			boolean empty() {
				return Contacts.trimmed(this.name) == null && Contacts.trimmed(this.relation) == null
						&& Contacts.trimmed(this.support) == null;
			}

		}

	}

	record EndRhythm(String reason) {
	}

	record Obligation(Integer version, ObligationKind kind, String description, String agency,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, ObligationStatus status) {

		FamilyPapers.ObligationInput input() {
			return new FamilyPapers.ObligationInput(this.kind, this.description, this.agency, this.dueOn, this.status);
		}

	}

	record Debt(Integer version, String creditor, BigDecimal amount, String arrangement, DebtStatus status) {

		FamilyPapers.DebtInput input() {
			return new FamilyPapers.DebtInput(this.creditor, this.amount, this.arrangement, this.status);
		}

	}

}
