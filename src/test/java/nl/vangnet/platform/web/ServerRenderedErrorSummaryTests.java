package nl.vangnet.platform.web;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 18, item 1: the progress, help-question, plan, network, monitor and access-trail
 * forms get their error summary from the server as the household and contact-person forms
 * do, without app.js: "Fout:" in the title, every message once at the top, each linked to
 * its field as rendered and naming it, the field marked invalid and described by its
 * message.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerRenderedErrorSummaryTests {

	private static final String FUTURE = TestData.today().plusYears(1).toString();

	private static final String TODAY = TestData.today().toString();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private MockHttpSession coordinator;

	private TestData.Organisation organisation;

	private String household;

	@BeforeAll
	void aFamily() throws Exception {
		this.organisation = this.data.organisation();
		TestData.Person person = this.data.person(this.organisation, Role.COORDINATOR);
		this.coordinator = TestData.signIn(this.mvc, person);
		JsonNode document = this.json.readTree("""
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Noor"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "2024-03-01", "contactPerson": "%s"}]}"""
			.formatted(person.id()));
		MockHttpServletResponse created = this.api.send(post("/api/v1/households"), document, this.coordinator);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		this.household = this.json.readTree(created.getContentAsString()).get("id").stringValue();
	}

	@Test
	void aScoringMomentInTheFutureWithAScoreOffTheScaleLinksToTheDateAndTheDomainsSelect() throws Exception {
		Document form = page(get("/households/" + this.household + "/progress"));
		String worker = form.getElementById("worker-0").attr("name");
		String domain = form.selectFirst("table.score-form tbody th").text();

		Document page = refused(post("/households/" + this.household + "/progress").param("scoredOn", FUTURE)
			.param("instrument", form.selectFirst("input[name=instrument]").attr("value"))
			.param(worker, "9"));

		assertLinked(page, "scored-on", "Datum");
		assertLinked(page, "worker-0", domain + ": Medewerker");
		assertThat(page.getElementById("scored-on").attr("value")).as("kept as typed").isEqualTo(FUTURE);
		assertThat(page.getElementById("worker-0").select("option[selected]").attr("value")).isEmpty();
	}

	@Test
	void aNewHelpQuestionWithoutDomainOrInTheFutureIsMarkedOnThatField() throws Exception {
		Document withoutDomain = refused(post("/households/" + this.household + "/help-questions").param("domain", "")
			.param("description", "Huur betalen"));
		Document inTheFuture = refused(
				post("/households/" + this.household + "/help-questions").param("domain", "FINANCES")
					.param("openedOn", FUTURE)
					.param("description", "Huur betalen"));

		assertLinked(withoutDomain, "question-domain", null);
		assertThat(withoutDomain.getElementById("question-description").text()).isEqualTo("Huur betalen");
		assertLinked(inTheFuture, "question-opened", null);
		assertThat(inTheFuture.getElementById("question-domain").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aRevisionWithAStatusThatIsNoneLinksToThatQuestionsStatus() throws Exception {
		MockHttpServletResponse recorded = this.mvc
			.perform(post("/households/" + this.household + "/help-questions").with(csrf())
				.session(this.coordinator)
				.param("domain", "FINANCES")
				.param("openedOn", TODAY)
				.param("description", "Schulden"))
			.andReturn()
			.getResponse();
		assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(302);
		Document questions = page(get("/households/" + this.household + "/help-questions"));
		Element revise = questions.selectFirst("form[id^=revise-]");
		String question = revise.id().substring("revise-".length());
		String index = revise.selectFirst("select[name=status]").id().substring("revise-status-".length());

		Document page = refused(post("/help-questions/" + question).param("version", "0")
			.param("description", "Schulden, nu ook de huur")
			.param("status", "VERDWENEN"));

		assertLinked(page, "revise-status-" + index, "Stand van zaken");
		assertThat(page.getElementById("revise-description-" + index).text()).isEqualTo("Schulden, nu ook de huur");
	}

	@Test
	void theAccessTrailsFilterLinksEachWrongDateToItsField() throws Exception {
		Document page = refused(get("/access-trail").param("from", "21112020").param("to", "1850-01-01"));

		assertThat(page.title()).startsWith("Fout:");
		assertLinked(page, "trail-from", "Vanaf (datum)");
		assertLinked(page, "trail-to", "Tot en met (datum)");
		assertThat(page.getElementById("trail-from").attr("aria-describedby")).contains("trail-filter-hint");
	}

	@Test
	void theMonitorsPeriodLinksTheDateThatIsNoneToItsField() throws Exception {
		Document page = refused(get("/monitor").param("from", "abc").param("to", TODAY));

		assertLinked(page, "from", "Van");
		assertThat(page.getElementById("to").hasAttr("aria-invalid")).isFalse();
	}

	// ---- the network map's forms

	@Test
	void aNewSnapshotOnADateThatIsNoneLinksToItsDateAndKeepsTheName() throws Exception {
		Document page = refused(post("/network/members/" + member() + "/snapshots").param("drawnOn", "21112020")
			.param("label", "Intake thuis"));

		assertLinked(page, "snapshot-drawnOn", "Datum");
		assertThat(page.getElementById("snapshot-drawnOn").attr("value")).isEqualTo("21112020");
		assertThat(page.getElementById("snapshot-label").attr("value")).isEqualTo("Intake thuis");
		assertThat(page.getElementById("snapshot-label").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aTriangleThatDoesNotAddUpLinksToItsFirstNumberOnceAndKeepsTheRest() throws Exception {
		Document page = refused(post("/network/members/" + member() + "/triangle").param("placedOn", TODAY)
			.param("government", "30")
			.param("services", "30")
			.param("society", "38")
			.param("note", "Na de verhuizing"));

		assertLinked(page, "triangle-government", "Overheid");
		assertThat(page.getElementById("triangle-government").attr("aria-describedby")).contains("triangle-sum-hint");
		assertThat(page.getElementById("triangle-society").attr("value")).isEqualTo("38");
		assertThat(page.getElementById("triangle-note").attr("value")).isEqualTo("Na de verhuizing");
		assertThat(page.select("#error-summary li")).hasSize(1);
	}

	@Test
	void aTriangleWithAWeightOffTheScaleLinksToThatWeight() throws Exception {
		Document page = refused(post("/network/members/" + member() + "/triangle").param("placedOn", TODAY)
			.param("government", "30")
			.param("services", "300")
			.param("society", "38"));

		assertLinked(page, "triangle-services", "Hulp en diensten");
		assertThat(page.getElementById("triangle-government").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aPlanStepOnADomainThatIsNoneLinksToTheDomainAndADateThatIsNoneToTheDate() throws Exception {
		Document page = refused(post("/network/members/" + member() + "/plan").param("domain", "FINANCES")
			.param("on", "31-31-2020")
			.param("note", "Samen gekeken"));
		Document domain = refused(
				post("/network/members/" + member() + "/plan").param("domain", "GEEN").param("on", TODAY));

		assertLinked(page, "plan-on", "Datum");
		assertThat(page.getElementById("plan-note").attr("value")).isEqualTo("Samen gekeken");
		assertLinked(domain, "plan-domain", "Leefgebied");
	}

	@Test
	void aNewContactWithoutNameOrRelationAnswers400AndNamesBothFields() throws Exception {
		String snapshot = snapshot();
		Document map = page(get("/network/members/" + member()).param("snapshot", snapshot));
		String version = map.selectFirst("#add-contact input[name=version]").attr("value");

		Document page = refused(post("/network/snapshots/" + snapshot + "/contacts").param("version", version)
			.param("name", " ")
			.param("relation", "")
			.param("closeness", "MIDDLE")
			.param("tie", "STRONG")
			.param("note", "Komt op zondag"));

		assertLinked(page, "contact-name", null);
		assertLinked(page, "contact-relation", "Relatie");
		assertThat(page.getElementById("contact-note").attr("value")).isEqualTo("Komt op zondag");
		assertThat(page.getElementById("contact-closeness").selectFirst("option[selected]").attr("value"))
			.isEqualTo("MIDDLE");
	}

	@Test
	void aChangedContactWithARelationThatIsNoneAnswers400AndLinksToTheRelation() throws Exception {
		String snapshot = snapshot();
		Document map = page(get("/network/members/" + member()).param("snapshot", snapshot));
		String version = map.selectFirst("#add-contact input[name=version]").attr("value");
		MockHttpServletResponse added = this.mvc
			.perform(post("/network/snapshots/" + snapshot + "/contacts").with(csrf())
				.session(this.coordinator)
				.param("version", version)
				.param("name", "Buurvrouw Els")
				.param("relation", "NEIGHBOUR")
				.param("closeness", "OUTER")
				.param("tie", "WEAK"))
			.andReturn()
			.getResponse();
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
		map = page(get("/network/members/" + member()).param("snapshot", snapshot));
		String edit = map.selectFirst("#contacts a[href*=/contacts/]").attr("href");
		String current = map.selectFirst("#add-contact input[name=version]").attr("value");

		Document page = refused(post(edit).param("version", current)
			.param("name", "Buurvrouw Els")
			.param("relation", "VRIENDIN")
			.param("closeness", "OUTER")
			.param("tie", "WEAK"));

		assertLinked(page, "contact-relation", "Relatie");
		assertThat(page.getElementById("contact-name").attr("value")).isEqualTo("Buurvrouw Els");
	}

	// ---- the contacts page's forms

	@Test
	void aContactMomentWithTooManyMinutesOfTwoKindsNamesEachKind() throws Exception {
		Document page = refused(post("/households/" + this.household + "/contacts").param("date", TODAY)
			.param("time", "10:00")
			.param("channel", "PHONE")
			.param("reached", "true")
			.param("note", "Gebeld over de huur")
			.param("conversation", "2000")
			.param("arranging", "1500"));

		assertLinked(page, "minutes-CONVERSATION", "Gesprekken met het gezin");
		assertLinked(page, "minutes-ARRANGING", "Regelzaken");
		assertThat(page.select("#error-summary li").eachText()).as("which kind each says")
			.allMatch((text) -> !text.startsWith("Minuten"));
		assertThat(page.getElementById("contact-note").text()).isEqualTo("Gebeld over de huur");
		assertThat(page.getElementById("minutes-ARRANGING").attr("value")).isEqualTo("1500");
	}

	@Test
	void timeOnItsOwnWithoutMinutesLinksToTheMinutesAndOpensItsForm() throws Exception {
		Document page = refused(post("/households/" + this.household + "/time").param("date", TODAY)
			.param("type", "ARRANGING")
			.param("minutes", "0"));

		assertLinked(page, "time-minutes", null);
		assertThat(page.getElementById("time-minutes").closest("details").hasAttr("open")).isTrue();
		assertThat(page.getElementById("activity-date").closest("details").hasAttr("open")).isFalse();
	}

	@Test
	void anActivityWithoutANameLinksToTheName() throws Exception {
		Document page = refused(
				post("/households/" + this.household + "/activities").param("date", TODAY).param("name", " "));

		assertLinked(page, "activity-name", null);
		assertThat(page.getElementById("activity-name").closest("details").hasAttr("open")).isTrue();
	}

	@Test
	void aNewDebtWithAnAmountThatIsNoNumberLinksToTheAmountOnce() throws Exception {
		Document page = refused(post("/households/" + this.household + "/debts").param("creditor", "Eneco")
			.param("amount", "veel")
			.param("status", "OPEN"));

		assertLinked(page, "debt-amount", "Bedrag (euro)");
		assertThat(page.select("#error-summary li")).hasSize(1);
		assertThat(page.getElementById("debt-creditor").attr("value")).isEqualTo("Eneco");
	}

	@Test
	void aChangedDebtWithAnAmountThatIsNoNumberLinksToThatDebtsAmountOnce() throws Exception {
		MockHttpServletResponse added = this.mvc
			.perform(post("/households/" + this.household + "/debts").with(csrf())
				.session(this.coordinator)
				.param("creditor", "Belastingdienst")
				.param("amount", "240")
				.param("status", "OPEN"))
			.andReturn()
			.getResponse();
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
		Document debts = page(get("/households/" + this.household + "/debts"));
		Element form = debts.selectFirst("form[action^=/debts/]:has(input[value=Belastingdienst])");
		String index = form.selectFirst("input[name=amount]").id().substring("debt-amount-".length());

		Document page = refused(post(form.attr("action")).param("version", "0")
			.param("creditor", "Belastingdienst")
			.param("amount", "twee")
			.param("status", "ARRANGEMENT"));

		assertLinked(page, "debt-amount-" + index, "Bedrag (euro)");
		assertThat(page.select("#error-summary li")).as("the binding's error once").hasSize(1);
	}

	@Test
	void aNewObligationWithoutKindLinksToTheKind() throws Exception {
		Document page = refused(post("/households/" + this.household + "/obligations").param("kind", "")
			.param("description", "Brief van de gemeente"));

		assertLinked(page, "obligation-kind", null);
		assertThat(page.getElementById("obligation-description").attr("value")).isEqualTo("Brief van de gemeente");
	}

	// ---- the safety page's forms

	@Test
	void aContactBanWithoutKindOrWhomLinksToBothAndKeepsTheNote() throws Exception {
		Document page = refused(post("/households/" + this.household + "/safety/orders").param("kind", "")
			.param("contact", "")
			.param("startsOn", TODAY)
			.param("note", "Via de advocaat"));

		assertLinked(page, "order-kind", null);
		assertThat(page.getElementById("order-note").text()).isEqualTo("Via de advocaat");
		assertThat(page.select("#error-summary li a[data-target]").eachAttr("data-target")).contains("order-kind");
	}

	@Test
	void aPatternJudgedOnADateThatIsNoneLinksToTheDate() throws Exception {
		Document page = refused(post("/households/" + this.household + "/safety/pattern").param("pattern", "")
			.param("judgedOn", "gisteren"));

		assertLinked(page, "pattern-judgedOn", null);
	}

	// ---- the plan page's forms

	@Test
	void aGoalWithoutWordsAnswers400AndLinksToItsDescriptionKeepingWhoItIsFor() throws Exception {
		Document page = refused(post("/households/" + this.household + "/plan/goals").param("description", " ")
			.param("domain", "FINANCES"));

		assertLinked(page, "goal-description", null);
		assertThat(page.getElementById("goal-domain").selectFirst("option[selected]").attr("value"))
			.isEqualTo("FINANCES");
	}

	@Test
	void theFormsOfAGoalAndItsActionsLinkToTheirFieldsInThatGoal() throws Exception {
		String goal = goal("Overzicht over de post");
		Document plan = page(get("/households/" + this.household + "/plan"));
		int index = plan.select("article.goal")
			.indexOf(plan.selectFirst("article.goal:has(form[action$=" + goal + "])"));

		Document adjusted = refused(
				post("/plan/goals/" + goal).param("version", "0").param("description", "").param("status", "ACTIVE"));
		Document action = refused(post("/plan/goals/" + goal + "/actions").param("description", "")
			.param("actor", "NETWORK")
			.param("actorName", "Tante Mies"));
		Document due = refused(post("/plan/goals/" + goal + "/actions").param("description", "Bellen")
			.param("actor", "NETWORK")
			.param("dueOn", "2020-02-31"));

		assertLinked(adjusted, "goal-description-" + index, null);
		assertThat(adjusted.getElementById("goal-description-" + index).closest("details").hasAttr("open")).isTrue();
		assertLinked(action, "new-action-description-" + index, null);
		assertThat(action.getElementById("new-action-name-" + index).attr("value")).isEqualTo("Tante Mies");
		assertLinked(due, "new-action-due-" + index, "Klaar op");
		assertThat(due.getElementById("new-action-description-" + index).attr("value")).isEqualTo("Bellen");
	}

	@Test
	void aChangedActionWithoutStatusLinksToThatActionsStatus() throws Exception {
		String goal = goal("Zelf de post openen");
		MockHttpServletResponse added = this.mvc
			.perform(post("/plan/goals/" + goal + "/actions").with(csrf())
				.session(this.coordinator)
				.param("description", "Samen de post sorteren")
				.param("actor", "MEMBER"))
			.andReturn()
			.getResponse();
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
		Document plan = page(get("/households/" + this.household + "/plan"));
		String action = plan.selectFirst("form[id^=plan-form-action-]:has(input[value=Samen de post sorteren])")
			.id()
			.substring("plan-form-action-".length());

		Document page = refused(post("/plan/actions/" + action).param("version", "0")
			.param("description", "Samen de post sorteren en betalen")
			.param("actor", "MEMBER")
			.param("status", ""));

		assertLinked(page, "action-status-" + action, "Stand van zaken");
		assertThat(page.getElementById("action-description-" + action).attr("value"))
			.isEqualTo("Samen de post sorteren en betalen");
	}

	@Test
	void anEvaluationInTheFutureWithTooMuchTextNamesTheDateAndThatText() throws Exception {
		Document page = refused(post("/households/" + this.household + "/plan/evaluations").param("evaluatedOn", FUTURE)
			.param("progressed", "x".repeat(4001))
			.param("needed", "Een budgetcoach"));

		assertLinked(page, "evaluation-date", "Datum");
		assertLinked(page, "evaluation-progressed", "Wat ging vooruit");
		assertThat(page.getElementById("evaluation-needed").text()).isEqualTo("Een budgetcoach");
		assertThat(page.getElementById("evaluation-date").closest("details").hasAttr("open")).isTrue();
	}

	@Test
	void anEmptyNoteLinksToItsText() throws Exception {
		Document page = refused(post("/households/" + this.household + "/plan/notes").param("text", "  "));

		assertLinked(page, "note-text", null);
	}

	// ---- the household's registration and edit forms

	@Test
	void aNewFamilyWithoutAKindOfSupportAndAWrongEmailAnswers400AndLinksToBothKeepingTheNames() throws Exception {
		Document page = refused(post("/households").param("members[0].role", "PARENT")
			.param("members[0].givenName", "Noor")
			.param("members[0].familyName", "Haddou")
			.param("mainContact", "0")
			.param("email", "geen-adres")
			.param("kind", ""));

		assertThat(page.title()).startsWith("Fout: Nieuw huishouden");
		assertLinked(page, "kind", "Soort begeleiding");
		assertLinked(page, "email", "E-mailadres");
		assertThat(page.getElementById("kind").attr("aria-describedby")).contains("kind-hint");
		assertThat(page.getElementById("member-0-givenName").attr("value")).isEqualTo("Noor");
		assertThat(page.getElementById("member-0-familyName").attr("value")).isEqualTo("Haddou");
		assertThat(page.getElementById("email").attr("value")).isEqualTo("geen-adres");
		assertThat(page.getElementById("member-0-givenName").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aNewFamilyWithoutAnyNameLinksToTheFirstMembersGivenName() throws Exception {
		Document page = refused(post("/households").param("members[0].role", "PARENT")
			.param("mainContact", "0")
			.param("district", "Oude Noorden")
			.param("kind", "NONE"));

		assertLinked(page, "member-0-givenName", "Voornaam");
		assertThat(page.getElementById("district").attr("value")).isEqualTo("Oude Noorden");
	}

	@Test
	void aCompositionThatIsNoneIsNamedByItsLabelAndLinkedToItsSelect() throws Exception {
		Document page = refused(post("/households").param("members[0].role", "PARENT")
			.param("members[0].givenName", "Noor")
			.param("mainContact", "0")
			.param("composition", "GEEN")
			.param("kind", "NONE"));

		assertLinked(page, "composition", "Samenstelling");
		assertThat(page.getElementById("member-0-givenName").attr("value")).isEqualTo("Noor");
	}

	@Test
	void aChangedFamilyWithAChildBornInTheFutureAnswers400AndLinksToThatChildsBirthDate() throws Exception {
		Document edit = page(get("/households/" + this.household + "/edit"));
		String version = edit.selectFirst("input[name=version]").attr("value");

		Document page = refused(post("/households/" + this.household).param("version", version)
			.param("members[0].ref", "m1")
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Noor")
			.param("mainContact", "0")
			.param("members[1].role", "CHILD")
			.param("members[1].givenName", "Yara")
			.param("members[1].birthDate", FUTURE)
			.param("phone", "06 12345678"));

		assertThat(page.title()).startsWith("Fout: Huishouden wijzigen");
		assertLinked(page, "member-1-birthDate", "Geboortedatum (gezinslid 2)");
		assertThat(page.getElementById("member-1-birthDate").attr("value")).isEqualTo(FUTURE);
		assertThat(page.getElementById("member-1-givenName").attr("value")).isEqualTo("Yara");
		assertThat(page.getElementById("phone").attr("value")).isEqualTo("06 12345678");
		assertThat(page.getElementById("member-0-birthDate").hasAttr("aria-invalid")).isFalse();
	}

	// ---- the cooperation module's forms

	@Test
	void aConsentWithoutWhoGivesItOrWhatIsSharedAndGivenInTheFutureLinksToEachField() throws Exception {
		Document page = refused(post("/households/" + this.household + "/consents").param("member", "")
			.param("recipient", "org:" + team().code())
			.param("purpose", "Hulp bij schulden")
			.param("form", "WRITTEN")
			.param("givenOn", FUTURE)
			.param("validUntil", FUTURE));

		assertThat(page.title()).startsWith("Fout: Toestemming");
		assertLinked(page, "consent-member", "Wie geeft toestemming");
		assertLinked(page, "sections1", "Wat mag gedeeld worden");
		assertThat(page.getElementById("consent-purpose").attr("value")).isEqualTo("Hulp bij schulden");
		assertThat(page.getElementById("consent-recipient").selectFirst("option[selected]").attr("value"))
			.isEqualTo("org:" + team().code());
		assertThat(page.getElementById("consent-purpose").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aWithdrawalWithTooLongAReasonLinksToThatConsentsReasonKeepingIt() throws Exception {
		String consent = consent();
		Document consents = page(get("/households/" + this.household + "/consents"));
		String index = consents.selectFirst("form[action=/consents/" + consent + "/withdrawal] input[name=reason]")
			.id()
			.substring("withdraw-reason-".length());
		String reason = "Ze wil het niet meer " + "x".repeat(500);

		Document page = refused(post("/consents/" + consent + "/withdrawal").param("reason", reason));

		assertLinked(page, "withdraw-reason-" + index, "Waarom (mag leeg)");
		assertThat(page.getElementById("withdraw-reason-" + index).attr("value")).isEqualTo(reason);
	}

	@Test
	void aReferralWithoutAReasonLinksToTheReasonKeepingTheDomain() throws Exception {
		String consent = consent();

		Document page = refused(post("/households/" + this.household + "/referrals").param("consent", consent)
			.param("to", "org:" + team().code())
			.param("domain", "FINANCES")
			.param("reason", " "));

		assertLinked(page, "referral-reason", "Reden");
		assertThat(page.getElementById("referral-domain").selectFirst("option[selected]").attr("value"))
			.isEqualTo("FINANCES");
		assertThat(page.getElementById("referral-consent").selectFirst("option[selected]").attr("value"))
			.isEqualTo(consent);
	}

	@Test
	void aReferralOnAWithdrawnConsentSaysSoInItsOwnWordsLinkedToTheConsent() throws Exception {
		String consent = consent();
		MockHttpServletResponse withdrawn = this.mvc
			.perform(post("/consents/" + consent + "/withdrawal").with(csrf())
				.session(this.coordinator)
				.param("reason", "Ze wil het niet meer"))
			.andReturn()
			.getResponse();
		assertThat(withdrawn.getStatus()).as(withdrawn.getContentAsString()).isEqualTo(302);

		Document page = refused(post("/households/" + this.household + "/referrals").param("consent", consent)
			.param("to", "org:" + team().code())
			.param("domain", "FINANCES")
			.param("reason", "Schulden op een rij"));

		assertThat(page.select("#error-summary li").eachText()).as("the message keeps its own words")
			.contains("De toestemming is ingetrokken: zonder toestemming kan niet verwezen worden.");
		assertThat(page.getElementById("referral-reason").text()).isEqualTo("Schulden op een rij");
	}

	@Test
	void aRegieHolderWhoCannotBeReachedLinksToThePhoneNamingIt() throws Exception {
		Document page = refused(post("/households/" + this.household + "/regie").param("name", "Els de Vries")
			.param("worksAt", "Wijkteam")
			.param("since", TODAY));

		assertLinked(page, "regie-phone", "Telefoon");
		assertThat(page.select("#error-summary li").eachText()).contains(
				"Telefoon: vul een telefoonnummer of e-mailadres in; iedereen moet de regiehouder kunnen bereiken.");
		assertThat(page.getElementById("regie-name").attr("value")).isEqualTo("Els de Vries");
	}

	@Test
	void aReferralsNextStepOnADateInTheFutureLinksToTheDateKeepingTheNote() throws Exception {
		String consent = consent();
		MockHttpServletResponse sent = this.mvc
			.perform(post("/households/" + this.household + "/referrals").with(csrf())
				.session(this.coordinator)
				.param("consent", consent)
				.param("to", "org:" + team().code())
				.param("domain", "FINANCES")
				.param("reason", "Schulden op een rij"))
			.andReturn()
			.getResponse();
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(302);
		String referral = sent.getRedirectedUrl();
		String status = page(get(referral)).selectFirst("#event-status option").attr("value");

		Document page = refused(post(referral + "/events").param("status", status)
			.param("on", FUTURE)
			.param("note", "Gebeld met het team"));

		assertLinked(page, "event-on", "Op");
		assertThat(page.getElementById("event-note").attr("value")).isEqualTo("Gebeld met het team");
	}

	@Test
	void aNewAgencyWithoutANameAndAWrongEmailLinksToBothKeepingTheReference() throws Exception {
		Document page = refused(post("/households/" + this.household + "/agencies").param("kind", "BENEFITS")
			.param("name", " ")
			.param("reference", "K-123")
			.param("contactEmail", "geen-adres"));

		assertLinked(page, "agency-name", "Naam");
		assertLinked(page, "agency-email", "E-mail contactpersoon");
		assertThat(page.getElementById("agency-reference").attr("value")).isEqualTo("K-123");
		assertThat(page.select("#error-summary li")).hasSize(2);
	}

	@Test
	void anAgencysNewIssueWithoutWordsSeenInTheFutureLinksToThatAgencysFields() throws Exception {
		MockHttpServletResponse added = this.mvc
			.perform(post("/households/" + this.household + "/agencies").with(csrf())
				.session(this.coordinator)
				.param("kind", "BENEFITS")
				.param("name", "UWV " + TestData.unique("")))
			.andReturn()
			.getResponse();
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
		Document agencies = page(get("/households/" + this.household + "/agencies"));
		Element form = agencies.select("form[action$=/issues]").last();
		String index = form.selectFirst("select[name=kind]").id().substring("new-issue-kind-".length());

		Document page = refused(post(form.attr("action")).param("kind", "WRONG_DECISION")
			.param("description", " ")
			.param("noticedOn", FUTURE)
			.param("objectionDeadline", TODAY));

		assertLinked(page, "new-issue-description-" + index, "Omschrijving");
		assertLinked(page, "new-issue-noticed-" + index, null);
		assertThat(page.getElementById("new-issue-noticed-" + index).closest("details").hasAttr("open")).isTrue();
		assertThat(page.getElementById("new-issue-deadline-" + index).attr("value")).isEqualTo(TODAY);
	}

	@Test
	void aRegieHolderWithoutANameSinceTheFutureLinksToBoth() throws Exception {
		Document page = refused(
				post("/households/" + this.household + "/regie").param("worksAt", "Wijkteam").param("since", FUTURE));

		assertLinked(page, "regie-since", null);
		assertThat(page.getElementById("regie-worksAt").attr("value")).isEqualTo("Wijkteam");
	}

	@Test
	void aNewPartnerWithoutANameAndAWrongEmailLinksToBothKeepingHowToRefer() throws Exception {
		Document page = refused(post("/partners").param("name", "")
			.param("kind", "DEBT_HELP")
			.param("email", "geen-adres")
			.param("howToRefer", "Bel eerst"));

		assertLinked(page, "new-partner-name", null);
		assertLinked(page, "new-partner-email", "E-mail");
		assertThat(page.getElementById("new-partner-how").text()).isEqualTo("Bel eerst");
	}

	@Test
	void aRegionWithoutNameOrDistrictsLinksToBothWithTheDistrictsHint() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));

		Document page = refused(post("/admin/regions").param("name", " ").param("districts", ""), admin);

		assertLinked(page, "region-name", "Naam");
		assertLinked(page, "region-districts", "Wijken");
		assertThat(page.getElementById("region-districts").attr("aria-describedby")).contains("region-districts-hint");
	}

	// ---- the safety module's forms

	@Test
	void aSafetyPlanWithoutATitleReviewedInThePastLinksToBothKeepingTheWarningSigns() throws Exception {
		Document page = refused(post("/safety/members/" + member() + "/plan").param("title", " ")
			.param("warningSigns", "Hij gaat drinken")
			.param("reviewOn", "2020-01-01"));

		assertLinked(page, "plan-title", null);
		assertLinked(page, "plan-review", null);
		assertThat(page.getElementById("plan-warning").text()).isEqualTo("Hij gaat drinken");
		assertThat(page.getElementById("plan-warning").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aScreeningInTheFutureWithoutAnswersLinksToTheDateAndTheFirstQuestion() throws Exception {
		Document form = page(get("/households/" + this.household + "/risk-screenings/new"));
		String instrument = form.selectFirst("input[name=instrument]").attr("value");
		String first = form.selectFirst("input[type=radio][name^=answer.]").id();

		Document page = refused(post("/households/" + this.household + "/risk-screenings").param("member", "m1")
			.param("instrument", instrument)
			.param("screenedOn", FUTURE)
			.param("source", "OWN")
			.param("note", "Na de melding"));

		assertLinked(page, "screening-screenedOn", "Gescreend op");
		assertLinked(page, first, "Antwoorden");
		assertThat(page.getElementById("screening-note").text()).isEqualTo("Na de melding");
		assertThat(page.getElementById("screening-screenedOn").attr("value")).isEqualTo(FUTURE);
	}

	@Test
	void aMeldcodeCaseWithoutAConcernLinksToTheConcern() throws Exception {
		Document page = refused(post("/households/" + this.household + "/meldcode-cases").param("member", "m1")
			.param("concern", " ")
			.param("openedOn", TODAY));

		assertLinked(page, "case-concern", null);
		assertThat(page.getElementById("case-openedOn").attr("value")).isEqualTo(TODAY);
	}

	@Test
	void aMeldcodeStepInTheFutureWithoutFactsLinksToBothKeepingTheInterpretations() throws Exception {
		MockHttpServletResponse opened = this.mvc
			.perform(post("/households/" + this.household + "/meldcode-cases").with(csrf())
				.session(this.coordinator)
				.param("member", "m1")
				.param("concern", "Blauwe plekken gezien")
				.param("openedOn", TODAY))
			.andReturn()
			.getResponse();
		assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);

		Document page = refused(post(opened.getRedirectedUrl() + "/steps").param("step", "1")
			.param("doneOn", FUTURE)
			.param("facts", " ")
			.param("interpretations", "Ze lijkt bang"));

		assertLinked(page, "step-doneOn", "Gedaan op");
		assertLinked(page, "step-facts", null);
		assertThat(page.getElementById("step-interpretations").text()).isEqualTo("Ze lijkt bang");
	}

	// ---- life domains and privacy

	@Test
	void aNewFrameworkWithACodeThatIsNoneAnswers400AndLinksToTheCodeKeepingTheDomains() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));

		Document page = refused(post("/admin/frameworks").param("code", "1x")
			.param("nameNl", "Eigen lijst")
			.param("domains", "GELD | Geld | Money | FINANCES"), admin);

		assertLinked(page, "code", "Code");
		assertThat(page.getElementById("nameNl").attr("value")).isEqualTo("Eigen lijst");
		assertThat(page.getElementById("domains").text()).isEqualTo("GELD | Geld | Money | FINANCES");
		assertThat(page.getElementById("domains").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void anErasureRequestWithoutWhatSheAskedAnswers400AndLinksToTheNoteWithItsHint() throws Exception {
		Document page = refused(
				post("/households/" + this.household + "/erasure-requests").param("reason", "SUBJECT_REQUEST")
					.param("note", " "));

		assertLinked(page, "erasure-note", "Toelichting");
		assertThat(page.getElementById("erasure-note").attr("aria-describedby")).contains("erasure-note-hint");
		assertThat(page.getElementById("erasure-reason-subject").hasAttr("checked")).isTrue();
	}

	@Test
	void aRetentionPeriodOffTheScaleAnswers400AndLinksToTheYearsKeepingThem() throws Exception {
		Document page = refused(post("/retention").param("years", "200").param("version", "0"));

		assertLinked(page, "retention-years", "Bewaartermijn");
		assertThat(page.getElementById("retention-years").attr("value")).isEqualTo("200");
	}

	// ---- the administrator's account form

	@Test
	void aNewAccountWithoutANameOrAnEmailAnswers400AndLinksToBothKeepingTheRole() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));

		Document page = refused(post("/admin/users").param("displayName", " ")
			.param("email", " ")
			.param("role", "COORDINATOR")
			.param("organisation", this.organisation.code())
			.param("password", TestData.PASSWORD), admin);

		assertLinked(page, "displayName", null);
		assertLinked(page, "email", null);
		assertThat(page.getElementById("role").selectFirst("option[selected]").attr("value")).isEqualTo("COORDINATOR");
		assertThat(page.getElementById("role").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aNewOrganisationWithoutANameOrKindAnswers400AndLinksToBothKeepingTheCode() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));

		Document page = refused(
				post("/admin/organisations").param("code", "NIEUW").param("name", " ").param("kind", ""), admin);

		assertLinked(page, "name", null);
		assertLinked(page, "kind", null);
		assertThat(page.getElementById("code").attr("value")).isEqualTo("NIEUW");
	}

	@Test
	void anOrganisationsNewLocationAndTeamWithoutANameLinkToTheirNames() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		String code = this.organisation.code();

		Document location = refused(post("/admin/organisations/" + code + "/locations").param("name", " ")
			.param("district", "Oude Noorden"), admin);
		Document team = refused(post("/admin/organisations/" + code + "/teams").param("name", " "), admin);

		assertLinked(location, "location-name", null);
		assertThat(location.getElementById("location-district").attr("value")).isEqualTo("Oude Noorden");
		assertThat(location.getElementById("team-name").hasAttr("aria-invalid")).isFalse();
		assertLinked(team, "team-name", null);
	}

	@Test
	void aChangedOrganisationWithoutANameAnswers400AndLinksToTheNameKeepingTheRest() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		TestData.Organisation other = this.data.organisation();

		Document page = refused(post("/admin/organisations/" + other.code()).param("version", "0")
			.param("name", " ")
			.param("kind", "INFORMAL")
			.param("districts", "Oude Noorden, Delfshaven")
			.param("phone", "010-1234567"), admin);

		assertLinked(page, "name", null);
		assertThat(page.getElementById("districts").attr("value")).isEqualTo("Oude Noorden, Delfshaven");
		assertThat(page.getElementById("phone").attr("value")).isEqualTo("010-1234567");
		assertThat(page.getElementById("kind").selectFirst("option[selected]").attr("value")).isEqualTo("INFORMAL");
		assertThat(page.getElementById("kind").hasAttr("aria-invalid")).isFalse();
		assertThat(page.getElementById("location-name").hasAttr("aria-invalid")).isFalse();
	}

	// ---- one's own account: the password and the work phone

	@Test
	void aNewPasswordThatIsTooShortAnswers400AndLinksToItNamingIt() throws Exception {
		MockHttpSession own = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.PROFESSIONAL));

		Document page = refused(
				post("/account/password").param("currentPassword", TestData.PASSWORD).param("newPassword", "kort"),
				own);
		Document empty = refused(post("/account/password").param("currentPassword", "").param("newPassword", ""), own);

		assertLinked(page, "newPassword", "Nieuw wachtwoord");
		assertThat(page.getElementById("newPassword").attr("aria-describedby")).contains("newPassword-error");
		assertThat(page.getElementById("currentPassword").hasAttr("aria-invalid")).isFalse();
		assertThat(page.getElementById("newPassword").attr("value")).as("a password is never shown again").isEmpty();
		assertThat(page.getElementById("workPhone").hasAttr("aria-invalid")).isFalse();
		assertLinked(empty, "currentPassword", null);
		assertLinked(empty, "newPassword", "Nieuw wachtwoord");
		assertThat(empty.select("#error-summary li")).hasSize(2);
	}

	@Test
	void aWorkPhoneThatIsNoneAnswers400AndLinksToItKeepingIt() throws Exception {
		MockHttpSession own = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.PROFESSIONAL));

		Document page = refused(post("/account/work-phone").param("workPhone", "bel mij maar"), own);

		assertLinked(page, "workPhone", null);
		assertThat(page.getElementById("workPhone").attr("value")).isEqualTo("bel mij maar");
		assertThat(page.getElementById("newPassword").hasAttr("aria-invalid")).isFalse();
	}

	// ---- the sign-in page (the second step, the authenticator app and
	// re-authentication:
	// SecondFactorTests)

	@Test
	void aFailedSignInComesBackWithAFlagOnlyAndLinksItsMessageToTheEmailAddress() throws Exception {
		TestData.Person person = this.data.person(this.organisation, Role.PROFESSIONAL);
		MockHttpServletResponse failed = this.mvc.perform(post("/login").with(csrf()).with((request) -> {
			request.setRemoteAddr("10.18.0." + (1 + (int) (Math.random() * 250)));
			return request;
		}).param("username", person.email()).param("password", "niet-het-wachtwoord")).andReturn().getResponse();
		assertThat(failed.getRedirectedUrl()).as("nothing personal in the URL").isEqualTo("/login?error");

		MockHttpServletResponse response = this.mvc.perform(get("/login").param("error", "")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString());

		assertLinked(page, "username", null);
		assertThat(page.select("#error-summary li")).hasSize(1);
		assertThat(page.select("#error-summary li").text()).contains("horen niet bij elkaar");
		assertThat(page.getElementById("password").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById("password").attr("aria-describedby")).isEqualTo("username-error");
		assertThat(page.select("main .error").eachText()).as("once at the field")
			.containsExactly(page.select("#error-summary li").text());
		assertThat(page.getElementById("organisation").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void anUnknownOrganisationToSignInWithLinksToItsCodeKeepingIt() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/login/organisation").with(csrf()).param("organisation", "onbekend-huis"))
			.andReturn()
			.getResponse();
		Document page = Jsoup.parse(response.getContentAsString());

		assertLinked(page, "organisation", null);
		assertThat(page.getElementById("organisation").attr("value")).isEqualTo("onbekend-huis");
		assertThat(page.getElementById("username").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void tooManyAttemptsAndAFailedSignInWithTheOrganisationAreInTheSummaryOnceMarkingNoField() throws Exception {
		Document throttled = Jsoup.parse(
				this.mvc.perform(post("/login/throttled").with(csrf())).andReturn().getResponse().getContentAsString());
		Document oidc = Jsoup.parse(
				this.mvc.perform(get("/login").param("oidc", "issuer")).andReturn().getResponse().getContentAsString());

		for (Document page : java.util.List.of(throttled, oidc)) {
			assertThat(page.title()).startsWith("Fout:");
			assertThat(page.select("#error-summary li")).hasSize(1);
			assertThat(page.select("#error-summary a")).isEmpty();
			assertThat(page.select("[aria-invalid]")).isEmpty();
		}
		assertThat(throttled.select("#error-summary li").text()).contains("Wacht een minuut");
		assertThat(throttled.select("main").text()).doesNotContain("Wacht een minuut");
		assertThat(oidc.select("#error-summary li").text()).contains("niet van de ingestelde issuer");
		assertThat(oidc.select("main").text()).doesNotContain("niet van de ingestelde issuer");
	}

	// ---- helpers

	private TestData.Organisation team;

	/** A neighbourhood team that the family's consents and referrals go to. */
	private TestData.Organisation team() {
		if (this.team == null) {
			this.team = this.data.organisation(nl.vangnet.organisation.OrganisationKind.MUNICIPAL_TEAM);
		}
		return this.team;
	}

	/** A new consent of the mother to share with the team: its id. */
	private String consent() throws Exception {
		String purpose = TestData.unique("Schulden ");
		MockHttpServletResponse given = this.mvc
			.perform(post("/households/" + this.household + "/consents").with(csrf())
				.session(this.coordinator)
				.param("member", "m1")
				.param("recipient", "org:" + team().code())
				.param("sections", "SUMMARY")
				.param("purpose", purpose)
				.param("form", "WRITTEN")
				.param("givenOn", TODAY)
				.param("validUntil", TestData.today().plusMonths(3).toString()))
			.andReturn()
			.getResponse();
		assertThat(given.getStatus()).as(given.getContentAsString()).isEqualTo(302);
		Document consents = page(get("/households/" + this.household + "/consents"));
		String href = consents.selectFirst("article:has(span:containsOwn(" + purpose + ")) a[href$=/form]")
			.attr("href");
		return href.substring("/consents/".length(), href.length() - "/form".length());
	}

	/** The mother's member id, from the dossier's network section. */
	private String member() throws Exception {
		Document section = page(get("/network/households/" + this.household));
		String href = section.selectFirst("a[href^=/network/members/]").attr("href");
		return href.substring("/network/members/".length());
	}

	/** A new snapshot of the mother's network: its id. */
	private String snapshot() throws Exception {
		MockHttpServletResponse started = this.mvc
			.perform(post("/network/members/" + member() + "/snapshots").with(csrf())
				.session(this.coordinator)
				.param("drawnOn", TODAY))
			.andReturn()
			.getResponse();
		assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(302);
		Document map = page(get("/network/members/" + member()));
		String href = map.select("ol.snapshots a").last().attr("href");
		return href.substring(href.indexOf("snapshot=") + "snapshot=".length());
	}

	/** A new goal of the family: its id. */
	private String goal(String description) throws Exception {
		MockHttpServletResponse added = this.mvc
			.perform(post("/households/" + this.household + "/plan/goals").with(csrf())
				.session(this.coordinator)
				.param("description", description))
			.andReturn()
			.getResponse();
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
		Document plan = page(get("/households/" + this.household + "/plan"));
		String action = plan
			.selectFirst("article.goal:has(h3 span:containsOwn(" + description + ")) form[id^=plan-form-goal-]")
			.attr("action");
		return action.substring("/plan/goals/".length());
	}

	private static void assertLinked(Document page, String id, String label) {
		ErrorSummaryAssertions.assertLinked(page, id, label);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.session(this.coordinator))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private Document refused(MockHttpServletRequestBuilder request) throws Exception {
		return refused(request, this.coordinator);
	}

	private Document refused(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(csrf()).session(session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
		return Jsoup.parse(response.getContentAsString());
	}

}
