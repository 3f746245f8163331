package nl.vangnet.lifedomain;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Everyone signed in reads the frameworks, scales and instruments; administrators add
 * frameworks; a coordinator chooses the organisation's own.
 */
@Component
class LifeDomainUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(HttpMethod.POST, Staff::administers, "/api/v1/frameworks")
			.allow(Staff::administers, "/admin/frameworks/**")
			.allow(Staff::leadsTeam, "/organisation/framework", "/api/v1/organisation/framework");
	}

}
