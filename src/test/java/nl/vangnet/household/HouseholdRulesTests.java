package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HouseholdRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

	private static final PhaseModel FLEXIBLE = new PhaseModel("FLEXIBLE", 1, "Flexibel", "Flexible",
			List.of(new Phase("FLEXIBLE.GETTING_IN_TOUCH", "FLEXIBLE", 1, "In contact komen", "Getting in touch"),
					new Phase("FLEXIBLE.ACTIVITIES", "FLEXIBLE", 3, "Activiteiten", "Activities")));

	@Test
	void aHouseholdWithAParentHasExactlyOneMainContact() {
		assertThat(keys(HouseholdRules.members(List.of(parent("m1", false), child("m2")), TODAY)))
			.containsExactly("household.mainContact.exactlyOne");
		assertThat(keys(HouseholdRules.members(List.of(parent("m1", true), parent("m2", true)), TODAY)))
			.containsExactly("household.mainContact.exactlyOne");
		assertThat(HouseholdRules.members(List.of(parent("m1", true), parent("m2", false), child("m3")), TODAY))
			.isEmpty();
	}

	@Test
	void aHouseholdWithoutParentsHasAtMostOneMainContact() {
		Member aunt = new Member(null, "m1", MemberRole.OTHER_ADULT, false, "Fatma", null, null, null, null, null,
				List.of());

		assertThat(HouseholdRules.members(List.of(aunt, child("m2")), TODAY)).isEmpty();
		assertThat(keys(HouseholdRules.members(List.of(main(aunt), main(child("m2"))), TODAY)))
			.containsExactly("household.mainContact.atMostOne");
	}

	@Test
	void everyBrokenRuleIsReportedOnItsOwnField() {
		Member noRole = new Member(null, "m1", null, false, null, null, null, null, null, null, List.of());
		Member unborn = new Member(null, "m1", MemberRole.CHILD, false, null, null, TODAY.plusDays(1), null, null, null,
				List.of());

		List<DomainException> errors = HouseholdRules.members(List.of(noRole, unborn), TODAY);

		assertThat(errors).extracting(DomainException::field)
			.containsExactly("members[0].role", "members[1].birthDate", "members[1].ref");
		assertThat(errors.get(1).arguments()).containsExactly(2);
	}

	@Test
	void aHouseholdNeedsAMember() {
		assertThat(keys(HouseholdRules.members(List.of(), TODAY))).containsExactly("household.members.required");
	}

	@Test
	void unknownIsNeverReplacedByADefault() {
		Household household = Household.register(UUID.randomUUID(), UUID.randomUUID(),
				new HouseholdDetails(null, null, null, null, null, null, null, null, List.of(parent(null, true))), null,
				List.of(), Map.of(), TODAY);

		HouseholdDetails details = household.details();
		assertThat(details.composition()).isNull();
		assertThat(details.debts()).isNull();
		assertThat(details.referralSource()).isNull();
		assertThat(details.contactReasons()).isEmpty();
		Member main = details.members().get(0);
		assertThat(main.education()).isNull();
		assertThat(main.dutchLanguage()).isNull();
		assertThat(main.dayActivities()).isEmpty();
		assertThat(main.ref()).isEqualTo("m1");
	}

	@Test
	void membersKeepTheirIdentityByReferenceAndANewMemberNeverTakesOverAnotherOnesReference() {
		Household household = Household.register(UUID.randomUUID(), UUID.randomUUID(),
				details(parent(null, true), child(null)), null, List.of(), Map.of(), TODAY);
		Member mother = household.details().members().get(0);
		Member child = household.details().members().get(1);

		household.describe(details(mother, child(null)), null, TODAY);

		List<Member> now = household.details().members();
		assertThat(now.get(0).id()).isEqualTo(mother.id());
		assertThat(now.get(1).ref()).isEqualTo("m3");
		assertThat(now.get(1).id()).isNotEqualTo(child.id());
	}

	@Test
	void phasesOfATrajectoryBelongToItsModelAndLieWithinIt() {
		Trajectory trajectory = new Trajectory(UUID.randomUUID(), TrajectoryKind.INTENSIVE, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 3, 1), null, "FLEXIBLE", null, List.of(),
				new PhaseHistory(List.of(new PhaseChange("SHELTER.PLANNING", LocalDate.of(2024, 1, 1)),
						new PhaseChange("FLEXIBLE.ACTIVITIES", LocalDate.of(2023, 12, 1)),
						new PhaseChange("FLEXIBLE.ACTIVITIES", LocalDate.of(2024, 4, 1)))));

		List<DomainException> errors = HouseholdRules.trajectory(trajectory, "trajectories[0]",
				Map.of("FLEXIBLE", FLEXIBLE), TODAY);

		assertThat(errors).extracting(DomainException::field)
			.containsExactly("trajectories[0].phases[0].phase", "trajectories[0].phases[1].date",
					"trajectories[0].phases[2].date");
	}

	@Test
	void closingAHouseholdNeedsADateAndAReasonAndEndsItsRunningSupport() {
		Trajectory running = new Trajectory(UUID.randomUUID(), TrajectoryKind.INTENSIVE, LocalDate.of(2024, 1, 1), null,
				null, "FLEXIBLE", null, List.of(), PhaseHistory.NONE);
		Household household = Household.register(UUID.randomUUID(), UUID.randomUUID(), details(parent(null, true)),
				null, List.of(running), Map.of("FLEXIBLE", FLEXIBLE), TODAY);

		assertThatExceptionOfType(DomainErrors.class).isThrownBy(() -> household.close(null, " "))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(DomainException::field)
				.containsExactly("closedOn", "closingReason"));
		household.close(LocalDate.of(2024, 5, 1), "Verhuisd naar een andere stad");

		assertThat(household.closed()).isTrue();
		assertThat(household.trajectories().get(0).end()).isEqualTo(LocalDate.of(2024, 5, 1));
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> household.describe(details(parent(null, true)), null, TODAY))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("household.closed"));
	}

	@Test
	void endedSupportGetsNoNewContactPersonOrStaff() {
		Trajectory ended = new Trajectory(UUID.randomUUID(), TrajectoryKind.SHORT, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 2, 1), "Fonds toegekend", "FLEXIBLE", null, List.of(), PhaseHistory.NONE);

		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> ended.assignContactPerson(UUID.randomUUID()))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("trajectory.ended.unchangeable"));
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> ended.involve(List.of(UUID.randomUUID())));
	}

	private static HouseholdDetails details(Member... members) {
		return new HouseholdDetails(null, null, Composition.ONE_PARENT, null, null, null, null, null, List.of(members));
	}

	private static Member parent(String ref, boolean main) {
		return new Member(null, ref, MemberRole.PARENT, main, "Samira", "El Amrani", LocalDate.of(1989, 4, 2), null,
				null, null, List.of());
	}

	private static Member child(String ref) {
		return new Member(null, ref, MemberRole.CHILD, false, "Yara", "El Amrani", LocalDate.of(2016, 9, 12), null,
				null, null, List.of());
	}

	private static Member main(Member member) {
		return new Member(member.id(), member.ref(), member.role(), true, member.givenName(), member.familyName(),
				member.birthDate(), member.ageGroup(), member.education(), member.dutchLanguage(),
				member.dayActivities());
	}

	private static List<String> keys(List<DomainException> errors) {
		return errors.stream().map(DomainException::messageKey).toList();
	}

}
