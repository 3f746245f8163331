package nl.vangnet.network;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Snapshots with their contacts, triangle points and plan steps, in SQL. Row-level
 * security keeps every query within the current organisation.
 */
@Repository
class NetworkRepository {

	private final JdbcClient jdbc;

	NetworkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- Snapshots

	List<SnapshotSummary> snapshots(UUID memberId) {
		return this.jdbc.sql("""
				select s.id, s.drawn_on, s.label, s.version,
				       (select count(*) from network_contact c where c.snapshot_id = s.id) as contacts,
				       (select count(*) from network_contact c where c.snapshot_id = s.id and c.danger) as dangers
				from network_snapshot s where s.member_id = :member order by s.drawn_on, s.created_at
				""")
			.param("member", memberId)
			.query((rs, row) -> new SnapshotSummary(rs.getObject("id", UUID.class),
					rs.getObject("drawn_on", LocalDate.class), rs.getString("label"), rs.getInt("version"),
					rs.getInt("contacts"), rs.getInt("dangers")))
			.list();
	}

	Optional<Snapshot> snapshot(UUID id) {
		return this.jdbc
			.sql("""
					select id, household_id, member_id, drawn_on, label, copied_from, version from network_snapshot where id = :id
					""")
			.param("id", id)
			.query((rs, row) -> new Snapshot(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
					rs.getObject("member_id", UUID.class), rs.getObject("drawn_on", LocalDate.class),
					rs.getString("label"), rs.getObject("copied_from", UUID.class), rs.getInt("version"), List.of()))
			.optional()
			.map((s) -> new Snapshot(s.id(), s.householdId(), s.memberId(), s.drawnOn(), s.label(), s.copiedFrom(),
					s.version(), contacts(s.id())));
	}

	private List<Contact> contacts(UUID snapshotId) {
		return this.jdbc.sql("""
				select id, contact_key, name, relation, closeness, tie, support, domains, reciprocity, social_capital,
				       danger, note
				from network_contact where snapshot_id = :s order by position
				""").param("s", snapshotId).query(NetworkRepository::contact).list();
	}

