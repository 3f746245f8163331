package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole family at a glance, as the dossier page shows it to its reader. The address
 * is here only when it is not confidential; a confidential one is opened separately.
 */
record DossierView(UUID id, int version, String name, String externalId, String district, Composition composition,
		Debts debts, ReferralSource referralSource, List<ContactReason> contactReasons, String phone, String email,
		String address, boolean confidentialAddress, List<MemberView> members, MemberView mainContact,
		List<TrajectoryView> openTrajectories, List<TrajectoryView> endedTrajectories, LocalDate closedOn,
		String closingReason, Permissions may, List<StaffOption> contactPersonOptions, List<StaffOption> staffOptions,
		List<PhaseOption> organisationPhases, LocalDate today, List<ReopeningView> reopenings) {

	public boolean closed() {
		return this.closedOn != null;
	}

	/**
	 * What the reader may do here.
	 */
	record Permissions(boolean change, boolean openConfidential, boolean reassign, boolean readTrail, boolean reopen) {
	}

	/**
	 * A reopening in the dossier's history: when, why and by whom, and the closing it
	 * lifted.
	 */
	record ReopeningView(LocalDate on, String reason, StaffOption by, LocalDate closedOn, String closingReason) {
	}

	record MemberView(UUID id, String ref, MemberRole role, boolean mainContact, String name, LocalDate birthDate,
			Integer age, AgeGroup ageGroup, Education education, DutchLanguage dutchLanguage,
			List<DayActivity> dayActivities) {
	}

	record TrajectoryView(UUID id, TrajectoryKind kind, LocalDate start, LocalDate end, String closingReason,
			String phaseModel, String phaseModelLabel, PhaseStep current, Long daysInPhase, List<PhaseStep> timeline,
			StaffOption contactPerson, List<StaffOption> involved, List<PhaseOption> phases, Destination destination,
			HousingSituation housing, IncomeSituation income, SchoolSituation school) {

		/**
		 * The phase the family most likely enters next: the one after the current phase
		 * in the model (the first without a current one, the last at the end).
		 */
		public String nextPhase() {
			if (this.phases.isEmpty()) {
				return null;
			}
			if (this.current == null) {
				return this.phases.get(0).code();
			}
			for (int i = 0; i < this.phases.size() - 1; i++) {
				if (this.phases.get(i).code().equals(this.current.code())) {
					return this.phases.get(i + 1).code();
				}
			}
			return this.phases.get(this.phases.size() - 1).code();
		}

	}

	record PhaseStep(String code, String label, LocalDate on, boolean current) {
	}

}
