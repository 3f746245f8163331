package nl.vangnet.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * The network's part of the client's rights: her network maps with their contacts, the
 * integration triangle and the five-step plan in a subject-access report, where the
 * contacts are third parties: on the map each appears by relation and number, never by
 * name, and their names are redacted from every note of the report. And their erasure.
 */
@Component
class NetworkPrivacy implements SubjectAccessContribution, ErasureContribution {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	NetworkPrivacy(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public Set<String> thirdPartyNames(SubjectAccessQuery query) {
		return new HashSet<>(this.jdbc.sql("""
				select distinct c.name from network_contact c join network_snapshot s on s.id = c.snapshot_id
				where s.household_id = :household""")
			.param("household", query.householdId())
			.query(String.class)
			.list());
	}

	@Override
	public List<SubjectAccessSection> sections(SubjectAccessQuery query) {
		ReportText text = new ReportText(this.messages, query);
		List<SubjectAccessSection> sections = new ArrayList<>();
		List<SubjectAccessSection.Entry> maps = new ArrayList<>();
		this.jdbc.sql("""
				select s.drawn_on, s.label, c.position, c.relation, c.closeness, c.tie, c.danger, c.note,
				       array_to_string(c.support, ', ') as support, array_to_string(c.domains, ', ') as domains
				from network_snapshot s join network_contact c on c.snapshot_id = s.id
				where s.member_id = :member order by s.drawn_on, s.id, c.position""")
			.param("member", query.memberId())
			.query((rs, n) -> {
				maps.add(text.fields()
					.add("privacy.report.network.drawnOn", text.date(rs.getDate("drawn_on")))
					.add("privacy.report.network.relation", text.code("network.relation", rs.getString("relation")))
					.add("privacy.report.network.closeness", text.code("network.closeness", rs.getString("closeness")))
					.add("privacy.report.network.tie", text.code("network.tie", rs.getString("tie")))
					.add("privacy.report.network.support", rs.getString("support"))
					.add("privacy.report.domain", rs.getString("domains"))
					.add("privacy.report.network.danger", rs.getBoolean("danger") ? text.yesNo(true) : null)
					.add("privacy.report.note", text.free(rs.getString("note")))
					.entry(text.label("privacy.report.network.contact", rs.getInt("position") + 1,
							text.code("network.relation", rs.getString("relation")))));
				return null;
			})
			.list();
		if (!maps.isEmpty()) {
			sections.add(new SubjectAccessSection("network.maps", text.label("privacy.report.section.network"), maps));
		}
		List<SubjectAccessSection.Entry> triangle = this.jdbc.sql("""
				select placed_on, government, services, society, out_of_view, note from network_triangle
				where member_id = :member order by placed_on, id""")
			.param("member", query.memberId())
			.query((rs, n) -> text.fields()
				.add("privacy.report.triangle.government", rs.getString("government"))
				.add("privacy.report.triangle.services", rs.getString("services"))
				.add("privacy.report.triangle.society", rs.getString("society"))
				.add("privacy.report.triangle.outOfView", rs.getBoolean("out_of_view") ? text.yesNo(true) : null)
				.add("privacy.report.note", text.free(rs.getString("note")))
				.entry(text.date(rs.getDate("placed_on"))))
			.list();
		if (!triangle.isEmpty()) {
			sections.add(new SubjectAccessSection("network.triangle", text.label("privacy.report.section.triangle"),
					triangle));
		}
		List<SubjectAccessSection.Entry> steps = this.jdbc.sql("""
				select domain_code, cycle, step, done_on, note from network_plan_step
				where member_id = :member order by domain_code, cycle, done_on""")
			.param("member", query.memberId())
			.query((rs, n) -> text.fields()
				.add("privacy.report.domain", rs.getString("domain_code"))
				.add("privacy.report.steps.done", text.date(rs.getDate("done_on")))
				.add("privacy.report.note", text.free(rs.getString("note")))
				.entry(text.code("network.plan.step", rs.getString("step"))))
			.list();
		if (!steps.isEmpty()) {
			sections.add(new SubjectAccessSection("network.steps", text.label("privacy.report.section.steps"), steps));
		}
		return sections;
	}

	@Override
	public List<ErasedTable> erase(ErasureScope scope) {
		List<ErasedTable> erased = new ArrayList<>();
		erased.add(delete("network_contact", """
				delete from network_contact
				where snapshot_id in (select id from network_snapshot where household_id = :h)""", scope));
		erased.add(delete("network_snapshot", "delete from network_snapshot where household_id = :h", scope));
		erased.add(delete("network_triangle", "delete from network_triangle where household_id = :h", scope));
		erased.add(delete("network_plan_step", "delete from network_plan_step where household_id = :h", scope));
		return erased;
	}

	private ErasedTable delete(String table, String sql, ErasureScope scope) {
		return ErasedTable.nothingKept(table, this.jdbc.sql(sql).param("h", scope.householdId()).update());
	}

}
