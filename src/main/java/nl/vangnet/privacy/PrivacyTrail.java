package nl.vangnet.privacy;

/** What the privacy module writes in the trail's detail: never personal data. */
final class PrivacyTrail {

	static final String SUBJECT_ACCESS_REQUEST = "subject access: requested";

	static final String SUBJECT_ACCESS_REVIEW = "subject access: review";

	static final String SUBJECT_ACCESS_REVIEWED = "subject access: reviewed";

	static final String SUBJECT_ACCESS_DELIVERY = "subject access: delivered as ";

	static final String ERASURE_REQUEST = "erasure: requested, reason ";

	static final String ERASURE_DONE = "erasure: approved and carried out, request ";

	private PrivacyTrail() {
	}

}