	private static Contact contact(ResultSet rs, int row) throws SQLException {
		Set<Contact.Support> support = EnumSet.noneOf(Contact.Support.class);
		for (String code : strings(rs.getArray("support"))) {
			support.add(Contact.Support.valueOf(code));
		}
		return new Contact(rs.getObject("id", UUID.class), rs.getObject("contact_key", UUID.class),
				rs.getString("name"), Contact.Relation.valueOf(rs.getString("relation")),
				Contact.Closeness.valueOf(rs.getString("closeness")), Contact.Tie.valueOf(rs.getString("tie")), support,
				strings(rs.getArray("domains")), valueOf(Contact.Reciprocity.class, rs.getString("reciprocity")),
				valueOf(Contact.SocialCapital.class, rs.getString("social_capital")), rs.getBoolean("danger"),
				rs.getString("note"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private static <E extends Enum<E>> E valueOf(Class<E> type, String code) {
		return (code != null) ? Enum.valueOf(type, code) : null;
	}

	void insert(Snapshot snapshot, UUID organisationId) {
		this.jdbc
			.sql("""
					insert into network_snapshot (id, organisation_id, household_id, member_id, drawn_on, label, copied_from, version)
					values (:id, :org, :household, :member, :drawnOn, :label, :copiedFrom, :version)
					""")
			.param("id", snapshot.id())
			.param("org", organisationId)
			.param("household", snapshot.householdId())
			.param("member", snapshot.memberId())
			.param("drawnOn", snapshot.drawnOn())
			.param("label", snapshot.label())
			.param("copiedFrom", snapshot.copiedFrom())
			.param("version", snapshot.version())
			.update();
		insertContacts(snapshot, organisationId);
	}

	/**
	 * Stores the snapshot's contacts and a new version, if the stored version is still
	 * {@code expectedVersion}; {@code false} when someone else changed it.
	 */
	boolean update(Snapshot snapshot, int expectedVersion, UUID organisationId) {
		int updated = this.jdbc
			.sql("update network_snapshot set version = :next where id = :id and version = :expected")
			.param("next", snapshot.version())
			.param("id", snapshot.id())
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("delete from network_contact where snapshot_id = :id").param("id", snapshot.id()).update();
		insertContacts(snapshot, organisationId);
		return true;
	}

	private void insertContacts(Snapshot snapshot, UUID organisationId) {
		int position = 0;
		for (Contact c : snapshot.contacts()) {
			this.jdbc
				.sql("""
						insert into network_contact (id, snapshot_id, organisation_id, contact_key, position, name, relation,
						  closeness, tie, support, domains, reciprocity, social_capital, danger, note)
						values (:id, :snapshot, :org, :key, :position, :name, :relation, :closeness, :tie,
						  cast(:support as varchar[]), cast(:domains as varchar[]), :reciprocity, :capital, :danger, :note)
						""")
				.param("id", c.id())
				.param("snapshot", snapshot.id())
				.param("org", organisationId)
				.param("key", c.key())
				.param("position", position++)
				.param("name", c.name())
				.param("relation", c.relation().name())
				.param("closeness", c.closeness().name())
				.param("tie", c.tie().name())
				.param("support", c.support().stream().map(Enum::name).sorted().toArray(String[]::new))
				.param("domains", c.domains().toArray(String[]::new))
				.param("reciprocity", (c.reciprocity() != null) ? c.reciprocity().name() : null)
				.param("capital", (c.socialCapital() != null) ? c.socialCapital().name() : null)
				.param("danger", c.danger())
				.param("note", c.note())
				.update();
		}
	}

	// ---- The integration safety net

	List<TrianglePoint> triangle(UUID memberId) {
		return this.jdbc.sql("""
				select id, placed_on, government, services, society, out_of_view, note from network_triangle
				where member_id = :member order by placed_on, created_at
				""")
			.param("member", memberId)
			.query((rs, row) -> new TrianglePoint(rs.getObject("id", UUID.class),
					rs.getObject("placed_on", LocalDate.class), (Integer) rs.getObject("government"),
					(Integer) rs.getObject("services"), (Integer) rs.getObject("society"), rs.getBoolean("out_of_view"),
					rs.getString("note")))
			.list();
	}

	void insert(Client client, TrianglePoint point) {
		this.jdbc.sql("""
				insert into network_triangle (id, organisation_id, household_id, member_id, placed_on, government,
				  services, society, out_of_view, note)
				values (:id, :org, :household, :member, :on, :government, :services, :society, :out, :note)
				""")
			.param("id", point.id())
			.param("org", client.organisationId())
			.param("household", client.householdId())
			.param("member", client.memberId())
			.param("on", point.placedOn())
			.param("government", point.government())
			.param("services", point.services())
			.param("society", point.society())
			.param("out", point.outOfView())
			.param("note", point.note())
			.update();
	}

	// ---- The five-step plan

	List<PlanStepRecord> planSteps(UUID memberId) {
		return this.jdbc.sql("""
				select domain_code, cycle, step, done_on, note from network_plan_step
				where member_id = :member order by domain_code, cycle, done_on
				""")
			.param("member", memberId)
			.query((rs, row) -> new PlanStepRecord(rs.getString("domain_code"), rs.getInt("cycle"),
					PlanStep.valueOf(rs.getString("step")), rs.getObject("done_on", LocalDate.class),
					rs.getString("note")))
			.list();
	}

	void insert(Client client, PlanStepRecord step) {
		this.jdbc.sql("""
				insert into network_plan_step (id, organisation_id, household_id, member_id, domain_code, cycle, step,
				  done_on, note)
				values (:id, :org, :household, :member, :domain, :cycle, :step, :on, :note)
				""")
			.param("id", UUID.randomUUID())
			.param("org", client.organisationId())
			.param("household", client.householdId())
			.param("member", client.memberId())
			.param("domain", step.domain())
			.param("cycle", step.cycle())
			.param("step", step.step().name())
			.param("on", step.on())
			.param("note", step.note())
			.update();
	}

}
