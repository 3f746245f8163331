package nl.vangnet.access;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the trail's chains: every chained row's HMAC against its content and the row
 * before it, the positions without gaps, each chain's end against its head in the
 * database and against the heads last written outside it ({@link TrailHeads}).
 */
@Component
class TrailVerifier {

	private static final String COLUMNS = """
			id, organisation_id, chain, chain_seq, chain_hmac, occurred_at, actor_id, actor_label, actor_role,
			subject_type, subject_id, subject_ids, action, outcome, subject_detail, client_address""";

	private final TrailChain links;

	TrailVerifier(TrailChain links) {
		this.links = links;
	}

	/**
	 * Verifies the chains the connection can read: every one (as the owner of the schema)
	 * or those of the organisations given.
	 * @param organisations the organisations whose chains to verify, or {@code null} for
	 * all
	 * @param heads the heads written outside the database, or {@code null} when there are
	 * none to compare with
	 * @param full from the first row of every chain; else from each chain's last
	 * checkpoint (the row there must be unchanged), and from the first row where it has
	 * none (or its seal does not hold)
	 */
	TrailVerification verify(JdbcClient jdbc, List<UUID> organisations, TrailHeads.Snapshot heads, boolean full) {
		Map<String, State> states = new LinkedHashMap<>();
		Map<String, Checkpoint> checkpoints = full ? Map.of() : checkpoints(jdbc, organisations);
		if (checkpoints.isEmpty()) {
			String where = (organisations == null) ? "" : " and organisation_id in (:organisations)";
			JdbcClient.StatementSpec rows = jdbc.sql("select " + COLUMNS
					+ " from access_trail where chain_seq is not null" + where
					+ " order by coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), chain, chain_seq");
			if (organisations != null) {
				rows = rows.param("organisations", organisations(organisations));
			}
			rows.query((rs) -> {
				UUID organisation = rs.getObject("organisation_id", UUID.class);
				UUID chainOrganisation = (organisation != null) ? organisation : TrailChain.NO_ORGANISATION;
				String chain = rs.getString("chain");
				State state = states.computeIfAbsent(chainOrganisation + "/" + chain,
						(k) -> new State(organisation, chainOrganisation, chain));
				step(state, rs, heads);
			});
		}
		else {
			// From the checkpoints: every chain known by its head, its checkpoint or the
			// heads outside, each read from its checkpoint on (index access_trail_chain).
			Map<String, UUID[]> known = new LinkedHashMap<>();
			heads(jdbc, organisations).forEach((key, seq) -> known.put(key, keyOf(key)));
			checkpoints.keySet().forEach((key) -> known.putIfAbsent(key, keyOf(key)));
			if (heads != null) {
				for (TrailHeads.Head external : heads.heads()) {
					if (organisations == null || organisations.contains(external.organisation())) {
						known.putIfAbsent(external.organisation() + "/" + external.chain(),
								keyOf(external.organisation() + "/" + external.chain()));
					}
				}
			}
			for (String key : known.keySet()) {
				UUID chainOrganisation = UUID.fromString(key.substring(0, key.indexOf('/')));
				String chain = key.substring(key.indexOf('/') + 1);
				State state = new State(chainOrganisation.equals(TrailChain.NO_ORGANISATION) ? null : chainOrganisation,
						chainOrganisation, chain);
				states.put(key, state);
				Checkpoint checkpoint = checkpoints.get(key);
				long from = 0;
				if (checkpoint != null) {
					Long rowAt = jdbc
						.sql("""
								select id from access_trail
								where coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = :organisation
								  and chain = :chain and chain_seq = :seq and chain_hmac = :hmac""")
						.param("organisation", chainOrganisation)
						.param("chain", chain)
						.param("seq", checkpoint.seq())
						.param("hmac", checkpoint.hmac())
						.query(Long.class)
						.optional()
						.orElse(null);
					state.verifiedFrom = checkpoint.seq();
					if (rowAt == null || rowAt != checkpoint.rowId()) {
						state.problem = "row " + checkpoint.rowId() + " (position " + checkpoint.seq()
								+ ", the last checkpoint): it was changed or removed since the last check";
						state.brokenRow = checkpoint.rowId();
						continue;
					}
					// the row at the checkpoint is verified again from its content and
					// the
					// HMAC of the row before it (whose own content lies before the
					// checkpoint)
					byte[] previous = (checkpoint.seq() == 1) ? TrailChain.GENESIS
							: jdbc
								.sql("""
										select chain_hmac from access_trail
										where coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = :organisation
										  and chain = :chain and chain_seq = :seq""")
								.param("organisation", chainOrganisation)
								.param("chain", chain)
								.param("seq", checkpoint.seq() - 1)
								.query(byte[].class)
								.optional()
								.orElse(null);
					if (previous == null) {
						state.problem = "row " + checkpoint.rowId() + " (position " + checkpoint.seq()
								+ ", the last checkpoint): the row before it was removed since the last check";
						state.brokenRow = checkpoint.rowId();
						continue;
					}
					state.seq = checkpoint.seq() - 1;
					state.hmac = previous;
					from = checkpoint.seq() - 1;
				}
				jdbc.sql("select " + COLUMNS
						+ """
								 from access_trail
								where coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = :organisation
								  and chain = :chain and chain_seq > :from
								order by coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), chain, chain_seq""")
					.param("organisation", chainOrganisation)
					.param("chain", chain)
					.param("from", from)
					.query((rs) -> {
						step(state, rs, heads);
					});
			}
		}
		// Each chain's end: its head in the database, and the head written outside it.
		heads(jdbc, organisations).forEach((key, head) -> {
			UUID[] chainKey = keyOf(key);
			UUID chainOrganisation = chainKey[0];
			String chain = key.substring(key.indexOf('/') + 1);
			State state = states.computeIfAbsent(key,
					(k) -> new State(chainOrganisation.equals(TrailChain.NO_ORGANISATION) ? null : chainOrganisation,
							chainOrganisation, chain));
			if (state.problem == null && (head.seq() != state.seq || !TrailChain.same(head.hmac(), state.hmac))) {
				state.failEnd("its head in the database says " + head.seq() + " rows, the trail has " + state.seq);
			}
		});
		if (heads != null) {
			for (TrailHeads.Head external : heads.heads()) {
				if (organisations != null && !organisations.contains(external.organisation())) {
					continue;
				}
				String chainKey = external.organisation() + "/" + external.chain();
				State state = states.get(chainKey);
				if (state == null) {
					state = new State(
							external.organisation().equals(TrailChain.NO_ORGANISATION) ? null : external.organisation(),
							external.organisation(), external.chain());
					states.put(chainKey, state);
				}
				if (state.problem == null && external.seq() > state.seq) {
					state.failEnd("the head written outside the database on " + heads.writtenAt() + " says "
							+ external.seq() + " rows, the trail has " + state.seq + " (cut off)");
				}
			}
		}
		List<TrailVerification.Chain> chains = new ArrayList<>();
		String first = null;
		for (State state : states.values()) {
			chains.add(new TrailVerification.Chain(state.organisation, state.chain, state.seq, state.problem,
					state.brokenRow, state.verifiedFrom));
			if (first == null && state.problem != null) {
				first = "chain " + state.chain + " of organisation "
						+ Objects.requireNonNullElse(state.organisation, "(none)") + ", " + state.problem;
			}
			else if (state.problem == null && state.lastId != null && state.seq > 0) {
				checkpoint(jdbc, state);
			}
		}
		return new TrailVerification(chains, first, heads != null, unchained(jdbc, organisations),
				!checkpoints.isEmpty());
	}

