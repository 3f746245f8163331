package nl.vangnet.platform.privacy;

import java.util.List;
import java.util.Set;

import nl.vangnet.platform.staff.Staff;

/**
 * A module that keeps personal data contributes its part of a person's subject-access
 * report (AVG art. 15): a Spring bean of every such module implements this. The privacy
 * module collects every contribution, first their {@link #thirdPartyNames third parties}
 * (so that every section can redact them), then their {@link #sections sections}, which a
 * coordinator reviews before delivery as JSON and PDF.
 * <p>
 * A contribution reads only its own module's tables, in the caller's transaction and
 * tenant scope (row-level security applies). It writes no trail row: the request, the
 * review and the delivery are recorded by the privacy module.
 */
public interface SubjectAccessContribution {

	/**
	 * Names of people other than the person, kept by this module for her household (for
	 * example the contacts on a network map), whom the report must not name. Default:
	 * none.
	 */
	default Set<String> thirdPartyNames(SubjectAccessQuery query) {
		return Set.of();
	}

	/**
	 * This module's sections about the person, in {@link SubjectAccessQuery#locale()},
	 * every free text passed through {@link SubjectAccessQuery#redact(String)}. An empty
	 * list when the module holds nothing about her.
	 */
	List<SubjectAccessSection> sections(SubjectAccessQuery query);

	/**
	 * Whether this staff member may review the section before delivery. Default: a
	 * section reviewed by a coordinator may be reviewed by any coordinator of the
	 * organisation; a module whose sections need a
	 * {@link SubjectAccessSection.Reviewer#MELDCODE_OFFICER} says here who that is.
	 */
	default boolean mayReview(SubjectAccessSection section, Staff staff) {
		return section.reviewer() == SubjectAccessSection.Reviewer.COORDINATOR && staff.handlesPrivacyRequests();
	}

}
