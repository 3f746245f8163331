package nl.vangnet.network;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.stereotype.Component;

/**
 * The network is for coordinators and professionals only: a danger's name, the client's
 * most private relations.
 */
@Component
class NetworkUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(Staff::worksWithCases, "/network/**", "/api/v1/network/**");
	}

}
