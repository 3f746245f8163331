package nl.vangnet.access;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.stereotype.Component;

/**
 * The access trail is for coordinators; the sign-ins for administrators.
 */
@Component
class AccessUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(Staff::leadsTeam, "/access-trail", "/access-trail/**", "/api/v1/access-trail",
				"/api/v1/access-trail/**")
			.allow(Staff::administers, "/admin/sign-ins", "/api/v1/sign-ins");
	}

}
