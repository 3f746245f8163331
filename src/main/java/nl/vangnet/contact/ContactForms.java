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

	record SetRhythm(Rhythm rhythm) {
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
