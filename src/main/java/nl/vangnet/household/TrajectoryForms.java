package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The small forms of the dossier, each carrying the version of the household it was shown
 * with.
 */
final class TrajectoryForms {

	private TrajectoryForms() {
	}

	static int version(Integer version) {
		return (version != null) ? version : -1;
	}

	/** Support starts (again). */
	record Start(Integer version, TrajectoryKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
			UUID contactPerson, String firstPhase) {
	}

	/** The family enters a phase on a day. */
	record Move(Integer version, String phase, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
	}

	/**
	 * The support ends, with the proposed aftercare ({@code aftercare} is {@code KEEP}
	 * unless {@code DECLINE}, which needs {@code aftercareDeclined}, the reason).
	 */
	record End(Integer version, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end, String closingReason,
			Destination destination, String aftercare, String aftercareRhythm, Integer aftercareMonths,
			String aftercareDeclined, HousingSituation housing, IncomeSituation income, SchoolSituation school) {

		/** How she left: housing, income and school, each unknown when not chosen. */
		DepartureSituation situation() {
			return new DepartureSituation(this.housing, this.income, this.school);
		}

		/**
		 * The worker's choice: the form always sends {@code KEEP} or {@code DECLINE} for
		 * an intensive trajectory (nothing for another kind); anything else is refused.
		 */
		TrajectoryEndings.Aftercare choice() {
			if (this.aftercare != null && !"KEEP".equals(this.aftercare) && !"DECLINE".equals(this.aftercare)) {
				throw new nl.vangnet.platform.DomainException("aftercare", "trajectory.aftercare.choice");
			}
			boolean decline = "DECLINE".equals(this.aftercare);
			return new TrajectoryEndings.Aftercare(decline ? null : this.aftercareRhythm,
					decline ? null : this.aftercareMonths, decline, decline ? this.aftercareDeclined : null);
		}

	}

	/** A coordinator hands the family to another contact person. */
	record Assign(Integer version, UUID assignee) {
	}

	/**
	 * A deputy (waarnemer) from a day until a day; no version: it changes no household.
	 */
	record Deputy(UUID deputy, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
	}

	/** Who else is involved. */
	record Involve(Integer version, List<UUID> staff) {
	}

	/** The household is closed (archived). */
	record Close(Integer version, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn,
			String closingReason) {
	}

	/** The closed household is reopened: the family came back. */
	record Reopen(Integer version, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String reason,
			TrajectoryKind kind) {
	}

}
