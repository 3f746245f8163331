package nl.vangnet.cooperation;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Everyone on staff reads the who-does-what map; coordinators keep it; administrators
 * define the regions that share it. Consents and referrals are case work (the module
 * checks whose household and which side of a referral).
 */
@Component
class CooperationUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(HttpMethod.GET, Staff::seesClientData, "/partners", "/partners/*", "/api/v1/partners",
				"/api/v1/partners/*")
			.allow(Staff::leadsTeam, "/partners", "/partners/*", "/api/v1/partners", "/api/v1/partners/*")
			.allow(Staff::administers, "/admin/regions", "/admin/regions/**", "/api/v1/regions", "/api/v1/regions/*")
			.allow(Staff::worksWithCases, "/referrals", "/referrals/**", "/consents/**", "/api/v1/referrals",
					"/api/v1/referrals/**", "/api/v1/consents/**")
			// regie holder and agencies (issue 13 items 4 and 5); under /households/**
			// case work already
			.allow(Staff::worksWithCases, "/agencies/**", "/agency-issues/**", "/api/v1/agencies/**",
					"/api/v1/agency-issues/**");
	}

}
