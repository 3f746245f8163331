package nl.vangnet.household;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A confidential address (a secret shelter address, or a family hiding from a violent
 * ex-partner): encrypted at rest, shown only to the organisation's coordinators and
 * professionals who open it deliberately (and that is in the access trail), and never in
 * a list, a search result, an API list or a log.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfidentialAddressTests {

	private static final String STREET = "Geheimhofje";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private TestData.Organisation organisation;

	private TestData.Person professional;

	private TestData.Person volunteer;

	private MockHttpSession professionalSession;

	private MockHttpSession coordinatorSession;

	private MockHttpSession volunteerSession;

	private MockHttpSession outsiderSession;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.volunteer = this.data.person(this.organisation, Role.VOLUNTEER);
		this.professionalSession = TestData.signIn(this.mvc, this.professional);
		this.coordinatorSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.COORDINATOR));
		this.volunteerSession = TestData.signIn(this.mvc, this.volunteer);
		this.outsiderSession = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.COORDINATOR));
	}

	@Test
	void theAddressIsEncryptedAtRest() throws Exception {
		String address = address();
		UUID id = register(address, "Versleuteld");

		byte[] stored = inOrganisation(() -> this.jdbc.sql("select address_encrypted from household where id = :id")
			.param("id", id)
			.query(byte[].class)
			.single());
		Long plainMatches = inOrganisation(() -> this.jdbc.sql("""
				select count(*) from household where position(convert_to(:street, 'UTF8') in address_encrypted) > 0
				   or encode(address_encrypted, 'escape') like '%' || :street || '%'
				""").param("street", STREET).query(Long.class).single());

		assertThat(stored).isNotEmpty();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(STREET);
		assertThat(plainMatches).isZero();
	}

	@Test
	void aProfessionalOpensItDeliberatelyAndTheOpeningIsInTheAccessTrail() throws Exception {
		String address = address();
		UUID id = register(address, "Openen");

		String dossier = page("/households/" + id, this.professionalSession);
		MockHttpServletResponse opened = this.mvc
			.perform(post("/households/" + id + "/confidential-address").with(csrf())
				.session(this.professionalSession)
				.header("HX-Request", "true"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse openedWithoutScript = this.mvc
			.perform(post("/households/" + id + "/confidential-address").with(csrf()).session(this.coordinatorSession))
			.andReturn()
			.getResponse();

		assertThat(dossier).doesNotContain(STREET).contains("id=\"open-confidential-address\"", "vertrouwelijk adres");
		assertThat(opened.getStatus()).isEqualTo(200);
		assertThat(opened.getContentAsString().strip()).startsWith("<div id=\"confidential-address\"")
			.contains(address)
			.doesNotContain("<html");
		assertThat(openedWithoutScript.getContentAsString()).contains("<html", address);
		assertThat(trail(id)).containsSubsequence("VIEW", "OPEN_CONFIDENTIAL", "OPEN_CONFIDENTIAL");
		assertThat(openThroughApi(id, this.professionalSession).get("address").stringValue()).isEqualTo(address);
	}

	@Test
	void itIsInvisibleToAnotherOrganisation() throws Exception {
		UUID id = register(address(), "Buiten");

		assertThat(this.api.status(get("/households/" + id), this.outsiderSession)).isEqualTo(404);
		assertThat(
				this.api.status(post("/households/" + id + "/confidential-address").with(csrf()), this.outsiderSession))
			.isEqualTo(404);
		assertThat(this.api.status(post("/api/v1/households/" + id + "/confidential-address").with(csrf()),
				this.outsiderSession))
			.isEqualTo(404);
		assertThat(trail(id)).doesNotContain("OPEN_CONFIDENTIAL");
	}

	@Test
	void aVolunteerNeverSeesItNotEvenInAFamilyTheyAreInvolvedIn() throws Exception {
		UUID id = register(address(), "Maatje");

		String dossier = page("/households/" + id, this.volunteerSession);
		JsonNode document = this.json.readTree(page("/api/v1/households/" + id, this.volunteerSession));

		assertThat(dossier).contains("Maatje").doesNotContain(STREET, "id=\"open-confidential-address\"");
		assertThat(document.get("contact").get("addressConfidential").booleanValue()).isTrue();
		assertThat(document.toString()).doesNotContain(STREET);
		assertThat(this.api.status(post("/households/" + id + "/confidential-address").with(csrf()),
				this.volunteerSession))
			.isEqualTo(403);
		assertThat(this.api.status(post("/api/v1/households/" + id + "/confidential-address").with(csrf()),
				this.volunteerSession))
			.isEqualTo(403);
		assertThat(trail(id)).doesNotContain("OPEN_CONFIDENTIAL");
	}

	@Test
	void itIsNeverInAListASearchResultTheApiOrTheEditForm() throws Exception {
		String family = TestData.unique("Lijst");
		UUID id = register(address(), family);

		assertThat(page("/households?q=" + family, this.coordinatorSession)).contains(family).doesNotContain(STREET);
		assertThat(page("/households?q=" + STREET, this.coordinatorSession)).doesNotContain(id.toString());
		assertThat(page("/api/v1/households?q=" + family, this.professionalSession)).contains(family)
			.doesNotContain(STREET);
		assertThat(page("/caseload", this.professionalSession)).contains(family).doesNotContain(STREET);
		assertThat(page("/", this.professionalSession)).contains(family).doesNotContain(STREET);
		assertThat(page("/caseload", this.volunteerSession)).contains(family).doesNotContain(STREET);
		assertThat(page("/api/v1/households/" + id, this.professionalSession)).doesNotContain(STREET)
			.contains("\"addressConfidential\":true");
		assertThat(page("/households/" + id + "/edit", this.professionalSession)).doesNotContain(STREET)
			.contains("Er is een vertrouwelijk adres vastgelegd");
	}

	@Test
	void sendingTheDocumentBackWithoutTheAddressKeepsIt() throws Exception {
		String address = address();
		UUID id = register(address, "Terug");
		ObjectNode document = (ObjectNode) this.json
			.readTree(page("/api/v1/households/" + id, this.professionalSession));
		document.put("district", "Bergpolder");

		MockHttpServletResponse updated = this.mvc
			.perform(put("/api/v1/households/" + id).session(this.professionalSession)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(document.toString()))
			.andReturn()
			.getResponse();

		assertThat(updated.getStatus()).isEqualTo(200);
		assertThat(updated.getContentAsString()).doesNotContain(STREET);
		assertThat(openThroughApi(id, this.professionalSession).get("address").stringValue()).isEqualTo(address);
	}

	@Test
	void itNeverReachesTheLogsNotEvenWithSqlParametersTraced() throws Exception {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Logger vangnet = (Logger) LoggerFactory.getLogger("nl.vangnet");
		Logger jdbcLogger = (Logger) LoggerFactory.getLogger("org.springframework.jdbc");
		Level vangnetLevel = vangnet.getLevel();
		Level jdbcLevel = jdbcLogger.getLevel();
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		root.addAppender(logs);
		vangnet.setLevel(Level.TRACE);
		jdbcLogger.setLevel(Level.TRACE);
		String address = address();
		try {
			String family = TestData.unique("Log");
			UUID id = register(address, family);
			UUID viaForm = registerThroughTheForm(address(), family);
			page("/households/" + id, this.professionalSession);
			page("/households/" + viaForm, this.professionalSession);
			this.mvc
				.perform(post("/households/" + id + "/confidential-address").with(csrf())
					.session(this.professionalSession))
				.andReturn();
			openThroughApi(viaForm, this.coordinatorSession);
			page("/households?q=" + family, this.coordinatorSession);
			page("/api/v1/households?q=" + family, this.professionalSession);
			page("/caseload", this.professionalSession);
			this.mvc
				.perform(
						post("/households/" + id + "/confidential-address").with(csrf()).session(this.volunteerSession))
				.andReturn();
		}
		finally {
			root.detachAppender(logs);
			vangnet.setLevel(vangnetLevel);
			jdbcLogger.setLevel(jdbcLevel);
		}

		String logged = logs.list.stream()
			.map((event) -> event.getFormattedMessage() + ((event.getThrowableProxy() != null)
					? ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""))
			.collect(Collectors.joining("\n"));
		assertThat(logged).as("SQL parameters were traced").contains("06 5555 0101");
		assertThat(logged).doesNotContain(STREET);
	}

	// ---- helpers

	private static String address() {
		return STREET + " " + TestData.unique("") + ", 3011 AB Zuidstad";
	}

	/** A household with a confidential address whose volunteer is involved. */
	private UUID register(String address, String family) throws Exception {
		String document = """
				{
				  "members": [ { "role": "PARENT", "mainContact": true, "givenName": "Lotte", "familyName": "%s" },
				               { "role": "CHILD", "givenName": "Daan", "familyName": "%s", "ageGroup": "PRIMARY_SCHOOL" } ],
				  "trajectories": [ { "kind": "INTENSIVE", "start": "2024-01-15", "contactPerson": "%s",
				                      "involvedStaff": ["%s"] } ],
				  "contact": { "phone": "06 5555 0101", "address": "%s", "addressConfidential": true }
				}
				"""
			.formatted(family, family, this.professional.id(), this.volunteer.id(), address);
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/households").session(this.professionalSession)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		assertThat(response.getContentAsString()).doesNotContain(STREET);
		return UUID.fromString(this.json.readTree(response.getContentAsString()).get("id").stringValue());
	}

	private UUID registerThroughTheForm(String address, String family) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/households").with(csrf())
				.session(this.professionalSession)
				.param("members[0].role", "PARENT")
				.param("members[0].givenName", "Iris")
				.param("members[0].familyName", family)
				.param("mainContact", "0")
				.param("address", address)
				.param("addressConfidential", "true")
				.param("kind", "SHORT")
				.param("start", "2024-02-01")
				.param("contactPerson", this.professional.id().toString())
				.param("firstPhase", "FLEXIBLE.GETTING_IN_TOUCH"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		return UUID.fromString(response.getRedirectedUrl().substring("/households/".length()));
	}

	private JsonNode openThroughApi(UUID id, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/households/" + id + "/confidential-address").with(csrf()).session(session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

	private String page(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private List<String> trail(UUID id) {
		return inOrganisation(() -> this.jdbc.sql("select action from access_trail where subject_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list());
	}

	private <T> T inOrganisation(java.util.function.Supplier<T> work) {
		return TenantScope.callAs(TenantScope.Scope.system(Set.of(this.organisation.id())),
				() -> this.transactions.execute((status) -> work.get()));
	}

}
