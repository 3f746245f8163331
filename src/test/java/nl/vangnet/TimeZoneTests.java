package nl.vangnet;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every "now" and "today" is Amsterdam time (the default of {@code VANGNET_TIME_ZONE}),
 * whatever the JVM's default zone. The build runs this class on a UTC JVM with the other
 * tests and once more on a JVM in Pacific/Kiritimati (UTC+14, another date for most of
 * the day).
 */
@VangnetTest
class TimeZoneTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	private static final Pattern DATE = Pattern.compile("id=\"contact-date\"[^>]*value=\"([0-9-]+)\"");

	private static final Pattern TIME = Pattern.compile("id=\"contact-time\"[^>]*value=\"([0-9:]+)\"");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private Clock clock;

	@Autowired
	private JsonMapper json;

	@Test
	void theApplicationsClockIsInAmsterdamWhateverTheJvmsZone() {
		assertThat(this.clock.getZone()).isEqualTo(AMSTERDAM);
	}

	@Test
	void aNewContactIsPreFilledWithTheTimeInAmsterdam() throws Exception {
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		MockHttpSession session = TestData.signIn(this.mvc, professional);
		String household = register(session, professional);

		LocalDateTime before = LocalDateTime.now(AMSTERDAM).truncatedTo(ChronoUnit.MINUTES);
		String page = this.mvc.perform(get("/households/" + household + "/contacts").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		LocalDateTime after = LocalDateTime.now(AMSTERDAM);

		LocalDateTime prefilled = LocalDate.parse(find(DATE, page)).atTime(LocalTime.parse(find(TIME, page)));
		assertThat(prefilled).isBetween(before, after);
	}

	@Test
	void theSignInsShowTheMomentInAmsterdam() throws Exception {
		TestData.Person admin = this.data.person(null, Role.ADMINISTRATOR);
		DateTimeFormatter minute = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
		String before = LocalDateTime.now(AMSTERDAM).format(minute);
		MockHttpSession session = TestData.signIn(this.mvc, admin);
		String after = LocalDateTime.now(AMSTERDAM).format(minute);

		String page = this.mvc.perform(get("/admin/sign-ins").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsAnyOf(before, after);
	}

	private String register(MockHttpSession session, TestData.Person professional) throws Exception {
		String start = LocalDate.now(AMSTERDAM).minusDays(30).toString();
		String document = """
				{ "format": "vangnet-household/1",
				  "members": [ { "ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Noor", "familyName": "%s" } ],
				  "trajectories": [ { "kind": "INTENSIVE", "start": "%s", "phaseModel": "FLEXIBLE", "contactPerson": "%s",
				    "phases": [ { "phase": "FLEXIBLE.GETTING_IN_TOUCH", "date": "%s" } ] } ] }
				"""
			.formatted(TestData.unique("Tijd"), start, professional.id(), start);
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/households").session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString()).get("id").stringValue();
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
		return matcher.group(1);
	}

}
