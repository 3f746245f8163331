package nl.vangnet.lifedomain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.DomainException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Frameworks, scales and instruments are data; every domain maps to the monitor.
 */
@VangnetTest
class LifeDomainTests {

	@Autowired
	private LifeDomainApi lifeDomains;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Test
	void theMonitorFrameworkHasExactlyTheCodesOfTheExchangeContract() {
		assertThat(this.lifeDomains.monitorFramework().domains()).extracting(Framework.Domain::code)
			.containsExactly("FINANCES", "HEALTH", "HOUSING", "SOCIAL", "SOCIAL.DOMESTIC_RELATIONS", "SOCIAL.PARENTING",
					"SOCIAL.NETWORK", "PARTICIPATION", "PARTICIPATION.DAILY_LIVING", "PARTICIPATION.DUTCH_LANGUAGE",
					"PARTICIPATION.WORK", "PARTICIPATION.EDUCATION", "PARTICIPATION.CHILD_DAYTIME",
					"PARTICIPATION.PARENT_DAYTIME", "OTHER");
		assertThat(this.lifeDomains.monitorFramework().domain("SOCIAL.PARENTING").orElseThrow().parentCode())
			.isEqualTo("SOCIAL");
	}

	@Test
	void theEightLifeDomainsMapOntoTheMonitor() {
		Map<String, String> mapping = this.lifeDomains.framework("EIGHT_DOMAINS")
			.domains()
			.stream()
			.collect(Collectors.toMap(Framework.Domain::code, Framework.Domain::monitorTopLevel));
		assertThat(mapping).containsEntry("HOUSING", "HOUSING")
			.containsEntry("FINANCES", "FINANCES")
			.containsEntry("MENTAL", "HEALTH")
			.containsEntry("PHYSICAL", "HEALTH")
			.containsEntry("PRACTICAL", "PARTICIPATION")
			.containsEntry("DAYTIME", "PARTICIPATION")
			.containsEntry("SOCIAL", "SOCIAL")
			.containsEntry("MEANING", "SOCIAL")
			.hasSize(8);
	}

	@Test
	void everyShippedDomainMapsToAnExistingMonitorCode() {
		List<String> monitorCodes = this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.toList();
		for (Framework framework : this.lifeDomains.frameworks()) {
			assertThat(framework.domains()).as(framework.code())
				.isNotEmpty()
				.allSatisfy((domain) -> assertThat(monitorCodes).contains(domain.monitorCode()));
		}
		assertThat(this.lifeDomains.framework("ZRM_2017").domains()).hasSize(14);
	}

	@Test
	void instrumentsPairAFrameworkWithAScale() {
		Instrument monitor = this.lifeDomains.instrument("MONITOR_PROGRESS");
		assertThat(monitor.framework().code()).isEqualTo("MONITOR");
		assertThat(monitor.scale().allowsNotApplicable()).isTrue();
		assertThat(monitor.scale().levels()).extracting(Scale.Level::labelNl)
			.contains("Positieve ontwikkeling, beperkte ondersteuning nodig");
		Instrument selfSufficiency = this.lifeDomains.instrument("EIGHT_DOMAINS_SELF_SUFFICIENCY");
		assertThat(selfSufficiency.scale().allowsNotApplicable()).isFalse();
		assertThat(selfSufficiency.scale().levels().get(0).labelNl()).isEqualTo("Acute problemen");
		assertThat(selfSufficiency.scale().levels().get(4).labelNl()).isEqualTo("Volledig zelfredzaam");
	}

	@Test
	void anAdministratorAddsAnOrganisationsOwnListThatOnlyItMayChoose() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Organisation other = this.data.organisation();
		String code = TestData.unique("EIGEN_");
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		this.mvc.perform(post("/api/v1/frameworks").session(admin)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"code":"%s","nameNl":"Onze lijst","nameEn":"Our list","organisation":"%s","domains":[
					  {"code":"GELD","labelNl":"Geld","labelEn":"Money","monitorCode":"FINANCES"},
					  {"code":"GELD.SCHULDEN","labelNl":"Schulden","monitorCode":"FINANCES"},
					  {"code":"THUIS","labelNl":"Thuis","labelEn":"Home","monitorCode":"SOCIAL.DOMESTIC_RELATIONS"}]}"""
				.formatted(code, organisation.code())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.domains[1].parentCode").value("GELD"))
			.andExpect(jsonPath("$.domains[1].labelEn").value("Schulden"));

		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));
		this.mvc.perform(get("/api/v1/organisation/framework").session(coordinator))
			.andExpect(jsonPath("$.code").value("MONITOR"));
		this.mvc
			.perform(put("/api/v1/organisation/framework").session(coordinator)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"framework\":\"" + code + "\"}"))
			.andExpect(jsonPath("$.code").value(code));
		assertThat(this.lifeDomains.frameworkOf(organisation.id()).code()).isEqualTo(code);

		MockHttpSession outsider = TestData.signIn(this.mvc, this.data.person(other, Role.COORDINATOR));
		this.mvc
			.perform(put("/api/v1/organisation/framework").session(outsider)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"framework\":\"" + code + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("framework"));
		this.mvc.perform(post("/organisation/framework").session(outsider).with(csrf()).param("framework", "ZRM_2017"))
			.andExpect(redirectedUrl("/organisation/framework"));
		this.mvc.perform(get("/organisation/framework").session(outsider))
			.andExpect(content().string(containsString("Instrumentele ADL")));
	}

	@Test
	void aFrameworkWithoutAValidMappingIsRefusedAndNothingIsStored() {
		String code = TestData.unique("FOUT_");
		assertThatThrownBy(() -> this.lifeDomains.add(new NewFramework(code, "Fout", null, null,
				List.of(new NewFramework.NewDomain("A", "A", null, "FINANCES"),
						new NewFramework.NewDomain("B", "B", null, "NIETS")))))
			.isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "framework.domain.monitor.unknown");
		assertThatThrownBy(() -> this.lifeDomains.add(new NewFramework(code, "Fout", null, null,
				List.of(new NewFramework.NewDomain("A.B", "Deel", null, "FINANCES")))))
			.hasFieldOrPropertyWithValue("messageKey", "framework.domain.parent.missing");
		assertThat(this.lifeDomains.frameworks()).extracting(Framework::code).doesNotContain(code);
	}

	@Test
	void theAdministratorsPageAddsAListFromLines() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		String code = TestData.unique("REGELS_");
		this.mvc
			.perform(post("/admin/frameworks").session(admin)
				.with(csrf())
				.param("code", code)
				.param("nameNl", "Regels")
				.param("domains", "WONEN | Wonen | Housing | HOUSING\nWONEN.HUUR | Huur | Rent | FINANCES\n"))
			.andExpect(redirectedUrl("/admin/frameworks/" + code));
		this.mvc.perform(get("/admin/frameworks/{code}", code).session(admin))
			.andExpect(content().string(containsString("Huur")))
			.andExpect(content().string(containsString("Financiën")));
		this.mvc
			.perform(post("/admin/frameworks").session(admin)
				.with(csrf())
				.param("code", TestData.unique("X_"))
				.param("nameNl", "Fout")
				.param("domains", "WONEN | Wonen"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("bij WONEN ontbreekt een geldige code van de monitor")));
	}

}
