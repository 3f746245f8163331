package nl.vangnet.contact;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.stereotype.Component;

/**
 * Volunteers record and read their own contact moments with their families (the module
 * checks which); time, activities, rhythms, the worklist, obligations and debts are case
 * work.
 */
@Component
class ContactUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(Staff::seesClientData, "/households/*/contacts", "/households/*/contact-summary",
				"/api/v1/households/*/contacts", "/api/v1/households/*/rhythms")
			.allow(Staff::worksWithCases, "/worklist", "/obligations/**", "/debts/**", "/households/*/obligations",
					"/households/*/obligations/**", "/households/*/obligations.pdf", "/households/*/debts",
					"/households/*/activities", "/households/*/time", "/households/*/trajectories/*/rhythm/**")
			.allow(Staff::worksWithCases, "/api/v1/worklist", "/api/v1/obligations/**", "/api/v1/debts/**",
					"/api/v1/households/*/obligations", "/api/v1/households/*/debts", "/api/v1/households/*/activities",
					"/api/v1/households/*/time-entries", "/api/v1/households/*/time-summary",
					"/api/v1/households/*/trajectories/*/rhythm/**")
			.allow(Staff::leadsTeam, "/organisation/aftercare", "/api/v1/organisation/aftercare");
	}

}
