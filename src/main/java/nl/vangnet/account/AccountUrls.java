package nl.vangnet.account;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.stereotype.Component;

/**
 * Signing in is open; accounts and the administrators' area are for administrators; one's
 * own account ({@code /account/password}, {@code /api/v1/me}) for everyone signed in.
 */
@Component
class AccountUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.open("/login", "/login/**")
			// the second step of a sign-in: after a right password only
			.allow((staff) -> staff.role() != null, "/login/second-factor")
			// the number families call: one's own for those who can be a contact person,
			// a colleague's for coordinators (of their own organisation) and
			// administrators
			.allow(Staff::worksWithCases, "/account/work-phone")
			.allow(org.springframework.http.HttpMethod.PUT, Staff::worksWithCases, "/api/v1/me/work-phone")
			.allow(org.springframework.http.HttpMethod.PUT, (staff) -> staff.administers() || staff.leadsTeam(),
					"/api/v1/users/*/work-phone")
			.allow(Staff::administers, "/admin/**", "/admin/users/**", "/api/v1/users", "/api/v1/users/**");
	}

}
