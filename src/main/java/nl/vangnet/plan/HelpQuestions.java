package nl.vangnet.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.household.HelpQuestionStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Help questions in {@code help_question} and their history in
 * {@code help_question_change}.
 */
@Repository
class HelpQuestions {

	private static final String COLUMNS = "id, household_id, member_id, framework_code, domain_code, monitor_code, "
			+ "opened_on, closed_on, acute, status, description, version";

	private final JdbcClient jdbc;

	HelpQuestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The number of acute questions still open (open or in progress, not closed) per
	 * household; households without any are left out.
	 */
	/**
	 * The households of the organisation with an acute help question still open (the
	 * worklist's reason), through the partial index of V34_1.
	 */
	java.util.Set<UUID> householdsWithAcuteOpen(UUID organisationId) {
		return new java.util.HashSet<>(this.jdbc
			.sql("""
					select distinct household_id from help_question
					where organisation_id = :organisation and acute and status in ('OPEN', 'IN_PROGRESS') and closed_on is null
					""")
			.param("organisation", organisationId)
			.query(UUID.class)
			.list());
	}

	java.util.Map<UUID, Integer> acuteOpen(java.util.Collection<UUID> householdIds) {
		java.util.Map<UUID, Integer> counts = new java.util.HashMap<>();
		if (householdIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				select household_id, count(*) from help_question
				where acute and status in ('OPEN', 'IN_PROGRESS') and closed_on is null and household_id in (:ids)
				group by household_id
				""").param("ids", householdIds).query((rs, n) -> {
			counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
			return null;
		}).list();
		return counts;
	}

	/**
	 * Domains where a member needs help: those of the open help questions and of the
	 * active plan goals of the member or of the whole household (no member). A help
	 * question is open when its status is open, in progress or not given and it is not
	 * closed.
	 */
	java.util.Set<String> neededDomains(UUID householdId, UUID memberId) {
		return new java.util.LinkedHashSet<>(this.jdbc.sql("""
				select domain_code from help_question
				where household_id = :household and (member_id = :member or member_id is null)
				  and closed_on is null and (status is null or status in ('OPEN', 'IN_PROGRESS'))
				union
				select domain_code from plan_goal
				where household_id = :household and (member_id = :member or member_id is null)
				  and status = 'ACTIVE' and domain_code is not null
				order by domain_code
				""").param("household", householdId).param("member", memberId).query(String.class).list());
	}

	List<HelpQuestion> ofHousehold(UUID householdId) {
		return this.jdbc.sql("select " + COLUMNS + " from help_question where household_id = :h order by opened_on, id")
			.param("h", householdId)
			.query(HelpQuestions::question)
			.list();
	}

	Optional<HelpQuestion> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from help_question where id = :id")
			.param("id", id)
			.query(HelpQuestions::question)
			.optional();
	}

	void insert(HelpQuestion q, UUID organisationId) {
		this.jdbc.sql("""
				insert into help_question (id, household_id, organisation_id, member_id, framework_code, domain_code,
				  monitor_code, opened_on, closed_on, acute, status, description, version)
				values (:id, :h, :o, :m, :f, :d, :mc, :opened, :closed, :acute, :status, :text, 0)""")
			.param("id", q.id())
			.param("h", q.householdId())
			.param("o", organisationId)
			.param("m", q.memberId())
			.param("f", q.frameworkCode())
			.param("d", q.domainCode())
			.param("mc", q.monitorCode())
			.param("opened", q.openedOn())
			.param("closed", q.closedOn())
			.param("acute", q.acute())
			.param("status", (q.status() != null) ? q.status().name() : null)
			.param("text", q.description())
			.update();
	}

	/**
	 * Stores the question if nobody changed it since it was read.
	 * @return whether it was stored (false: someone else changed it)
	 */
	boolean update(HelpQuestion q) {
		return this.jdbc.sql("""
				update help_question set closed_on = :closed, acute = :acute, status = :status, description = :text,
				  monitor_code = :monitor, version = version + 1
				where id = :id and version = :version""")
			.param("monitor", q.monitorCode())
			.param("id", q.id())
			.param("version", q.version())
			.param("closed", q.closedOn())
			.param("acute", q.acute())
			.param("status", (q.status() != null) ? q.status().name() : null)
			.param("text", q.description())
			.update() == 1;
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from help_question where id = :id").param("id", id).update();
	}

	void recordChanges(UUID questionId, UUID organisationId, UUID by, String byName,
			List<HelpQuestion.Change> changes) {
		for (HelpQuestion.Change change : changes) {
			this.jdbc
				.sql("""
						insert into help_question_change (id, help_question_id, organisation_id, changed_by, changed_by_name,
						  field, old_value, new_value)
						values (:id, :q, :o, :by, :name, :field, :old, :new)""")
				.param("id", UUID.randomUUID())
				.param("q", questionId)
				.param("o", organisationId)
				.param("by", by)
				.param("name", byName)
				.param("field", change.field())
				.param("old", change.before())
				.param("new", change.after())
				.update();
		}
	}

	List<HistoryEntry> history(UUID questionId) {
		return this.jdbc.sql("""
				select changed_at, changed_by_name, field, old_value, new_value from help_question_change
				where help_question_id = :q order by changed_at, field""")
			.param("q", questionId)
			.query((rs, row) -> new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	private static HelpQuestion question(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		Boolean acute = rs.getObject("acute", Boolean.class);
		return new HelpQuestion(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getObject("member_id", UUID.class), rs.getString("framework_code"), rs.getString("domain_code"),
				rs.getString("monitor_code"), rs.getObject("opened_on", LocalDate.class),
				rs.getObject("closed_on", LocalDate.class), acute,
				(status != null) ? HelpQuestionStatus.valueOf(status) : null, rs.getString("description"),
				rs.getInt("version"));
	}

	/**
	 * One change in a question's history: who changed which field when, from what to
	 * what.
	 */
	record HistoryEntry(Instant at, String by, String field, String before, String after) {
	}

}
