package nl.vangnet.contact;

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
 * The contact module's part of the client's rights: contact moments with their notes
 * (those she took part in, or, for a parent, those of the whole family), time invested,
 * activities, the follow-up rhythm and the follow-up checks after departure, papers
 * (obligations) and debts with their history, in a subject-access report; and their
 * erasure.
 */
@Component
class ContactPrivacy implements SubjectAccessContribution, ErasureContribution {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	ContactPrivacy(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<SubjectAccessSection> sections(SubjectAccessQuery query) {
		ReportText text = new ReportText(this.messages, query);
		List<SubjectAccessSection> sections = new ArrayList<>();
		List<SubjectAccessSection.Entry> moments = this.jdbc.sql("""
				select c.occurred_at, c.channel, c.reached, c.note, c.sensitive
				from contact_moment c
				where c.household_id = :household
				  and (:parent or exists (select 1 from contact_moment_member m
				                          where m.contact_moment_id = c.id and m.member_id = :member))
				order by c.occurred_at, c.id""")
			.param("household", query.householdId())
			.param("member", query.memberId())
			.param("parent", query.parent())
			.query((rs, n) -> text.fields()
				.add("contact.channel", text.code("contact.channel", rs.getString("channel")))
				.add("privacy.report.contact.reached", text.yesNo(rs.getBoolean("reached")))
				.add("privacy.report.contact.sensitive", rs.getBoolean("sensitive") ? text.yesNo(true) : null)
				.add("privacy.report.note", text.free(rs.getString("note")))
				.entry(text.localMoment(rs.getTimestamp("occurred_at"))))
			.list();
		add(sections, "contact.moments", text.label("privacy.report.section.contacts"), moments);
		List<SubjectAccessSection.Entry> time = this.jdbc.sql("""
				select entry_date, support_type, minutes from time_entry
				where household_id = :household and (member_id = :member or (member_id is null and :parent))
				order by entry_date, id""")
			.param("household", query.householdId())
			.param("member", query.memberId())
			.param("parent", query.parent())
			.query((rs, n) -> text.fields()
				.add("privacy.report.time.supportType", text.code("contact.supportType", rs.getString("support_type")))
				.add("privacy.report.time.minutes", rs.getString("minutes"))
				.entry(text.date(rs.getDate("entry_date"))))
			.list();
		add(sections, "contact.time", text.label("privacy.report.section.time"), time);
		List<SubjectAccessSection.Entry> activities = this.jdbc.sql("""
				select activity_date, name, satisfaction from activity_participation
				where household_id = :household and (member_id = :member or (member_id is null and :parent))
				order by activity_date, id""")
			.param("household", query.householdId())
			.param("member", query.memberId())
			.param("parent", query.parent())
			.query((rs, n) -> text.fields()
				.add("privacy.report.activity.name", text.free(rs.getString("name")))
				.add("privacy.report.activity.satisfaction",
						text.code("contact.satisfaction", rs.getString("satisfaction")))
				.entry(text.date(rs.getDate("activity_date"))))
			.list();
		add(sections, "contact.activities", text.label("privacy.report.section.activities"), activities);
		if (query.parent()) {
			List<SubjectAccessSection.Entry> rhythms = this.jdbc
				.sql("""
						select rhythm, started_on, ended_on, end_reason from follow_up_rhythm where household_id = :household
						order by started_on, id""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.rhythm.started", text.date(rs.getDate("started_on")))
					.add("privacy.report.rhythm.ended", text.date(rs.getDate("ended_on")))
					.add("privacy.report.rhythm.endReason", text.free(rs.getString("end_reason")))
					.entry(text.code("contact.rhythm", rs.getString("rhythm"))))
				.list();
			add(sections, "contact.rhythms", text.label("privacy.report.section.rhythms"), rhythms);
			List<SubjectAccessSection.Entry> checks = this.jdbc.sql("""
					select months, checked_on, reached, housing, income, debts, safe, school, supportive_contacts,
					  triangle, helped
					from follow_up_check where household_id = :household order by checked_on, created_at, id""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.followUp.months", rs.getString("months"))
					.add("contact.followUp.reached", text.yesNo(rs.getBoolean("reached")))
					.add("contact.followUp.housing", text.code("trajectory.housing", rs.getString("housing")))
					.add("contact.followUp.income", text.code("trajectory.income", rs.getString("income")))
					.add("contact.followUp.debts", text.code("household.debts", rs.getString("debts")))
					.add("contact.followUp.safe", text.yesNo((Boolean) rs.getObject("safe")))
					.add("contact.followUp.school", text.code("trajectory.school", rs.getString("school")))
					.add("contact.followUp.supportiveContacts", rs.getString("supportive_contacts"))
					.add("contact.followUp.triangle", text.code("contact.followUp.triangle", rs.getString("triangle")))
					.add("contact.followUp.helped", text.code("helped", rs.getString("helped")))
					.entry(text.date(rs.getDate("checked_on"))))
				.list();
			add(sections, "contact.followUpChecks", text.label("privacy.report.section.followUp"), checks);
			List<SubjectAccessSection.Entry> papers = this.jdbc.sql("""
					select kind, description, agency, due_on, status from obligation where household_id = :household
					order by due_on nulls last, id""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.paper.kind", text.code("contact.obligation.kind", rs.getString("kind")))
					.add("privacy.report.paper.agency", rs.getString("agency"))
					.add("privacy.report.paper.due", text.date(rs.getDate("due_on")))
					.add("privacy.report.status", text.code("contact.obligation.status", rs.getString("status")))
					.entry(text.free(rs.getString("description"))))
				.list();
			add(sections, "contact.papers", text.label("privacy.report.section.papers"), papers);
			List<SubjectAccessSection.Entry> debts = this.jdbc.sql("""
					select d.creditor, d.amount, d.arrangement, d.status,
					       (select string_agg(h.changed_at::date || ': ' || h.amount || ' ' || h.status, '; '
					                          order by h.changed_at)
					        from debt_history h where h.debt_id = d.id) as history
					from debt d where d.household_id = :household order by d.created_at, d.id""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.debt.amount", rs.getBigDecimal("amount").toPlainString())
					.add("privacy.report.debt.arrangement", text.free(rs.getString("arrangement")))
					.add("privacy.report.status", text.code("contact.debt.status", rs.getString("status")))
					.add("privacy.report.history", rs.getString("history"))
					.entry(rs.getString("creditor")))
				.list();
			add(sections, "contact.debts", text.label("privacy.report.section.debts"), debts);
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
		erased.add(delete("time_entry", "delete from time_entry where household_id = :h", scope));
		erased
			.add(delete("activity_participation", "delete from activity_participation where household_id = :h", scope));
		erased.add(delete("follow_up_check", "delete from follow_up_check where household_id = :h", scope));
		erased.add(delete("contact_moment_member", """
				delete from contact_moment_member
				where contact_moment_id in (select id from contact_moment where household_id = :h)""", scope));
		erased.add(delete("contact_moment", "delete from contact_moment where household_id = :h", scope));
		erased.add(delete("follow_up_rhythm", "delete from follow_up_rhythm where household_id = :h", scope));
		erased.add(delete("obligation", "delete from obligation where household_id = :h", scope));
		erased.add(delete("debt_history",
				"delete from debt_history where debt_id in (select id from debt where household_id = :h)", scope));
		erased.add(delete("debt", "delete from debt where household_id = :h", scope));
		return erased;
	}

	private ErasedTable delete(String table, String sql, ErasureScope scope) {
		return ErasedTable.nothingKept(table, this.jdbc.sql(sql).param("h", scope.householdId()).update());
	}

}