	/** One row of a chain, in order: its position and its HMAC. */
	private void step(State state, java.sql.ResultSet rs, TrailHeads.Snapshot heads) throws java.sql.SQLException {
		long seq = rs.getLong("chain_seq");
		long id = rs.getLong("id");
		if (state.problem != null) {
			return;
		}
		if (seq != state.seq + 1) {
			state.fail(id, (seq <= state.seq) ? "position " + seq + " occurs twice"
					: "rows " + (state.seq + 1) + " to " + (seq - 1) + " before it are missing (deleted)");
			return;
		}
		java.sql.Array array = rs.getArray("subject_ids");
		List<UUID> ids = (array != null) ? Arrays.asList((UUID[]) array.getArray()) : null;
		TrailChain.Link link = new TrailChain.Link(state.chainOrganisation, state.chain, seq,
				rs.getObject("occurred_at", OffsetDateTime.class), rs.getObject("actor_id", UUID.class),
				rs.getString("actor_label"), rs.getString("actor_role"), rs.getString("subject_type"),
				rs.getObject("subject_id", UUID.class), ids, rs.getString("action"), rs.getString("outcome"),
				rs.getString("subject_detail"), rs.getString("client_address"));
		byte[] expected = this.links.hmac(link, state.hmac);
		byte[] stored = rs.getBytes("chain_hmac");
		if (stored == null || !TrailChain.same(expected, stored)) {
			state.fail(id, "its content or its HMAC was changed");
			return;
		}
		state.seq = seq;
		state.hmac = stored;
		state.lastId = id;
		TrailHeads.Head external = (heads != null) ? heads.head(state.chainOrganisation, state.chain) : null;
		if (external != null && external.seq() == seq && !TrailChain.same(external.hmac(), stored)) {
			state.fail(id, "it differs from the head written outside the database");
		}
	}

