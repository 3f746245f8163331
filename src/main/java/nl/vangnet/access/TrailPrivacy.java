package nl.vangnet.access;

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
 * The access trail's part of the client's rights: who looked at her dossier, changed or
 * exported it, and when (rows about her household or about her, and the lists that showed
 * them), in a subject-access report. On erasure the trail itself stays (append-only and
 * chained: it keeps that things happened, with ids that no longer name anything and no
 * names of the family); only the fragment covers of her dossier go.
 */
@Component
class TrailPrivacy implements SubjectAccessContribution, ErasureContribution {

	private static final int MOST = 5000;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	TrailPrivacy(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<SubjectAccessSection> sections(SubjectAccessQuery query) {
		ReportText text = new ReportText(this.messages, query);
		List<SubjectAccessSection.Entry> rows = this.jdbc
			.sql("""
					select occurred_at, actor_label, actor_role, action, outcome from access_trail
					where organisation_id = :organisation
					  and (subject_id in (:household, :member) or subject_ids && array[cast(:household as uuid), cast(:member as uuid)])
					  and outcome = 'SUCCESS'
					order by occurred_at desc, id desc limit :most""")
			.param("organisation", query.organisationId())
			.param("household", query.householdId())
			.param("member", query.memberId())
			.param("most", MOST)
			.query((rs, n) -> text.fields()
				.add("privacy.report.trail.who", rs.getString("actor_label"))
				.add("privacy.report.trail.role", rs.getString("actor_role"))
				.add("privacy.report.trail.what", text.code("trail.action", rs.getString("action")))
				.entry(text.moment(rs.getTimestamp("occurred_at"))))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		return List.of(new SubjectAccessSection("access.trail", text.label("privacy.report.section.trail"), rows));
	}

	@Override
	public List<ErasedTable> erase(ErasureScope scope) {
		List<java.util.UUID> ids = new ArrayList<>(scope.memberIds());
		ids.add(scope.householdId());
		int covers = this.jdbc.sql("delete from trail_cover where subject_id in (:ids)").param("ids", ids).update();
		return List.of(ErasedTable.nothingKept("trail_cover", covers), new ErasedTable("access_trail", 0,
				"every row: who did what when, with the household's and members' ids (no longer naming anything); no names of the family"));
	}

}
