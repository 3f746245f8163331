package nl.vangnet.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.household.Helped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The family's plan: goals (with the words they had before), actions, evaluations with
 * the family's experience, and internal notes.
 */
@Repository
class Plans {

	private final JdbcClient jdbc;

	Plans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- Goals

	List<Goal> goals(UUID householdId) {
		return this.jdbc.sql("select * from plan_goal where household_id = :h order by set_on, id")
			.param("h", householdId)
			.query(Plans::goal)
			.list();
	}

	Optional<Goal> goal(UUID id) {
		return this.jdbc.sql("select * from plan_goal where id = :id").param("id", id).query(Plans::goal).optional();
	}

	void insert(Goal g, UUID organisationId) {
		this.jdbc.sql("""
				insert into plan_goal (id, household_id, organisation_id, member_id, framework_code, domain_code,
				  monitor_code, description, status, set_on, version)
				values (:id, :h, :o, :m, :f, :d, :mc, :text, :status, :on, 0)""")
			.param("id", g.id())
			.param("h", g.householdId())
			.param("o", organisationId)
			.param("m", g.memberId())
			.param("f", g.frameworkCode())
			.param("d", g.domainCode())
			.param("mc", g.monitorCode())
			.param("text", g.description())
			.param("status", g.status().name())
			.param("on", g.setOn())
			.update();
	}

	boolean update(Goal g) {
		return this.jdbc.sql("""
				update plan_goal set description = :text, status = :status, version = version + 1
				where id = :id and version = :version""")
			.param("id", g.id())
			.param("version", g.version())
			.param("text", g.description())
			.param("status", g.status().name())
			.update() == 1;
	}

	void revised(UUID goalId, UUID organisationId, LocalDate on, String previous, UUID evaluationId) {
		this.jdbc.sql("""
				insert into plan_goal_revision (id, goal_id, organisation_id, revised_on, previous_text, evaluation_id)
				values (:id, :g, :o, :on, :text, :e)""")
			.param("id", UUID.randomUUID())
			.param("g", goalId)
			.param("o", organisationId)
			.param("on", on)
			.param("text", previous)
			.param("e", evaluationId)
			.update();
	}

