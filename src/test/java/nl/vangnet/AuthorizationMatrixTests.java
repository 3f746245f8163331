package nl.vangnet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import nl.vangnet.platform.staff.Role;
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
 * Every endpoint against every role (and nobody signed in). An endpoint that is not in
 * {@link #MATRIX} fails the build: whoever adds one decides here who may use it.
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
			Rule.of("POST", "/account/password", EVERYONE),
			Rule.of("GET", "/api/v1/me", EVERYONE),
			Rule.of("PUT", "/api/v1/me/password", EVERYONE),
			Rule.of("GET", "/organisation", CLIENT_WORK),
			Rule.of("GET", "/api/v1/households", CLIENT_WORK),
			Rule.of("POST", "/api/v1/households", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}", CLIENT_WORK),
			Rule.of("PUT", "/api/v1/households/{id}", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/confidential-address", CASE_WORK),
			Rule.of("GET", "/caseload", CLIENT_WORK),
			Rule.of("GET", "/households", CASE_WORK),
			Rule.of("POST", "/households", CASE_WORK),
			Rule.of("GET", "/households/new", CASE_WORK),
			Rule.of("GET", "/households/{id}", CLIENT_WORK),
			Rule.of("POST", "/households/{id}", CASE_WORK),
			Rule.of("GET", "/households/{id}/edit", CASE_WORK),
			Rule.of("POST", "/households/{id}/confidential-address", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/phases", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/end", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/staff", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/contact-person", COORDINATOR),
			Rule.of("POST", "/households/{id}/closing", CASE_WORK),
			Rule.of("GET", "/phase-model", COORDINATOR),
			Rule.of("POST", "/phase-model", COORDINATOR),
			Rule.of("GET", "/access-trail", COORDINATOR),
			Rule.of("GET", "/api/v1/access-trail", COORDINATOR),
			Rule.of("GET", "/access-trail/export", COORDINATOR),
			Rule.of("GET", "/api/v1/access-trail/export", COORDINATOR),
			Rule.of("GET", "/admin/sign-ins", ADMIN),
			Rule.of("GET", "/api/v1/sign-ins", ADMIN),
			Rule.of("GET", "/admin/organisations", ADMIN),
			Rule.of("POST", "/admin/organisations", ADMIN),
			Rule.of("GET", "/admin/organisations/new", ADMIN),
			Rule.of("GET", "/admin/organisations/{code}", ADMIN),
			Rule.of("POST", "/admin/organisations/{code}", ADMIN),
			Rule.of("POST", "/admin/organisations/{code}/locations", ADMIN),
			Rule.of("POST", "/admin/organisations/{code}/teams", ADMIN),
			Rule.of("GET", "/api/v1/organisations", ADMIN),
			Rule.of("POST", "/api/v1/organisations", ADMIN),
			Rule.of("GET", "/api/v1/organisations/{code}", ADMIN),
			Rule.of("PUT", "/api/v1/organisations/{code}", ADMIN),
			Rule.of("POST", "/api/v1/organisations/{code}/locations", ADMIN),
			Rule.of("POST", "/api/v1/organisations/{code}/teams", ADMIN),
			Rule.of("GET", "/admin/users", ADMIN),
			Rule.of("POST", "/admin/users", ADMIN),
			Rule.of("GET", "/admin/users/new", ADMIN),
			Rule.of("POST", "/admin/users/{id}/deactivation", ADMIN),
			Rule.of("POST", "/admin/users/{id}/activation", ADMIN),
			Rule.of("GET", "/api/v1/users", ADMIN),
			Rule.of("POST", "/api/v1/users", ADMIN),
			Rule.of("GET", "/api/v1/users/{id}", ADMIN),
			Rule.of("POST", "/api/v1/users/{id}/deactivation", ADMIN),
			Rule.of("POST", "/api/v1/users/{id}/activation", ADMIN),
			Rule.of("GET", "/admin/frameworks", ADMIN),
			Rule.of("GET", "/admin/frameworks/new", ADMIN),
			Rule.of("POST", "/admin/frameworks", ADMIN),
			Rule.of("GET", "/admin/frameworks/{code}", ADMIN),
			Rule.of("GET", "/api/v1/frameworks", EVERYONE),
			Rule.of("POST", "/api/v1/frameworks", ADMIN),
			Rule.of("GET", "/api/v1/frameworks/{code}", EVERYONE),
			Rule.of("GET", "/api/v1/scales", EVERYONE),
			Rule.of("GET", "/api/v1/instruments", EVERYONE),
			Rule.of("GET", "/organisation/framework", COORDINATOR),
			Rule.of("POST", "/organisation/framework", COORDINATOR),
			Rule.of("GET", "/api/v1/organisation/framework", COORDINATOR),
			Rule.of("PUT", "/api/v1/organisation/framework", COORDINATOR),
			// Plan: help questions, the plan and progress (volunteers: the plan of their own families)
			Rule.of("GET", "/households/{id}/help-questions", CASE_WORK),
			Rule.of("POST", "/households/{id}/help-questions", CASE_WORK),
			Rule.of("POST", "/help-questions/{id}", CASE_WORK),
			Rule.of("GET", "/households/{id}/plan", CLIENT_WORK),
			Rule.of("GET", "/households/{id}/plan-summary", CLIENT_WORK),
			Rule.of("POST", "/households/{id}/plan/goals", CASE_WORK),
			Rule.of("POST", "/plan/goals/{id}", CASE_WORK),
			Rule.of("POST", "/plan/goals/{id}/actions", CASE_WORK),
			Rule.of("POST", "/plan/actions/{id}", CASE_WORK),
			Rule.of("POST", "/households/{id}/plan/evaluations", CASE_WORK),
			Rule.of("POST", "/households/{id}/plan/notes", CASE_WORK),
			Rule.of("GET", "/households/{id}/plan/family-copy", CASE_WORK),
			Rule.of("GET", "/households/{id}/plan/family-copy.pdf", CASE_WORK),
			Rule.of("GET", "/households/{id}/progress", CASE_WORK),
			Rule.of("POST", "/households/{id}/progress", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/help-questions", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/help-questions", CASE_WORK),
			Rule.of("GET", "/api/v1/help-questions/{id}", CASE_WORK),
			Rule.of("PUT", "/api/v1/help-questions/{id}", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/plan", CLIENT_WORK),
			Rule.of("POST", "/api/v1/households/{id}/goals", CASE_WORK),
			Rule.of("PUT", "/api/v1/goals/{id}", CASE_WORK),
			Rule.of("POST", "/api/v1/goals/{id}/actions", CASE_WORK),
			Rule.of("PUT", "/api/v1/actions/{id}", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/evaluations", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/notes", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/scores", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/scores", CASE_WORK),
			// network
			Rule.of("GET", "/network/households/{householdId}", CASE_WORK),
			Rule.of("GET", "/network/members/{memberId}", CASE_WORK),
			Rule.of("POST", "/network/members/{memberId}/snapshots", CASE_WORK),
			Rule.of("GET", "/network/members/{memberId}/comparison", CASE_WORK),
			Rule.of("POST", "/network/members/{memberId}/triangle", CASE_WORK),
			Rule.of("POST", "/network/members/{memberId}/plan", CASE_WORK),
			Rule.of("POST", "/network/snapshots/{snapshotId}/contacts", CASE_WORK),
			Rule.of("GET", "/network/snapshots/{snapshotId}/contacts/{contactId}", CASE_WORK),
			Rule.of("POST", "/network/snapshots/{snapshotId}/contacts/{contactId}", CASE_WORK),
			Rule.of("POST", "/network/snapshots/{snapshotId}/contacts/{contactId}/closeness", CASE_WORK),
			Rule.of("POST", "/network/snapshots/{snapshotId}/contacts/{contactId}/removal", CASE_WORK),
			Rule.of("GET", "/network/snapshots/{snapshotId}/map.svg", CASE_WORK),
			Rule.of("GET", "/network/snapshots/{snapshotId}/map.pdf", CASE_WORK),
			Rule.of("GET", "/api/v1/network/members/{memberId}/snapshots", CASE_WORK),
			Rule.of("POST", "/api/v1/network/members/{memberId}/snapshots", CASE_WORK),
			Rule.of("GET", "/api/v1/network/members/{memberId}/comparison", CASE_WORK),
			Rule.of("GET", "/api/v1/network/members/{memberId}/triangle", CASE_WORK),
			Rule.of("POST", "/api/v1/network/members/{memberId}/triangle", CASE_WORK),
			Rule.of("GET", "/api/v1/network/snapshots/{snapshotId}", CASE_WORK),
			Rule.of("POST", "/api/v1/network/snapshots/{snapshotId}/contacts", CASE_WORK),
			Rule.of("PUT", "/api/v1/network/snapshots/{snapshotId}/contacts/{contactId}", CASE_WORK),
			Rule.of("DELETE", "/api/v1/network/snapshots/{snapshotId}/contacts/{contactId}", CASE_WORK),
			Rule.of("PUT", "/api/v1/network/snapshots/{snapshotId}/contacts/{contactId}/closeness", CASE_WORK),
			// monitor (issue 7)
			Rule.of("GET", "/monitor", MONITOR),
			Rule.of("GET", "/api/v1/monitor", MONITOR),
			Rule.of("GET", "/api/v1/monitor/export", MONITOR),
			Rule.of("GET", "/imports", COORDINATOR),
			Rule.of("POST", "/imports/preview", COORDINATOR),
			Rule.of("POST", "/imports/confirm", COORDINATOR),
			Rule.of("GET", "/imports/export", COORDINATOR),
			Rule.of("POST", "/api/v1/imports", COORDINATOR),
			Rule.of("GET", "/api/v1/exports", COORDINATOR),
			// contact
			Rule.of("GET", "/households/{id}/contacts", CLIENT_WORK),
			Rule.of("POST", "/households/{id}/contacts", CLIENT_WORK),
			Rule.of("GET", "/households/{id}/contact-summary", CLIENT_WORK),
			Rule.of("POST", "/households/{id}/time", CASE_WORK),
			Rule.of("POST", "/households/{id}/activities", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/rhythm", CASE_WORK),
			Rule.of("POST", "/households/{id}/trajectories/{trajectoryId}/rhythm/end", CASE_WORK),
			Rule.of("GET", "/households/{id}/obligations", CASE_WORK),
			Rule.of("POST", "/households/{id}/obligations", CASE_WORK),
			Rule.of("GET", "/households/{id}/obligations/print", CASE_WORK),
			Rule.of("GET", "/households/{id}/obligations.pdf", CASE_WORK),
			Rule.of("POST", "/obligations/{id}", CASE_WORK),
			Rule.of("GET", "/households/{id}/debts", CASE_WORK),
			Rule.of("POST", "/households/{id}/debts", CASE_WORK),
			Rule.of("POST", "/debts/{id}", CASE_WORK),
			Rule.of("GET", "/worklist", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/contacts", CLIENT_WORK),
			Rule.of("POST", "/api/v1/households/{id}/contacts", CLIENT_WORK),
			Rule.of("GET", "/api/v1/households/{id}/rhythms", CLIENT_WORK),
			Rule.of("GET", "/api/v1/households/{id}/time-summary", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/time-entries", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/activities", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/activities", CASE_WORK),
			Rule.of("PUT", "/api/v1/households/{id}/trajectories/{trajectoryId}/rhythm", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/trajectories/{trajectoryId}/rhythm/end", CASE_WORK),
			Rule.of("GET", "/api/v1/worklist", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/obligations", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/obligations", CASE_WORK),
			Rule.of("PUT", "/api/v1/obligations/{id}", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/debts", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/debts", CASE_WORK),
			Rule.of("PUT", "/api/v1/debts/{id}", CASE_WORK),
			// cooperation (issue 13): partners for all staff (kept by coordinators), consents and referrals case work
			Rule.of("GET", "/api/v1/partners", CLIENT_WORK),
			Rule.of("POST", "/api/v1/partners", COORDINATOR),
			Rule.of("GET", "/api/v1/partners/{id}", CLIENT_WORK),
			Rule.of("PUT", "/api/v1/partners/{id}", COORDINATOR),
			Rule.of("GET", "/api/v1/households/{id}/consents", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/consents", CASE_WORK),
			Rule.of("POST", "/api/v1/consents/{id}/withdrawal", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/referrals", CASE_WORK),
			Rule.of("GET", "/api/v1/referrals", CASE_WORK),
			Rule.of("GET", "/api/v1/referrals/{id}", CASE_WORK),
			Rule.of("POST", "/api/v1/referrals/{id}/events", CASE_WORK),
			Rule.of("GET", "/partners", CLIENT_WORK),
			Rule.of("POST", "/partners", COORDINATOR),
			Rule.of("GET", "/partners/{id}", CLIENT_WORK),
			Rule.of("POST", "/partners/{id}", COORDINATOR),
			Rule.of("GET", "/households/{id}/cooperation", CASE_WORK),
			Rule.of("GET", "/households/{id}/consents", CASE_WORK),
			Rule.of("POST", "/households/{id}/consents", CASE_WORK),
			Rule.of("POST", "/consents/{id}/withdrawal", CASE_WORK),
			Rule.of("GET", "/consents/{id}/form", CASE_WORK),
			Rule.of("GET", "/consents/{id}/form.pdf", CASE_WORK),
			Rule.of("GET", "/households/{id}/referrals/new", CASE_WORK),
			Rule.of("POST", "/households/{id}/referrals", CASE_WORK),
			Rule.of("GET", "/referrals", CASE_WORK),
			Rule.of("GET", "/referrals/{id}", CASE_WORK),
			Rule.of("POST", "/referrals/{id}/events", CASE_WORK),
			Rule.of("GET", "/referrals/{id}/letter", CASE_WORK),
			Rule.of("GET", "/referrals/{id}/letter.pdf", CASE_WORK),
			// cooperation (issue 13, items 4 and 5): the regie holder, agencies and their issues, case work
			Rule.of("GET", "/api/v1/households/{id}/regie", CASE_WORK),
			Rule.of("PUT", "/api/v1/households/{id}/regie", CASE_WORK),
			Rule.of("GET", "/api/v1/households/{id}/agencies", CASE_WORK),
			Rule.of("POST", "/api/v1/households/{id}/agencies", CASE_WORK),
			Rule.of("PUT", "/api/v1/agencies/{id}", CASE_WORK),
			Rule.of("POST", "/api/v1/agencies/{id}/issues", CASE_WORK),
			Rule.of("PUT", "/api/v1/agency-issues/{id}", CASE_WORK),
			Rule.of("GET", "/households/{id}/regie", CASE_WORK),
			Rule.of("POST", "/households/{id}/regie", CASE_WORK),
			Rule.of("GET", "/households/{id}/agencies", CASE_WORK),
			Rule.of("POST", "/households/{id}/agencies", CASE_WORK),
			Rule.of("POST", "/agencies/{id}", CASE_WORK),
			Rule.of("POST", "/agencies/{id}/issues", CASE_WORK),
			Rule.of("POST", "/agency-issues/{id}", CASE_WORK),
			// cooperation: the regions that share the who-does-what map, kept by administrators
			Rule.of("GET", "/admin/regions", ADMIN),
			Rule.of("POST", "/admin/regions", ADMIN),
			Rule.of("GET", "/admin/regions/{id}", ADMIN),
			Rule.of("POST", "/admin/regions/{id}", ADMIN),
			Rule.of("POST", "/admin/regions/{id}/removal", ADMIN),
			Rule.of("GET", "/api/v1/regions", ADMIN),
			Rule.of("POST", "/api/v1/regions", ADMIN),
			Rule.of("GET", "/api/v1/regions/{id}", ADMIN),
			Rule.of("PUT", "/api/v1/regions/{id}", ADMIN),
			Rule.of("DELETE", "/api/v1/regions/{id}", ADMIN)

	// @formatter:on
	);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private final Map<Role, MockHttpSession> sessions = new java.util.EnumMap<>(Role.class);

	private TestData.Organisation organisation;

	@BeforeAll
	void signInOnePersonOfEveryRole() throws Exception {
		this.organisation = this.data.organisation();
		for (Role role : Role.values()) {
			TestData.Person person = this.data.person((role == Role.ADMINISTRATOR) ? null : this.organisation, role);
			this.sessions.put(role, TestData.signIn(this.mvc, person));
		}
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

	@TestFactory
	Stream<DynamicTest> everyRoleReachesExactlyWhatTheMatrixAllows() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Rule rule : MATRIX) {
			tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.path() + " without signing in",
					() -> assertAnonymous(rule)));
			for (Role role : Role.values()) {
				boolean allowed = rule.roles() == null || rule.roles().contains(role);
				tests.add(DynamicTest.dynamicTest(
						rule.method() + " " + rule.path() + " as " + role + (allowed ? " is allowed" : " is refused"),
						() -> assertForRole(rule, role, allowed)));
			}
		}
		return tests.stream();
	}

	private void assertAnonymous(Rule rule) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request(rule, null)).andReturn().getResponse();
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

	private void assertForRole(Rule rule, Role role, boolean allowed) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request(rule, this.sessions.get(role)))
			.andReturn()
			.getResponse();
		if (allowed) {
			assertThat(response.getStatus()).as("status").isNotIn(401, 403);
		}
		else {
			assertThat(response.getStatus()).as("status").isEqualTo(403);
		}
	}

	private MockHttpServletRequestBuilder request(Rule rule, MockHttpSession session) {
		String path = rule.path()
			.replace("{code}", this.organisation.code())
			.replace("{id}", UUID.randomUUID().toString())
			.replace("{trajectoryId}", UUID.randomUUID().toString())
			.replaceAll("\\{\\w+\\}", UUID.randomUUID().toString());
		HttpMethod method = "ANY".equals(rule.method()) ? HttpMethod.GET : HttpMethod.valueOf(rule.method());
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(method, path).with(csrf());
		if (method != HttpMethod.GET) {
			builder.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		if (session != null) {
			builder.session(session);
		}
		return builder;
	}

	record Rule(String method, String path, Set<Role> roles) {

		static Rule of(String method, String path, Set<Role> roles) {
			return new Rule(method, path, roles);
		}

		static Rule open(String method, String path) {
			return new Rule(method, path, null);
		}

	}

}
