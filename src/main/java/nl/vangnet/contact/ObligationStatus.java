package nl.vangnet.contact;

/**
 * Where an obligation stands; only {@link #TO_DO} and {@link #IN_PROGRESS} are still
 * open.
 */
public enum ObligationStatus {

	TO_DO, IN_PROGRESS, DONE, NOT_NEEDED;

	boolean open() {
		return this == TO_DO || this == IN_PROGRESS;
	}

}
