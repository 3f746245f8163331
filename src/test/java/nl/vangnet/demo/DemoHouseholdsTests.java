package nl.vangnet.demo;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The demo loads its households through the households module, each in its own
 * organisation, and shows them to the right people.
 */
@VangnetTest
class DemoHouseholdsTests {

	@Autowired
	private DemoData demo;

	@Autowired
	private MockMvc mvc;

	@Value("${vangnet.demo-password}")
	private String password;

	@Test
	void theDemoHasFamiliesOnCaseloadsAndKeepsTheShelterFamilysAddressConfidential() throws Exception {
		this.demo.run(new DefaultApplicationArguments("--demo"));
		this.demo.run(new DefaultApplicationArguments("--demo"));

		MockHttpSession fatima = TestData.signIn(this.mvc, "fatima@dehaven.example", this.password);
		MockHttpSession anneke = TestData.signIn(this.mvc, "anneke@dehaven.example", this.password);
		MockHttpSession ruud = TestData.signIn(this.mvc, "ruud@samensterk.example", this.password);

		String caseload = page("/caseload", fatima);
		assertThat(caseload).contains("Samira El Amrani", "Planning").doesNotContain("Havenkade");
		assertThat(page("/caseload", anneke)).contains("Samira El Amrani");
		assertThat(page("/households?status=ALL", ruud))
			.contains("Anna de Groot", "Fatma Yıldız", "Jessica Pinas", "Stabiliseren")
			.doesNotContain("Samira El Amrani");
		String households = page("/api/v1/households?size=100", fatima);
		assertThat(households).contains("Priya Ramdin").doesNotContain("Havenkade", "Anna de Groot");
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
	}

}
