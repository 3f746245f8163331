package nl.vangnet.access;

import java.util.List;
import java.util.UUID;

/**
 * Whether the trail's chains are intact, as {@code verify-trail} and the coordinator's
 * trail page report it.
 *
 * @param chains every chain looked at, with its state
 * @param firstBroken the first broken row, described for a person (its id, chain and
 * position, and what is wrong), or {@code null} when every chain is intact
 * @param headsChecked whether the heads written outside the database were compared (else
 * a cut-off end of a chain cannot be seen)
 * @param unchainedRows rows from before the chains (migration V19_3): they carry no link,
 * so a change to them or their removal cannot be seen
 * @param fromCheckpoints whether the chains were checked from their last checkpoints on
 * (a change before a checkpoint is seen only by a full check), not from their first rows
 */
public record TrailVerification(List<Chain> chains, String firstBroken, boolean headsChecked, long unchainedRows,
		boolean fromCheckpoints) {

	public boolean intact() {
		return this.firstBroken == null;
	}

	/**
	 * @param organisation the chain's organisation ({@code null}: the rows without one)
	 * @param chain {@code MAIN} or {@code SELF}
	 * @param rows how many chained rows it has
	 * @param problem what is wrong with it, or {@code null}
	 * @param brokenRow the id of its first broken row (or the last intact one, for a
	 * cut-off end), or {@code null}
	 * @param verifiedFrom the position of the checkpoint the check started from (0: the
	 * first row)
	 */
	public record Chain(UUID organisation, String chain, long rows, String problem, Long brokenRow, long verifiedFrom) {

		public boolean intact() {
			return this.problem == null;
		}

	}

}
