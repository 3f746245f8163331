package nl.vangnet.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A trajectory of a household as other modules see it.
 *
 * @param kind {@code INTENSIVE}, {@code SHORT}, {@code AFTERCARE} or {@code OUTREACH}
 * @param end {@code null} while it runs
 * @param contactPerson the account of the fixed contact person, {@code null} when none
 */
public record FamilyTrajectory(TrajectoryId id, String kind, LocalDate start, LocalDate end, UUID contactPerson) {

	/**
	 * Whether the trajectory runs on the day (it has not ended before it).
	 */
	public boolean runningOn(LocalDate day) {
		return this.end == null || !this.end.isBefore(day);
	}

}
