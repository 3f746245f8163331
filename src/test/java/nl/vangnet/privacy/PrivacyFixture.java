package nl.vangnet.privacy;

import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.tenancy.TenantScope;

/**
 * A family with something in every module, and names and numbers that occur nowhere else:
 * a mother (M1), her child (M2), a network contact (her ex-partner, a danger) and a
 * referral to another organisation on her consent. Notes name the child and the contact,
 * so that redaction and erasure can be seen.
 */
record PrivacyFixture(UUID household, UUID mother, UUID child, String motherName, String childName, String contactName,
		String externalId, String address) {

	static PrivacyFixture create(TestData data, Encryption encryption, TestData.Organisation owner,
			TestData.Organisation recipient, UUID author, boolean closed) {
		String tag = TestData.unique("");
		PrivacyFixture f = new PrivacyFixture(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Moeder" + tag,
				"Kindje" + tag, "Exman" + tag, "EXT-" + tag, "Geheimstraat " + tag);
		data.inScope(TenantScope.Scope.system(Set.of(owner.id())), (sql) -> {
			UUID trajectory = UUID.randomUUID();
			UUID question = UUID.randomUUID();
			UUID goal = UUID.randomUUID();
			UUID snapshot = UUID.randomUUID();
			UUID moment = UUID.randomUUID();
			UUID debt = UUID.randomUUID();
			UUID consent = UUID.randomUUID();
			UUID referral = UUID.randomUUID();
			UUID agency = UUID.randomUUID();
			java.util.function.Function<String, org.springframework.jdbc.core.simple.JdbcClient.StatementSpec> s = (
					text) -> sql.sql(text)
						.param("org", owner.id())
						.param("recipient", recipient.id())
						.param("household", f.household())
						.param("mother", f.mother())
						.param("child", f.child())
						.param("trajectory", trajectory)
						.param("question", question)
						.param("goal", goal)
						.param("snapshot", snapshot)
						.param("moment", moment)
						.param("debt", debt)
						.param("consent", consent)
						.param("referral", referral)
						.param("agency", agency)
						.param("author", author);
			s.apply("""
					insert into household (id, organisation_id, external_id, version, phone, address_encrypted,
					  address_confidential, closed_on, closing_reason)
					values (:household, :org, :external, 0, '0612345678', :address, true, :closed, :reason)""")
				.param("external", f.externalId())
				.param("address", encryption.encrypt(f.address(), "household-address:" + f.household()))
				.param("closed", closed ? java.sql.Date.valueOf(TestData.today().minusYears(8)) : null)
				.param("reason", closed ? "Verhuisd naar " + f.contactName() + "s stad" : null)
				.update();
			s.apply("""
					insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact,
					  given_name, family_name, birth_date)
					values (:mother, :household, :org, 0, 'M1', 'PARENT', true, :motherName, 'Achternaam', date '1990-03-04'),
					       (:child, :household, :org, 1, 'M2', 'CHILD', false, :childName, 'Achternaam', date '2018-05-06')""")
				.param("motherName", f.motherName())
				.param("childName", f.childName())
				.update();
			s.apply("""
					insert into trajectory (id, household_id, organisation_id, position, kind, start_date, end_date,
					  closing_reason, phase_model)
					values (:trajectory, :household, :org, 0, 'INTENSIVE', current_date - 4000,
					  case when :closed then current_date - 2950 end, case when :closed then 'Klaar' end, 'FLEXIBLE')""")
				.param("closed", closed)
				.update();
			s.apply("""
					insert into help_question (id, household_id, organisation_id, member_id, framework_code, domain_code,
					  monitor_code, opened_on, status, description, acute)
					values (:question, :household, :org, :mother, 'MONITOR', 'FINANCES', 'FINANCES', current_date - 3990,
					  'OPEN', :text, true)""")
				.param("text", "Huurachterstand sinds " + f.contactName() + " vertrok")
				.update();
			s.apply("""
					insert into plan_goal (id, household_id, organisation_id, member_id, framework_code, domain_code,
					  monitor_code, description, status, set_on)
					values (:goal, :household, :org, :mother, 'MONITOR', 'FINANCES', 'FINANCES', 'Overzicht in de post',
					  'ACTIVE', current_date - 3980)""").update();
			s.apply("""
					insert into plan_action (id, goal_id, household_id, organisation_id, description, actor, status)
					values (gen_random_uuid(), :goal, :household, :org, 'Samen de post sorteren', 'VOLUNTEER', 'PLANNED')""")
				.update();
			s.apply("""
					insert into plan_note (id, household_id, organisation_id, written_by, written_by_name, text)
					values (gen_random_uuid(), :household, :org, :author, 'Test', :text)""")
				.param("text", f.childName() + " slaapt slecht sinds " + f.contactName() + " belde")
				.update();
			s.apply("""
					insert into progress_score (id, household_id, organisation_id, instrument_code, domain_code, scored_on,
					  rater, score)
					values (gen_random_uuid(), :household, :org, 'MONITOR', 'FINANCES', current_date - 3900, 'WORKER', 3)""")
				.update();
			s.apply("""
					insert into contact_moment (id, household_id, organisation_id, occurred_at, channel, reached, note,
					  author_id)
					values (:moment, :household, :org, localtimestamp - interval '3900 days', 'HOME_VISIT', true, :note,
					  :author)""")
				.param("note", "Met " + f.childName() + " gesproken; " + f.contactName() + " stond voor de deur")
				.update();
			s.apply("""
					insert into contact_moment_member (contact_moment_id, organisation_id, member_id)
					values (:moment, :org, :mother), (:moment, :org, :child)""").update();
			// How she was doing three months after a departure (issue 15, item 3).
			s.apply("""
					insert into follow_up_check (id, organisation_id, household_id, trajectory_id, months, checked_on,
					  reached, contact_moment_id, housing, safe, supportive_contacts, triangle)
					values (gen_random_uuid(), :org, :household, :trajectory, 3, current_date - 3890, true, :moment,
					  'STABLE', true, 4, 'BALANCED')""").update();
			s.apply("""
					insert into time_entry (id, household_id, organisation_id, member_id, entry_date, support_type, minutes,
					  contact_moment_id)
					values (gen_random_uuid(), :household, :org, :mother, current_date - 3900, 'CONVERSATION', 45, :moment)""")
				.update();
			s.apply("""
					insert into obligation (id, household_id, organisation_id, kind, description, status)
					values (gen_random_uuid(), :household, :org, 'FORM', 'Toeslag aanvragen', 'TO_DO')""").update();
			s.apply("""
					insert into debt (id, household_id, organisation_id, creditor, amount, status)
					values (:debt, :household, :org, 'Woningcorporatie', 850.00, 'OPEN')""").update();
			s.apply("""
					insert into debt_history (id, debt_id, organisation_id, changed_at, creditor, amount, status)
					values (gen_random_uuid(), :debt, :org, now(), 'Woningcorporatie', 850.00, 'OPEN')""").update();
			s.apply("""
					insert into network_snapshot (id, organisation_id, household_id, member_id, drawn_on, label, version)
					values (:snapshot, :org, :household, :mother, current_date - 3900, 'intake', 1)""")
				.update();
			s.apply("""
					insert into network_contact (id, snapshot_id, organisation_id, contact_key, position, name, relation,
					  closeness, tie, danger, note)
					values (gen_random_uuid(), :snapshot, :org, gen_random_uuid(), 0, :name, 'EX_PARTNER', 'OUTER', 'WEAK',
					  true, 'Mag niet weten waar zij woont')""")
				.param("name", f.contactName() + " de Boze")
				.update();
			s.apply("""
					insert into consent (id, household_id, organisation_id, member_id, recipient_organisation_id, sections,
					  purpose, form, given_on, valid_until)
					values (:consent, :household, :org, :mother, :recipient, array['SUMMARY'], 'Hulp bij schulden',
					  'WRITTEN', current_date - 3900, current_date - 3000)""")
				.update();
			s.apply("""
					insert into referral (id, household_id, from_organisation_id, to_organisation_id, consent_id, domain,
					  reason, created_on)
					values (:referral, :household, :org, :recipient, :consent, 'FINANCES', 'Schulden', current_date - 3900)""")
				.update();
			s.apply("""
					insert into referral_event (id, referral_id, organisation_id, sequence, status, on_date)
					values (gen_random_uuid(), :referral, :org, 1, 'SENT', current_date - 3900)""").update();
			s.apply("""
					insert into regie_holder (household_id, organisation_id, name, works_at, phone, since)
					values (:household, :org, 'Fatima', 'De Haven', '010 1234567', current_date - 3900)""").update();
			s.apply("""
					insert into agency_involved (id, household_id, organisation_id, kind, name, reference)
					values (:agency, :household, :org, 'BENEFITS', 'Gemeente', :external)""")
				.param("external", f.externalId())
				.update();
			s.apply("""
					insert into agency_issue (id, agency_id, household_id, organisation_id, kind, description, noticed_on,
					  status)
					values (gen_random_uuid(), :agency, :household, :org, 'ERROR', 'Toeslag te laag', current_date - 3900,
					  'OPEN')""")
				.update();
			return null;
		});
		return f;
	}

}
