package nl.vangnet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import nl.vangnet.platform.web.InputRules;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bad input never breaks Vangnet. Walks the OpenAPI document and sends every operation a
 * generated set of bad bodies, parameters and paths (wrong types, NUL bytes, lone
 * surrogates, absurd dates and numbers, huge strings and lists, unknown codes, stale and
 * absurd versions); then finds every HTML form on every page and posts it with one field
 * spoiled at a time. Any 5xx fails, and so does any answer that is not a complete
 * document (JSON that does not parse, a page cut off before {@code </html>}), and any
 * form that answers a spoiled field with the bare error page instead of the form.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

	private static final String NUL = "a\u0000b";

	private static final String LONE_SURROGATE = "a\ud800b";

	private static final String HUGE = "x".repeat(30_000);

	private static final String LONG_NUMBER = "9".repeat(10_000);

	/** One character more than any text may hold ({@link InputRules#MAX_TEXT}). */
	private static final String TOO_LONG = "x".repeat(InputRules.MAX_TEXT + 1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private MockHttpSession coordinator;

	private MockHttpSession administrator;

	private final Map<String, String> ids = new LinkedHashMap<>();

	private final Map<String, long[]> sent = new java.util.concurrent.ConcurrentHashMap<>();

	private final long startedAt = System.nanoTime();

	private final long cpuAtStart = cpuTime();

	@BeforeAll
	void aFamilyWithSomethingOfEverything() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person person = this.data.person(organisation, Role.COORDINATOR);
		this.coordinator = TestData.signIn(this.mvc, person);
		this.administrator = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		TestData.Person spare = this.data.person(organisation, Role.PROFESSIONAL);
		this.ids.put("code", organisation.code());
		this.ids.put("organisation", organisation.id().toString());
		this.ids.put("user", spare.id().toString());

		JsonNode household = created(send(HttpMethod.POST, "/api/v1/households",
				"""
						{"composition":"ONE_PARENT","debts":"YES","members":[
						 {"ref":"m1","role":"PARENT","mainContact":true,"givenName":"Fuzz","familyName":"Test","birthDate":"1990-01-02"},
						 {"ref":"m2","role":"CHILD","givenName":"Kind","birthDate":"2018-03-04"}],
						 "trajectories":[{"kind":"INTENSIVE","start":"2026-01-05","contactPerson":"%s"}]}
						"""
					.formatted(person.id()),
				this.coordinator));
		String householdId = household.get("id").stringValue();
		this.ids.put("household", householdId);
		TenantScope.Scope scope = TenantScope.Scope.system(Set.of(organisation.id()));
		this.ids.put("member",
				this.data.inScope(scope,
						(sql) -> sql.sql("select id from household_member where household_id = :h and ref = 'm1'")
							.param("h", UUID.fromString(householdId))
							.query(UUID.class)
							.single()
							.toString()));
		this.ids.put("trajectory",
				this.data.inScope(scope,
						(sql) -> sql.sql("select id from trajectory where household_id = :h")
							.param("h", UUID.fromString(householdId))
							.query(UUID.class)
							.single()
							.toString()));
		this.ids.put("helpQuestion",
				created(send(HttpMethod.POST, "/api/v1/households/" + householdId + "/help-questions",
						"{\"member\":\"m1\",\"domain\":\"FINANCES\",\"description\":\"Schulden\"}", this.coordinator))
					.get("id")
					.stringValue());
		String goal = created(send(HttpMethod.POST, "/api/v1/households/" + householdId + "/goals",
				"{\"description\":\"Rust in de financien\",\"domain\":\"FINANCES\"}", this.coordinator))
			.get("id")
			.stringValue();
		this.ids.put("goal", goal);
		this.ids.put("action",
				created(send(HttpMethod.POST, "/api/v1/goals/" + goal + "/actions",
						"{\"description\":\"Bellen met de bank\",\"actor\":\"PROFESSIONAL\"}", this.coordinator))
					.get("id")
					.stringValue());
		this.ids.put("obligation",
				created(send(HttpMethod.POST, "/api/v1/households/" + householdId + "/obligations",
						"{\"kind\":\"LETTER\",\"description\":\"Brief\",\"dueOn\":\"2026-12-20\"}", this.coordinator))
					.get("id")
					.stringValue());
		this.ids.put("debt", created(send(HttpMethod.POST, "/api/v1/households/" + householdId + "/debts",
				"{\"creditor\":\"Bank\",\"amount\":100}", this.coordinator))
			.get("id")
			.stringValue());
		String snapshot = created(send(HttpMethod.POST,
				"/api/v1/network/members/" + this.ids.get("member") + "/snapshots", "{}", this.coordinator))
			.get("id")
			.stringValue();
		this.ids.put("snapshot", snapshot);
		JsonNode withContact = created(send(HttpMethod.POST, "/api/v1/network/snapshots/" + snapshot + "/contacts",
				"{\"version\":0,\"name\":\"Zus\",\"relation\":\"FAMILY\",\"closeness\":\"INNER\",\"tie\":\"STRONG\"}",
				this.coordinator));
		this.ids.put("contact", withContact.findValue("contacts").get(0).get("id").stringValue());
		String partner = created(send(HttpMethod.POST, "/api/v1/partners",
				"{\"name\":\"Schuldhulp Fuzz\",\"kind\":\"DEBT_HELP\",\"domains\":[\"FINANCES\"]}", this.coordinator))
			.get("id")
			.stringValue();
		this.ids.put("partner", partner);
		String consent = created(send(HttpMethod.POST, "/api/v1/households/" + householdId + "/consents",
				"""
						{"member":"m1","recipient":{"partner":"%s"},"sections":["SUMMARY","HELP_QUESTIONS"],
						 "domains":["FINANCES"],"purpose":"Schulden","form":"WRITTEN","givenOn":"%s","validUntil":"%s"}"""
					.formatted(partner, TestData.today().minusDays(1), TestData.today().plusMonths(6)),
				this.coordinator))
			.get("id")
			.stringValue();
		this.ids.put("consent", consent);
		this.ids.put("meldcodeCase",
				created(send(HttpMethod.POST, "/api/v1/households/" + householdId + "/meldcode-cases",
						"{\"member\":\"m1\",\"concern\":\"Zorg om de veiligheid\"}", this.coordinator))
					.get("id")
					.stringValue());
		this.ids.put("referral", created(send(HttpMethod.POST, "/api/v1/households/" + householdId + "/referrals", """
				{"consent":"%s","to":{"partner":"%s"},"domain":"FINANCES","reason":"Schulden"}""".formatted(consent,
				partner), this.coordinator))
			.get("id")
			.stringValue());
	}

	@TestFactory
	Stream<DynamicTest> everyApiOperationSurvivesBadInput() throws Exception {
		JsonNode openApi = this.json.readTree(this.mvc.perform(get("/api/v1/openapi").session(this.coordinator))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				tests.add(DynamicTest.dynamicTest(method + " " + path.getKey(),
						() -> survives(openApi, method, path.getKey(), operation.getValue())));
			}
		}
		return tests.stream();
	}

	private void survives(JsonNode openApi, String method, String template, JsonNode operation) throws Exception {
		MockHttpSession session = sessionFor(template);
		String path = fill(template);
		List<Spoiled> requests = new ArrayList<>();
		// paths
		if (template.contains("{")) {
			for (String bad : List.of("not-a-uuid", "%00", "x".repeat(5_000), UUID.randomUUID().toString())) {
				requests.add(new Spoiled("path " + bad.substring(0, Math.min(12, bad.length())),
						template.replaceAll("\\{[^}]+\\}", bad), null, Map.of()));
			}
		}
		// query parameters
		for (JsonNode parameter : iterable(operation.get("parameters"))) {
			if (!"query".equals(parameter.path("in").asString())) {
				continue;
			}
			String name = parameter.get("name").asString();
			for (String bad : List.of(NUL, LONE_SURROGATE, "abc", "-1", LONG_NUMBER, HUGE, "12020-01-01", "2026-02-30",
					"UNKNOWN_CODE")) {
				requests.add(new Spoiled("query " + name, path, null, Map.of(name, bad)));
			}
		}
		// bodies
		JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
		if (!schema.isMissingNode()) {
			JsonNode resolved = resolve(openApi, schema);
			JsonNode valid = example(openApi, resolved, 0);
			for (String raw : List.of("", "null", "[]", "\"x\"", "{", "{\"a\":", "12", "{}",
					"{\"version\":" + LONG_NUMBER + "}", "[" + "1,".repeat(100_000) + "1]")) {
				requests.add(new Spoiled("body " + raw.substring(0, Math.min(12, raw.length())), path, raw, Map.of()));
			}
			if (valid instanceof ObjectNode object) {
				requests.add(new Spoiled("body valid", path, object.toString(), Map.of()));
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					for (JsonNode bad : badValues(openApi, property.getValue())) {
						ObjectNode spoiled = object.deepCopy();
						spoiled.set(property.getKey(), bad);
						requests.add(new Spoiled("field " + property.getKey() + "=" + abbreviate(bad.toString()), path,
								spoiled.toString(), Map.of()));
					}
				}
			}
		}
		if (requests.isEmpty()) {
			requests.add(new Spoiled("plain", path, null, Map.of()));
		}
		List<String> failures = new ArrayList<>();
		for (Spoiled request : requests) {
			MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(method),
					request.path());
			request.query().forEach(builder::queryParam);
			if (request.body() != null) {
				builder.contentType(MediaType.APPLICATION_JSON).content(request.body());
			}
			builder.accept(MediaType.APPLICATION_JSON).session(session).with(csrf());
			MockHttpServletResponse response = perform(builder, failures,
					method + " " + template + " " + request.what());
			if (response != null) {
				complete(response, failures, request.what());
			}
		}
		assertThat(failures).as(method + " " + template).isEmpty();
	}

	/**
	 * A parent typed a child's birth date as 21112020 and the browser sent year 12020:
	 * the new family comes back with the error on that date and everything she typed.
	 */
	@Test
	void aBirthDateInTheYear12020ComesBackOnTheNewFamilyFormWithEverythingTyped() throws Exception {
		MockHttpServletResponse withChild = this.mvc
			.perform(post("/households").session(this.coordinator)
				.with(csrf())
				.params(params(values(form(html("/households/new"), "form[action=/households]"))))
				.param("addMember", "CHILD"))
			.andReturn()
			.getResponse();
		Element form = form(withChild.getContentAsString(StandardCharsets.UTF_8), "form[action=/households]");
		Map<String, List<String>> values = values(form);
		Map<String, String> typed = typeIn(form, values);
		values.put("members[1].birthDate", List.of("12020-11-21"));
		values.remove("addMember");
		String body = typedBack("/households", values, typed);
		assertThat(body).contains("value=\"12020-11-21\"", "Geboortedatum: vul een geldige datum in");
	}

	/** The same for the date of a contact moment. */
	@Test
	void aContactDateInTheYear12020ComesBackOnTheContactFormWithEverythingTyped() throws Exception {
		String action = "/households/" + this.ids.get("household") + "/contacts";
		Element form = form(html(action), "form[action=" + action + "]");
		Map<String, List<String>> values = values(form);
		Map<String, String> typed = typeIn(form, values);
		values.put("date", List.of("12020-11-21"));
		String body = typedBack(action, values, typed);
		assertThat(body).contains("value=\"12020-11-21\"", "niet voor 1900 en niet verder dan 10 jaar vooruit");
	}

	/**
	 * Removing a member who has a network map would fail on the map's reference: the API
	 * answers 422 naming {@code members} and the member stays.
	 */
	@Test
	void removingAMemberWithANetworkMapIsRefusedNamingMembers() throws Exception {
		JsonNode household = created(send(HttpMethod.POST, "/api/v1/households", """
				{"composition":"ONE_PARENT","debts":"NO","members":[
				 {"ref":"m1","role":"PARENT","mainContact":true,"givenName":"Mila","birthDate":"1991-05-06"},
				 {"ref":"m2","role":"CHILD","givenName":"Noor","birthDate":"2019-07-08"}]}""", this.coordinator));
		String id = household.get("id").stringValue();
		String child = this.data.inScope(
				TenantScope.Scope.system(Set.of(UUID.fromString(this.ids.get("organisation")))),
				(sql) -> sql.sql("select id from household_member where household_id = :h and ref = 'm2'")
					.param("h", UUID.fromString(id))
					.query(UUID.class)
					.single()
					.toString());
		created(send(HttpMethod.POST, "/api/v1/network/members/" + child + "/snapshots", "{}", this.coordinator));
		ObjectNode withoutChild = (ObjectNode) created(
				send(HttpMethod.GET, "/api/v1/households/" + id, "", this.coordinator));
		((ArrayNode) withoutChild.get("members")).remove(1);
		MockHttpServletResponse refused = send(HttpMethod.PUT, "/api/v1/households/" + id, withoutChild.toString(),
				this.coordinator);
		assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(422);
		assertThat(this.json.readTree(refused.getContentAsString(StandardCharsets.UTF_8))
			.get("errors")
			.findValuesAsString("field")).containsExactly("members");
		assertThat(created(send(HttpMethod.GET, "/api/v1/households/" + id, "", this.coordinator)).get("members"))
			.hasSize(2);

		Element form = form(html("/households/" + id + "/edit"), "form[action=/households/" + id + "]");
		Map<String, List<String>> values = values(form);
		values.keySet().removeIf((name) -> name.startsWith("members[1]."));
		MockHttpServletResponse page = this.mvc
			.perform(post("/households/" + id).session(this.coordinator).with(csrf()).params(params(values)))
			.andReturn()
			.getResponse();
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"members-error\"",
				"heeft nog een netwerkkaart", "value=\"Mila\"");
	}

	private String html(String path) throws Exception {
		return this.mvc.perform(get(path).session(this.coordinator))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static Element form(String html, String selector) {
		Element form = Jsoup.parse(html).selectFirst(selector);
		assertThat(form).as(selector).isNotNull();
		return form;
	}

	private static org.springframework.util.MultiValueMap<String, String> params(Map<String, List<String>> values) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		values.forEach((name, list) -> {
			if (!name.equals("_csrf")) {
				params.put(name, new ArrayList<>(list));
			}
		});
		return params;
	}

	/** Posts the form and checks that it came back with an error and everything typed. */
	private String typedBack(String action, Map<String, List<String>> values, Map<String, String> typed)
			throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post(action).session(this.coordinator).with(csrf()).params(params(values)))
			.andReturn()
			.getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isIn(200, 400, 409, 422);
		assertThat(body).containsAnyOf("aria-invalid=\"true\"", "class=\"error\"")
			.doesNotContain("class=\"error-page\"");
		assertThat(typed).isNotEmpty();
		typed.values().forEach((value) -> assertThat(body).contains(value));
		java.nio.file.Files
			.writeString(java.nio.file.Path.of("target", "typed-back" + action.replace('/', '-') + ".html"), body);
		return body;
	}

	@TestFactory
	Stream<DynamicTest> everyHtmlFormSurvivesBadInput() throws Exception {
		List<DynamicTest> tests = new ArrayList<>();
		Set<String> pages = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			boolean get = info.getMethodsCondition().getMethods().isEmpty() || info.getMethodsCondition()
				.getMethods()
				.contains(org.springframework.web.bind.annotation.RequestMethod.GET);
			for (String pattern : info.getPatternValues()) {
				if (get && !pattern.startsWith("/api/") && !pattern.contains(".") && !pattern.startsWith("/error")
						&& !pattern.startsWith("/login")) {
					pages.add(pattern);
				}
			}
		}
		Set<String> seen = new HashSet<>();
		for (String page : pages) {
			tests.add(DynamicTest.dynamicTest("forms on " + page, () -> formsSurvive(page, seen)));
		}
		return tests.stream();
	}

	/**
	 * Posts every form of a page once per spoiled field and value. The same form on
	 * another page (or in another row of a list: the same action but for another id, with
	 * the same fields) is posted only once. Every empty text field is typed in first, so
	 * that an answer that shows the form again can be checked for everything typed.
	 */
	private void formsSurvive(String template, Set<String> seen) throws Exception {
		MockHttpSession session = sessionFor(template);
		String path = fill(template);
		MockHttpServletResponse page = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		List<String> failures = new ArrayList<>();
		complete(page, failures, "GET " + path);
		assertThat(page.getStatus()).as("GET " + path).isLessThan(500);
		if (page.getStatus() != 200 || page.getContentType() == null
				|| !page.getContentType().startsWith("text/html")) {
			assertThat(failures).isEmpty();
			return;
		}
		Document document = Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8), "http://localhost" + path);
		for (Element form : document.select("form[method=post]")) {
			String action = form.attr("action").isEmpty() ? path : form.attr("action");
			if (action.startsWith("http")) {
				action = action.replaceFirst("^https?://[^/]+", "");
			}
			if (action.equals("/logout") || action.endsWith("/deactivation") || action.contains("/password")) {
				continue;
			}
			Map<String, List<String>> base = values(form);
			base.remove("_csrf");
			Set<String> names = new TreeSet<>(base.keySet());
			form.select("input[name], select[name], textarea[name]").forEach((f) -> names.add(f.attr("name")));
			if (!seen.add(action.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}") + " " + names)) {
				continue;
			}
			Map<String, String> typed = typeIn(form, base);
			Set<String> spoiledNames = new HashSet<>();
			for (Element field : form.select("input[name], select[name], textarea[name]")) {
				String name = field.attr("name");
				// Spring's "_name" markers of checkboxes carry no value of their own.
				if (name.startsWith("_") || field.attr("type").equals("file") || !spoiledNames.add(name)) {
					continue;
				}
				for (String bad : badFormValues(field)) {
					Map<String, List<String>> spoiled = new LinkedHashMap<>(base);
					spoiled.put(name, List.of(bad));
					MockHttpServletRequestBuilder builder = post(action).session(session).with(csrf());
					spoiled.forEach((key, list) -> builder.param(key, list.toArray(String[]::new)));
					String what = "POST " + action + " " + name + "=" + abbreviate(bad);
					MockHttpServletResponse response = perform(builder, failures, what);
					if (response == null) {
						continue;
					}
					complete(response, failures, what);
					boolean hidden = field.attr("type").equals("hidden");
					boolean strict = NEVER_VALID.contains(bad)
							&& !(hidden && bad.equals("abc") && !field.attr("value").matches("[0-9]+|[0-9a-f-]{36}"));
					formCameBack(response, name, strict, typed, failures, what);
				}
			}
		}
		assertThat(failures).as("forms on " + template).isEmpty();
	}

	/**
	 * A value no field may take must come back as the form, with an error and with
	 * everything else that was typed; a redirect would mean it was stored or dropped.
	 */
	private void formCameBack(MockHttpServletResponse response, String name, boolean strict, Map<String, String> typed,
			List<String> failures, String what) throws Exception {
		int status = response.getStatus();
		if (status >= 300 && status < 400) {
			if (strict) {
				failures.add(what + " was taken (" + status + " to " + response.getRedirectedUrl() + ")");
			}
			return;
		}
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		if (body.isEmpty() || body.contains("class=\"error-page\"")) {
			failures.add(what + " answered " + status + " with the bare error page instead of the form");
			return;
		}
		if (status == 409 && body.contains("class=\"notice alert conflict\"")) {
			// The one conflict box: what someone else changed, with what was typed kept.
			return;
		}
		if (!body.contains("class=\"error") && !body.contains("aria-invalid=\"true\"")) {
			if (strict || status >= 400) {
				failures.add(what + " answered " + status + " without an error on the form");
			}
			return;
		}
		for (Map.Entry<String, String> entry : typed.entrySet()) {
			if (!entry.getKey().equals(name) && !body.contains(entry.getValue())) {
				failures.add(what + " lost what was typed in " + entry.getKey());
			}
		}
	}

	/** Types a short text into every empty visible text field; returns what was typed. */
	private static Map<String, String> typeIn(Element form, Map<String, List<String>> base) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (Element field : form.select("input[name], textarea[name]")) {
			String name = field.attr("name");
			String type = field.attr("type");
			boolean text = field.tagName().equals("textarea") || type.isEmpty() || type.equals("text")
					|| type.equals("search");
			List<String> current = base.get(name);
			if (!text || field.hasAttr("readonly") || field.hasAttr("disabled") || current == null
					|| current.size() != 1 || !current.get(0).isEmpty() || field.hasAttr("pattern")
					|| field.hasAttr("inputmode")) {
				continue;
			}
			String value = "Getypt" + (typed.size() + 1) + "x";
			base.put(name, List.of(value));
			typed.put(name, value);
		}
		return typed;
	}

	/**
	 * What the walk cost: requests and milliseconds per kind of request (the form's
	 * action, or the API's path, parameter or body), with the whole class's wall-clock
	 * and CPU time, in {@code target/bad-input-report.txt}.
	 */
	@AfterAll
	void report() throws Exception {
		long wall = (System.nanoTime() - this.startedAt) / 1_000_000;
		long cpu = (cpuTime() - this.cpuAtStart) / 1_000_000;
		StringBuilder out = new StringBuilder();
		out.append("requests ").append(this.sent.values().stream().mapToLong((t) -> t[0]).sum()).append('\n');
		out.append("wall ms ").append(wall).append(", JVM CPU ms ").append(cpu).append('\n');
		this.sent.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
			.forEach((e) -> out.append(e.getValue()[1] / 1_000_000)
				.append(" ms, ")
				.append(e.getValue()[0])
				.append(" requests: ")
				.append(e.getKey())
				.append('\n'));
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "bad-input-report.txt"), out);
	}

	private static long cpuTime() {
		return (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) ? os.getProcessCpuTime()
					: 0;
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder builder, List<String> failures, String what) {
		long start = System.nanoTime();
		String[] words = what.split(" ", 3);
		String kind = (words[0] + " " + ((words.length > 1) ? words[1] : "")).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}",
				"{id}");
		// wrong passwords and codes (re-authentication) are counted per client: this
		// test's own address throttles nobody else
		builder.with((request) -> {
			request.setRemoteAddr("10.254.0.1");
			return request;
		});
		try {
			MockHttpServletResponse response = this.mvc.perform(builder).andReturn().getResponse();
			long[] cost = this.sent.computeIfAbsent(kind, (k) -> new long[2]);
			cost[0]++;
			cost[1] += System.nanoTime() - start;
			if (response.getStatus() >= 500) {
				failures.add(what + " answered " + response.getStatus());
			}
			return response;
		}
		catch (Exception ex) {
			Throwable root = ex;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			failures.add(what + " threw " + root.getClass().getSimpleName() + ": "
					+ abbreviate(String.valueOf(root.getMessage())));
			return null;
		}
	}

	private void complete(MockHttpServletResponse response, List<String> failures, String what) throws Exception {
		String type = response.getContentType();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		if (type == null || body.isEmpty()) {
			return;
		}
		if (type.contains("json") && !type.contains("ndjson") && !type.contains("jsonl")) {
			try {
				this.json.readTree(body);
			}
			catch (Exception ex) {
				failures.add(what + " answered JSON that does not parse");
			}
		}
		else if (type.startsWith("text/html") && body.contains("<html") && !body.stripTrailing().endsWith("</html>")) {
			failures.add(what + " answered a page cut off before </html>");
		}
	}

	private List<JsonNode> badValues(JsonNode openApi, JsonNode property) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		JsonNode schema = resolve(openApi, property);
		String type = schema.path("type").asString();
		String format = schema.path("format").asString();
		List<JsonNode> bad = new ArrayList<>();
		bad.add(nodes.nullNode());
		if (!"object".equals(type)) {
			bad.add(nodes.objectNode());
		}
		if (schema.has("enum")) {
			bad.add(nodes.stringNode("UNKNOWN_CODE"));
			bad.add(nodes.stringNode(NUL));
		}
		else if ("string".equals(type) && (format.equals("date") || format.equals("date-time"))) {
			bad.addAll(List.of(nodes.stringNode("12020-11-21"), nodes.stringNode("0000-01-01"),
					nodes.stringNode("1066-10-14"), nodes.stringNode("2026-02-30T25:61"),
					nodes.numberNode(99999999999L)));
		}
		else if ("string".equals(type) && format.equals("uuid")) {
			bad.addAll(List.of(nodes.stringNode("not-a-uuid"), nodes.stringNode(UUID.randomUUID().toString()),
					nodes.stringNode(NUL)));
		}
		else if ("string".equals(type)) {
			bad.addAll(List.of(nodes.stringNode(NUL), nodes.stringNode(LONE_SURROGATE), nodes.stringNode(HUGE),
					nodes.numberNode(12)));
		}
		else if ("integer".equals(type) || "number".equals(type)) {
			bad.addAll(List.of(nodes.stringNode("abc"), nodes.numberNode(1e300), nodes.numberNode(99999999999L),
					nodes.numberNode(-1), nodes.numberNode(0),
					nodes.numberNode(new java.math.BigInteger(LONG_NUMBER.substring(0, 400)))));
		}
		else if ("boolean".equals(type)) {
			bad.addAll(List.of(nodes.stringNode("abc"), nodes.numberNode(2)));
		}
		else if ("array".equals(type)) {
			JsonNode items = resolve(openApi, schema.path("items"));
			JsonNode item = example(openApi, items, 1);
			ArrayNode huge = nodes.arrayNode();
			for (int i = 0; i <= InputRules.MAX_ITEMS; i++) {
				huge.add(item);
			}
			bad.add(huge);
			bad.add(nodes.stringNode("abc"));
			bad.add(nodes.arrayNode().add(nodes.stringNode(NUL)).add(nodes.numberNode(-1)).add(nodes.objectNode()));
			bad.add(nodes.arrayNode().add(item).add(item));
			if (item instanceof ObjectNode object) {
				for (Map.Entry<String, JsonNode> inner : items.path("properties").properties()) {
					for (JsonNode value : badValues(openApi, inner.getValue())) {
						if (value.isArray() && value.size() > 10) {
							continue;
						}
						ObjectNode spoiled = object.deepCopy();
						spoiled.set(inner.getKey(), value);
						bad.add(nodes.arrayNode().add(spoiled));
					}
				}
			}
		}
		else if ("object".equals(type)) {
			bad.add(nodes.stringNode("abc"));
		}
		return bad;
	}

	private static final Set<String> NEVER_VALID = Set.of(NUL, LONE_SURROGATE, TOO_LONG, LONG_NUMBER, "12020-11-21",
			"1066-10-14", "12020-01-01T10:00", "2026-02-30T25:61", "25:61", "abc");

	private static List<String> badFormValues(Element field) {
		String type = field.tagName().equals("input") ? field.attr("type") : field.tagName();
		return switch (type) {
			case "date" -> List.of("12020-11-21", "1066-10-14", "abc");
			case "time" -> List.of("25:61", "abc", NUL);
			case "datetime-local" -> List.of("2026-02-30T25:61", "12020-01-01T10:00", "abc");
			case "number" -> List.of("abc", LONG_NUMBER, "-1");
			case "hidden" -> List.of("abc", LONG_NUMBER, NUL);
			case "select" -> List.of("UNKNOWN_CODE", NUL);
			case "checkbox", "radio" -> List.of("UNKNOWN_CODE");
			// A lone surrogate takes the same way as a NUL byte through a form (the text
			// editor of FormInputAdvice); the API half sends both.
			default -> List.of(NUL, TOO_LONG);
		};
	}

	private static Map<String, List<String>> values(Element form) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (Element field : form.select("input[name], select[name], textarea[name]")) {
			String name = field.attr("name");
			String value;
			if (field.tagName().equals("select")) {
				Element selected = field.selectFirst("option[selected]");
				if (selected == null) {
					selected = field.selectFirst("option");
				}
				value = (selected != null) ? selected.attr("value") : "";
			}
			else if (field.tagName().equals("textarea")) {
				value = field.text();
			}
			else if (field.attr("type").equals("checkbox") || field.attr("type").equals("radio")) {
				if (!field.hasAttr("checked")) {
					continue;
				}
				value = field.hasAttr("value") ? field.attr("value") : "on";
			}
			else {
				value = field.attr("value");
			}
			values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return values;
	}

	private JsonNode resolve(JsonNode openApi, JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 5 && current.has("$ref"); i++) {
			String[] parts = current.get("$ref").asString().replace("#/", "").split("/");
			JsonNode target = openApi;
			for (String part : parts) {
				target = target.path(part);
			}
			current = target;
		}
		if (current.has("allOf") && current.get("allOf").size() == 1) {
			return resolve(openApi, current.get("allOf").get(0));
		}
		return current;
	}

	private JsonNode example(JsonNode openApi, JsonNode schema, int depth) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (schema.has("enum")) {
			return schema.get("enum").get(0);
		}
		String type = schema.path("type").asString();
		String format = schema.path("format").asString();
		switch (type) {
			case "object": {
				ObjectNode object = nodes.objectNode();
				if (depth > 3) {
					return object;
				}
				for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
					object.set(property.getKey(), example(openApi, resolve(openApi, property.getValue()), depth + 1));
				}
				return object;
			}
			case "array":
				return (depth > 3) ? nodes.arrayNode()
						: nodes.arrayNode().add(example(openApi, resolve(openApi, schema.path("items")), depth + 1));
			case "integer":
				return nodes.numberNode(1);
			case "number":
				return nodes.numberNode(1);
			case "boolean":
				return nodes.booleanNode(true);
			default:
				switch (format) {
					case "date":
						return nodes.stringNode("2026-06-01");
					case "date-time":
						return nodes.stringNode("2026-06-01T10:00:00");
					case "uuid":
						return nodes.stringNode(this.ids.get("member"));
					default:
						return nodes.stringNode("tekst");
				}
		}
	}

	private MockHttpSession sessionFor(String template) {
		boolean admin = template.startsWith("/admin") || template.startsWith("/api/v1/organisations")
				|| template.startsWith("/api/v1/users") || template.startsWith("/api/v1/sign-ins")
				|| template.equals("/api/v1/frameworks") || template.startsWith("/api/v1/regions");
		return admin ? this.administrator : this.coordinator;
	}

	/** Puts real ids of real rows into a path template. */
	private String fill(String template) {
		StringBuilder path = new StringBuilder();
		String previous = "";
		for (String segment : template.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			path.append('/');
			if (segment.startsWith("{")) {
				path.append(idFor(previous, segment));
			}
			else {
				path.append(segment);
			}
			previous = segment;
		}
		return (path.length() == 0) ? "/" : path.toString();
	}

	private String idFor(String previous, String variable) {
		String name = variable.substring(1, variable.length() - 1);
		switch (name) {
			case "code":
				return this.ids.get("code");
			case "householdId":
				return this.ids.get("household");
			case "memberId":
				return this.ids.get("member");
			case "trajectoryId":
				return this.ids.get("trajectory");
			case "snapshotId":
				return this.ids.get("snapshot");
			case "contactId":
				return this.ids.get("contact");
			case "ref":
				return "m1";
			default:
		}
		return switch (previous) {
			case "households" -> this.ids.get("household");
			case "help-questions" -> this.ids.get("helpQuestion");
			case "goals" -> this.ids.get("goal");
			case "actions" -> this.ids.get("action");
			case "obligations" -> this.ids.get("obligation");
			case "debts" -> this.ids.get("debt");
			case "users" -> this.ids.get("user");
			case "members" -> this.ids.get("member");
			case "snapshots" -> this.ids.get("snapshot");
			case "contacts" -> this.ids.get("contact");
			case "organisations" -> this.ids.get("code");
			case "frameworks" -> "MONITOR";
			case "partners" -> this.ids.get("partner");
			case "consents" -> this.ids.get("consent");
			case "referrals" -> this.ids.get("referral");
			case "meldcode-cases" -> this.ids.get("meldcodeCase");
			default -> UUID.randomUUID().toString();
		};
	}

	private MockHttpServletResponse send(HttpMethod method, String path, String body, MockHttpSession session)
			throws Exception {
		return this.mvc
			.perform(MockMvcRequestBuilders.request(method, path)
				.session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
	}

	private JsonNode created(MockHttpServletResponse response) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isBetween(200, 201);
		return this.json.readTree(body);
	}

	private static Iterable<JsonNode> iterable(JsonNode node) {
		if (node == null || !node.isArray()) {
			return List.of();
		}
		List<JsonNode> list = new ArrayList<>();
		for (Iterator<JsonNode> it = node.iterator(); it.hasNext();) {
			list.add(it.next());
		}
		return list;
	}

	private static String abbreviate(String text) {
		String visible = text.replace("\u0000", "\\0").replace("\ud800", "\\ud800");
		return (visible.length() > 160) ? visible.substring(0, 160) + "…(" + visible.length() + ")" : visible;
	}

	record Spoiled(String what, String path, String body, Map<String, String> query) {
	}

}
