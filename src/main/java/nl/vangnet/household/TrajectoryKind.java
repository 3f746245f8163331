package nl.vangnet.household;

/**
 * The kind of support: intensive, short (one to three conversations, such as an
 * application to a fund), aftercare, or outreach that keeps knocking.
 */
public enum TrajectoryKind {

	INTENSIVE, SHORT, AFTERCARE, OUTREACH

}
