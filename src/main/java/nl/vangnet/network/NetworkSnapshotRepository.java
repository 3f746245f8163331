package nl.vangnet.network;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores the snapshots of network maps with their contacts, in the caller's
 * transaction (so row-level security applies). A change is stored only over the version
 * the snapshot was loaded at.
 */
@Repository
class NetworkSnapshotRepository {

	private final JdbcClient jdbc;

	NetworkSnapshotRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- Snapshots

	List<SnapshotSummary> summaries(UUID memberId) {
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

	Optional<NetworkSnapshot> find(UUID id) {
		return this.jdbc.sql("""
				select id, organisation_id, household_id, member_id, drawn_on, label, copied_from, version
				from network_snapshot where id = :id
				""")
			.param("id", id)
			.query((rs, row) -> new NetworkSnapshot(rs.getObject("id", UUID.class),
					rs.getObject("organisation_id", UUID.class), rs.getObject("household_id", UUID.class),
					rs.getObject("member_id", UUID.class), rs.getObject("drawn_on", LocalDate.class),
					rs.getString("label"), rs.getObject("copied_from", UUID.class), rs.getInt("version"), contacts(id)))
			.optional();
	}

	private List<Contact> contacts(UUID snapshotId) {
		return this.jdbc.sql("""
				select id, contact_key, name, relation, closeness, tie, support, domains, reciprocity, social_capital,
				       danger, note
				from network_contact where snapshot_id = :s order by position
				""").param("s", snapshotId).query(NetworkSnapshotRepository::contact).list();
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

	void insert(NetworkSnapshot snapshot) {
		UUID organisationId = snapshot.organisationId();
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
	 * Stores the snapshot's contacts and the next version, if the stored version is still
	 * the one it was loaded at; {@code false} when someone else changed it.
	 */
	boolean update(NetworkSnapshot snapshot) {
		UUID organisationId = snapshot.organisationId();
		int updated = this.jdbc
			.sql("update network_snapshot set version = :next where id = :id and version = :expected")
			.param("next", snapshot.version() + 1)
			.param("id", snapshot.id())
			.param("expected", snapshot.version())
			.update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("delete from network_contact where snapshot_id = :id").param("id", snapshot.id()).update();
		insertContacts(snapshot, organisationId);
		return true;
	}

	private void insertContacts(NetworkSnapshot snapshot, UUID organisationId) {
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

}
