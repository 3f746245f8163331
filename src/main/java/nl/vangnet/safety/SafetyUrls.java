package nl.vangnet.safety;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The safety work is case work (under {@code /households/**} already); coordinators load
 * their organisation's own instruments. Which meldcode case someone may see the module
 * decides per case.
 */
@Component
class SafetyUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(Staff::worksWithCases, "/safety/**", "/meldcode-cases/**", "/api/v1/meldcode-cases/**")
			.allow(HttpMethod.GET, Staff::worksWithCases, "/api/v1/risk-instruments")
			.allow(HttpMethod.POST, Staff::leadsTeam, "/api/v1/risk-instruments");
	}

}
