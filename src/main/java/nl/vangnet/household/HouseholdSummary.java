package nl.vangnet.household;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One household in a list, a search result or a caseload: never a confidential detail (no
 * address at all).
 *
 * @param name the main contact's name (or another member's); {@code null} when no name is
 * known
 * @param trajectoryId the trajectory the row shows: the one running (the latest), else
 * the last one
 * @param phase the code of the current phase of that trajectory
 * @param phaseLabel its label in the reader's language
 * @param phaseSince the day of the last phase change
 * @param daysInPhase days since the last phase change
 * @param contactPerson the fixed contact person's account id
 * @param running whether that trajectory still runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HouseholdSummary(UUID id, int version, String name, String externalId, String district, int members,
		UUID trajectoryId, TrajectoryKind kind, String phase, String phaseLabel, LocalDate phaseSince, Long daysInPhase,
		UUID contactPerson, String contactPersonName, boolean running, LocalDate closedOn) {
}
