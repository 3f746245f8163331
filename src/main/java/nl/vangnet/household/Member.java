package nl.vangnet.household;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/**
 * A member of the household: a parent or carer, a child (a client in its own right) or
 * another adult. Names and birth date may be unknown; a child may be known only by its
 * age group. The intake characteristics (education, Dutch language, day activities) are
 * registered for the main contact; {@code null} or an empty list means unknown.
 *
 * @param ref the member's reference inside the household document ({@code m1}, …)
 * @param ageGroup the age group as given; {@link #ageGroupOn} is the one that counts
 */
record Member(UUID id, String ref, MemberRole role, boolean mainContact, String givenName, String familyName,
		LocalDate birthDate, AgeGroup ageGroup, Education education, DutchLanguage dutchLanguage,
		List<DayActivity> dayActivities) {

	Member {
		ref = Texts.clean(ref);
		givenName = Texts.clean(givenName);
		familyName = Texts.clean(familyName);
		dayActivities = (dayActivities != null) ? dayActivities.stream().distinct().toList() : List.of();
	}

	Member withId(UUID newId) {
		return new Member(newId, this.ref, this.role, this.mainContact, this.givenName, this.familyName, this.birthDate,
				this.ageGroup, this.education, this.dutchLanguage, this.dayActivities);
	}

	Member withRef(String newRef) {
		return new Member(this.id, newRef, this.role, this.mainContact, this.givenName, this.familyName, this.birthDate,
				this.ageGroup, this.education, this.dutchLanguage, this.dayActivities);
	}

	/**
	 * The age group on the reference date: from the birth date when known, else as given.
	 */
	AgeGroup ageGroupOn(LocalDate on) {
		if (this.birthDate != null) {
			return AgeGroup.of(this.birthDate, on);
		}
		return (this.ageGroup != null) ? this.ageGroup : AgeGroup.UNKNOWN;
	}

	/**
	 * Age in whole years on the day, when the birth date is known.
	 */
	Integer ageOn(LocalDate on) {
		if (this.birthDate == null || this.birthDate.isAfter(on)) {
			return null;
		}
		return Period.between(this.birthDate, on).getYears();
	}

	/**
	 * Given and family name as far as known; {@code null} when neither is.
	 */
	String name() {
		return name(this.givenName, this.familyName);
	}

	static String name(String givenName, String familyName) {
		if (givenName == null && familyName == null) {
			return null;
		}
		if (givenName == null) {
			return familyName;
		}
		return (familyName == null) ? givenName : givenName + " " + familyName;
	}

	boolean isChild() {
		return this.role == MemberRole.CHILD;
	}

}
