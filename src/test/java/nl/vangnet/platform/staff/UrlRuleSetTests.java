package nl.vangnet.platform.staff;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UrlRuleSetTests {

	private final UrlRules households = (urls) -> urls.allow(HttpMethod.GET, Staff::seesClientData, "/households/*")
		.allow(HttpMethod.GET, Staff::mayChangeHouseholds, "/households/new")
		.allow(Staff::mayChangeHouseholds, "/households/**", "/households");

	private final UrlRules contacts = (urls) -> urls.allow(Staff::seesClientData, "/households/*/contacts");

	private final UrlRules plans = (urls) -> urls.allow(HttpMethod.GET, Staff::seesClientData, "/households/*/plan")
		.allow(Staff::worksWithCases, "/households/*/plan/**");

	@Test
	void theMostSpecificRuleComesFirstWhateverOrderTheModulesDeclaredThemIn() {
		List<String> expected = List.of("GET /households/new", "/households", "/households/*/contacts",
				"GET /households/*/plan", "GET /households/*", "/households/*/plan/**", "/households/**");
		assertThat(UrlRuleSet.of(List.of(this.households, this.contacts, this.plans)).patternsInOrder())
			.isEqualTo(expected);
		List<UrlRules> reversed = new ArrayList<>(List.of(this.plans, this.contacts, this.households));
		assertThat(UrlRuleSet.of(reversed).patternsInOrder()).isEqualTo(expected);
	}

	@Test
	void aRuleForOneMethodComesBeforeTheRuleForEveryMethodOfTheSamePattern() {
		UrlRules any = (urls) -> urls.allow(Staff::mayChangeHouseholds, "/api/v1/households");
		UrlRules reads = (urls) -> urls.allow(HttpMethod.GET, Staff::seesClientData, "/api/v1/households");
		assertThat(UrlRuleSet.of(List.of(any, reads)).patternsInOrder()).containsExactly("GET /api/v1/households",
				"/api/v1/households");
	}

	@Test
	void twoModulesCannotBothDecideOneUrl() {
		UrlRules again = (urls) -> urls.allow(Staff::leadsTeam, "/households/*/contacts");
		assertThatIllegalStateException().isThrownBy(() -> UrlRuleSet.of(List.of(this.contacts, again)));
	}

}
