package nl.vangnet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import nl.vangnet.account.TestAuthenticator;
import nl.vangnet.account.TotpCodes;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import jakarta.servlet.RequestDispatcher;
import nl.vangnet.platform.Encryption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every endpoint against every role (and nobody signed in), and for every endpoint whose
 * path names a row of an organisation, with the real id of a real row of the caller's own
 * organisation, of another one, of another one that shares the household with the
 * caller's by referral, and with an id that names nothing ({@link Tenancy}). An endpoint
 * that is not in {@link #MATRIX} fails the build: whoever adds one decides here who may
 * use it.
 * <p>
 * Allowed means 2xx or 3xx with a row of one's own organisation (or no row at all), and
 * with a shared row only for reading the received referral itself; the same request with
 * another organisation's row answers 404, as an unknown id does, and writes no success
 * into any access trail; a role that may not use the endpoint gets 403 whoever's row it
 * names. Every allowed write is sent for a fresh set of rows, so that no request depends
 * on what an earlier one changed; forms and bodies carry valid values, so that "allowed"
 * means the work was done.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

	private static final Set<Role> ADMIN = EnumSet.of(Role.ADMINISTRATOR);

	private static final Set<Role> COORDINATOR = EnumSet.of(Role.COORDINATOR);

	private static final Set<Role> CLIENT_WORK = EnumSet.of(Role.COORDINATOR, Role.PROFESSIONAL, Role.VOLUNTEER);

	/** Coordinators and professionals: who register and change households. */
	private static final Set<Role> CASE_WORK = EnumSet.of(Role.COORDINATOR, Role.PROFESSIONAL);

	/** monitor (issue 7): who sees the anonymised monitor. */
	private static final Set<Role> MONITOR = EnumSet.of(Role.RESEARCHER, Role.COORDINATOR);

	/** A date a few days ago, for whatever a write records. */
	private static final String DAY = TestData.today().minusDays(3).toString();

	/** A date some months ahead, for what is valid until then. */
	private static final String SOON = TestData.today().plusMonths(6).toString();

	/** A code (and address) of this run, for what administrators create. */
	private static final String CODE = TestData.unique("MX");

	/** Who may use what. {@code null} roles: public, also without signing in. */
	static final List<Rule> MATRIX = List.of(
	// @formatter:off
			Rule.open("GET", "/login"),
			Rule.open("ANY", "/login/throttled"),
			Rule.open("ANY", "/error"),
			Rule.open("GET", "/api/v1/openapi"),
			Rule.open("GET", "/api/v1/openapi.yaml"),
			Rule.of("GET", "/", EVERYONE),
			Rule.of("GET", "/account/password", EVERYONE),
			// an empty form: a new password would change the caller's own (issue 18)
			Rule.of("POST", "/account/password", EVERYONE).refusedForm(),
			Rule.of("GET", "/api/v1/me", EVERYONE),
			// the second factor and re-authentication (issue 17), before the password changes
			Rule.open("POST", "/login/organisation"),
			Rule.of("GET", "/login/second-factor", EVERYONE),
			Rule.of("POST", "/login/second-factor", EVERYONE),
			Rule.of("POST", "/api/v1/sign-in/second-factor", EVERYONE).json("{\"code\":\"000000\"}"),
			Rule.of("GET", "/account/factors", EVERYONE),
			Rule.of("POST", "/account/factors/totp", EVERYONE),
			Rule.of("POST", "/account/factors/totp/confirmation", EVERYONE),
			Rule.of("GET", "/api/v1/me/factors", EVERYONE),
			Rule.of("POST", "/api/v1/me/factors/totp", EVERYONE),
			Rule.of("POST", "/api/v1/me/factors/totp/confirmation", EVERYONE).json("{\"code\":\"{totpCode}\"}"),
			Rule.of("GET", "/account/reauthentication", EVERYONE),
			Rule.of("POST", "/account/reauthentication", EVERYONE),
			Rule.of("POST", "/api/v1/me/reauthentication", EVERYONE).json("{\"password\":\"" + TestData.PASSWORD + "\"}"),
			Rule.of("POST", "/admin/users/{id}/factors/reset", ADMIN),
			Rule.of("POST", "/api/v1/users/{id}/factors/reset", ADMIN),
			Rule.of("PUT", "/api/v1/me/password", EVERYONE)
				.json("{\"currentPassword\":\"" + TestData.PASSWORD + "\",\"newPassword\":\"de-matrix-kiest-een-heel-nieuw-wachtwoord\"}"),
			Rule.of("GET", "/organisation", CLIENT_WORK),
			Rule.of("GET", "/api/v1/households", CLIENT_WORK),
			Rule.of("POST", "/api/v1/households", CASE_WORK)
				.json("{\"format\":\"vangnet-household/1\",\"composition\":\"ONE_PARENT\",\"members\":[{\"ref\":\"m1\",\"role\":\"PARENT\",\"mainContact\":true,\"givenName\":\"Nieuw\"}],\"trajectories\":[{\"kind\":\"INTENSIVE\",\"start\":\"" + DAY + "\"}]}"),
			Rule.of("GET", "/api/v1/households/{id}", CLIENT_WORK),
			Rule.of("PUT", "/api/v1/households/{id}", CASE_WORK)
				.json("{\"format\":\"vangnet-household/1\",\"version\":0,\"composition\":\"ONE_PARENT\",\"members\":[{\"ref\":\"M1\",\"role\":\"PARENT\",\"mainContact\":true,\"givenName\":\"Moeder\"},{\"ref\":\"M2\",\"role\":\"CHILD\",\"givenName\":\"Kind\"}]}"),
			Rule.of("POST", "/api/v1/households/{id}/confidential-address", CASE_WORK),
			Rule.of("GET", "/caseload", CLIENT_WORK),
			Rule.of("GET", "/households", CASE_WORK),
			Rule.of("POST", "/households", CASE_WORK)
				.form(Map.of("members[0].role", "PARENT", "members[0].givenName", "Matrix", "mainContact", "0", "kind", "NONE")),
			Rule.of("GET", "/households/new", CASE_WORK),
			Rule.of("GET", "/households/{id}", CLIENT_WORK),
			Rule.of("POST", "/households/{id}", CASE_WORK)
				.form(Map.ofEntries(Map.entry("version", "0"), Map.entry("composition", "ONE_PARENT"), Map.entry("mainContact", "0"), Map.entry("members[0].ref", "M1"), Map.entry("members[0].role", "PARENT"), Map.entry("members[0].givenName", "Moeder"), Map.entry("members[1].ref", "M2"), Map.entry("members[1].role", "CHILD"), Map.entry("members[1].givenName", "Kind"))),

			Rule.of("GET", "/households/{id}/edit", CASE_WORK),
			Rule.of("POST", "/households/{id}/confidential-address", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories", CASE_WORK)
				.form(Map.of("version", "0", "kind", "SHORT", "start", DAY)),

			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/phases", CASE_WORK)
				.form(Map.of("version", "0", "phase", "FLEXIBLE.STABILISING", "on", DAY)),

			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/end", CASE_WORK)
				.form(Map.of("version", "0", "end", DAY, "closingReason", "Het gaat goed")),

			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/staff", CASE_WORK)
				.form(Map.of("version", "0", "staff", "{professionalId}")),

			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/contact-person", COORDINATOR)
				.form(Map.of("version", "0", "assignee", "{professionalId}")),

			Rule.of("POST", "/households/{id}/closing", CASE_WORK)
				.form(Map.of("version", "0", "closedOn", DAY, "closingReason", "Verhuisd")),
			// reopen, never re-register (issue 15): on a closed household (rowsFor closes it)
			Rule.of("POST", "/households/{id}/reopening", CASE_WORK)
				.form(Map.of("version", "0", "on", DAY, "reason", "Een nieuwe vraag", "kind", "INTENSIVE")),
			Rule.of("POST", "/api/v1/households/{id}/reopening", CASE_WORK)
				.json("{\"on\":\"" + DAY + "\",\"reason\":\"Een nieuwe vraag\"}"),
			Rule.of("GET", "/api/v1/households/{id}/contact-persons", CASE_WORK),
			// deputies (waarnemers, issue 15): per family by case work, for a whole caseload by a coordinator
			Rule.of("GET", "/api/v1/households/{id}/deputies", CASE_WORK),
			// a member's own page (issue 15: each child a client)
			Rule.of("GET", "/households/{id}/members/{ref}", CASE_WORK),
			Rule.of("POST", "/households/{id}/members/{ref}/experience", CASE_WORK)
				.form(Map.of("colour", "GREEN", "domain", "SOCIAL", "on", DAY)),
			Rule.of("POST", "/api/v1/households/{id}/deputies", CASE_WORK)
				.json("{\"trajectory\":\"{trajectoryId}\",\"deputy\":\"{professionalId}\",\"from\":\"" + DAY + "\",\"until\":\"" + SOON + "\"}"),
			Rule.of("DELETE", "/api/v1/households/{id}/deputies/{deputyId}", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/deputies", CASE_WORK)
				.form(Map.of("deputy", "{professionalId}", "from", DAY, "until", SOON)),
			Rule.of("POST", "/households/{id}/deputies/{deputyId}/remove", CASE_WORK),
			Rule.of("POST", "/team/workload/{accountId}/deputy", COORDINATOR)
				.form(Map.of("deputy", "{coordinatorId}", "from", DAY, "until", SOON)),
			Rule.of("POST", "/api/v1/workload/{accountId}/deputy", COORDINATOR)
				.json("{\"deputy\":\"{coordinatorId}\",\"from\":\"" + DAY + "\",\"until\":\"" + SOON + "\"}"),
			Rule.of("POST", "/api/v1/households/duplicates", CASE_WORK)
				.json("{\"givenName\":\"Moeder\",\"familyName\":\"Matrix\",\"birthDate\":\"1990-01-01\"}"),

			Rule.of("GET", "/phase-model", COORDINATOR),
			Rule.of("POST", "/phase-model", COORDINATOR),
			Rule.of("GET", "/access-trail", COORDINATOR),
			Rule.of("GET", "/api/v1/access-trail", COORDINATOR),
			Rule.of("GET", "/access-trail/export", COORDINATOR),
			Rule.of("GET", "/api/v1/access-trail/export", COORDINATOR),
			Rule.of("GET", "/admin/sign-ins", ADMIN),
			Rule.of("GET", "/api/v1/sign-ins", ADMIN),
			Rule.of("GET", "/admin/organisations", ADMIN),
			Rule.of("POST", "/admin/organisations", ADMIN)
				.form(Map.of("code", "{organisationCode}", "name", "Matrix", "kind", "SHELTER")),
			Rule.of("GET", "/admin/organisations/new", ADMIN),
			Rule.of("GET", "/admin/organisations/{code}", ADMIN),
			// an empty form: a valid one would change the matrix's own organisation (issue 18)
			Rule.of("POST", "/admin/organisations/{code}", ADMIN).refusedForm(),
			Rule.of("POST", "/admin/organisations/{code}/locations", ADMIN).form(Map.of("name", "{regionName}")),
			Rule.of("POST", "/admin/organisations/{code}/teams", ADMIN).form(Map.of("name", "{regionName}")),
			Rule.of("GET", "/api/v1/organisations", ADMIN),
			Rule.of("POST", "/api/v1/organisations", ADMIN)
				.json("{\"code\":\"" + CODE + "\",\"name\":\"Matrix\",\"kind\":\"INFORMAL\"}"),
			Rule.of("GET", "/api/v1/organisations/{code}", ADMIN),
			Rule.of("PUT", "/api/v1/organisations/{code}", ADMIN)
				.json("{\"name\":\"Testorganisatie\",\"kind\":\"INFORMAL\",\"districts\":[\"Centrum\"],\"monitorParticipant\":true,\"version\":0}"),
			Rule.of("POST", "/api/v1/organisations/{code}/locations", ADMIN)
				.json("{\"name\":\"Locatie van de matrix\"}"),
			Rule.of("POST", "/api/v1/organisations/{code}/teams", ADMIN)
				.json("{\"name\":\"Team van de matrix\"}"),
			Rule.of("GET", "/admin/users", ADMIN),
			Rule.of("POST", "/admin/users", ADMIN)
				.form(Map.of("displayName", "Matrix", "email", "{email}", "organisation", "{ownCode}", "role",
						"PROFESSIONAL", "password", TestData.PASSWORD)),
			Rule.of("GET", "/admin/users/new", ADMIN),
			Rule.of("POST", "/admin/users/{id}/deactivation", ADMIN),
			Rule.of("POST", "/admin/users/{id}/activation", ADMIN),
			Rule.of("GET", "/api/v1/users", ADMIN),
			Rule.of("POST", "/api/v1/users", ADMIN)
				.json("{\"email\":\"" + CODE.toLowerCase() + "@test.example\",\"displayName\":\"Nieuw in de matrix\",\"role\":\"ADMINISTRATOR\",\"password\":\"" + TestData.PASSWORD + "\"}"),
			Rule.of("GET", "/api/v1/users/{id}", ADMIN),
			Rule.of("POST", "/api/v1/users/{id}/deactivation", ADMIN),
			Rule.of("POST", "/api/v1/users/{id}/activation", ADMIN),
			Rule.of("PUT", "/api/v1/users/{id}/meldcode-officer", ADMIN)
				.json("{\"meldcodeOfficer\":true}"),
			Rule.of("POST", "/admin/users/{id}/meldcode-officer", ADMIN)
				.form(Map.of("meldcodeOfficer", "true")),
			// issue 18: the number families call; a coordinator's for a colleague of
			// another organisation is WorkPhoneTests' (404)
			Rule.of("POST", "/account/work-phone", CASE_WORK).form(Map.of("workPhone", "06-12345678")),
			Rule.of("PUT", "/api/v1/me/work-phone", CASE_WORK).json("{\"workPhone\":\"06-12345678\"}"),
			Rule.of("PUT", "/api/v1/users/{id}/work-phone", EnumSet.of(Role.ADMINISTRATOR, Role.COORDINATOR))
				.json("{\"workPhone\":\"010 123 45 67\"}"),
			Rule.of("POST", "/admin/users/{id}/work-phone", ADMIN).form(Map.of("workPhone", "010-1234567")),
			Rule.of("GET", "/admin/frameworks", ADMIN),
			Rule.of("GET", "/admin/frameworks/new", ADMIN),
			Rule.of("POST", "/admin/frameworks", ADMIN)
				.form(Map.of("code", "{frameworkCode}", "nameNl", "Matrixlijst", "domains", "GELD | Geld | Money | FINANCES")),
			Rule.of("GET", "/admin/frameworks/{code}", ADMIN),
			Rule.of("GET", "/api/v1/frameworks", EVERYONE),
			Rule.of("POST", "/api/v1/frameworks", ADMIN)
				.json("{\"code\":\"" + CODE + "\",\"nameNl\":\"Matrixlijst\",\"nameEn\":\"Matrix list\",\"domains\":[{\"code\":\"GELD\",\"labelNl\":\"Geld\",\"labelEn\":\"Money\",\"monitorCode\":\"FINANCES\"}]}"),
			Rule.of("GET", "/api/v1/frameworks/{code}", EVERYONE),
			Rule.of("GET", "/api/v1/scales", EVERYONE),
			Rule.of("GET", "/api/v1/instruments", EVERYONE),
			Rule.of("GET", "/organisation/framework", COORDINATOR),
			Rule.of("POST", "/organisation/framework", COORDINATOR),
			Rule.of("GET", "/api/v1/organisation/framework", COORDINATOR),
			Rule.of("PUT", "/api/v1/organisation/framework", COORDINATOR)
				.json("{\"framework\":\"MONITOR\"}"),
			// Aftercare by default (issue 15, item 2): the organisation's period
			Rule.of("GET", "/organisation/aftercare", COORDINATOR),
			Rule.of("POST", "/organisation/aftercare", COORDINATOR).form(Map.of("months", "12")),
			Rule.of("GET", "/api/v1/organisation/aftercare", COORDINATOR),
			Rule.of("PUT", "/api/v1/organisation/aftercare", COORDINATOR).json("{\"months\":12}"),
			// Plan: help questions, the plan and progress (volunteers: the plan of their own families)
			Rule.of("GET", "/households/{id}/help-questions", CASE_WORK),
			// a refused form answers 400 (issue 18): these send what the form accepts
			Rule.of("POST", "/households/{id}/help-questions", CASE_WORK)
				.form(Map.of("domain", "FINANCES", "openedOn", DAY, "description", "Vraag van de matrix")),
			Rule.of("POST", "/help-questions/{id}", CASE_WORK)
				.form(Map.of("version", "0", "description", "Huurachterstand", "status", "OPEN")),
			Rule.of("GET", "/households/{id}/plan", CLIENT_WORK),
			Rule.of("GET", "/households/{id}/plan-summary", CLIENT_WORK),
			Rule.of("POST", "/households/{id}/plan/goals", CASE_WORK)
				.form(Map.of("description", "Zelf de post openen", "domain", "FINANCES")),
			Rule.of("POST", "/plan/goals/{id}", CASE_WORK)
				.form(Map.of("version", "0", "description", "Overzicht in de post", "status", "ACTIVE")),
			Rule.of("POST", "/plan/goals/{id}/actions", CASE_WORK)
				.form(Map.of("description", "Aanmelden bij het zwembad", "actor", "MEMBER")),
			Rule.of("POST", "/plan/actions/{id}", CASE_WORK)
				.form(Map.of("version", "0", "description", "Samen de post sorteren", "actor", "VOLUNTEER", "status", "DONE")),
			Rule.of("POST", "/households/{id}/plan/evaluations", CASE_WORK)
				.form(Map.of("evaluatedOn", DAY, "progressed", "De brieven zijn gesorteerd")),
			Rule.of("POST", "/households/{id}/plan/notes", CASE_WORK)
				.form(Map.of("text", "Alleen voor ons")),
			Rule.of("GET", "/households/{id}/plan/family-copy", CASE_WORK),
			Rule.of("GET", "/households/{id}/plan/family-copy.pdf", CASE_WORK),
			Rule.of("GET", "/households/{id}/progress", CASE_WORK),
			Rule.of("POST", "/households/{id}/progress", CASE_WORK)
				.form(Map.of("scoredOn", DAY, "worker[FINANCES]", "3")),
			Rule.of("GET", "/api/v1/households/{id}/help-questions", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/help-questions", CASE_WORK)
				.json("{\"member\":\"M1\",\"domain\":\"FINANCES\",\"openedOn\":\"" + DAY + "\",\"description\":\"Lege koelkast\"}"),
			Rule.of("GET", "/api/v1/help-questions/{id}", CASE_WORK),
			Rule.of("PUT", "/api/v1/help-questions/{id}", CASE_WORK)
				.json("{\"version\":0,\"description\":\"Huurachterstand\",\"status\":\"IN_PROGRESS\"}"),
			Rule.of("GET", "/api/v1/households/{id}/plan", CLIENT_WORK),
			Rule.of("POST", "/api/v1/households/{id}/goals", CASE_WORK)
				.json("{\"member\":\"M1\",\"domain\":\"FINANCES\",\"description\":\"Zelf de post openen\"}"),
			Rule.of("PUT", "/api/v1/goals/{id}", CASE_WORK)
				.json("{\"version\":0,\"description\":\"Overzicht in de post\",\"status\":\"ACTIVE\"}"),
			Rule.of("POST", "/api/v1/goals/{id}/actions", CASE_WORK)
				.json("{\"description\":\"Aanmelden bij het zwembad\",\"actor\":\"MEMBER\"}"),
			Rule.of("PUT", "/api/v1/actions/{id}", CASE_WORK)
				.json("{\"version\":0,\"description\":\"Samen de post sorteren\",\"actor\":\"VOLUNTEER\",\"status\":\"DONE\"}"),
			Rule.of("POST", "/api/v1/households/{id}/evaluations", CASE_WORK)
				.json("{\"evaluatedOn\":\"" + DAY + "\",\"progressed\":\"De brieven zijn gesorteerd\",\"needed\":\"Een budgetcoach\",\"experiences\":[{\"domain\":\"FINANCES\",\"helped\":\"YES\"}]}"),
			Rule.of("POST", "/api/v1/households/{id}/notes", CASE_WORK)
				.json("{\"text\":\"Alleen voor ons\"}"),
			Rule.of("GET", "/api/v1/households/{id}/scores", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/scores", CASE_WORK)
				.json("{\"scoredOn\":\"" + DAY + "\",\"scores\":[{\"domain\":\"FINANCES\",\"rater\":\"WORKER\",\"score\":3}]}"),
			// network
			Rule.of("GET", "/network/households/{householdId}", CASE_WORK),
			Rule.of("GET", "/network/members/{memberId}", CASE_WORK),
			Rule.of("POST", "/network/members/{memberId}/snapshots", CASE_WORK)
				.form(Map.of("drawnOn", DAY, "label", "later")),
			Rule.of("GET", "/network/members/{memberId}/comparison", CASE_WORK),
			Rule.of("POST", "/network/members/{memberId}/triangle", CASE_WORK)
				.form(Map.of("placedOn", DAY, "government", "34", "services", "33", "society", "33")),
			Rule.of("POST", "/network/members/{memberId}/plan", CASE_WORK)
				.form(Map.of("domain", "FINANCES", "on", DAY)),
			Rule.of("POST", "/network/snapshots/{snapshotId}/contacts", CASE_WORK)
				.form(Map.of("version", "1", "name", "Buurvrouw", "relation", "NEIGHBOUR", "closeness", "OUTER", "tie", "WEAK")),

			Rule.of("GET", "/network/snapshots/{snapshotId}/contacts/{contactId}", CASE_WORK),
			Rule.of("POST", "/network/snapshots/{snapshotId}/contacts/{contactId}", CASE_WORK)
				.form(Map.of("version", "1", "name", "Zus", "relation", "FAMILY", "closeness", "MIDDLE", "tie", "STRONG")),

			Rule.of("POST", "/network/snapshots/{snapshotId}/contacts/{contactId}/closeness", CASE_WORK)
				.form(Map.of("version", "1", "closeness", "INNER")),
			Rule.of("POST", "/network/snapshots/{snapshotId}/contacts/{contactId}/removal", CASE_WORK)
				.form(Map.of("version", "1")),

			Rule.of("GET", "/network/snapshots/{snapshotId}/map.svg", CASE_WORK),
			Rule.of("GET", "/network/snapshots/{snapshotId}/map.pdf", CASE_WORK),
			Rule.of("GET", "/api/v1/network/members/{memberId}/snapshots", CASE_WORK),
			Rule.of("POST", "/api/v1/network/members/{memberId}/snapshots", CASE_WORK)
				.json("{\"drawnOn\":\"" + DAY + "\",\"label\":\"later\"}"),
			Rule.of("GET", "/api/v1/network/members/{memberId}/comparison", CASE_WORK),
			Rule.of("GET", "/api/v1/network/members/{memberId}/triangle", CASE_WORK),
			Rule.of("POST", "/api/v1/network/members/{memberId}/triangle", CASE_WORK)
				.json("{\"placedOn\":\"" + DAY + "\",\"government\":20,\"services\":70,\"society\":10}"),
			Rule.of("GET", "/api/v1/network/snapshots/{snapshotId}", CASE_WORK),
			Rule.of("POST", "/api/v1/network/snapshots/{snapshotId}/contacts", CASE_WORK)
				.json("{\"version\":1,\"name\":\"Buurvrouw\",\"relation\":\"NEIGHBOUR\",\"closeness\":\"OUTER\",\"tie\":\"WEAK\"}"),
			Rule.of("PUT", "/api/v1/network/snapshots/{snapshotId}/contacts/{contactId}", CASE_WORK)
				.json("{\"version\":1,\"name\":\"Zus\",\"relation\":\"FAMILY\",\"closeness\":\"MIDDLE\",\"tie\":\"STRONG\"}"),
			Rule.of("DELETE", "/api/v1/network/snapshots/{snapshotId}/contacts/{contactId}", CASE_WORK)
				.form(Map.of("version", "1")),
			Rule.of("PUT", "/api/v1/network/snapshots/{snapshotId}/contacts/{contactId}/closeness", CASE_WORK)
				.json("{\"version\":1,\"closeness\":\"OUTER\"}"),
			// monitor (issue 7)
			Rule.of("GET", "/monitor", MONITOR),
			Rule.of("GET", "/api/v1/monitor", MONITOR)
				.form(Map.of("from", "2019-01-01", "to", DAY)),

			Rule.of("GET", "/api/v1/monitor/export", MONITOR)
				.form(Map.of("format", "CSV", "from", "2019-01-01", "to", DAY)),

			Rule.of("GET", "/imports", COORDINATOR),
			Rule.of("POST", "/imports/preview", COORDINATOR),
			Rule.of("POST", "/imports/confirm", COORDINATOR)
				.form(Map.of("token", "verlopen")),

			Rule.of("GET", "/imports/export", COORDINATOR),
			Rule.of("POST", "/api/v1/imports", COORDINATOR)
				.body("application/x-ndjson", "{\"format\":\"vangnet-household/1\",\"organisation\":\"{ownCode}\",\"composition\":\"ONE_PARENT\",\"members\":[{\"ref\":\"m1\",\"role\":\"PARENT\",\"mainContact\":true}]}\n"),
			Rule.of("GET", "/api/v1/exports", COORDINATOR),
			// contact
			Rule.of("GET", "/households/{id}/contacts", CLIENT_WORK),
			Rule.of("POST", "/households/{id}/contacts", CLIENT_WORK)
				.form(Map.of("date", DAY, "time", "10:00", "channel", "HOME_VISIT", "reached", "true", "note", "Koffie gedronken")),

			Rule.of("GET", "/households/{id}/contact-summary", CLIENT_WORK),
			Rule.of("POST", "/households/{id}/time", CASE_WORK)
				.form(Map.of("date", DAY, "type", "CONVERSATION", "minutes", "30")),

			Rule.of("POST", "/households/{id}/activities", CASE_WORK)
				.form(Map.of("date", DAY, "name", "Wijkmaaltijd", "satisfaction", "GREEN")),

			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/rhythm", CASE_WORK)
				.form(Map.of("rhythm", "WEEKLY")),

			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/rhythm/end", CASE_WORK)
				.form(Map.of("reason", "Het gaat goed")),

			Rule.of("POST", "/households/{id}/follow-up-checks", CASE_WORK)
				.form(Map.of("months", "3", "on", DAY, "reached", "true", "housing", "STABLE", "safe", "true")),

			Rule.of("GET", "/households/{id}/obligations", CASE_WORK),
			Rule.of("POST", "/households/{id}/obligations", CASE_WORK)
				.form(Map.of("kind", "LETTER", "description", "Brief UWV")),

			Rule.of("GET", "/households/{id}/obligations/print", CASE_WORK),
			Rule.of("GET", "/households/{id}/obligations.pdf", CASE_WORK),
			Rule.of("POST", "/obligations/{id}", CASE_WORK)
				.form(Map.of("version", "0", "kind", "FORM", "description", "Toeslag aanvragen", "status", "DONE")),

			Rule.of("GET", "/households/{id}/debts", CASE_WORK),
			Rule.of("POST", "/households/{id}/debts", CASE_WORK)
				.form(Map.of("creditor", "Energieleverancier", "amount", "1250.50", "status", "OPEN")),

			Rule.of("POST", "/debts/{id}", CASE_WORK)
				.form(Map.of("version", "0", "creditor", "Woningcorporatie", "amount", "850.00", "status", "ARRANGEMENT", "arrangement", "50 euro per maand")),

			Rule.of("GET", "/worklist", CASE_WORK),
			Rule.of("GET", "/team/workload", COORDINATOR),
			Rule.of("GET", "/api/v1/households/{id}/contacts", CLIENT_WORK),
			Rule.of("POST", "/api/v1/households/{id}/contacts", CLIENT_WORK)
				.json("{\"occurredAt\":\"" + DAY + "T10:00:00\",\"channel\":\"HOME_VISIT\",\"reached\":true,\"sensitive\":false,\"note\":\"Koffie gedronken\"}"),
			Rule.of("GET", "/api/v1/households/{id}/rhythms", CLIENT_WORK),
			Rule.of("GET", "/api/v1/households/{id}/time-summary", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/time-entries", CASE_WORK)
				.json("{\"date\":\"" + DAY + "\",\"type\":\"CONVERSATION\",\"minutes\":30}"),
			Rule.of("GET", "/api/v1/households/{id}/activities", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/activities", CASE_WORK)
				.json("{\"date\":\"" + DAY + "\",\"name\":\"Wijkmaaltijd\",\"satisfaction\":\"GREEN\"}"),
			Rule.of("PUT", "/api/v1/households/{id}/trajectories/{trajectoryId}/rhythm", CASE_WORK)
				.json("{\"rhythm\":\"WEEKLY\"}"),
			Rule.of("POST", "/api/v1/households/{id}/trajectories/{trajectoryId}/rhythm/end", CASE_WORK)
				.json("{\"reason\":\"Het gaat goed\"}"),
			Rule.of("GET", "/api/v1/households/{id}/follow-up-checks", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/follow-up-checks", CASE_WORK)
				.json("{\"months\":3,\"on\":\"" + DAY + "\",\"reached\":true,\"housing\":\"STABLE\",\"safe\":true,\"supportiveContacts\":4}"),
			Rule.of("GET", "/api/v1/worklist", CASE_WORK),
			Rule.of("GET", "/api/v1/workload", COORDINATOR),
			Rule.of("GET", "/api/v1/households/{id}/obligations", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/obligations", CASE_WORK)
				.json("{\"kind\":\"LETTER\",\"description\":\"Brief UWV\"}"),
			Rule.of("PUT", "/api/v1/obligations/{id}", CASE_WORK)
				.json("{\"version\":0,\"kind\":\"FORM\",\"description\":\"Toeslag aanvragen\",\"status\":\"DONE\"}"),
			Rule.of("GET", "/api/v1/households/{id}/debts", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/debts", CASE_WORK)
				.json("{\"creditor\":\"Energieleverancier\",\"amount\":1250.50,\"status\":\"OPEN\"}"),
			Rule.of("PUT", "/api/v1/debts/{id}", CASE_WORK)
				.json("{\"version\":0,\"creditor\":\"Woningcorporatie\",\"amount\":850.00,\"status\":\"ARRANGEMENT\",\"arrangement\":\"50 euro per maand\"}"),
			// cooperation (issue 13): partners for all staff (kept by coordinators), consents and referrals case work
			Rule.of("GET", "/api/v1/partners", CLIENT_WORK),
			Rule.of("POST", "/api/v1/partners", COORDINATOR)
				.json("{\"name\":\"Voedselbank van de matrix\",\"kind\":\"FOOD_BANK\",\"domains\":[\"FINANCES\"]}"),
			Rule.of("GET", "/api/v1/partners/{id}", CLIENT_WORK),
			Rule.of("PUT", "/api/v1/partners/{id}", COORDINATOR)
				.json("{\"name\":\"Kredietbank\",\"kind\":\"DEBT_HELP\",\"domains\":[\"FINANCES\"],\"version\":0}"),
			Rule.of("GET", "/api/v1/households/{id}/consents", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/consents", CASE_WORK)
				.json("{\"member\":\"M1\",\"recipient\":{\"organisation\":\"{recipientCode}\"},\"sections\":[\"SUMMARY\"],\"purpose\":\"Hulp bij schulden\",\"form\":\"WRITTEN\",\"givenOn\":\"" + DAY + "\",\"validUntil\":\"" + SOON + "\"}"),
			Rule.of("POST", "/api/v1/consents/{id}/withdrawal", CASE_WORK)
				.json("{\"on\":\"" + DAY + "\",\"reason\":\"Wil het zelf regelen\"}"),
			Rule.of("POST", "/api/v1/households/{id}/referrals", CASE_WORK)
				.json("{\"format\":\"vangnet-referral/1\",\"consent\":\"{consentId}\",\"to\":{\"organisation\":\"{recipientCode}\"},\"domain\":\"FINANCES\",\"reason\":\"Schulden, dreigende afsluiting\"}"),
			Rule.of("GET", "/api/v1/referrals", CASE_WORK),
			Rule.of("GET", "/api/v1/referrals/{id}", CASE_WORK),
			Rule.of("POST", "/api/v1/referrals/{id}/events", CASE_WORK)
				.json("{\"status\":\"INTRODUCED\",\"on\":\"" + DAY + "\",\"note\":\"Samen naar het spreekuur\"}"),
			Rule.of("GET", "/partners", CLIENT_WORK),
			Rule.of("POST", "/partners", COORDINATOR)
				.form(Map.of("name", "Voedselbank van de matrix", "kind", "FOOD_BANK", "domains", "FINANCES")),

			Rule.of("GET", "/partners/{id}", CLIENT_WORK),
			Rule.of("POST", "/partners/{id}", COORDINATOR)
				.form(Map.of("name", "Kredietbank", "kind", "DEBT_HELP", "domains", "FINANCES", "version", "0")),

			Rule.of("GET", "/households/{id}/cooperation", CASE_WORK),
			Rule.of("GET", "/households/{id}/consents", CASE_WORK),
			Rule.of("POST", "/households/{id}/consents", CASE_WORK)
				.form(Map.ofEntries(Map.entry("member", "M1"), Map.entry("recipient", "org:{recipientCode}"), Map.entry("sections", "SUMMARY"), Map.entry("purpose", "Hulp bij schulden"), Map.entry("form", "WRITTEN"), Map.entry("givenOn", DAY), Map.entry("validUntil", SOON))),

			Rule.of("POST", "/consents/{id}/withdrawal", CASE_WORK),
			Rule.of("GET", "/consents/{id}/form", CASE_WORK),
			Rule.of("GET", "/consents/{id}/form.pdf", CASE_WORK),
			Rule.of("GET", "/households/{id}/referrals/new", CASE_WORK),
			Rule.of("POST", "/households/{id}/referrals", CASE_WORK)
				.form(Map.of("consent", "{consentId}", "to", "org:{recipientCode}", "domain", "FINANCES", "reason", "Schulden, dreigende afsluiting")),

			Rule.of("GET", "/referrals", CASE_WORK),
			Rule.of("GET", "/referrals/{id}", CASE_WORK),
			Rule.of("POST", "/referrals/{id}/events", CASE_WORK)
				.form(Map.of("status", "INTRODUCED", "on", DAY, "note", "Samen naar het spreekuur")),

			Rule.of("GET", "/referrals/{id}/letter", CASE_WORK),
			Rule.of("GET", "/referrals/{id}/letter.pdf", CASE_WORK),
			// cooperation (issue 13, items 4 and 5): the regie holder, agencies and their issues, case work
			Rule.of("GET", "/api/v1/households/{id}/regie", CASE_WORK),
			Rule.of("PUT", "/api/v1/households/{id}/regie", CASE_WORK)
				.json("{\"version\":0,\"name\":\"Fatima\",\"worksAt\":\"De Haven\",\"phone\":\"010 1234567\",\"since\":\"" + DAY + "\"}"),
			Rule.of("GET", "/api/v1/households/{id}/agencies", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/agencies", CASE_WORK)
				.json("{\"kind\":\"BENEFITS\",\"name\":\"Gemeente\"}"),
			Rule.of("PUT", "/api/v1/agencies/{id}", CASE_WORK)
				.json("{\"version\":0,\"kind\":\"BENEFITS\",\"name\":\"Gemeente Rotterdam\"}"),
			Rule.of("POST", "/api/v1/agencies/{id}/issues", CASE_WORK)
				.json("{\"kind\":\"ERROR\",\"description\":\"Toeslag te laag\",\"noticedOn\":\"" + DAY + "\"}"),
			Rule.of("PUT", "/api/v1/agency-issues/{id}", CASE_WORK)
				.json("{\"version\":0,\"kind\":\"ERROR\",\"description\":\"Toeslag te laag\",\"noticedOn\":\"" + DAY + "\",\"status\":\"OPEN\"}"),
			Rule.of("GET", "/households/{id}/regie", CASE_WORK),
			Rule.of("POST", "/households/{id}/regie", CASE_WORK)
				.form(Map.of("version", "0", "name", "Fatima", "worksAt", "De Haven", "phone", "010 1234567", "since", DAY)),
			Rule.of("GET", "/households/{id}/agencies", CASE_WORK),
			Rule.of("POST", "/households/{id}/agencies", CASE_WORK)
				.form(Map.of("kind", "BENEFITS", "name", "Gemeente")),
			Rule.of("POST", "/agencies/{id}", CASE_WORK)
				.form(Map.of("version", "0", "kind", "BENEFITS", "name", "Gemeente Rotterdam")),
			Rule.of("POST", "/agencies/{id}/issues", CASE_WORK)
				.form(Map.of("kind", "ERROR", "description", "Toeslag te laag", "noticedOn", DAY)),
			Rule.of("POST", "/agency-issues/{id}", CASE_WORK)
				.form(Map.of("version", "0", "kind", "ERROR", "description", "Toeslag te laag", "noticedOn", DAY, "status", "OPEN")),
			// privacy (issue 17): the client's rights and retention, coordinators
			Rule.of("GET", "/households/{id}/privacy", COORDINATOR),
			Rule.of("POST", "/households/{id}/members/{ref}/subject-access", COORDINATOR),
			Rule.of("GET", "/households/{id}/members/{ref}/subject-access", COORDINATOR),
			Rule.of("GET", "/households/{id}/members/{ref}/subject-access/download", COORDINATOR)
				.form(Map.of("format", "json")),
			Rule.of("POST", "/households/{id}/members/{ref}/subject-access/review", COORDINATOR)
				.form(Map.of("report", "true")),
			Rule.of("POST", "/households/{id}/erasure-requests", COORDINATOR)
				.form(Map.of("reason", "SUBJECT_REQUEST", "note", "Zij vroeg het zelf")),
			Rule.of("POST", "/erasure-requests/{id}/approval", COORDINATOR),
			Rule.of("GET", "/retention", COORDINATOR),
			Rule.of("POST", "/retention", COORDINATOR).form(Map.of("years", "7", "version", "-1")),
			Rule.of("POST", "/api/v1/households/{id}/members/{ref}/subject-access", COORDINATOR),
			Rule.of("GET", "/api/v1/households/{id}/members/{ref}/subject-access", COORDINATOR),
			Rule.of("GET", "/api/v1/households/{id}/members/{ref}/subject-access/review", COORDINATOR),
			Rule.of("POST", "/api/v1/households/{id}/members/{ref}/subject-access/review", COORDINATOR)
				.json("{\"report\":true}"),
			Rule.of("POST", "/api/v1/households/{id}/erasure-requests", COORDINATOR)
				.json("{\"reason\":\"SUBJECT_REQUEST\",\"note\":\"Zij vroeg het zelf\"}"),
			Rule.of("POST", "/api/v1/erasure-requests/{id}/approval", COORDINATOR),
			Rule.of("GET", "/api/v1/erasure-requests", COORDINATOR),
			Rule.of("GET", "/api/v1/retention", COORDINATOR),
			Rule.of("PUT", "/api/v1/retention", COORDINATOR).json("{\"years\":7,\"version\":-1}"),
			// cooperation: the regions that share the who-does-what map, kept by administrators
			Rule.of("GET", "/admin/regions", ADMIN),
			Rule.of("POST", "/admin/regions", ADMIN)
				.form(Map.of("name", "{regionName}", "districts", "{regionName}")),
			Rule.of("GET", "/admin/regions/{id}", ADMIN),
			Rule.of("POST", "/admin/regions/{id}", ADMIN)
				.form(Map.of("name", "{regionName}", "districts", "{regionName}", "version", "0")),
			Rule.of("POST", "/admin/regions/{id}/removal", ADMIN).form(Map.of("version", "0")),
			Rule.of("GET", "/api/v1/regions", ADMIN),
			Rule.of("POST", "/api/v1/regions", ADMIN)
				.json("{\"name\":\"{regionName}\",\"districts\":[\"{regionName}\"]}"),
			Rule.of("GET", "/api/v1/regions/{id}", ADMIN),
			Rule.of("PUT", "/api/v1/regions/{id}", ADMIN)
				.json("{\"name\":\"{regionName}\",\"districts\":[\"{regionName}\"],\"version\":0}"),
			Rule.of("DELETE", "/api/v1/regions/{id}", ADMIN),
			// safety (issue 14): case work of the organisation that owns the household
			Rule.of("GET", "/api/v1/households/{id}/safety", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/safety-patterns", CASE_WORK)
				.json("{\"pattern\":\"INTIMATE_TERRORISM\",\"judgedOn\":\"" + DAY + "\"}"),
			Rule.of("GET", "/api/v1/households/{id}/protective-orders", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/protective-orders", CASE_WORK)
				.json("{\"kind\":\"HOUSE_BAN\",\"contact\":\"{dangerKey}\",\"issuer\":\"Burgemeester\",\"startsOn\":\"" + DAY + "\",\"endsOn\":\"" + SOON + "\"}"),
			Rule.of("POST", "/api/v1/households/{id}/contact-arrangements", CASE_WORK)
				.json("{\"member\":\"M2\",\"arrangement\":\"SUPERVISED\",\"since\":\"" + DAY + "\"}"),
			Rule.of("GET", "/households/{id}/safety", CASE_WORK),
			Rule.of("GET", "/households/{id}/safety-summary", CASE_WORK),
			Rule.of("POST", "/households/{id}/safety/pattern", CASE_WORK)
				.form(Map.of("pattern", "FAMILY_UNDER_STRESS", "judgedOn", DAY)),
			Rule.of("POST", "/households/{id}/safety/orders", CASE_WORK)
				.form(Map.of("kind", "CONTACT_BAN", "contact", "{dangerKey}", "issuer", "Rechter", "startsOn", DAY)),
			Rule.of("POST", "/households/{id}/safety/arrangements", CASE_WORK)
				.form(Map.of("member", "M2", "arrangement", "SUSPENDED", "since", DAY)),
			Rule.of("GET", "/api/v1/risk-instruments", CASE_WORK),
			Rule.of("POST", "/api/v1/risk-instruments", COORDINATOR)
				.json("{\"code\":\"MATRIX\",\"nameNl\":\"Matrix\",\"nameEn\":\"Matrix\",\"parts\":[{\"code\":\"A\",\"labelNl\":\"A\",\"labelEn\":\"A\",\"items\":[{\"code\":\"A1\",\"textNl\":\"Vraag\",\"textEn\":\"Question\"}]}],\"levels\":[{\"code\":\"LAAG\",\"labelNl\":\"Laag\",\"labelEn\":\"Low\",\"colour\":\"GREEN\",\"monitor\":\"LOW\",\"fromScore\":0}]}"),
			Rule.of("GET", "/api/v1/households/{id}/risk-screenings", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/risk-screenings", CASE_WORK)
				.json("{\"member\":\"M1\",\"instrument\":\"6a0f1c2e-5b1d-4e57-9a51-1d2c14000001\",\"source\":\"POLICE\",\"level\":\"RED\",\"screenedOn\":\"" + DAY + "\"}"),
			Rule.of("GET", "/households/{id}/risk-screenings/new", CASE_WORK),
			Rule.of("POST", "/households/{id}/risk-screenings", CASE_WORK)
				.form(Map.of("member", "M1", "instrument", "6a0f1c2e-5b1d-4e57-9a51-1d2c14000001", "source", "SAFE_HOME", "level", "ORANGE", "screenedOn", DAY)),
			Rule.of("GET", "/api/v1/households/{id}/members/{ref}/safety-plan", CASE_WORK),
			Rule.of("PUT", "/api/v1/households/{id}/members/{ref}/safety-plan", CASE_WORK)
				.json("{\"title\":\"Boodschappen\",\"safePlaces\":\"Bij de buurvrouw\"}"),
			Rule.of("GET", "/api/v1/households/{id}/members/{ref}/safety-plan.pdf", CASE_WORK),
			Rule.of("GET", "/safety/members/{memberId}/plan", CASE_WORK),
			Rule.of("POST", "/safety/members/{memberId}/plan", CASE_WORK)
				.form(Map.of("title", "Mijn lijstje", "signalWord", "appeltaart")),
			Rule.of("GET", "/safety/members/{memberId}/plan/print", CASE_WORK),
			Rule.of("GET", "/safety/members/{memberId}/plan.pdf", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/meldcode-cases", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/meldcode-cases", CASE_WORK)
				.json("{\"member\":\"M2\",\"concern\":\"Zorg om het kind\"}"),
			Rule.of("GET", "/api/v1/meldcode-cases/{id}", CASE_WORK),
			Rule.of("POST", "/api/v1/meldcode-cases/{id}/steps", CASE_WORK)
				.json("{\"step\":1,\"facts\":\"Blauwe plek gezien\",\"kindcheckMinors\":\"YES\",\"kindcheckSafe\":\"NO\"}"),
			Rule.of("GET", "/households/{id}/meldcode-cases", CASE_WORK),
			Rule.of("POST", "/households/{id}/meldcode-cases", CASE_WORK)
				.form(Map.of("member", "M2", "concern", "Zorg om het kind", "openedOn", DAY)),
			Rule.of("GET", "/meldcode-cases/{id}", CASE_WORK),
			Rule.of("POST", "/meldcode-cases/{id}/steps", CASE_WORK)
				.form(Map.of("step", "1", "facts", "Blauwe plek gezien", "kindcheckMinors", "YES", "kindcheckSafe", "NO")),
			Rule.of("GET", "/meldcode-cases/{id}/summary", CASE_WORK),
			Rule.of("GET", "/meldcode-cases/{id}/summary.pdf", CASE_WORK)

	// @formatter:on
	);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private Encryption encryption;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private final Map<Role, MockHttpSession> sessions = new EnumMap<>(Role.class);

	private final Map<Role, TestData.Person> people = new EnumMap<>(Role.class);

	/** The organisation of everyone signed in (but the administrator). */
	private TestData.Organisation organisation;

	/** Another organisation, with rows of its own that nobody here may see. */
	private TestData.Organisation otherOrganisation;

	/** A third organisation, to which the other one's consents and referrals go. */
	private TestData.Organisation thirdOrganisation;

	/**
	 * A region of the other organisation's districts (none of the caller's): its partners
	 * are out of the caller's sight.
	 */
	private UUID otherRegion;

	/** Rows that reads use; every write gets fresh ones. */
	private final Map<Tenancy, Rows> rows = new EnumMap<>(Tenancy.class);

	/**
	 * A region of its own for every request that names one: administrators' requests may
	 * change and remove it.
	 */
	/** A deputy (issue 15) for the rows' trajectory, made for each request. */
	private UUID deputy(Rows rows) {
		UUID id = UUID.randomUUID();
		this.data.inScope(
				TenantScope.Scope
					.system(Set.of(this.organisation.id(), this.otherOrganisation.id(), this.thirdOrganisation.id())),
				(sql) -> sql.sql("""
						insert into trajectory_deputy (id, organisation_id, household_id, trajectory_id, deputy_id,
						  from_date, until_date)
						select :id, t.organisation_id, t.household_id, t.id, :deputy, current_date, current_date + 5
						from trajectory t where t.id = :trajectory""")
					.param("id", id)
					.param("trajectory", rows.trajectory())
					.param("deputy", this.people.get(Role.PROFESSIONAL).id())
					.update());
		return id;
	}

	private UUID freshRegion() {
		UUID id = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())), (sql) -> {
			sql.sql("insert into region (id, name) values (:id, :name)")
				.param("id", id)
				.param("name", TestData.unique("Regio"))
				.update();
			return sql.sql("insert into region_district (region_id, name) values (:id, :name)")
				.param("id", id)
				.param("name", TestData.unique("Wijk"))
				.update();
		});
		return id;
	}

	/**
	 * privacy (issue 17): the open erasure request of the rows' household, requested by
	 * another person than the coordinator who approves it.
	 */
	private UUID erasureRequest(Rows rows) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(rows.organisation().id())), (sql) -> {
			java.util.Optional<UUID> open = sql
				.sql("select id from erasure_request where household_id = :household and status = 'REQUESTED'")
				.param("household", rows.household())
				.query(UUID.class)
				.optional();
			if (open.isPresent()) {
				return open.get();
			}
			UUID id = UUID.randomUUID();
			sql.sql("""
					insert into erasure_request (id, organisation_id, household_id, reason, requested_by, status)
					values (:id, :org, :household, 'SUBJECT_REQUEST', :by, 'REQUESTED')""")
				.param("id", id)
				.param("org", rows.organisation().id())
				.param("household", rows.household())
				.param("by", this.spareAccount)
				.update();
			return id;
		});
	}

	/** An account that administrators' requests may deactivate. */
	private UUID spareAccount;

	@BeforeAll
	void signInOnePersonOfEveryRole() throws Exception {
		this.organisation = this.data.organisation();
		this.otherOrganisation = this.data.organisation();
		this.thirdOrganisation = this.data.organisation();
		this.otherRegion = UUID.randomUUID();
		String district = TestData.unique("Wijk");
		this.data.inScope(TenantScope.Scope.system(Set.of(this.otherOrganisation.id())), (sql) -> {
			sql.sql("insert into region (id, name) values (:id, :name)")
				.param("id", this.otherRegion)
				.param("name", TestData.unique("Regio"))
				.update();
			sql.sql("insert into region_district (region_id, name) values (:id, :name)")
				.param("id", this.otherRegion)
				.param("name", district)
				.update();
			return sql
				.sql("""
						insert into organisation_district (organisation_id, position, name)
						select :org, coalesce(max(position), -1) + 1, :name from organisation_district where organisation_id = :org""")
				.param("org", this.otherOrganisation.id())
				.param("name", district)
				.update();
		});
		for (Role role : Role.values()) {
			TestData.Person person = this.data.person((role == Role.ADMINISTRATOR) ? null : this.organisation, role);
			this.people.put(role, person);
			this.sessions.put(role, TestData.signIn(this.mvc, person));
		}
		this.spareAccount = this.data.person(this.organisation, Role.PROFESSIONAL).id();
		this.rows.put(Tenancy.OWN, rows(Tenancy.OWN));
		this.rows.put(Tenancy.OTHER, rows(Tenancy.OTHER));
		this.rows.put(Tenancy.SHARED, rows(Tenancy.SHARED));
		this.rows.put(Tenancy.UNKNOWN,
				new Rows(this.organisation, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
						UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
						UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
						UUID.randomUUID(), UUID.randomUUID(), this.otherOrganisation, UUID.randomUUID(),
						UUID.randomUUID()));
	}

	@Test
	void everyEndpointIsInTheMatrix() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("ANY");
			}
			for (String pattern : info.getPatternValues()) {
				methods.forEach((method) -> mapped.add(method + " " + pattern));
			}
		}
		Set<String> listed = new TreeSet<>();
		MATRIX.forEach((rule) -> listed.add(rule.method() + " " + rule.path()));
		assertThat(mapped).as("endpoints without a line in the authorization matrix").isSubsetOf(listed);
		assertThat(listed).as("lines in the matrix without an endpoint").isSubsetOf(mapped);
	}

	@Test
	void everyPathVariableNamesARowTheMatrixKnows() {
		for (Rule rule : MATRIX) {
			for (Tenancy tenancy : rule.tenancies()) {
				assertThat(path(rule, this.rows.getOrDefault(tenancy, this.rows.get(Tenancy.OWN))))
					.as("%s %s: which row does each variable name?", rule.method(), rule.path())
					.doesNotContain("{");
			}
		}
	}

	@TestFactory
	Stream<DynamicTest> everyRoleReachesExactlyWhatTheMatrixAllows() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Rule rule : MATRIX) {
			tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.path() + " without signing in",
					() -> assertAnonymous(rule)));
			for (Role role : Role.values()) {
				boolean allowed = rule.roles() == null || rule.roles().contains(role);
				for (Tenancy tenancy : rule.tenancies()) {
					Outcome outcome = tenancy.outcome(rule, allowed);
					tests.add(
							DynamicTest.dynamicTest(
									rule.method() + " " + rule.path() + " as " + role + tenancy.description() + " "
											+ outcome.description(),
									() -> assertForRole(rule, role, tenancy, outcome)));
				}
			}
		}
		return tests.stream();
	}

	private void assertAnonymous(Rule rule) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request(rule, this.rows.get(Tenancy.OWN), null))
			.andReturn()
			.getResponse();
		if (rule.roles() == null) {
			assertThat(response.getStatus()).isNotIn(401, 403);
			assertThat(response.getRedirectedUrl()).as("redirect")
				.satisfiesAnyOf((url) -> assertThat(url).isNull(), (url) -> assertThat(url).doesNotEndWith("/login"));
		}
		else if (rule.path().startsWith("/api/")) {
			assertThat(response.getStatus()).isEqualTo(401);
			assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		else {
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).endsWith("/login");
		}
	}

	private void assertForRole(Rule rule, Role role, Tenancy tenancy, Outcome outcome) throws Exception {
		Rows rows = rowsFor(rule, tenancy, outcome);
		int successesBefore = (outcome == Outcome.NOT_FOUND) ? successesOn(rows) : 0;
		MockHttpServletResponse response = this.mvc.perform(request(rule, rows, this.sessions.get(role)))
			.andReturn()
			.getResponse();
		int status = response.getStatus();
		String described = "status of " + rule.method() + " " + path(rule, rows) + ": " + abbreviated(response);
		switch (outcome) {
			case ALLOWED -> {
				if ("/error".equals(rule.path())) {
					// The error page answers with the status of the error it shows.
					assertThat(status).as(described).isEqualTo(404);
				}
				else if (rule.refused()) {
					// reached the form, which shows its errors (issue 18)
					assertThat(status).as(described).isEqualTo(400);
					assertThat(response.getContentAsString()).as(described).contains("id=\"error-summary\"");
				}
				else {
					assertThat(status).as(described).isBetween(200, 399);
				}
			}
			case NOT_FOUND -> {
				assertThat(status).as(described).isEqualTo(404);
				assertThat(successesOn(rows) - successesBefore)
					.as("access-trail rows written as a success for %s %s", rule.method(), rule.path())
					.isZero();
			}
			case REFUSED -> assertThat(status).as(described).isEqualTo(403);
		}
	}

	/** Trail rows with outcome SUCCESS about any of these rows, in any organisation. */
	private int successesOn(Rows rows) {
		List<UUID> ids = List.of(rows.household(), rows.trajectory(), rows.member(), rows.child(), rows.helpQuestion(),
				rows.goal(), rows.action(), rows.obligation(), rows.debt(), rows.snapshot(), rows.contact(),
				rows.partner(), rows.consent(), rows.referral(), rows.agency(), rows.agencyIssue(),
				rows.meldcodeCase());
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id(), this.otherOrganisation.id())),
				(sql) -> sql.sql("select count(*) from access_trail where outcome = 'SUCCESS' and subject_id in (:ids)")
					.param("ids", ids)
					.query(Integer.class)
					.single());
	}

	private static String abbreviated(MockHttpServletResponse response) throws Exception {
		String body = response.getContentAsString();
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

	/**
	 * The rows a request works on: the shared ones for a read, fresh ones for an allowed
	 * write (of one's own organisation; another organisation's rows must stay out of
	 * reach anyway).
	 */
	private Rows rowsFor(Rule rule, Tenancy tenancy, Outcome outcome) {
		Tenancy whose = (tenancy == Tenancy.NONE) ? Tenancy.OWN : tenancy;
		if (outcome != Outcome.ALLOWED) {
			return this.rows.get(whose);
		}
		if (rule.writes() && whose == Tenancy.OWN) {
			Rows fresh = rows(Tenancy.OWN);
			if (rule.path().endsWith("/reopening")) {
				// Only a closed household is reopened (issue 15).
				this.data.inScope(TenantScope.Scope.system(Set.of(fresh.organisation().id())), (sql) -> sql.sql("""
						update household set closed_on = current_date - 10, closing_reason = 'Vertrokken', version = 0
						where id = :household""").param("household", fresh.household()).update());
			}
			return fresh;
		}
		if (whose == Tenancy.SHARED && rule.path().matches(RECEIVED_REFERRAL)) {
			// Reading a received referral is a success in the trail: not on the rows that
			// the other requests must leave without one.
			return rows(Tenancy.SHARED);
		}
		return this.rows.get(whose);
	}

	private MockHttpServletRequestBuilder request(Rule rule, Rows rows, MockHttpSession session) {
		HttpMethod method = "ANY".equals(rule.method()) ? HttpMethod.GET : HttpMethod.valueOf(rule.method());
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(method, path(rule, rows)).with(csrf());
		if (method != HttpMethod.GET) {
			if (rule.path().startsWith("/api/")) {
				String body = (rule.body() != null) ? filledIn(rule.body(), rows) : "{}";
				if (body.contains("{totpCode}")) {
					body = body.replace("{totpCode}", TotpCodes.startAndCompute(this.mvc, session));
				}
				builder.contentType(rule.contentType()).content(body);
			}
			else {
				builder.contentType(MediaType.APPLICATION_FORM_URLENCODED);
			}
		}
		rule.form().forEach((name, value) -> builder.param(name, filledIn(value, rows)));
		if ("/error".equals(rule.path())) {
			// What the servlet container forwards to the error page.
			builder.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404);
		}
		if (session != null) {
			builder.session(session);
		}
		return builder;
	}

	/**
	 * The path with every variable replaced by the id of the row it names. A variable the
	 * matrix does not know stays as it is (and
	 * {@link #everyPathVariableNamesARowTheMatrixKnows} fails): add it to
	 * {@link #variables}.
	 */
	private String path(Rule rule, Rows rows) {
		String path = rule.path();
		for (Map.Entry<String, Function<Rows, Object>> variable : variables(rule.path()).entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", String.valueOf(variable.getValue().apply(rows)));
		}
		return path;
	}

	/**
	 * A body or form field with the rows it names: {@code {consentId}},
	 * {@code {recipientCode}} (the organisation the rows' consent names),
	 * {@code {ownCode}} and {@code {professionalId}} (of the caller's organisation),
	 * {@code {frameworkCode}}, {@code {organisationCode}} and {@code {email}} (codes and
	 * an e-mail address nobody has taken).
	 */
	private String filledIn(String body, Rows rows) {
		return body.replace("{consentId}", rows.consent().toString())
			.replace("{dangerKey}", rows.dangerKey().toString())
			.replace("{recipientCode}", rows.recipient().code())
			.replace("{ownCode}", this.organisation.code())
			.replace("{regionName}", TestData.unique("Regio"))
			.replace("{organisationCode}", "MX" + TestData.unique(""))
			.replace("{email}", TestData.unique("matrix").toLowerCase(java.util.Locale.ROOT) + "@matrix.example")
			.replace("{frameworkCode}",
					"MX" + java.util.UUID.randomUUID()
						.toString()
						.replace("-", "")
						.substring(0, 12)
						.toUpperCase(java.util.Locale.ROOT))
			.replace("{trajectoryId}", rows.trajectory().toString())
			.replace("{coordinatorId}", this.people.get(Role.COORDINATOR).id().toString())
			.replace("{professionalId}", this.people.get(Role.PROFESSIONAL).id().toString());
	}

	/** What each path variable names, for this path. */
	private Map<String, Function<Rows, Object>> variables(String path) {
		Map<String, Function<Rows, Object>> variables = new LinkedHashMap<>();
		variables.put("householdId", Rows::household);
		variables.put("trajectoryId", Rows::trajectory);
		variables.put("memberId", Rows::member);
		variables.put("snapshotId", Rows::snapshot);
		variables.put("contactId", Rows::contact);
		if (path.contains("{deputyId}")) {
			variables.put("deputyId", this::deputy);
		}
		variables.put("accountId", (rows) -> this.people.get(Role.PROFESSIONAL).id());
		// privacy (issue 17): a member by her reference in the household document
		variables.put("ref", (rows) -> "M1");
		if (path.contains("/frameworks/")) {
			variables.put("code", (rows) -> "MONITOR");
		}
		else {
			variables.put("code", (rows) -> this.organisation.code());
		}
		Function<Rows, Object> id = null;
		if (path.matches("(/api/v1)?/households/\\{id\\}.*")) {
			id = Rows::household;
		}
		else if (path.matches("(/api/v1)?/help-questions/\\{id\\}.*")) {
			id = Rows::helpQuestion;
		}
		else if (path.matches("(/plan|/api/v1)/goals/\\{id\\}.*")) {
			id = Rows::goal;
		}
		else if (path.matches("(/plan|/api/v1)/actions/\\{id\\}.*")) {
			id = Rows::action;
		}
		else if (path.matches("(/api/v1)?/obligations/\\{id\\}.*")) {
			id = Rows::obligation;
		}
		else if (path.matches("(/api/v1)?/debts/\\{id\\}.*")) {
			id = Rows::debt;
		}
		else if (path.matches("(/api/v1)?/partners/\\{id\\}.*")) {
			id = Rows::partner;
		}
		else if (path.matches("(/api/v1)?/consents/\\{id\\}.*")) {
			id = Rows::consent;
		}
		else if (path.matches("(/api/v1)?/referrals/\\{id\\}.*")) {
			id = Rows::referral;
		}
		else if (path.matches("(/api/v1)?/agencies/\\{id\\}.*")) {
			id = Rows::agency;
		}
		else if (path.matches("(/api/v1)?/agency-issues/\\{id\\}.*")) {
			id = Rows::agencyIssue;
		}
		else if (path.matches("(/api/v1)?/meldcode-cases/\\{id\\}.*")) {
			id = Rows::meldcodeCase;
		}
		else if (path.matches("(/admin|/api/v1)/users/\\{id\\}.*")) {
			id = (rows) -> this.spareAccount;
		}
		else if (path.matches("(/admin|/api/v1)/regions/\\{id\\}.*")) {
			id = (rows) -> freshRegion();
		}
		else if (path.matches("(/api/v1)?/erasure-requests/\\{id\\}.*")) {
			id = this::erasureRequest;
		}
		if (id != null) {
			variables.put("id", id);
		}
		return variables;
	}

	/**
	 * Variables that name a row of an organisation: such a path is tried as own and
	 * other.
	 */
	/** The paths of a referral that its receiver reads. */
	static final String RECEIVED_REFERRAL = "(/api/v1)?/referrals/\\{id\\}";

	static final Set<String> TENANT_VARIABLES = Set.of("{householdId}", "{trajectoryId}", "{memberId}", "{snapshotId}",
			"{contactId}");

	/**
	 * A household with a mother and a child, a running trajectory (with the volunteer as
	 * a buddy on it, for the organisation's own rows), a help question, a goal with an
	 * action, an obligation, a debt and a network snapshot of the mother with one
	 * contact.
	 */
	private Rows rows(Tenancy tenancy) {
		TestData.Organisation owner = (tenancy == Tenancy.OTHER || tenancy == Tenancy.SHARED) ? this.otherOrganisation
				: this.organisation;
		TestData.Organisation recipient = switch (tenancy) {
			case OTHER -> this.thirdOrganisation;
			case SHARED -> this.organisation;
			default -> this.otherOrganisation;
		};
		Rows rows = new Rows(owner, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), recipient, UUID.randomUUID(), UUID.randomUUID());
		UUID buddy = (tenancy == Tenancy.OWN) ? this.people.get(Role.VOLUNTEER).id() : null;
		this.data.inScope(TenantScope.Scope.system(Set.of(owner.id())), (sql) -> {
			Function<String, org.springframework.jdbc.core.simple.JdbcClient.StatementSpec> statement = (text) -> sql
				.sql(text)
				.param("org", owner.id())
				.param("household", rows.household())
				.param("trajectory", rows.trajectory())
				.param("member", rows.member())
				.param("child", rows.child())
				.param("question", rows.helpQuestion())
				.param("goal", rows.goal())
				.param("action", rows.action())
				.param("obligation", rows.obligation())
				.param("debt", rows.debt())
				.param("snapshot", rows.snapshot())
				.param("contact", rows.contact())
				.param("partner", rows.partner())
				.param("consent", rows.consent())
				.param("referral", rows.referral())
				.param("agency", rows.agency())
				.param("issue", rows.agencyIssue())
				.param("recipient", recipient.id())
				.param("dangerKey", rows.dangerKey())
				.param("meldcodeCase", rows.meldcodeCase())
				.param("author", this.people.get(Role.PROFESSIONAL).id())
				.param("region", (owner == this.otherOrganisation) ? this.otherRegion : null);
			// Every household has a confidential address (for the requests that open it).
			statement.apply("""
					insert into household (id, organisation_id, version, address_encrypted, address_confidential)
					values (:household, :org, 0, :address, true)""")
				.param("address", this.encryption.encrypt("Geheime Gracht 1", "household-address:" + rows.household()))
				.update();
			statement
				.apply("""
						insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact, given_name)
						values (:member, :household, :org, 0, 'M1', 'PARENT', true, 'Moeder'),
						       (:child, :household, :org, 1, 'M2', 'CHILD', false, 'Kind')""")
				.update();
			statement.apply("""
					insert into trajectory (id, household_id, organisation_id, position, kind, start_date, phase_model)
					values (:trajectory, :household, :org, 1, 'INTENSIVE', current_date - 30, 'FLEXIBLE')""").update();
			// An earlier stay that ended: her departure, for the follow-up checks.
			statement
				.apply("""
						insert into trajectory (id, household_id, organisation_id, position, kind, start_date, end_date, phase_model)
						values (gen_random_uuid(), :household, :org, 0, 'INTENSIVE', current_date - 400, current_date - 100,
						  'FLEXIBLE')""")
				.update();
			if (buddy != null) {
				statement.apply("""
						insert into trajectory_staff (trajectory_id, organisation_id, account_id, position)
						values (:trajectory, :org, :buddy, 0)""").param("buddy", buddy).update();
			}
			statement
				.apply("""
						insert into help_question (id, household_id, organisation_id, member_id, framework_code, domain_code,
						  monitor_code, opened_on, status, description, acute)
						values (:question, :household, :org, :member, 'MONITOR', 'FINANCES', 'FINANCES', current_date - 30,
						  'OPEN', 'Huurachterstand', true)""")
				.update();
			statement.apply("""
					insert into plan_goal (id, household_id, organisation_id, member_id, framework_code, domain_code,
					  monitor_code, description, status, set_on)
					values (:goal, :household, :org, :member, 'MONITOR', 'FINANCES', 'FINANCES', 'Overzicht in de post',
					  'ACTIVE', current_date - 20)""").update();
			statement.apply("""
					insert into plan_action (id, goal_id, household_id, organisation_id, description, actor, status)
					values (:action, :goal, :household, :org, 'Samen de post sorteren', 'VOLUNTEER', 'PLANNED')""")
				.update();
			statement.apply("""
					insert into follow_up_rhythm (id, household_id, organisation_id, trajectory_id, rhythm, started_on)
					values (gen_random_uuid(), :household, :org, :trajectory, 'MONTHLY', current_date - 30)""")
				.update();
			statement.apply("""
					insert into obligation (id, household_id, organisation_id, kind, description, status)
					values (:obligation, :household, :org, 'FORM', 'Toeslag aanvragen', 'TO_DO')""").update();
			statement.apply("""
					insert into debt (id, household_id, organisation_id, creditor, amount, status)
					values (:debt, :household, :org, 'Woningcorporatie', 850.00, 'OPEN')""").update();
			statement
				.apply("""
						insert into network_snapshot (id, organisation_id, household_id, member_id, drawn_on, label, version)
						values (:snapshot, :org, :household, :member, current_date - 10, 'intake', 1)""")
				.update();
			statement
				.apply("""
						insert into network_contact (id, snapshot_id, organisation_id, contact_key, position, name, relation,
						  closeness, tie)
						values (:contact, :snapshot, :org, gen_random_uuid(), 0, 'Zus', 'FAMILY', 'INNER', 'STRONG')""")
				.update();
			// The ex-partner, marked as a danger (issue 14: protective orders are against
			// them).
			statement
				.apply("""
						insert into network_contact (id, snapshot_id, organisation_id, contact_key, position, name, relation,
						  closeness, tie, danger)
						values (gen_random_uuid(), :snapshot, :org, :dangerKey, 1, 'Ex', 'EX_PARTNER', 'OUTER', 'WEAK', true)""")
				.update();
			// A partner on the map: for the own organisation one of the whole
			// installation,
			// for another one of a region the caller's organisation has no district in.
			statement.apply("""
					insert into partner (id, region_id, name, kind, domains, kept_by_organisation_id, version)
					values (:partner, :region::uuid, 'Kredietbank', 'DEBT_HELP', array['FINANCES'], :org, 0)""")
				.update();
			statement
				.apply("""
						insert into consent (id, household_id, organisation_id, member_id, recipient_organisation_id, sections,
						  purpose, form, given_on, valid_until)
						values (:consent, :household, :org, :member, :recipient, array['SUMMARY', 'HELP_QUESTIONS'],
						  'Hulp bij schulden', 'WRITTEN', current_date - 30, current_date + 180)""")
				.update();
			statement
				.apply("""
						insert into referral (id, household_id, from_organisation_id, to_organisation_id, consent_id, domain,
						  reason, created_on)
						values (:referral, :household, :org, :recipient, :consent, 'FINANCES', 'Schulden', current_date - 5)""")
				.update();
			statement.apply("""
					insert into referral_event (id, referral_id, organisation_id, sequence, status, on_date)
					values (gen_random_uuid(), :referral, :org, 1, 'SENT', current_date - 5)""").update();
			// A meldcode case about the mother, opened by the professional (issue 14).
			statement.apply("""
					insert into meldcode_case (id, household_id, organisation_id, member_id, concern, opened_on, author)
					values (:meldcodeCase, :household, :org, :member, 'Zorg', current_date - 5, :author)""").update();
			// privacy (issue 17): her subject-access request, reviewed (her safety
			// section, of the
			// meldcode case above, by a meldcode officer too), ready to deliver
			statement.apply("""
					with request as (
					  insert into subject_access_request (id, organisation_id, household_id, member_id, requested_by,
					    reviewed_by, reviewed_at)
					  values (gen_random_uuid(), :org, :household, :member, :requester, :requester, now())
					  returning id)
					insert into subject_access_section_review (request_id, organisation_id, section_key, reviewed_by)
					select id, :org, 'safety', :requester from request""")
				.param("requester", this.spareAccount)
				.update();
			statement.apply("""
					insert into regie_holder (household_id, organisation_id, name, works_at, phone, since)
					values (:household, :org, 'Fatima', 'De Haven', '010 1234567', current_date - 20)""").update();
			statement.apply("""
					insert into agency_involved (id, household_id, organisation_id, kind, name)
					values (:agency, :household, :org, 'BENEFITS', 'Gemeente')""").update();
			statement
				.apply("""
						insert into agency_issue (id, agency_id, household_id, organisation_id, kind, description, noticed_on,
						  status)
						values (:issue, :agency, :household, :org, 'ERROR', 'Toeslag te laag', current_date - 10, 'OPEN')""")
				.update();
			return null;
		});
		return rows;
	}

	/**
	 * Whose row a path names, seen from the caller.
	 */
	enum Tenancy {

		/** The path names no row of an organisation (or one the role works across). */
		NONE(""),

		/** A row of the caller's own organisation. */
		OWN(" with an own row"),

		/** A row of another organisation: as unknown as an id that names nothing. */
		OTHER(" with another organisation's row"),

		/** An id that names no row at all. */
		UNKNOWN(" with an unknown id"),

		/**
		 * A row of another organisation that shares the household with the caller's by
		 * consent and a referral: the receiver reads the referral (and through it what
		 * was consented), nothing else.
		 */
		SHARED(" with a row shared by referral");

		private final String description;

		Tenancy(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

		Outcome outcome(Rule rule, boolean allowed) {
			if (!allowed) {
				return Outcome.REFUSED;
			}
			if (this == SHARED) {
				return rule.path().matches(RECEIVED_REFERRAL) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
			}
			return (this == OWN || this == NONE) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
		}

	}

	enum Outcome {

		ALLOWED("is allowed"), NOT_FOUND("is not found"), REFUSED("is refused");

		private final String description;

		Outcome(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

	/**
	 * @param recipient the organisation the consent and the referral name (never the
	 * caller's)
	 * @param dangerKey the network key of the mother's danger-marked ex-partner
	 * @param meldcodeCase a meldcode case about the mother, by the professional
	 */
	record Rows(TestData.Organisation organisation, UUID household, UUID trajectory, UUID member, UUID child,
			UUID helpQuestion, UUID goal, UUID action, UUID obligation, UUID debt, UUID snapshot, UUID contact,
			UUID partner, UUID consent, UUID referral, UUID agency, UUID agencyIssue, TestData.Organisation recipient,
			UUID dangerKey, UUID meldcodeCase) {
	}

	/**
	 * @param form the form fields of a page's write, or the query of an API call (none:
	 * what an empty form sends)
	 * @param contentType the type of an API write's body
	 * @param body the body of an API write ({@code null}: an empty JSON object)
	 * @param refused whether the write is sent as an empty form that the page refuses:
	 * who may use it gets the form back with its errors (400 and the error summary),
	 * since a valid one would change what other checks rely on (the matrix's own
	 * organisation, the caller's password)
	 */
	record Rule(String method, String path, Set<Role> roles, Map<String, String> form, String contentType, String body,
			boolean refused) {

		static Rule of(String method, String path, Set<Role> roles) {
			return new Rule(method, path, roles, Map.of(), MediaType.APPLICATION_JSON_VALUE, null, false);
		}

		static Rule open(String method, String path) {
			return new Rule(method, path, null, Map.of(), MediaType.APPLICATION_JSON_VALUE, null, false);
		}

		Rule form(Map<String, String> fields) {
			return new Rule(this.method, this.path, this.roles, fields, this.contentType, this.body, this.refused);
		}

		/** Sent as an empty form, which those allowed get back refused (400). */
		Rule refusedForm() {
			return new Rule(this.method, this.path, this.roles, this.form, this.contentType, this.body, true);
		}

		/** A JSON body that the endpoint accepts for fresh rows. */
		Rule json(String json) {
			return body(MediaType.APPLICATION_JSON_VALUE, json);
		}

		Rule body(String type, String content) {
			return new Rule(this.method, this.path, this.roles, this.form, type, content, this.refused);
		}

		boolean writes() {
			return !"GET".equals(this.method) && !"ANY".equals(this.method);
		}

		/**
		 * Own, other and unknown for a path that names a row of an organisation, else
		 * none.
		 */
		Set<Tenancy> tenancies() {
			boolean tenant = TENANT_VARIABLES.stream().anyMatch(this.path::contains)
					|| (this.path.contains("{id}") && !this.path.matches("(/admin|/api/v1)/(users|regions)/.*"));
			if (!tenant) {
				return EnumSet.of(Tenancy.NONE);
			}
			// The receiver's own work on a referral (events, the letter) is
			// CooperationApiTests' and CooperationWebTests'.
			return this.path.matches("(/api/v1)?/referrals/\\{id\\}/.+")
					? EnumSet.of(Tenancy.OWN, Tenancy.OTHER, Tenancy.UNKNOWN)
					: EnumSet.of(Tenancy.OWN, Tenancy.OTHER, Tenancy.UNKNOWN, Tenancy.SHARED);
		}

	}

	// ---- Spring Security's own endpoints (issue 17): its filters serve them, no
	// controller

	/**
	 * Who reaches the endpoints that Spring Security's filters serve (passkeys, the
	 * organisation's identity provider), by everyone: nobody signed in, half signed in (a
	 * right password, the second step pending: {@link Client#CODE} for an account with a
	 * factor, {@link Client#ENROL} for one that must enrol), and every role signed in. A
	 * filter of the chain that is not classified in {@link #FILTERS} fails the build, as
	 * an endpoint missing from {@link #MATRIX} does.
	 */
	static final List<FilterRule> FILTER_MATRIX = List.of(
	// @formatter:off
			// a passkey's registration: anyone signed in, or who must enrol; never
			// before the second step
			// (Spring Security's options filter comes before the authorization: nobody
			// signed in gets a 400 without options)
			FilterRule.of("POST", "/webauthn/register/options")
				.expect(Client.ANONYMOUS, Expect.NO_OPTIONS).expect(Client.CODE, Expect.SECOND_STEP)
				.expect(Client.ENROL, Expect.OK).signedIn(Expect.OK),
			FilterRule.of("POST", "/webauthn/register")
				.expect(Client.ANONYMOUS, Expect.LOGIN).expect(Client.CODE, Expect.SECOND_STEP)
				.expect(Client.ENROL, Expect.OK).signedIn(Expect.OK),
			// removing one's own passkey; another account's stays (FilterMatrix#credentialOfAnother)
			FilterRule.of("DELETE", "/webauthn/register/{credentialId}")
				.expect(Client.ANONYMOUS, Expect.LOGIN).expect(Client.CODE, Expect.SECOND_STEP)
				.expect(Client.ENROL, Expect.ENROLMENT).signedIn(Expect.OK),
			// the passkey as the second step: options for anyone (a challenge naming no
			// credential), a sign-in only after a right password
			FilterRule.of("POST", "/webauthn/authenticate/options")
				.expect(Client.ANONYMOUS, Expect.OK).expect(Client.CODE, Expect.OK)
				.expect(Client.ENROL, Expect.ENROLMENT).signedIn(Expect.OK),
			FilterRule.of("POST", "/login/webauthn")
				.expect(Client.ANONYMOUS, Expect.UNAUTHORIZED).expect(Client.CODE, Expect.OK)
				.expect(Client.ENROL, Expect.UNAUTHORIZED).signedIn(Expect.UNAUTHORIZED),
			// the organisation's identity provider (its filters come before the second
			// step's gate): an organisation without one is sent back to the sign-in page
			// with a message, whoever asks; the whole flow is IdentityProviderSignInTests'
			FilterRule.of("GET", "/oauth2/authorization/{registrationId}")
				.expect(Client.ANONYMOUS, Expect.LOGIN_ERROR).expect(Client.CODE, Expect.LOGIN_ERROR)
				.expect(Client.ENROL, Expect.LOGIN_ERROR).signedIn(Expect.LOGIN_ERROR),
			FilterRule.of("GET", "/login/oauth2/code/{registrationId}")
				.expect(Client.ANONYMOUS, Expect.LOGIN_ERROR).expect(Client.CODE, Expect.LOGIN_ERROR)
				.expect(Client.ENROL, Expect.LOGIN_ERROR).signedIn(Expect.LOGIN_ERROR)
	// @formatter:on
	);

	/**
	 * The filters of the chain: those that serve an endpoint name it (it must be in
	 * {@link #FILTER_MATRIX}); the others serve none.
	 */
	static final Map<String, List<String>> FILTERS = Map.ofEntries(
			Map.entry("PublicKeyCredentialCreationOptionsFilter", List.of("POST /webauthn/register/options")),
			Map.entry("WebAuthnRegistrationFilter",
					List.of("POST /webauthn/register", "DELETE /webauthn/register/{credentialId}")),
			Map.entry("PublicKeyCredentialRequestOptionsFilter", List.of("POST /webauthn/authenticate/options")),
			Map.entry("WebAuthnAuthenticationFilter", List.of("POST /login/webauthn")),
			Map.entry("OAuth2AuthorizationRequestRedirectFilter",
					List.of("GET /oauth2/authorization/{registrationId}")),
			Map.entry("OAuth2LoginAuthenticationFilter", List.of("GET /login/oauth2/code/{registrationId}")),
			// the form sign-in and sign-out: POST /login and POST /logout, whose pages
			// (GET /login) are in MATRIX; SignInTests and TwoNodesTests test them
			Map.entry("UsernamePasswordAuthenticationFilter", List.of()), Map.entry("LogoutFilter", List.of()),
			// these serve no endpoint of their own
			Map.entry("DisableEncodeUrlFilter", List.of()), Map.entry("WebAsyncManagerIntegrationFilter", List.of()),
			Map.entry("SecurityContextHolderFilter", List.of()), Map.entry("HeaderWriterFilter", List.of()),
			Map.entry("CsrfFilter", List.of()), Map.entry("RequestCacheAwareFilter", List.of()),
			Map.entry("SecurityContextHolderAwareRequestFilter", List.of()),
			Map.entry("AnonymousAuthenticationFilter", List.of()), Map.entry("SessionManagementFilter", List.of()),
			Map.entry("ExceptionTranslationFilter", List.of()), Map.entry("AuthorizationFilter", List.of()),
			Map.entry("SessionTimeoutFilter", List.of()), Map.entry("CsrfCookieFilter", List.of()),
			Map.entry("SecondFactorGate", List.of()), Map.entry("DeniedAttempts", List.of()),
			Map.entry("PasskeySignIn$1", List.of()), Map.entry("PasskeyRegistrationErrors", List.of()),
			Map.entry("CorsFilter", List.of()));

	@Autowired
	private org.springframework.security.web.FilterChainProxy filterChains;

	@Test
	void everyFilterThatServesAnEndpointIsInTheMatrix() {
		Set<String> served = new TreeSet<>();
		for (org.springframework.security.web.SecurityFilterChain chain : this.filterChains.getFilterChains()) {
			for (jakarta.servlet.Filter filter : chain.getFilters()) {
				String name = filter.getClass().getName().substring(filter.getClass().getName().lastIndexOf('.') + 1);
				assertThat(FILTERS).as("a filter of the security chain that the matrix does not know: %s", name)
					.containsKey(name);
				served.addAll(FILTERS.get(name));
			}
		}
		Set<String> listed = new TreeSet<>();
		FILTER_MATRIX.forEach((rule) -> listed.add(rule.method() + " " + rule.path()));
		assertThat(listed).isEqualTo(served);
	}

	@TestFactory
	Stream<DynamicTest> everyClientReachesExactlyWhatTheFilterEndpointsAllow() {
		List<DynamicTest> tests = new ArrayList<>();
		for (FilterRule rule : FILTER_MATRIX) {
			for (Client client : Client.values()) {
				Expect expect = rule.expected().get(client);
				tests.add(DynamicTest.dynamicTest(
						rule.method() + " " + rule.path() + " " + client.description() + " " + expect.description(),
						() -> assertFilterEndpoint(rule, client, expect)));
			}
		}
		tests.add(DynamicTest.dynamicTest("DELETE /webauthn/register/{credentialId} of another account leaves it",
				this::anotherAccountsPasskeyStays));
		return tests.stream();
	}

	private void assertFilterEndpoint(FilterRule rule, Client client, Expect expect) throws Exception {
		FilterClient caller = filterClient(client);
		MockHttpServletRequestBuilder request = filterRequest(rule, caller);
		org.springframework.test.web.servlet.MvcResult result = this.mvc.perform(request).andReturn();
		MockHttpServletResponse response = result.getResponse();
		String described = rule.method() + " " + rule.path() + " " + client.description() + ": " + response.getStatus()
				+ " " + response.getRedirectedUrl() + " " + abbreviated(response);
		assertThat(response.getStatus()).as(described).isLessThan(500);
		switch (expect) {
			case OK -> assertThat(response.getStatus()).as(described).isBetween(200, 299);
			case LOGIN -> {
				assertThat(response.getStatus()).as(described).isEqualTo(302);
				assertThat(response.getRedirectedUrl()).as(described).endsWith("/login");
			}
			case LOGIN_ERROR -> {
				assertThat(response.getStatus()).as(described).isEqualTo(302);
				assertThat(response.getRedirectedUrl()).as(described).contains("/login?");
			}
			case SECOND_STEP -> {
				assertThat(response.getStatus()).as(described).isEqualTo(302);
				assertThat(response.getRedirectedUrl()).as(described).endsWith("/login/second-factor");
			}
			case ENROLMENT -> {
				assertThat(response.getStatus()).as(described).isEqualTo(302);
				assertThat(response.getRedirectedUrl()).as(described).endsWith("/account/factors");
			}
			case UNAUTHORIZED -> assertThat(response.getStatus()).as(described).isEqualTo(401);
			case NO_OPTIONS -> {
				assertThat(response.getStatus()).as(described).isEqualTo(400);
				assertThat(response.getContentAsString()).as(described).doesNotContain("challenge");
			}
		}
		if (rule.path().equals("/webauthn/authenticate/options") && expect == Expect.OK
				&& (client == Client.ANONYMOUS || client == Client.ENROL)) {
			assertThat(response.getContentAsString()).as("no credential named: " + described)
				.contains("\"allowCredentials\":[]");
		}
		if (rule.path().equals("/login/webauthn") && caller.session() != null) {
			// a passkey completes only the second step of the account whose password was
			// right: whoever else sends one is not (or no longer) signed in
			MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
			int me = this.mvc
				.perform(MockMvcRequestBuilders.get("/api/v1/me")
					.session((after != null && !after.isInvalid()) ? after : caller.session()))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(me).as("signed in after %s", described).isEqualTo((expect == Expect.OK) ? 200 : 401);
		}
		if (rule.method().equals("DELETE") && expect == Expect.OK) {
			assertThat(this.credentials.findByCredentialId(org.springframework.security.web.webauthn.api.Bytes
				.fromBase64(caller.authenticator().credentialId()))).as("removed").isNull();
		}
	}

	private void anotherAccountsPasskeyStays() throws Exception {
		FilterClient owner = filterClient(Client.COORDINATOR);
		FilterClient other = filterClient(Client.PROFESSIONAL);
		MockHttpServletResponse response = this.mvc
			.perform(MockMvcRequestBuilders.delete("/webauthn/register/" + owner.authenticator().credentialId())
				.with(csrf())
				.session(other.session()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(abbreviated(response)).isIn(403, 404);
		assertThat(this.credentials.findByCredentialId(
				org.springframework.security.web.webauthn.api.Bytes.fromBase64(owner.authenticator().credentialId())))
			.isNotNull();
	}

	@Autowired
	private org.springframework.security.web.webauthn.management.UserCredentialRepository credentials;

	/**
	 * A client of the filter matrix, in a session of its own (a passkey's sign-in ends a
	 * session that did not ask for it): every signed-in role and the half-signed-in
	 * {@code CODE} client have a passkey of a {@link TestAuthenticator}; the
	 * {@code ENROL} client's organisation requires a second factor it has not enrolled.
	 */
	private FilterClient filterClient(Client client) throws Exception {
		if (client == Client.ANONYMOUS) {
			return new FilterClient(null, new TestAuthenticator());
		}
		if (client == Client.ENROL) {
			TestData.Organisation requiring = this.data.organisation();
			this.data.inScope(TenantScope.Scope.system(Set.of(requiring.id())),
					(sql) -> sql.sql("update organisation set second_factor = 'REQUIRED' where id = :id")
						.param("id", requiring.id())
						.update());
			TestData.Person person = this.data.person(requiring, Role.PROFESSIONAL);
			return new FilterClient(passwordOnly(person, "/account/factors"), new TestAuthenticator());
		}
		Role role = (client == Client.CODE) ? Role.PROFESSIONAL : Role.valueOf(client.name());
		TestData.Person person = this.data.person((role == Role.ADMINISTRATOR) ? null : this.organisation, role);
		MockHttpSession session = TestData.signIn(this.mvc, person);
		TestAuthenticator authenticator = new TestAuthenticator();
		registerPasskey(session, authenticator);
		if (client == Client.CODE) {
			session = passwordOnly(person, "/login/second-factor");
		}
		return new FilterClient(session, authenticator);
	}

	private MockHttpSession passwordOnly(TestData.Person person, String next) throws Exception {
		org.springframework.test.web.servlet.MvcResult result = this.mvc
			.perform(MockMvcRequestBuilders.post("/login")
				.param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(next);
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private void registerPasskey(MockHttpSession session, TestAuthenticator authenticator) throws Exception {
		String options = this.mvc
			.perform(MockMvcRequestBuilders.post("/webauthn/register/options").with(csrf()).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		tools.jackson.databind.JsonNode json = new tools.jackson.databind.ObjectMapper().readTree(options);
		MockHttpServletResponse registered = this.mvc
			.perform(MockMvcRequestBuilders.post("/webauthn/register")
				.with(csrf())
				.session(session)
				.contentType(MediaType.APPLICATION_JSON)
				.content(authenticator.register(json.get("challenge").stringValue(),
						json.get("user").get("id").stringValue(), "Matrix")))
			.andReturn()
			.getResponse();
		assertThat(registered.getStatus()).as(registered.getContentAsString()).isEqualTo(200);
	}

	/**
	 * The request of a rule for a client: the ceremonies with real options and answers of
	 * the client's own authenticator, where the client may get options.
	 */
	private MockHttpServletRequestBuilder filterRequest(FilterRule rule, FilterClient caller) throws Exception {
		MockHttpServletRequestBuilder request;
		String path = rule.path()
			.replace("{credentialId}", caller.authenticator().credentialId())
			.replace("{registrationId}", this.organisation.code().toLowerCase(java.util.Locale.ROOT));
		if (rule.path().equals("/webauthn/register")) {
			tools.jackson.databind.JsonNode options = options(caller, "/webauthn/register/options");
			// a new passkey (the client's own is registered already)
			String body = (options != null)
					? new TestAuthenticator().register(options.get("challenge").stringValue(),
							options.get("user").get("id").stringValue(), "Matrix")
					: new TestAuthenticator().register("AAAA", "AAAA", "Matrix");
			request = MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(body);
		}
		else if (rule.path().equals("/login/webauthn")) {
			tools.jackson.databind.JsonNode options = options(caller, "/webauthn/authenticate/options");
			String body = caller.authenticator()
				.assertion((options != null) ? options.get("challenge").stringValue() : "AAAA");
			request = MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(body);
		}
		else {
			request = MockMvcRequestBuilders.request(HttpMethod.valueOf(rule.method()), path);
			if (!rule.method().equals("GET")) {
				request.contentType(MediaType.APPLICATION_JSON).content("");
			}
		}
		request.with(csrf());
		if (caller.session() != null) {
			request.session(caller.session());
		}
		return request;
	}

	/** The ceremony's options for the client, {@code null} when it gets none. */
	private tools.jackson.databind.JsonNode options(FilterClient caller, String path) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(csrf());
		if (caller.session() != null) {
			request.session(caller.session());
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		return (response.getStatus() == 200)
				? new tools.jackson.databind.ObjectMapper().readTree(response.getContentAsString()) : null;
	}

	/** Who asks a filter endpoint. */
	enum Client {

		ANONYMOUS("without signing in"), CODE("half signed in, the code or passkey pending"),
		ENROL("half signed in, the enrolment pending"), ADMINISTRATOR("as ADMINISTRATOR"),
		COORDINATOR("as COORDINATOR"), PROFESSIONAL("as PROFESSIONAL"), VOLUNTEER("as VOLUNTEER"),
		RESEARCHER("as RESEARCHER");

		private final String description;

		Client(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

	/** What a filter endpoint answers. */
	enum Expect {

		OK("is allowed"), NO_OPTIONS("is refused (400, no options)"), LOGIN("goes to the sign-in page"),
		LOGIN_ERROR("goes to the sign-in page with a message"), SECOND_STEP("goes to the second step"),
		ENROLMENT("goes to the enrolment"), UNAUTHORIZED("is refused (401)");

		private final String description;

		Expect(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

	record FilterClient(MockHttpSession session, TestAuthenticator authenticator) {
	}

	record FilterRule(String method, String path, Map<Client, Expect> expected) {

		static FilterRule of(String method, String path) {
			return new FilterRule(method, path, new EnumMap<>(Client.class));
		}

		FilterRule expect(Client client, Expect expect) {
			Map<Client, Expect> more = new EnumMap<>(this.expected);
			more.put(client, expect);
			return new FilterRule(this.method, this.path, more);
		}

		/** The same for every role signed in. */
		FilterRule signedIn(Expect expect) {
			FilterRule rule = this;
			for (Role role : Role.values()) {
				rule = rule.expect(Client.valueOf(role.name()), expect);
			}
			return rule;
		}

	}

}
