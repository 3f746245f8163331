package nl.vangnet.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads, for the receiver of a referral, the consented sections of the referring
 * organisation's household, live. The designed exception to tenancy and to the module
 * boundaries: these queries name other modules' tables, and PostgreSQL's policies of V12
 * decide what they return. They see another organisation's rows only while the setting
 * {@code vangnet.referral} names a referral whose receiver is the current tenant and
 * whose consent is active; the setting is cleared again before anything else runs.
 * Nothing here filters by consent: what the database does not show cannot be read.
 */
@Component
class SharedSections {

	private final JdbcClient jdbc;

	SharedSections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs the work while the transaction may see what the referral shares, as of today.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	<T> T whileSharing(UUID referralId, LocalDate today, Supplier<T> work) {
		this.jdbc
			.sql("select set_config('vangnet.referral', :referral, true), set_config('vangnet.today', :today, true)")
			.param("referral", referralId.toString())
			.param("today", today.toString())
			.query()
			.listOfRows();
		try {
			return work.get();
		}
		finally {
			this.jdbc.sql("select set_config('vangnet.referral', '', true)").query().listOfRows();
		}
	}

	/**
	 * The shared sections of the household, or {@code null} when the database shows
	 * nothing of it (no active consent for this receiver, or the referral ended).
	 * @param sections the sections the consent names: the keys of the answer
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Shared read(UUID referralId, UUID householdId, List<ConsentSection> sections, LocalDate today) {
		return whileSharing(referralId, today, () -> {
			boolean sharing = this.jdbc.sql("select count(*) from vangnet_share()").query(Integer.class).single() > 0;
			if (!sharing) {
				return null;
			}
			return new Shared(sections.contains(ConsentSection.SUMMARY) ? summary(householdId) : null,
					sections.contains(ConsentSection.HELP_QUESTIONS) ? helpQuestions(householdId) : null,
					sections.contains(ConsentSection.PLAN) ? plan(householdId) : null,
					sections.contains(ConsentSection.NETWORK) ? network(householdId) : null,
					sections.contains(ConsentSection.PAPERS) ? papers(householdId) : null, regie(householdId));
		});
	}

	/**
	 * Who holds the regie of the referring household, as the receiver of the referral may
	 * see it while the share holds (the policy regie_holder_shared of V16), or
	 * {@code null}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	RegieHolders.RegieView regie(UUID referralId, UUID householdId, LocalDate today) {
		return whileSharing(referralId, today, () -> regie(householdId));
	}

	private RegieHolders.RegieView regie(UUID householdId) {
		return this.jdbc.sql("select * from regie_holder where household_id = :h")
			.param("h", householdId)
			.query(RegieHolders::view)
			.optional()
			.map((r) -> r.sharedBy(null))
			.orElse(null);
	}

	/**
	 * The same sections for the owning organisation itself (the referral letter to a
	 * partner outside Vangnet): its own rows, filtered here to exactly what the consent
	 * names, with the same rules (no internal notes, no danger-marked contact, no
	 * address).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Shared readAsOwner(UUID householdId, List<ConsentSection> sections, List<String> domains) {
		List<SharedQuestion> questions = sections.contains(ConsentSection.HELP_QUESTIONS)
				? helpQuestions(householdId).stream().filter((q) -> within(q.domain(), domains)).toList() : null;
		SharedPlan plan = sections.contains(ConsentSection.PLAN) ? new SharedPlan(plan(householdId).goals()
			.stream()
			.filter((g) -> domains.isEmpty() || (g.domain() != null && within(g.domain(), domains)))
			.toList()) : null;
		return new Shared(sections.contains(ConsentSection.SUMMARY) ? summary(householdId) : null, questions, plan,
				sections.contains(ConsentSection.NETWORK) ? network(householdId) : null,
				sections.contains(ConsentSection.PAPERS) ? papers(householdId) : null, regie(householdId));
	}

	static boolean within(String code, List<String> domains) {
		return domains.isEmpty() || domains.stream().anyMatch((d) -> d.equals(code) || code.startsWith(d + "."));
	}

	private Summary summary(UUID householdId) {
		Map<String, Object> household = this.jdbc
			.sql("select district, composition, phone, email from household where id = :h")
			.param("h", householdId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (household == null) {
			return null;
		}
		List<SharedMember> members = this.jdbc.sql("""
				select ref, role, main_contact, given_name, family_name, birth_date from household_member
				where household_id = :h order by position
				""")
			.param("h", householdId)
			.query((rs, row) -> new SharedMember(rs.getString("ref"), rs.getString("role"),
					rs.getBoolean("main_contact") ? Boolean.TRUE : null, rs.getString("given_name"),
					rs.getString("family_name"), rs.getObject("birth_date", LocalDate.class)))
			.list();
		ContactPerson contactPerson = this.jdbc.sql("""
				select a.display_name, a.email from trajectory t join account a on a.id = t.contact_person
				where t.household_id = :h and t.end_date is null order by t.start_date desc limit 1
				""")
			.param("h", householdId)
			.query((rs, row) -> new ContactPerson(rs.getString("display_name"), rs.getString("email")))
			.optional()
			.orElse(null);
		return new Summary((String) household.get("district"), (String) household.get("composition"),
				(String) household.get("phone"), (String) household.get("email"), members, contactPerson);
	}

	private List<SharedQuestion> helpQuestions(UUID householdId) {
		return this.jdbc.sql("""
				select q.id, m.ref, q.monitor_code, q.opened_on, q.closed_on, q.acute, q.status, q.description
				from help_question q left join household_member m on m.id = q.member_id
				where q.household_id = :h order by q.opened_on, q.id
				""")
			.param("h", householdId)
			.query((rs, row) -> new SharedQuestion(rs.getObject("id", UUID.class), rs.getString("ref"),
					rs.getString("monitor_code"), rs.getObject("opened_on", LocalDate.class),
					rs.getObject("closed_on", LocalDate.class), (Boolean) rs.getObject("acute"), rs.getString("status"),
					rs.getString("description")))
			.list();
	}

	private SharedPlan plan(UUID householdId) {
		Map<UUID, List<SharedAction>> actions = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.goal_id, a.description, a.actor, a.actor_name, p.name as partner_name, a.due_on, a.status
				from plan_action a left join partner p on p.id = a.partner_id
				where a.household_id = :h order by a.due_on nulls last, a.description, a.id
				""").param("h", householdId).query((rs) -> {
			actions.computeIfAbsent(rs.getObject("goal_id", UUID.class), (k) -> new ArrayList<>())
				.add(new SharedAction(rs.getString("description"), rs.getString("actor"), rs.getString("actor_name"),
						rs.getString("partner_name"), rs.getObject("due_on", LocalDate.class), rs.getString("status")));
		});
		List<SharedGoal> goals = this.jdbc.sql("""
				select g.id, m.ref, g.monitor_code, g.description, g.status, g.set_on
				from plan_goal g left join household_member m on m.id = g.member_id
				where g.household_id = :h order by g.set_on, g.id
				""")
			.param("h", householdId)
			.query((rs, row) -> new SharedGoal(rs.getString("ref"), rs.getString("monitor_code"),
					rs.getString("description"), rs.getString("status"), rs.getObject("set_on", LocalDate.class),
					actions.getOrDefault(rs.getObject("id", UUID.class), List.of())))
			.list();
		return new SharedPlan(goals);
	}

	private List<SharedNetwork> network(UUID householdId) {
		List<SharedNetwork> maps = new ArrayList<>();
		this.jdbc.sql("""
				select distinct on (s.member_id) s.id, m.ref, s.drawn_on from network_snapshot s
				left join household_member m on m.id = s.member_id
				where s.household_id = :h order by s.member_id, s.drawn_on desc, s.created_at desc
				""").param("h", householdId).query((rs) -> {
			UUID snapshot = rs.getObject("id", UUID.class);
			maps.add(new SharedNetwork(rs.getString("ref"), rs.getObject("drawn_on", LocalDate.class),
					contacts(snapshot)));
		});
		return maps;
	}

	private List<SharedContact> contacts(UUID snapshotId) {
		return this.jdbc.sql("""
				select name, relation, closeness, tie, support from network_contact
				where snapshot_id = :s and not danger order by position
				""")
			.param("s", snapshotId)
			.query((rs, row) -> new SharedContact(rs.getString("name"), rs.getString("relation"),
					rs.getString("closeness"), rs.getString("tie"), Partners.strings(rs, "support")))
			.list();
	}

	private SharedPapers papers(UUID householdId) {
		List<SharedObligation> obligations = this.jdbc.sql("""
				select kind, description, agency, due_on, status from obligation
				where household_id = :h order by due_on nulls last, description
				""")
			.param("h", householdId)
			.query((rs, row) -> new SharedObligation(rs.getString("kind"), rs.getString("description"),
					rs.getString("agency"), rs.getObject("due_on", LocalDate.class), rs.getString("status")))
			.list();
		List<SharedDebt> debts = this.jdbc
			.sql("select creditor, amount, arrangement, status from debt where household_id = :h order by creditor")
			.param("h", householdId)
			.query((rs, row) -> new SharedDebt(rs.getString("creditor"), rs.getBigDecimal("amount"),
					rs.getString("arrangement"), rs.getString("status")))
			.list();
		return new SharedPapers(obligations, debts);
	}

	/**
	 * What the receiver is shown: one key per consented section. Who holds the regie goes
	 * with it (read under the same share) but is not a section: the referral's document
	 * carries it beside {@code shared}, as {@code regie}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "summary", "helpQuestions", "plan", "network", "papers" })
	record Shared(Summary summary, List<SharedQuestion> helpQuestions, SharedPlan plan, List<SharedNetwork> network,
			SharedPapers papers, @JsonIgnore RegieHolders.RegieView regie) {
	}

	/**
	 * Names, birth dates, composition, contact details and the contact person; never an
	 * address.
	 */
	record Summary(String district, String composition, String phone, String email, List<SharedMember> members,
			ContactPerson contactPerson) {

		String name() {
			return this.members.stream()
				.filter((m) -> Boolean.TRUE.equals(m.mainContact()))
				.findFirst()
				.or(() -> this.members.stream().findFirst())
				.map((m) -> Consents.name(m.givenName(), m.familyName()))
				.orElse(null);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SharedMember(String ref, String role, Boolean mainContact, String givenName, String familyName,
			LocalDate birthDate) {
	}

	record ContactPerson(String name, String email) {
	}

	record SharedQuestion(UUID id, String member, String domain, LocalDate opened, LocalDate closed, Boolean acute,
			String status, String description) {
	}

	record SharedPlan(List<SharedGoal> goals) {
	}

	record SharedGoal(String member, String domain, String description, String status, LocalDate setOn,
			List<SharedAction> actions) {
	}

	/**
	 * @param partner the name of the partner of the who-does-what map who acts, if any
	 */
	record SharedAction(String description, String actor, String actorName, String partner, LocalDate dueOn,
			String status) {
	}

	record SharedNetwork(String member, LocalDate drawnOn, List<SharedContact> contacts) {
	}

	record SharedContact(String name, String relation, String closeness, String tie, List<String> support) {
	}

	record SharedPapers(List<SharedObligation> obligations, List<SharedDebt> debts) {
	}

	record SharedObligation(String kind, String description, String agency, LocalDate dueOn, String status) {
	}

	record SharedDebt(String creditor, BigDecimal amount, String arrangement, String status) {
	}

}
