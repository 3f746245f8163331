package nl.vangnet.organisation;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.stereotype.Component;

/**
 * Organisations are managed by administrators; the own organisation's page is for the
 * people who work with its families.
 */
@Component
class OrganisationUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(Staff::administers, "/admin/organisations/**", "/api/v1/organisations", "/api/v1/organisations/**")
			.allow(Staff::seesClientData, "/organisation");
	}

}
