package nl.vangnet.cooperation;

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
 * Cooperation's part of the client's rights: her consents (given by her or for her), the
 * household's referrals with their events, the regie holder and the agencies involved
 * with their issues, in a subject-access report; and their erasure (through
 * {@code cooperation_erase}, V19_2: consents, referrals and the regie holder are never
 * deleted otherwise).
 */
@Component
class CooperationPrivacy implements SubjectAccessContribution, ErasureContribution {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	CooperationPrivacy(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<SubjectAccessSection> sections(SubjectAccessQuery query) {
		ReportText text = new ReportText(this.messages, query);
		List<SubjectAccessSection> sections = new ArrayList<>();
		List<SubjectAccessSection.Entry> consents = this.jdbc.sql("""
				select c.sections, c.purpose, c.form, c.given_on, c.valid_until, c.withdrawn_on, c.withdrawal_reason,
				       coalesce(o.name, p.name) as recipient
				from consent c
				left join organisation_directory o on o.id = c.recipient_organisation_id
				left join partner p on p.id = c.recipient_partner_id
				where c.household_id = :household and (c.member_id = :member or c.on_behalf_of = :member)
				order by c.given_on, c.id""")
			.param("household", query.householdId())
			.param("member", query.memberId())
			.query((rs, n) -> text.fields()
				.add("privacy.report.consent.recipient", rs.getString("recipient"))
				.add("privacy.report.consent.sections", rs.getString("sections"))
				.add("privacy.report.consent.purpose", text.free(rs.getString("purpose")))
				.add("privacy.report.consent.form", text.code("consent.form", rs.getString("form")))
				.add("privacy.report.consent.validUntil", text.date(rs.getDate("valid_until")))
				.add("privacy.report.consent.withdrawnOn", text.date(rs.getDate("withdrawn_on")))
				.add("privacy.report.consent.withdrawalReason", text.free(rs.getString("withdrawal_reason")))
				.entry(text.date(rs.getDate("given_on"))))
			.list();
		add(sections, "cooperation.consents", text.label("privacy.report.section.consents"), consents);
		if (query.parent()) {
			List<SubjectAccessSection.Entry> referrals = this.jdbc.sql("""
					select r.created_on, r.domain, r.reason, coalesce(o.name, p.name) as recipient,
					       (select string_agg(e.on_date || ' ' || e.status, '; ' order by e.sequence)
					        from referral_event e where e.referral_id = r.id) as events
					from referral r
					left join organisation_directory o on o.id = r.to_organisation_id
					left join partner p on p.id = r.to_partner_id
					where r.household_id = :household order by r.created_on, r.id""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.referral.to", rs.getString("recipient"))
					.add("privacy.report.domain", rs.getString("domain"))
					.add("privacy.report.referral.reason", text.free(rs.getString("reason")))
					.add("privacy.report.history", rs.getString("events"))
					.entry(text.date(rs.getDate("created_on"))))
				.list();
			add(sections, "cooperation.referrals", text.label("privacy.report.section.referrals"), referrals);
			List<SubjectAccessSection.Entry> regie = this.jdbc
				.sql("""
						select name, works_at, phone, email, reachable, since from regie_holder where household_id = :household""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.regie.worksAt", rs.getString("works_at"))
					.add("privacy.report.household.phone", rs.getString("phone"))
					.add("privacy.report.household.email", rs.getString("email"))
					.add("privacy.report.regie.reachable", rs.getString("reachable"))
					.add("privacy.report.regie.since", text.date(rs.getDate("since")))
					.entry(rs.getString("name")))
				.list();
			add(sections, "cooperation.regie", text.label("privacy.report.section.regie"), regie);
			List<SubjectAccessSection.Entry> agencies = this.jdbc
				.sql("""
						select a.kind, a.name, a.reference, a.contact_name, a.ended_on,
						       (select string_agg(i.noticed_on || ' ' || i.kind || ' ' || i.status || ': ' || i.description, '; '
						                          order by i.noticed_on)
						        from agency_issue i where i.agency_id = a.id) as issues
						from agency_involved a where a.household_id = :household order by a.created_at, a.id""")
				.param("household", query.householdId())
				.query((rs, n) -> text.fields()
					.add("privacy.report.agency.kind", text.code("agency.kind", rs.getString("kind")))
					.add("privacy.report.agency.reference", rs.getString("reference"))
					.add("privacy.report.agency.contact", rs.getString("contact_name"))
					.add("privacy.report.agency.ended", text.date(rs.getDate("ended_on")))
					.add("privacy.report.agency.issues", text.free(rs.getString("issues")))
					.entry(rs.getString("name")))
				.list();
			add(sections, "cooperation.agencies", text.label("privacy.report.section.agencies"), agencies);
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
		this.jdbc.sql("select erased_table, erased_rows from cooperation_erase(:household)")
			.param("household", scope.householdId())
			.query((rs, n) -> erased.add(ErasedTable.nothingKept(rs.getString(1), rs.getInt(2))))
			.list();
		return erased;
	}

	/** Before the plan (a referral names a question or action) and the household. */
	@Override
	public int getOrder() {
		return -100;
	}

}
