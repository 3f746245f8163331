package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgeGroupTests {

	private static final LocalDate REFERENCE = LocalDate.of(2021, 8, 31);

	@Test
	void ageGroupsFollowTheRangesOfTheExchangeContract() {
		assertThat(AgeGroup.of(LocalDate.of(2021, 8, 31), REFERENCE)).isEqualTo(AgeGroup.TODDLER);
		assertThat(AgeGroup.of(LocalDate.of(2017, 9, 1), REFERENCE)).as("3 years and 364 days")
			.isEqualTo(AgeGroup.TODDLER);
		assertThat(AgeGroup.of(LocalDate.of(2017, 8, 31), REFERENCE)).as("4 on the day")
			.isEqualTo(AgeGroup.PRIMARY_SCHOOL);
		assertThat(AgeGroup.of(LocalDate.of(2009, 9, 1), REFERENCE)).as("11").isEqualTo(AgeGroup.PRIMARY_SCHOOL);
		assertThat(AgeGroup.of(LocalDate.of(2009, 8, 31), REFERENCE)).as("12 on the day")
			.isEqualTo(AgeGroup.ADOLESCENT);
		assertThat(AgeGroup.of(LocalDate.of(2003, 9, 1), REFERENCE)).as("17").isEqualTo(AgeGroup.ADOLESCENT);
		assertThat(AgeGroup.of(LocalDate.of(2003, 8, 31), REFERENCE)).as("18 on the day")
			.isEqualTo(AgeGroup.ADULT_AT_HOME);
	}

	@Test
	void someoneNotBornYetOnTheReferenceDateHasNoKnownAgeGroup() {
		assertThat(AgeGroup.of(LocalDate.of(2021, 9, 1), REFERENCE)).isEqualTo(AgeGroup.UNKNOWN);
	}

	@Test
	void theBirthDateOutweighsTheAgeGroupGivenAndWithoutBothTheAgeGroupIsUnknown() {
		Member withBoth = child(LocalDate.of(2016, 9, 12), AgeGroup.TODDLER);
		Member onlyGroup = child(null, AgeGroup.ADOLESCENT);
		Member nothing = child(null, null);

		assertThat(withBoth.ageGroupOn(REFERENCE)).isEqualTo(AgeGroup.PRIMARY_SCHOOL);
		assertThat(withBoth.ageGroup()).as("kept as given").isEqualTo(AgeGroup.TODDLER);
		assertThat(onlyGroup.ageGroupOn(REFERENCE)).isEqualTo(AgeGroup.ADOLESCENT);
		assertThat(nothing.ageGroupOn(REFERENCE)).isEqualTo(AgeGroup.UNKNOWN);
	}

	@Test
	void theAgeInYearsIsKnownOnlyFromABirthDate() {
		assertThat(child(LocalDate.of(2016, 9, 12), null).ageOn(REFERENCE)).isEqualTo(4);
		assertThat(child(null, AgeGroup.TODDLER).ageOn(REFERENCE)).isNull();
	}

	private static Member child(LocalDate birthDate, AgeGroup ageGroup) {
		return new Member(UUID.randomUUID(), "m2", MemberRole.CHILD, false, "Yara", null, birthDate, ageGroup, null,
				null, List.of());
	}

}
