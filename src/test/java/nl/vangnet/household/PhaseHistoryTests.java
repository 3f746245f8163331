package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhaseHistoryTests {

	private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

	private static final Phase CONTACT = phase("FLEXIBLE.GETTING_IN_TOUCH", 1);

	private static final Phase ACQUAINTANCE = phase("FLEXIBLE.ACQUAINTANCE", 2);

	private static final Phase ACTIVITIES = phase("FLEXIBLE.ACTIVITIES", 3);

	private static final Phase STABILISING = phase("FLEXIBLE.STABILISING", 4);

	@Test
	void withoutChangesThereIsNoCurrentPhase() {
		assertThat(PhaseHistory.NONE.current()).isEmpty();
		assertThat(PhaseHistory.NONE.daysSinceLastChange(TODAY)).isEmpty();
	}

	@Test
	void theCurrentPhaseIsTheLatestByDateNotTheLastRecorded() {
		PhaseHistory history = new PhaseHistory(List.of(change(ACTIVITIES, "2024-03-01"), change(CONTACT, "2024-01-01"),
				change(ACQUAINTANCE, "2024-02-01")));

		assertThat(history.current()).contains(change(ACTIVITIES, "2024-03-01"));
		assertThat(history.timeline()).extracting(PhaseChange::phase)
			.containsExactly(CONTACT.code(), ACQUAINTANCE.code(), ACTIVITIES.code());
		assertThat(history.daysSinceLastChange(TODAY)).contains(92L);
	}

	@Test
	void ofTwoChangesOnOneDayTheOneRecordedLastIsCurrent() {
		PhaseHistory history = new PhaseHistory(
				List.of(change(CONTACT, "2024-01-01"), change(ACQUAINTANCE, "2024-01-01")));

		assertThat(history.current().map(PhaseChange::phase)).contains(ACQUAINTANCE.code());
	}

	@Test
	void aFamilyMaySkipPhasesAndReturnToAnEarlierOne() {
		Trajectory trajectory = trajectory();

		trajectory.moveToPhase(STABILISING, LocalDate.of(2024, 2, 1), TODAY);
		trajectory.moveToPhase(ACTIVITIES, LocalDate.of(2024, 4, 1), TODAY);

		assertThat(trajectory.phases().current().map(PhaseChange::phase)).contains(ACTIVITIES.code());
		assertThat(trajectory.phases().timeline()).extracting(PhaseChange::phase)
			.containsExactly(CONTACT.code(), STABILISING.code(), ACTIVITIES.code());
	}

	@Test
	void aFamilyDoesNotEnterThePhaseItIsInAlready() {
		Trajectory trajectory = trajectory();

		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> trajectory.moveToPhase(CONTACT, LocalDate.of(2024, 2, 1), TODAY))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("trajectory.phase.alreadyCurrent"));
	}

	@Test
	void aPhaseChangeLiesBetweenTheStartAndToday() {
		Trajectory trajectory = trajectory();

		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> trajectory.moveToPhase(ACTIVITIES, LocalDate.of(2023, 12, 31), TODAY))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("on"));
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> trajectory.moveToPhase(ACTIVITIES, TODAY.plusDays(1), TODAY))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("trajectory.phase.future"));
	}

	@Test
	void aPhaseOfAnotherModelIsRefused() {
		Trajectory trajectory = trajectory();
		Phase shelter = new Phase("SHELTER.PLANNING", "SHELTER", 3, "Planning", "Planning");

		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> trajectory.moveToPhase(shelter, LocalDate.of(2024, 2, 1), TODAY))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("trajectory.phase.otherModel"));
	}

	@Test
	void anEndedTrajectoryMovesNoFurtherAndEndsNotBeforeItsLastPhase() {
		Trajectory trajectory = trajectory();
		trajectory.moveToPhase(ACTIVITIES, LocalDate.of(2024, 3, 1), TODAY);

		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> trajectory.end(LocalDate.of(2024, 2, 1), "verhuisd"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("trajectory.end.beforeLastPhase"));
		trajectory.end(LocalDate.of(2024, 5, 1), "doelen bereikt");
		assertThat(trajectory.openOn(LocalDate.of(2024, 5, 1))).isTrue();
		assertThat(trajectory.openOn(LocalDate.of(2024, 5, 2))).isFalse();
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> trajectory.moveToPhase(STABILISING, LocalDate.of(2024, 5, 1), TODAY))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("trajectory.ended"));
	}

	private static Trajectory trajectory() {
		return new Trajectory(UUID.randomUUID(), TrajectoryKind.INTENSIVE, LocalDate.of(2024, 1, 1), null, null,
				"FLEXIBLE", null, List.of(), new PhaseHistory(List.of(change(CONTACT, "2024-01-01"))));
	}

	private static Phase phase(String code, int position) {
		return new Phase(code, "FLEXIBLE", position, code, code);
	}

	private static PhaseChange change(Phase phase, String on) {
		return new PhaseChange(phase.code(), LocalDate.parse(on));
	}

}
