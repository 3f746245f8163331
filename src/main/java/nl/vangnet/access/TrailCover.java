package nl.vangnet.access;

import java.util.UUID;

/**
 * What a page hands the fragments it loads with itself (as the htmx header
 * {@value AccessTrail#COVER_HEADER}), so that they are in the trail as part of the page's
 * one view rather than as views of their own. {@link #NONE} when the page wrote no row.
 *
 * @param token the random, short-lived token, or {@code null}
 */
public record TrailCover(UUID token) {

	public static final TrailCover NONE = new TrailCover(null);

	/** The {@code hx-headers} value for the fragments, or {@code null} for none. */
	public String headers() {
		return (this.token != null) ? "{\"" + AccessTrail.COVER_HEADER + "\": \"" + this.token + "\"}" : null;
	}

}
