package nl.vangnet.household;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.platform.Encryption;
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
 * The household's part of the client's rights: her registration (the household, her own
 * member record, the trajectories) in a subject-access report, with the other members'
 * names as third parties; and the erasure of the household's own rows, last of all
 * (through {@code household_erase}, V19_1: the application role may not delete a
 * household otherwise).
 */
@Component
class HouseholdPrivacy implements SubjectAccessContribution, ErasureContribution {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Encryption encryption;

	HouseholdPrivacy(JdbcClient jdbc, MessageSource messages, Encryption encryption) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.encryption = encryption;
	}

	@Override
	public Set<String> thirdPartyNames(SubjectAccessQuery query) {
		Set<String> names = new HashSet<>();
		this.jdbc.sql("""
				select given_name, family_name from household_member where household_id = :household and id <> :member
				""").param("household", query.householdId()).param("member", query.memberId()).query((rs, n) -> {
			String given = rs.getString("given_name");
			String family = rs.getString("family_name");
			if (given != null && family != null) {
				names.add(given + " " + family);
			}
			if (given != null) {
				names.add(given);
			}
			return null;
		}).list();
		return names;
	}

	@Override
	public List<SubjectAccessSection> sections(SubjectAccessQuery query) {
		ReportText text = new ReportText(this.messages, query);
		List<SubjectAccessSection.Entry> registration = new ArrayList<>();
		this.jdbc.sql("""
				select id, external_id, district, composition, debts, referral_source, phone, email, address_encrypted,
				       closed_on, closing_reason, created_at
				from household where id = :household
				""").param("household", query.householdId()).query((rs, n) -> {
			String address = null;
			if (query.parent()) {
				address = this.encryption.decrypt(rs.getBytes("address_encrypted"),
						SealedAddress.context(rs.getObject("id", UUID.class)));
			}
			registration.add(text.fields()
				.add("privacy.report.household.externalId", rs.getString("external_id"))
				.add("privacy.report.household.district", rs.getString("district"))
				.add("household.composition", text.code("household.composition", rs.getString("composition")))
				.add("privacy.report.household.debts", text.code("household.debts", rs.getString("debts")))
				.add("privacy.report.household.referralSource",
						text.code("household.referralSource", rs.getString("referral_source")))
				.add("privacy.report.household.phone", query.parent() ? rs.getString("phone") : null)
				.add("privacy.report.household.email", query.parent() ? rs.getString("email") : null)
				.add("privacy.report.household.address", address)
				.add("privacy.report.household.registeredAt", text.moment(rs.getTimestamp("created_at")))
				.add("privacy.report.household.closedOn", text.date(rs.getDate("closed_on")))
				.add("privacy.report.household.closingReason", text.free(rs.getString("closing_reason")))
				.entry(text.label("privacy.report.household.title")));
			return null;
		}).list();
		this.jdbc
			.sql("""
					select ref, role, main_contact, given_name, family_name, birth_date, age_group, education, dutch_language,
					       day_activities
					from household_member where id = :member
					""")
			.param("member", query.memberId())
			.query((rs, n) -> {
				java.sql.Array activities = rs.getArray("day_activities");
				List<String> days = new ArrayList<>();
				if (activities != null) {
					for (Object code : (Object[]) activities.getArray()) {
						days.add(text.code("household.dayActivity", String.valueOf(code)));
					}
				}
				registration.add(text.fields()
					.add("privacy.report.member.givenName", rs.getString("given_name"))
					.add("privacy.report.member.familyName", rs.getString("family_name"))
					.add("privacy.report.member.role", text.code("household.role", rs.getString("role")))
					.add("privacy.report.member.mainContact", text.yesNo(rs.getBoolean("main_contact")))
					.add("privacy.report.member.birthDate", text.date(rs.getDate("birth_date")))
					.add("privacy.report.member.ageGroup", text.code("household.ageGroup", rs.getString("age_group")))
					.add("privacy.report.member.education", text.code("household.education", rs.getString("education")))
					.add("privacy.report.member.dutchLanguage",
							text.code("household.dutchLanguage", rs.getString("dutch_language")))
					.add("privacy.report.member.dayActivities", days.isEmpty() ? null : String.join(", ", days))
					.entry(text.label("privacy.report.member.title")));
				return null;
			})
			.list();
		List<SubjectAccessSection.Entry> trajectories = this.jdbc.sql("""
				select t.id, t.kind, t.start_date, t.end_date, t.closing_reason, t.destination, t.departure_housing,
				       t.departure_income, t.departure_school,
				       (select string_agg(p.phase_code || ' ' || p.entered_on, ', ' order by p.sequence)
				        from trajectory_phase p where p.trajectory_id = t.id) as phases
				from trajectory t where t.household_id = :household order by t.start_date, t.position
				""")
			.param("household", query.householdId())
			.query((rs, n) -> text.fields()
				.add("privacy.report.trajectory.kind", text.code("trajectory.kind", rs.getString("kind")))
				.add("privacy.report.trajectory.start", text.date(rs.getDate("start_date")))
				.add("privacy.report.trajectory.end", text.date(rs.getDate("end_date")))
				.add("privacy.report.trajectory.closingReason", text.free(rs.getString("closing_reason")))
				.add("privacy.report.trajectory.destination",
						(rs.getString("destination") != null)
								? text.code("trajectory.destination", rs.getString("destination")) : null)
				.add("trajectory.housing", text.code("trajectory.housing", rs.getString("departure_housing")))
				.add("trajectory.income", text.code("trajectory.income", rs.getString("departure_income")))
				.add("trajectory.school", text.code("trajectory.school", rs.getString("departure_school")))
				.add("privacy.report.trajectory.phases", rs.getString("phases"))
				.entry(text.code("trajectory.kind", rs.getString("kind")) + ", " + text.date(rs.getDate("start_date"))))
			.list();
		List<SubjectAccessSection.Entry> reopenings = this.jdbc.sql("""
				select reopened_on, reason, closed_on, closing_reason from household_reopening
				where household_id = :household order by reopened_on, created_at
				""")
			.param("household", query.householdId())
			.query((rs, n) -> text.fields()
				.add("privacy.report.reopening.closedOn", text.date(rs.getDate("closed_on")))
				.add("privacy.report.reopening.closingReason", text.free(rs.getString("closing_reason")))
				.add("privacy.report.reopening.on", text.date(rs.getDate("reopened_on")))
				.add("privacy.report.reopening.reason", text.free(rs.getString("reason")))
				.entry(text.date(rs.getDate("reopened_on"))))
			.list();
		List<SubjectAccessSection> sections = new ArrayList<>();
		sections.add(new SubjectAccessSection("household.registration",
				text.label("privacy.report.section.registration"), registration));
		if (!trajectories.isEmpty()) {
			sections.add(new SubjectAccessSection("household.trajectories",
					text.label("privacy.report.section.trajectories"), trajectories));
		}
		if (!reopenings.isEmpty()) {
			sections.add(new SubjectAccessSection("household.reopenings",
					text.label("privacy.report.section.reopenings"), reopenings));
		}
		return sections;
	}

	@Override
	public List<ErasedTable> erase(ErasureScope scope) {
		List<ErasedTable> erased = new ArrayList<>();
		this.jdbc.sql("select erased_table, erased_rows from household_erase(:household)")
			.param("household", scope.householdId())
			.query((rs, n) -> erased.add(ErasedTable.nothingKept(rs.getString(1), rs.getInt(2))))
			.list();
		return erased;
	}

	@Override
	public int getOrder() {
		return HOUSEHOLD_ORDER;
	}

}
