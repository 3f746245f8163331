package nl.vangnet.safety;

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
import nl.vangnet.platform.staff.Staff;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The safety module's part of the client's rights (issue 17, items 3 and 4). Her report
 * holds only her own safety records: her safety plan, her risk screenings, the meldcode
 * cases about her and, for a child, the contact arrangement; never another member's (a
 * mother's safety plan never reaches the partner's report). The household's pattern and
 * its protective orders are about the family and the other person, so they are in no
 * member's report. The section is delivered only after a meldcode officer reviewed it.
 * The people to call on her plan are third parties: their names are redacted everywhere.
 * Erasure removes every safety row of the household; nothing is kept (the monitor counts
 * the live rows only).
 */
@Component
class SafetyPrivacy implements SubjectAccessContribution, ErasureContribution {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	SafetyPrivacy(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public Set<String> thirdPartyNames(SubjectAccessQuery query) {
		return new HashSet<>(this.jdbc.sql("""
				select distinct p.name from safety_plan_person p join safety_plan s on s.id = p.plan_id
				where s.household_id = :household""")
			.param("household", query.householdId())
			.query(String.class)
			.list());
	}

	@Override
	public List<SubjectAccessSection> sections(SubjectAccessQuery query) {
		ReportText text = new ReportText(this.messages, query);
		List<SubjectAccessSection.Entry> entries = new ArrayList<>();
		this.jdbc
			.sql("""
					select p.title, p.warning_signs, p.safe_places, p.signal_word, p.signal_agreed_with, p.ready_items,
					       p.leaving, p.review_on, (select count(*) from safety_plan_person x where x.plan_id = p.id) as people
					from safety_plan p where p.member_id = :member""")
			.param("member", query.memberId())
			.query((rs,
					n) -> entries.add(text.fields()
						.add("privacy.report.safety.warningSigns", text.free(rs.getString("warning_signs")))
						.add("privacy.report.safety.safePlaces", text.free(rs.getString("safe_places")))
						.add("privacy.report.safety.signalWord", text.free(rs.getString("signal_word")))
						.add("privacy.report.safety.signalAgreedWith", text.free(rs.getString("signal_agreed_with")))
						.add("privacy.report.safety.readyItems", text.free(rs.getString("ready_items")))
						.add("privacy.report.safety.leaving", text.free(rs.getString("leaving")))
						.add("privacy.report.safety.people", String.valueOf(rs.getInt("people")))
						.add("privacy.report.safety.reviewOn", text.date(rs.getDate("review_on")))
						.entry(text.label("privacy.report.safety.plan", text.free(rs.getString("title"))))))
			.list();
		this.jdbc.sql("""
				select screened_on, source, level, override_reason, review_on, note from risk_screening
				where member_id = :member order by screened_on, recorded_at""")
			.param("member", query.memberId())
			.query((rs, n) -> entries.add(text.fields()
				.add("privacy.report.safety.level", rs.getString("level"))
				.add("privacy.report.safety.source", text.code("safety.screening.source", rs.getString("source")))
				.add("privacy.report.safety.override", text.free(rs.getString("override_reason")))
				.add("privacy.report.safety.reviewOn", text.date(rs.getDate("review_on")))
				.add("privacy.report.note", text.free(rs.getString("note")))
				.entry(text.label("privacy.report.safety.screening", text.date(rs.getDate("screened_on"))))))
			.list();
		this.jdbc.sql("""
				select opened_on, concern, decision, follow_up_on from meldcode_case
				where member_id = :member order by opened_on, created_at""")
			.param("member", query.memberId())
			.query((rs, n) -> entries.add(text.fields()
				.add("privacy.report.safety.concern", text.free(rs.getString("concern")))
				.add("privacy.report.safety.decision",
						(rs.getString("decision") != null)
								? text.code("safety.meldcode.decision", rs.getString("decision")) : null)
				.add("privacy.report.safety.followUp", text.date(rs.getDate("follow_up_on")))
				.entry(text.label("privacy.report.safety.meldcode", text.date(rs.getDate("opened_on"))))))
			.list();
		this.jdbc.sql("""
				select arrangement, since, school_knows, childcare_knows from contact_arrangement
				where member_id = :member order by since, recorded_at""")
			.param("member", query.memberId())
			.query((rs,
					n) -> entries.add(text.fields()
						.add("privacy.report.safety.arrangementKind",
								text.code("privacy.report.safety.arrangement", rs.getString("arrangement")))
						.add("privacy.report.safety.schoolKnows", text.free(rs.getString("school_knows")))
						.add("privacy.report.safety.childcareKnows", text.free(rs.getString("childcare_knows")))
						.entry(text.label("privacy.report.safety.arrangementSince", text.date(rs.getDate("since"))))))
			.list();
		if (entries.isEmpty()) {
			return List.of();
		}
		return List.of(new SubjectAccessSection("safety", text.label("privacy.report.section.safety"),
				SubjectAccessSection.Reviewer.MELDCODE_OFFICER, entries));
	}

	@Override
	public boolean mayReview(SubjectAccessSection section, Staff staff) {
		if (section.reviewer() == SubjectAccessSection.Reviewer.MELDCODE_OFFICER) {
			return staff.isMeldcodeOfficer();
		}
		return SubjectAccessContribution.super.mayReview(section, staff);
	}

	@Override
	public List<ErasedTable> erase(ErasureScope scope) {
		List<ErasedTable> erased = new ArrayList<>();
		erased.add(delete("meldcode_step",
				"delete from meldcode_step where case_id in (select id from meldcode_case where household_id = :h)",
				scope));
		erased.add(delete("meldcode_case", "delete from meldcode_case where household_id = :h", scope));
		erased.add(delete("safety_plan_person",
				"delete from safety_plan_person where plan_id in (select id from safety_plan where household_id = :h)",
				scope));
		erased.add(delete("safety_plan", "delete from safety_plan where household_id = :h", scope));
		erased.add(delete("risk_screening", "delete from risk_screening where household_id = :h", scope));
		erased.add(delete("contact_arrangement", "delete from contact_arrangement where household_id = :h", scope));
		erased.add(delete("protective_order", "delete from protective_order where household_id = :h", scope));
		erased.add(delete("safety_pattern", "delete from safety_pattern where household_id = :h", scope));
		return erased;
	}

	private ErasedTable delete(String table, String sql, ErasureScope scope) {
		return ErasedTable.nothingKept(table, this.jdbc.sql(sql).param("h", scope.householdId()).update());
	}

}
