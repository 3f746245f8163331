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
	 */
	TrailVerification verify(JdbcClient jdbc, List<UUID> organisations, TrailHeads.Snapshot heads) {
		Map<String, State> states = new LinkedHashMap<>();
		String where = (organisations == null) ? "" : " and organisation_id in (:organisations)";
		JdbcClient.StatementSpec rows = jdbc.sql("select " + COLUMNS + " from access_trail where chain_seq is not null"
				+ where
				+ " order by coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), chain, chain_seq");
		if (organisations != null) {
			rows = rows.param("organisations", organisations.isEmpty() ? List.of(new UUID(0, 0)) : organisations);
		}
		rows.query((rs) -> {
			UUID organisation = rs.getObject("organisation_id", UUID.class);
			UUID chainOrganisation = (organisation != null) ? organisation : TrailChain.NO_ORGANISATION;
			String chain = rs.getString("chain");
			State state = states.computeIfAbsent(chainOrganisation + "/" + chain,
					(k) -> new State(organisation, chainOrganisation, chain));
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
			TrailChain.Link link = new TrailChain.Link(chainOrganisation, chain, seq,
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
			TrailHeads.Head external = (heads != null) ? heads.head(chainOrganisation, chain) : null;
			if (external != null && external.seq() == seq && !TrailChain.same(external.hmac(), stored)) {
				state.fail(id, "it differs from the head written outside the database");
			}
		});
		// Each chain's end: its head in the database, and the head written outside it.
		String headWhere = (organisations == null) ? "" : " where organisation_id in (:organisations)";
		JdbcClient.StatementSpec headRows = jdbc
			.sql("select organisation_id, chain, seq, hmac from trail_chain" + headWhere);
		if (organisations != null) {
			headRows = headRows.param("organisations",
					organisations.isEmpty() ? List.of(new UUID(0, 0)) : organisations);
		}
		headRows.query((rs) -> {
			UUID chainOrganisation = rs.getObject("organisation_id", UUID.class);
			String chain = rs.getString("chain");
			State state = states.computeIfAbsent(chainOrganisation + "/" + chain,
					(k) -> new State(chainOrganisation.equals(TrailChain.NO_ORGANISATION) ? null : chainOrganisation,
							chainOrganisation, chain));
			long seq = rs.getLong("seq");
			if (state.problem == null && (seq != state.seq || !TrailChain.same(rs.getBytes("hmac"), state.hmac))) {
				state.failEnd("its head in the database says " + seq + " rows, the trail has " + state.seq);
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
					state.brokenRow));
			if (first == null && state.problem != null) {
				first = "chain " + state.chain + " of organisation "
						+ Objects.requireNonNullElse(state.organisation, "(none)") + ", " + state.problem;
			}
		}
		return new TrailVerification(chains, first, heads != null);
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