	/** The heads in the database, by chain key ({@code organisation/chain}). */
	private static Map<String, TrailHeads.Head> heads(JdbcClient jdbc, List<UUID> organisations) {
		String where = (organisations == null) ? "" : " where organisation_id in (:organisations)";
		JdbcClient.StatementSpec rows = jdbc.sql("select organisation_id, chain, seq, hmac from trail_chain" + where
				+ " order by organisation_id, chain");
		if (organisations != null) {
			rows = rows.param("organisations", organisations(organisations));
		}
		Map<String, TrailHeads.Head> heads = new LinkedHashMap<>();
		rows.query((rs) -> {
			UUID organisation = rs.getObject("organisation_id", UUID.class);
			heads.put(organisation + "/" + rs.getString("chain"),
					new TrailHeads.Head(organisation, rs.getString("chain"), rs.getLong("seq"), rs.getBytes("hmac")));
		});
		return heads;
	}

	/** The checkpoints whose seal holds, by chain key. */
	private Map<String, Checkpoint> checkpoints(JdbcClient jdbc, List<UUID> organisations) {
		String where = (organisations == null) ? "" : " where organisation_id in (:organisations)";
		JdbcClient.StatementSpec rows = jdbc
			.sql("select organisation_id, chain, seq, row_id, hmac, seal from trail_checkpoint" + where);
		if (organisations != null) {
			rows = rows.param("organisations", organisations(organisations));
		}
		Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
		rows.query((rs) -> {
			Checkpoint checkpoint = new Checkpoint(rs.getObject("organisation_id", UUID.class), rs.getString("chain"),
					rs.getLong("seq"), rs.getLong("row_id"), rs.getBytes("hmac"));
			if (TrailChain.same(seal(checkpoint), rs.getBytes("seal"))) {
				checkpoints.put(checkpoint.organisation() + "/" + checkpoint.chain(), checkpoint);
			}
		});
		return checkpoints;
	}

	/** Keeps an intact chain's end as its checkpoint, sealed with the trail's key. */
	private void checkpoint(JdbcClient jdbc, State state) {
		Checkpoint checkpoint = new Checkpoint(state.chainOrganisation, state.chain, state.seq, state.lastId,
				state.hmac);
		jdbc.sql("""
				insert into trail_checkpoint (organisation_id, chain, seq, row_id, hmac, seal)
				values (:organisation, :chain, :seq, :row, :hmac, :seal)
				on conflict (organisation_id, chain) do update set seq = excluded.seq, row_id = excluded.row_id,
				  hmac = excluded.hmac, seal = excluded.seal, verified_at = clock_timestamp()
				where trail_checkpoint.seq <= excluded.seq""")
			.param("organisation", checkpoint.organisation())
			.param("chain", checkpoint.chain())
			.param("seq", checkpoint.seq())
			.param("row", checkpoint.rowId())
			.param("hmac", checkpoint.hmac())
			.param("seal", seal(checkpoint))
			.update();
	}

	private byte[] seal(Checkpoint checkpoint) {
		return this.links.seal("checkpoint\n" + checkpoint.organisation() + "\n" + checkpoint.chain() + "\n"
				+ checkpoint.seq() + "\n" + checkpoint.rowId() + "\n" + hex(checkpoint.hmac()));
	}

	/** Rows from before the chains (V19_3): no link, not covered. */
	private static long unchained(JdbcClient jdbc, List<UUID> organisations) {
		if (organisations == null) {
			return jdbc.sql("select count(*) from access_trail where chain_seq is null").query(Long.class).single();
		}
		return jdbc.sql("select count(*) from access_trail where chain_seq is null and organisation_id in (:o)")
			.param("o", organisations(organisations))
			.query(Long.class)
			.single();
	}

	private static List<UUID> organisations(List<UUID> organisations) {
		return organisations.isEmpty() ? List.of(new UUID(0, 0)) : organisations;
	}

	private static UUID[] keyOf(String key) {
		return new UUID[] { UUID.fromString(key.substring(0, key.indexOf('/'))) };
	}

	private record Checkpoint(UUID organisation, String chain, long seq, long rowId, byte[] hmac) {
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	private static final class State {

		final UUID organisation;

		final UUID chainOrganisation;

		final String chain;

		long seq;

		byte[] hmac = TrailChain.GENESIS;

		Long lastId;

		long verifiedFrom;

		String problem;

		Long brokenRow;

		State(UUID organisation, UUID chainOrganisation, String chain) {
			this.organisation = organisation;
			this.chainOrganisation = chainOrganisation;
			this.chain = chain;
		}

		void fail(long id, String problem) {
			this.problem = "row " + id + " (position " + (this.seq + 1) + "): " + problem;
			this.brokenRow = id;
		}

		void failEnd(String problem) {
			this.problem = ((this.lastId != null) ? "after row " + this.lastId : "at its start") + ": " + problem;
			this.brokenRow = this.lastId;
		}

	}

}