	List<Revision> revisions(UUID goalId) {
		return this.jdbc.sql("""
				select revised_on, previous_text, evaluation_id is not null from plan_goal_revision
				where goal_id = :g order by revised_at""")
			.param("g", goalId)
			.query((rs, row) -> new Revision(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3)))
			.list();
	}

	// ---- Actions

	List<PlanAction> actions(UUID householdId) {
		return this.jdbc
			.sql("select * from plan_action where household_id = :h order by due_on nulls last, description, id")
			.param("h", householdId)
			.query(Plans::action)
			.list();
	}

	Optional<PlanAction> action(UUID id) {
		return this.jdbc.sql("select * from plan_action where id = :id")
			.param("id", id)
			.query(Plans::action)
			.optional();
	}

	void insert(PlanAction a, UUID organisationId) {
		this.jdbc.sql("""
				insert into plan_action (id, goal_id, household_id, organisation_id, description, actor, actor_name,
				  partner_id, due_on, status, version)
				values (:id, :g, :h, :o, :text, :actor, :name, :partner, :due, :status, 0)""")
			.param("id", a.id())
			.param("g", a.goalId())
			.param("h", a.householdId())
			.param("o", organisationId)
			.param("text", a.description())
			.param("actor", a.actor().name())
			.param("name", a.actorName())
			.param("partner", a.partnerId())
			.param("due", a.dueOn())
			.param("status", a.status().name())
			.update();
	}

	boolean update(PlanAction a) {
		return this.jdbc.sql("""
				update plan_action set description = :text, actor = :actor, actor_name = :name, partner_id = :partner,
				  due_on = :due, status = :status, version = version + 1
				where id = :id and version = :version""")
			.param("id", a.id())
			.param("version", a.version())
			.param("text", a.description())
			.param("actor", a.actor().name())
			.param("name", a.actorName())
			.param("partner", a.partnerId())
			.param("due", a.dueOn())
			.param("status", a.status().name())
			.update() == 1;
	}

	// ---- Evaluations and experience

	void insertEvaluation(UUID id, UUID householdId, UUID organisationId, LocalDate on, String progressed,
			String notHappened, String needed, UUID by) {
		this.jdbc.sql("""
				insert into plan_evaluation (id, household_id, organisation_id, evaluated_on, progressed, not_happened,
				  needed, recorded_by)
				values (:id, :h, :o, :on, :p, :n, :w, :by)""")
			.param("id", id)
			.param("h", householdId)
			.param("o", organisationId)
			.param("on", on)
			.param("p", progressed)
			.param("n", notHappened)
			.param("w", needed)
			.param("by", by)
			.update();
	}

	List<Evaluation> evaluations(UUID householdId) {
		return this.jdbc.sql("""
				select id, evaluated_on, progressed, not_happened, needed from plan_evaluation
				where household_id = :h order by evaluated_on desc, recorded_at desc""")
			.param("h", householdId)
			.query((rs, row) -> new Evaluation(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	void insertExperience(UUID householdId, UUID organisationId, LocalDate on, String monitorCode, Helped helped,
			UUID evaluationId) {
		insertExperience(householdId, organisationId, on, monitorCode, helped, evaluationId, null);
	}

	/** An experience entry, a member's own when {@code memberId} is not null. */
	void insertExperience(UUID householdId, UUID organisationId, LocalDate on, String monitorCode, Helped helped,
			UUID evaluationId, UUID memberId) {
		this.jdbc.sql("""
				insert into experience (id, household_id, organisation_id, experienced_on, monitor_code, helped,
				  evaluation_id, member_id)
				values (:id, :h, :o, :on, :code, :helped, :e, :m)""")
			.param("m", memberId)
			.param("id", UUID.randomUUID())
			.param("h", householdId)
			.param("o", organisationId)
			.param("on", on)
			.param("code", monitorCode)
			.param("helped", helped.name())
			.param("e", evaluationId)
			.update();
	}

	List<Experience> experiences(UUID householdId) {
		return this.jdbc.sql("""
				select id, experienced_on, monitor_code, helped, evaluation_id, member_id from experience
				where household_id = :h order by experienced_on, monitor_code""")
			.param("h", householdId)
			.query((rs, row) -> new Experience(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getString(3), Helped.valueOf(rs.getString(4)), rs.getObject(5, UUID.class),
					rs.getObject(6, UUID.class)))
			.list();
	}

	void deleteExperience(UUID id) {
		this.jdbc.sql("delete from experience where id = :id").param("id", id).update();
	}

	// ---- Internal notes

	void insertNote(UUID householdId, UUID organisationId, UUID by, String byName, String text) {
		this.jdbc.sql("""
				insert into plan_note (id, household_id, organisation_id, written_by, written_by_name, text)
				values (:id, :h, :o, :by, :name, :text)""")
			.param("id", UUID.randomUUID())
			.param("h", householdId)
			.param("o", organisationId)
			.param("by", by)
			.param("name", byName)
			.param("text", text)
			.update();
	}

	List<Note> notes(UUID householdId) {
		return this.jdbc.sql("""
				select written_at, written_by_name, text from plan_note where household_id = :h
				order by written_at desc""")
			.param("h", householdId)
			.query((rs, row) -> new Note(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static Goal goal(ResultSet rs, int row) throws SQLException {
		return new Goal(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getObject("member_id", UUID.class), rs.getString("framework_code"), rs.getString("domain_code"),
				rs.getString("monitor_code"), rs.getString("description"), GoalStatus.valueOf(rs.getString("status")),
				rs.getObject("set_on", LocalDate.class), rs.getInt("version"));
	}

	private static PlanAction action(ResultSet rs, int row) throws SQLException {
		return new PlanAction(rs.getObject("id", UUID.class), rs.getObject("goal_id", UUID.class),
				rs.getObject("household_id", UUID.class), rs.getString("description"),
				ActionActor.valueOf(rs.getString("actor")), rs.getString("actor_name"),
				rs.getObject("partner_id", UUID.class), rs.getObject("due_on", LocalDate.class),
				ActionStatus.valueOf(rs.getString("status")), rs.getInt("version"));
	}

	/**
	 * The words a goal had until it was adjusted on the day (at an evaluation or not).
	 */
	record Revision(LocalDate revisedOn, String previousText, boolean atEvaluation) {
	}

	record Evaluation(UUID id, LocalDate evaluatedOn, String progressed, String notHappened, String needed) {
	}

	/** The family's experience on a monitor domain on a day. */
	/** {@code memberId} null: the household's experience. */
	record Experience(UUID id, LocalDate on, String monitorCode, Helped helped, UUID evaluationId, UUID memberId) {
	}

	record Note(Instant writtenAt, String writtenBy, String text) {
	}

}
