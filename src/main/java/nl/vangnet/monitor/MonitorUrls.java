package nl.vangnet.monitor;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.stereotype.Component;

/**
 * The anonymised monitor is for researchers and coordinators.
 */
@Component
class MonitorUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(Staff::seesMonitor, "/monitor", "/api/v1/monitor", "/api/v1/monitor/**");
	}

}
