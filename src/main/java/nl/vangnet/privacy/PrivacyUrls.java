package nl.vangnet.privacy;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.stereotype.Component;

/**
 * The client's rights are the coordinator's: subject access, erasure and retention (the
 * service checks whose household, and that the approver is not the requester). A module
 * whose report sections a meldcode officer reviews may allow that officer the review
 * paths with a rule of its own.
 */
@Component
class PrivacyUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(Staff::handlesPrivacyRequests, "/households/*/privacy", "/households/*/members/*/subject-access",
				"/households/*/members/*/subject-access/**", "/households/*/erasure-requests", "/retention",
				"/erasure-requests/**", "/api/v1/households/*/members/*/subject-access",
				"/api/v1/households/*/members/*/subject-access/**", "/api/v1/households/*/erasure-requests",
				"/api/v1/erasure-requests", "/api/v1/erasure-requests/**", "/api/v1/retention");
	}

}
