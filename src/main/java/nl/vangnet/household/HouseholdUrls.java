package nl.vangnet.household;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Households are for coordinators and professionals; a volunteer reads the caseload and
 * the dossiers of their own families (the module checks which). Coordinators assign
 * contact persons, choose the phase model and move household files in and out.
 */
@Component
class HouseholdUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(HttpMethod.GET, Staff::seesClientData, "/caseload", "/households/*", "/api/v1/households",
				"/api/v1/households/*")
			.allow(HttpMethod.GET, Staff::mayChangeHouseholds, "/households/new")
			.allow(HttpMethod.POST, Staff::leadsTeam, "/households/*/trajectories/*/contact-person")
			.allow(Staff::leadsTeam, "/phase-model")
			.allow(Staff::mayChangeHouseholds, "/households", "/households/**", "/api/v1/households",
					"/api/v1/households/**")
			.allow(Staff::exchangesHouseholdFiles, "/imports", "/imports/**", "/api/v1/imports", "/api/v1/exports");
	}

}
