package nl.vangnet.plan;

import java.util.ArrayList;
import java.util.List;

import nl.vangnet.platform.privacy.ErasureContribution;
import nl.vangnet.platform.privacy.ErasureScope;
import nl.vangnet.platform.privacy.ReportText;
import nl.vangnet.platform.privacy.SubjectAccessContribution;
import nl.vangnet.platform.privacy.SubjectAccessQuery;
import nl.vangnet.platform.privacy.SubjectAccessSection;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan's part of the client's rights: her help questions (with their history), the
 * plan's goals, actions, evaluations and internal notes, the progress scores and her
 * experience in a subject-access report; and their erasure. A parent gets what concerns
 * the whole family too; a child what names her.
 */
@Component
class PlanPrivacy implements SubjectAccessContribution, ErasureContribution {

	/** Rows of the whole family (no member) count for a parent; a child gets her own. */
	private static final String HERS = " and (member_id = :member or (member_id is null and :parent))";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	PlanPrivacy(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<SubjectAccessSection> sections(SubjectAccessQuery query) {
		ReportText text = new ReportText(this.messages, query);
		List<SubjectAccessSection> sections = new ArrayList<>();
		List<SubjectAccessSection.Entry> questions = this.jdbc
			.sql("""
					select q.id, q.domain_code, q.opened_on, q.closed_on, q.acute, q.status, q.description,
					       (select string_agg(c.field || ': ' || coalesce(c.old_value, '-') || ' > ' || coalesce(c.new_value, '-'),
					                          '; ' order by c.changed_at)
					        from help_question_change c where c.help_question_id = q.id) as history
					from help_question q where q.household_id = :household"""
					+ HERS + " order by q.opened_on, q.id")
			.param("household", query.householdId())
			.param("member", query.memberId())
			.param("parent", query.parent())
			.query((rs, n) -> text.fields()
				.add("privacy.report.domain", rs.getString("domain_code"))
				.add("privacy.report.status", text.code("helpQuestion.status", rs.getString("status")))
				.add("privacy.report.helpQuestion.acute", text.yesNo((Boolean) rs.getObject("acute")))
				.add("privacy.report.helpQuestion.description", text.free(rs.getString("description")))
				.add("privacy.report.helpQuestion.opened", text.date(rs.getDate("opened_on")))
				.add("privacy.report.helpQuestion.closed", text.date(rs.getDate("closed_on")))
				.add("privacy.report.history", text.free(rs.getString("history")))
				.entry(rs.getString("domain_code") + ", " + text.date(rs.getDate("opened_on"))))
			.list();
		add(sections, "plan.helpQuestions", text.label("privacy.report.section.helpQuestions"), questions);
		List<SubjectAccessSection.Entry> goals = this.jdbc
			.sql("""
					select g.id, g.domain_code, g.description, g.status, g.set_on,
					       (select string_agg(a.description || ' (' || a.actor || ', ' || a.status || ')', '; ' order by a.id)
					        from plan_action a where a.goal_id = g.id) as actions,
					       (select string_agg(r.revised_on || ': ' || r.previous_text, '; ' order by r.revised_at)
					        from plan_goal_revision r where r.goal_id = g.id) as revisions
					from plan_goal g where g.household_id = :household"""
					+ HERS + " order by g.set_on, g.id")
			.param("household", query.householdId())
			.param("member", query.memberId())
			.param("parent", query.parent())
			.query((rs, n) -> text.fields()
				.add("privacy.report.domain", rs.getString("domain_code"))
				.add("privacy.report.status", text.code("goal.status", rs.getString("status")))
				.add("privacy.report.goal.setOn", text.date(rs.getDate("set_on")))
				.add("privacy.report.goal.actions", text.free(rs.getString("actions")))
				.add("privacy.report.goal.earlierWording", text.free(rs.getString("revisions")))
				.entry(text.free(rs.getString("description"))))
			.list();
		add(sections, "plan.goals", text.label("privacy.report.section.plan"), goals);
		if (query.parent()) {
			List<SubjectAccessSection.Entry> evaluations = this.jdbc.sql("""
					select evaluated_on, progressed, not_happened, needed from plan_evaluation
					where household_id = :household order by evaluated_on""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.evaluation.progressed", text.free(rs.getString("progressed")))
					.add("privacy.report.evaluation.notHappened", text.free(rs.getString("not_happened")))
					.add("privacy.report.evaluation.needed", text.free(rs.getString("needed")))
					.entry(text.date(rs.getDate("evaluated_on"))))
				.list();
			add(sections, "plan.evaluations", text.label("privacy.report.section.evaluations"), evaluations);
			List<SubjectAccessSection.Entry> notes = this.jdbc.sql("""
					select written_at, written_by_name, text from plan_note where household_id = :household
					order by written_at""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.writtenBy", rs.getString("written_by_name"))
					.add("privacy.report.note", text.free(rs.getString("text")))
					.entry(text.moment(rs.getTimestamp("written_at"))))
				.list();
			add(sections, "plan.notes", text.label("privacy.report.section.planNotes"), notes);
			List<SubjectAccessSection.Entry> scores = this.jdbc.sql("""
					select instrument_code, domain_code, scored_on, rater, score from progress_score
					where household_id = :household and (member_id is null or member_id = :member)
					order by scored_on, instrument_code, domain_code, rater""")
				.param("household", query.householdId())
				.param("member", query.memberId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.score.instrument", rs.getString("instrument_code"))
					.add("privacy.report.domain", rs.getString("domain_code"))
					.add("privacy.report.score.rater", text.code("privacy.report.score.rater", rs.getString("rater")))
					.add("privacy.report.score.value",
							(rs.getObject("score") != null) ? rs.getString("score")
									: text.label("privacy.report.score.notApplicable"))
					.entry(text.date(rs.getDate("scored_on"))))
				.list();
			add(sections, "plan.scores", text.label("privacy.report.section.scores"), scores);
			List<SubjectAccessSection.Entry> experience = this.jdbc.sql("""
					select experienced_on, monitor_code, helped from experience where household_id = :household
					  and (member_id is null or member_id = :member)
					order by experienced_on, monitor_code""")
				.param("household", query.householdId())
				.param("member", query.memberId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.domain", rs.getString("monitor_code"))
					.add("privacy.report.experience.helped", text.code("monitor.helped", rs.getString("helped")))
					.entry(text.date(rs.getDate("experienced_on"))))
				.list();
			add(sections, "plan.experience", text.label("privacy.report.section.experience"), experience);
		}
		return sections;
	}

	private static void add(List<SubjectAccessSection> sections, String key, String title,
			List<SubjectAccessSection.Entry> entries) {
		if (!entries.isEmpty()) {
			sections.add(new SubjectAccessSection(key, title, entries));
		}
	}

	@Override
	public List<ErasedTable> erase(ErasureScope scope) {
		List<ErasedTable> erased = new ArrayList<>();
		// Children first: the revisions, actions and changes refer to goals and
		// questions.
		erased.add(delete("plan_goal_revision",
				"delete from plan_goal_revision where goal_id in (select id from plan_goal where household_id = :h)",
				scope));
		erased.add(delete("plan_action", "delete from plan_action where household_id = :h", scope));
		erased.add(delete("plan_goal", "delete from plan_goal where household_id = :h", scope));
		erased.add(delete("plan_evaluation", "delete from plan_evaluation where household_id = :h", scope));
		erased.add(delete("plan_note", "delete from plan_note where household_id = :h", scope));
		erased.add(delete("help_question_change",
				"delete from help_question_change where help_question_id in (select id from help_question where household_id = :h)",
				scope));
		erased.add(delete("help_question", "delete from help_question where household_id = :h", scope));
		erased.add(delete("progress_score", "delete from progress_score where household_id = :h", scope));
		erased.add(delete("experience", "delete from experience where household_id = :h", scope));
		return erased;
	}

	private ErasedTable delete(String table, String sql, ErasureScope scope) {
		return ErasedTable.nothingKept(table, this.jdbc.sql(sql).param("h", scope.householdId()).update());
	}

}
