package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The departure a running rhythm counts its follow-up checks from (V43, V44: the end of
 * its intensive trajectory, {@code follow_up_rhythm.departed_on}) is stored for the
 * worklist's index, and stays what it is defined to be after every change that affects
 * it: of the rhythm (inserted, moved to another trajectory, ended, running again) and of
 * its trajectory (inserted, ended, its end moved, reopened, its kind changed, deleted).
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RhythmDepartureTests {

	private static final LocalDate TODAY = TestData.today();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	private TestData.Organisation organisation;

	private MockHttpSession professional;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.PROFESSIONAL));
	}

	@Test
	void theStoredDepartureOfARunningRhythmFollowsEveryChangeOfItsTrajectoryAndOfItself() throws Exception {
		// Ended through the API: aftercare's rhythm starts with the departure.
		LocalDate departed = TODAY.minusMonths(4);
		UUID household = household("""
				{"kind": "INTENSIVE", "start": "%s", "end": "%s"}""".formatted(TODAY.minusYears(2), departed));
		UUID trajectory = trajectoryOf(household);
		assertThat(departedOn(trajectory)).isEqualTo(departed);
		assertAsDefined();

		// Its end moved, then reopened, then ended again.
		sql((jdbc) -> update(jdbc, "update trajectory set end_date = :d where id = :t", departed.minusDays(10),
				trajectory));
		assertThat(departedOn(trajectory)).isEqualTo(departed.minusDays(10));
		sql((jdbc) -> update(jdbc, "update trajectory set end_date = :d where id = :t", null, trajectory));
		assertThat(departedOn(trajectory)).isNull();
		sql((jdbc) -> update(jdbc, "update trajectory set end_date = :d where id = :t", departed, trajectory));
		assertThat(departedOn(trajectory)).isEqualTo(departed);
		assertAsDefined();

		// Its kind changed: a short trajectory is no departure, and back.
		sql((jdbc) -> update(jdbc, "update trajectory set kind = 'SHORT', end_date = :d where id = :t", departed,
				trajectory));
		assertThat(departedOn(trajectory)).isNull();
		sql((jdbc) -> update(jdbc, "update trajectory set kind = 'INTENSIVE', end_date = :d where id = :t", departed,
				trajectory));
		assertThat(departedOn(trajectory)).isEqualTo(departed);
		// An update that changes neither leaves it.
		sql((jdbc) -> update(jdbc, "update trajectory set position = position where id = :t and :d is null", null,
				trajectory));
		assertThat(departedOn(trajectory)).isEqualTo(departed);
		assertAsDefined();

		// The rhythm ended: no departure; running again: the departure again.
		sql((jdbc) -> update(jdbc,
				"update follow_up_rhythm set ended_on = :d, end_reason = 'klaar' where trajectory_id = :t", TODAY,
				trajectory));
		assertThat(departedOnOfAny(trajectory)).containsOnlyNulls();
		sql((jdbc) -> update(jdbc,
				"update follow_up_rhythm set ended_on = null, end_reason = null where trajectory_id = :t and :d is null",
				null, trajectory));
		assertThat(departedOn(trajectory)).isEqualTo(departed);
		assertAsDefined();

		// Moved to a running trajectory of hers, and back.
		UUID running = UUID.randomUUID();
		sql((jdbc) -> jdbc.sql("""
				insert into trajectory (id, household_id, organisation_id, position, kind, start_date, phase_model)
				select :id, household_id, organisation_id, 1, 'SHORT', :start, phase_model from trajectory
				where id = :t""")
			.param("id", running)
			.param("t", trajectory)
			.param("start", TODAY.minusMonths(1))
			.update());
		UUID rhythm = rhythmOf(trajectory);
		sql((jdbc) -> jdbc.sql("update follow_up_rhythm set trajectory_id = :t where id = :r")
			.param("t", running)
			.param("r", rhythm)
			.update());
		assertThat(departedOn(running)).isNull();
		sql((jdbc) -> jdbc.sql("update follow_up_rhythm set trajectory_id = :t where id = :r")
			.param("t", trajectory)
			.param("r", rhythm)
			.update());
		assertThat(departedOn(trajectory)).isEqualTo(departed);

		// A rhythm inserted before its trajectory: the trajectory's insert gives it.
		UUID later = UUID.randomUUID();
		sql((jdbc) -> jdbc.sql("""
				insert into follow_up_rhythm (id, household_id, organisation_id, trajectory_id, rhythm, started_on)
				values (:id, :h, :o, :t, 'MONTHLY', :on)""")
			.param("id", UUID.randomUUID())
			.param("h", household)
			.param("o", this.organisation.id())
			.param("t", later)
			.param("on", TODAY.minusMonths(2))
			.update());
		assertThat(departedOn(later)).isNull();
		sql((jdbc) -> jdbc.sql("""
				insert into trajectory (id, household_id, organisation_id, position, kind, start_date, end_date,
				  phase_model)
				select :id, household_id, organisation_id, 2, 'INTENSIVE', :start, :end, phase_model from trajectory
				where id = :t""")
			.param("id", later)
			.param("t", trajectory)
			.param("start", TODAY.minusMonths(3))
			.param("end", TODAY.minusMonths(2))
			.update());
		assertThat(departedOn(later)).isEqualTo(TODAY.minusMonths(2));
		assertAsDefined();

		// The trajectory deleted: its rhythm has no departure.
		sql((jdbc) -> jdbc.sql("delete from trajectory where id = :t").param("t", later).update());
		assertThat(departedOn(later)).isNull();
		assertAsDefined();
	}

	/**
	 * Every running rhythm of the organisation has the departure it is defined to have:
	 * the end date of its trajectory when that is intensive.
	 */
	private void assertAsDefined() {
		List<String> wrong = sql((jdbc) -> jdbc.sql("""
				select r.id::text from follow_up_rhythm r
				left join household_trajectory t on t.trajectory_id = r.trajectory_id and t.kind = 'INTENSIVE'
				where r.organisation_id = :o and r.ended_on is null and r.departed_on is distinct from t.end_date""")
			.param("o", this.organisation.id())
			.query(String.class)
			.list());
		assertThat(wrong).isEmpty();
	}

	private UUID household(String trajectory) throws Exception {
		String body = """
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Priya", "familyName": "%s"}],
				 "trajectories": [%s]}
				"""
			.formatted(TestData.unique("Ramdin"), trajectory);
		return UUID.fromString(this.api.read(this.api.send(post("/api/v1/households"), body, this.professional, 201))
			.get("id")
			.stringValue());
	}

	private UUID trajectoryOf(UUID household) {
		return sql((jdbc) -> jdbc.sql("select id from trajectory where household_id = :h")
			.param("h", household)
			.query(UUID.class)
			.single());
	}

	private UUID rhythmOf(UUID trajectory) {
		return sql((jdbc) -> jdbc.sql("select id from follow_up_rhythm where trajectory_id = :t and ended_on is null")
			.param("t", trajectory)
			.query(UUID.class)
			.single());
	}

	private LocalDate departedOn(UUID trajectory) {
		return sql((jdbc) -> jdbc
			.sql("select departed_on from follow_up_rhythm where trajectory_id = :t and ended_on is null")
			.param("t", trajectory)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single()
			.orElse(null));
	}

	private List<LocalDate> departedOnOfAny(UUID trajectory) {
		return sql((jdbc) -> jdbc.sql("select departed_on from follow_up_rhythm where trajectory_id = :t")
			.param("t", trajectory)
			.query(LocalDate.class)
			.list());
	}

	private static int update(JdbcClient jdbc, String sql, LocalDate day, UUID trajectory) {
		return jdbc.sql(sql).param("d", day, java.sql.Types.DATE).param("t", trajectory).update();
	}

	private <T> T sql(java.util.function.Function<JdbcClient, T> work) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())), work);
	}

}
