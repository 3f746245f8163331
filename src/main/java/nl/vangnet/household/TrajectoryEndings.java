package nl.vangnet.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A module that acts when a trajectory ends (such as the contact module, which starts the
 * pilot-light rhythm of aftercare) implements this as a Spring bean. The household module
 * calls it in the same transaction as the ending itself, so that an ending and what
 * follows from it are stored together or not at all; rules are reported by throwing
 * {@link nl.vangnet.platform.DomainException} or {@link nl.vangnet.platform.DomainErrors}
 * with fields named from {@link Ended#fieldPrefix()}.
 */
public interface TrajectoryEndings {

	void ended(StoredHousehold household, Ended ended);

	/**
	 * What the dossier's end form proposes for the organisation, if this module proposes
	 * anything ({@code null}: nothing).
	 */
	default Proposal proposal(UUID organisationId) {
		return null;
	}

	/**
	 * The proposed aftercare: a rhythm code among the choices, for a period in months.
	 */
	record Proposal(String rhythm, java.util.List<String> rhythms, int months) {
	}

	/**
	 * A trajectory ended (through the dossier, the API's document or an import).
	 *
	 * @param fieldPrefix what the fields of errors start with: empty for a form,
	 * {@code trajectories[2].} for a document
	 */
	record Ended(UUID trajectoryId, TrajectoryKind kind, LocalDate on, Aftercare aftercare, String fieldPrefix) {

		public boolean intensive() {
			return this.kind == TrajectoryKind.INTENSIVE;
		}

	}

	/**
	 * What the request said about aftercare: a rhythm code and a period in months
	 * ({@code null}: the organisation's default), or the choice to decline it, which
	 * needs a reason.
	 */
	record Aftercare(String rhythm, Integer months, boolean decline, String declinedReason) {

		public static final Aftercare DEFAULT = new Aftercare(null, null, false, null);

		/** Through the API: declined when a reason is given. */
		public static Aftercare declinedFor(String reason) {
			return (Texts.clean(reason) == null) ? DEFAULT : new Aftercare(null, null, true, reason);
		}

		public Aftercare {
			declinedReason = Texts.clean(declinedReason);
			rhythm = Texts.clean(rhythm);
		}

	}

}
