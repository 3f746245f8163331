package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The monitor's {@code referrals} (turn 2): referrals of the population sent in the
 * period, per top-level domain and per partner kind, with feedback and acceptance dated
 * on or before the reference date, the median days to first contact, and small cells
 * suppressed like the rest.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorReferralsTests {

	private static final LocalDate FROM = LocalDate.of(2021, 1, 1);

	private static final LocalDate TO = LocalDate.of(2021, 8, 31);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation shelter;

	private MockHttpSession researcher;

	@BeforeAll
	void refer() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		TestData.Organisation team = this.data.organisation(OrganisationKind.MUNICIPAL_TEAM);
		MonitorFixture f = new MonitorFixture(this.data, this.shelter.id());
		UUID debtHelp = partner("DEBT_HELP");
		UUID fund = partner("FUND");
		LocalDate sent = LocalDate.of(2021, 3, 1);
		// Seven to debt help on finances: five with a first contact after 1, 3, 5, 7, 9
		// days and then accepted, one without any feedback, one whose first contact came
		// after the reference date.
		for (int i = 0; i < 5; i++) {
			UUID r = referral(f.intensive(LocalDate.of(2020, 6, 1), null), null, debtHelp, "FINANCES", sent);
			event(r, 2, "FIRST_CONTACT", sent.plusDays(1 + 2 * i));
			event(r, 3, "ACCEPTED", sent.plusDays(10));
		}
		referral(f.intensive(LocalDate.of(2020, 6, 1), null), null, debtHelp, "FINANCES", sent);
		UUID late = referral(f.intensive(LocalDate.of(2020, 6, 1), null), null, debtHelp, "FINANCES", TO.minusDays(1));
		event(late, 2, "FIRST_CONTACT", TO.plusDays(2));
		// Two to the neighbourhood team (a Vangnet organisation without a map entry) on
		// parenting, one declined; one to a fund without a domain, closed.
		UUID declined = referral(f.intensive(LocalDate.of(2020, 6, 1), null), team.id(), null, "SOCIAL.PARENTING",
				sent);
		event(declined, 2, "DECLINED", sent.plusDays(4));
		referral(f.intensive(LocalDate.of(2020, 6, 1), null), team.id(), null, "SOCIAL.PARENTING", sent);
		UUID closed = referral(f.intensive(LocalDate.of(2020, 6, 1), null), null, fund, null, sent);
		event(closed, 2, "CLOSED", sent.plusDays(20));
		// Not counted: sent before the period, and from a household outside P.
		referral(f.intensive(LocalDate.of(2020, 6, 1), null), null, debtHelp, "FINANCES", FROM.minusDays(1));
		referral(f.household(), null, debtHelp, "FINANCES", sent);
		this.researcher = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.RESEARCHER));
	}

	@Test
	void referralsArePerDomainAndPartnerKindWithFeedbackAcceptanceAndTheMedianDaysToFirstContact() throws Exception {
		JsonNode referrals = monitor().get("referrals");

		assertThat(referrals.get("sent").get("count").asInt()).isEqualTo(10);
		assertThat(referrals.get("withFeedback").get("count").asInt()).isEqualTo(7);
		assertThat(referrals.get("accepted").get("count").asInt()).isEqualTo(5);
		assertThat(referrals.get("acceptedPct").asDouble()).isEqualTo(50.0);
		assertThat(referrals.get("firstContact").get("count").asInt()).isEqualTo(5);
		assertThat(referrals.get("medianDaysToFirstContact").asDouble()).isEqualTo(5.0);

		JsonNode finances = row(referrals.get("domains"), "domain", "FINANCES");
		assertThat(finances.get("sent").get("count").asInt()).isEqualTo(7);
		assertThat(finances.get("withFeedback").get("count").asInt()).as("feedback after the date is not counted")
			.isEqualTo(5);
		assertThat(finances.get("withFeedbackPct").asDouble()).isCloseTo(71.43,
				org.assertj.core.data.Offset.offset(0.01));
		assertThat(finances.get("medianDaysToFirstContact").asDouble()).isEqualTo(5.0);
		JsonNode social = row(referrals.get("domains"), "domain", "SOCIAL");
		assertThat(social.get("sent").get("count").isNull()).as("parenting counts for social, and is small").isTrue();
		assertThat(social.get("sent").get("suppressed").asBoolean()).isTrue();
		assertThat(social.get("acceptedPct").isNull()).as("a share of a suppressed count").isTrue();
		assertThat(row(referrals.get("domains"), "domain", "UNKNOWN").get("sent").get("suppressed").asBoolean())
			.isTrue();
		assertThat(row(referrals.get("domains"), "domain", "HEALTH").get("sent").get("count").asInt()).isZero();

		JsonNode debtHelp = row(referrals.get("partnerKinds"), "kind", "DEBT_HELP");
		assertThat(debtHelp.get("sent").get("count").asInt()).isEqualTo(7);
		assertThat(debtHelp.get("accepted").get("count").asInt()).isEqualTo(5);
		assertThat(row(referrals.get("partnerKinds"), "kind", "NEIGHBOURHOOD_TEAM").get("sent")
			.get("suppressed")
			.asBoolean()).as("a Vangnet organisation by its kind").isTrue();
		assertThat(row(referrals.get("partnerKinds"), "kind", "FUND").get("sent").get("suppressed").asBoolean())
			.isTrue();
	}

	@Test
	void noSuppressedCountCanBeRecoveredFromTheTotal() throws Exception {
		JsonNode referrals = monitor().get("referrals");
		for (String breakdown : new String[] { "domains", "partnerKinds" }) {
			for (String measure : new String[] { "sent", "withFeedback", "accepted", "firstContact" }) {
				long hidden = 0;
				for (JsonNode row : referrals.get(breakdown)) {
					if (row.get(measure).get("suppressed") != null) {
						hidden++;
					}
				}
				assertThat(hidden).as(breakdown + " " + measure).isNotEqualTo(1);
			}
		}
	}

	@Test
	void theMonitorPageAndItsDownloadsCarryTheReferralTables() throws Exception {
		String csv = this.mvc
			.perform(get("/api/v1/monitor/export").session(this.researcher)
				.param("format", "CSV")
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("Verwijzingen per leefgebied").contains("Financiën;7;5;71,4%;5;71,4%;5;5,0");
		assertThat(csv).contains("Verwijzingen per soort partner").contains("schuldhulp;7;5");
		String page = this.mvc
			.perform(get("/monitor").session(this.researcher)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code())
				.param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("table-referrals-domains").contains("Referrals per kind of partner");
	}

	private JsonNode monitor() throws Exception {
		return monitor(FROM, TO);
	}

	private JsonNode monitor(LocalDate from, LocalDate to) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/monitor").session(this.researcher)
				.param("from", from.isAfter(to) ? to.toString() : from.toString())
				.param("to", from.isAfter(to) ? from.toString() : to.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

	private static JsonNode row(JsonNode rows, String key, String code) {
		for (JsonNode row : rows) {
			if (row.get(key).asString().equals(code)) {
				return row;
			}
		}
		throw new AssertionError("no " + key + " " + code);
	}

	private UUID partner(String kind) {
		UUID id = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(jdbc) -> jdbc.sql("insert into partner (id, name, kind) values (:id, :name, :kind)")
					.param("id", id)
					.param("name", TestData.unique("Partner "))
					.param("kind", kind)
					.update());
		return id;
	}

	private UUID referral(UUID household, UUID toOrganisation, UUID toPartner, String domain, LocalDate on) {
		UUID id = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())), (jdbc) -> jdbc.sql("""
				insert into referral (id, household_id, from_organisation_id, to_organisation_id, to_partner_id, domain,
				                      reason, created_on)
				values (:id, :h, :from, :toOrganisation, :toPartner, :domain, 'Reden', :on)
				""")
			.param("id", id)
			.param("h", household)
			.param("from", this.shelter.id())
			.param("toOrganisation", toOrganisation)
			.param("toPartner", toPartner)
			.param("domain", domain)
			.param("on", on)
			.update());
		event(id, 1, "SENT", on);
		return id;
	}

	private void event(UUID referral, int sequence, String status, LocalDate on) {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(jdbc) -> jdbc.sql("""
						insert into referral_event (id, referral_id, organisation_id, sequence, status, on_date, reason)
						values (:id, :r, :o, :s, :status, :on, case when :status = 'DECLINED' then 'Past niet' end)
						""")
					.param("id", UUID.randomUUID())
					.param("r", referral)
					.param("o", this.shelter.id())
					.param("s", sequence)
					.param("status", status)
					.param("on", on)
					.update());
	}

}
