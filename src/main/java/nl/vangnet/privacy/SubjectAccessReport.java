package nl.vangnet.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.privacy.SubjectAccessSection;

/**
 * Everything Vangnet holds about one person, as delivered to her (AVG art. 15), with the
 * state of its review.
 *
 * @param format {@code vangnet-subject-access/1}
 * @param request the request it answers, or {@code null} when none was made yet
 * @param status {@code NOT_REQUESTED}, {@code REQUESTED} (review pending),
 * {@code REVIEWED} (ready to deliver) or {@code DELIVERED}
 * @param person her name as registered
 * @param ref her reference in the household document
 * @param organisation the organisation that keeps the dossier
 * @param generatedAt when this report was assembled
 * @param sections every module's sections about her, third parties redacted
 */
public record SubjectAccessReport(String format, UUID request, String status, String person, String ref, UUID household,
		UUID member, String organisation, Instant generatedAt, Instant requestedAt, Instant reviewedAt,
		Instant deliveredAt, List<Section> sections) {

	static final String FORMAT = "vangnet-subject-access/1";

	/** Whether every review it needs is done. */
	public boolean reviewed() {
		return "REVIEWED".equals(this.status) || "DELIVERED".equals(this.status);
	}

	/**
	 * @param reviewer who must review it: {@code COORDINATOR} (the report as a whole) or
	 * {@code MELDCODE_OFFICER} (this section too)
	 * @param reviewed whether that review is done
	 */
	public record Section(String key, String title, SubjectAccessSection.Reviewer reviewer, boolean reviewed,
			List<SubjectAccessSection.Entry> entries) {
	}

}
