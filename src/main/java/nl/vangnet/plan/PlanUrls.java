package nl.vangnet.plan;

import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Help questions, plans and progress are case work; a volunteer sees the plan's volunteer
 * actions and the dossier's block of their own families (the module checks which).
 */
@Component
class PlanUrls implements UrlRules {

	@Override
	public void declare(Urls urls) {
		urls.allow(HttpMethod.GET, Staff::seesClientData, "/households/*/plan", "/households/*/plan-summary",
				"/api/v1/households/*/plan")
			.allow(Staff::worksWithCases, "/households/*/plan/**", "/households/*/help-questions",
					"/households/*/progress", "/help-questions/**", "/plan/**")
			.allow(Staff::worksWithCases, "/api/v1/households/*/help-questions", "/api/v1/households/*/goals",
					"/api/v1/households/*/evaluations", "/api/v1/households/*/notes", "/api/v1/households/*/scores",
					"/api/v1/help-questions/**", "/api/v1/goals/**", "/api/v1/actions/**");
	}

}
