package nl.vangnet.access;

import java.util.List;

import javax.sql.DataSource;

import nl.vangnet.platform.staff.Staff;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the trail's chains are intact: an organisation's, for its coordinator's trail
 * page (read as the application, under row-level security), or every chain, for
 * {@code verify-trail} (read as the owner of the schema, who sees every row).
 */
@Service
class TrailIntegrity {

	private final JdbcClient jdbc;

	private final DataSource owner;

	private final TrailVerifier verifier;

	private final TrailHeads heads;

	TrailIntegrity(JdbcClient jdbc, @Qualifier("flywayDataSource") DataSource owner, TrailVerifier verifier,
			TrailHeads heads) {
		this.jdbc = jdbc;
		this.owner = owner;
		this.verifier = verifier;
		this.heads = heads;
	}

	/**
	 * The chains of the signed-in coordinator's organisation, from their last checkpoints
	 * on (each check keeps new ones).
	 */
	@Transactional
	public TrailVerification ofOrganisation() {
		return ofOrganisation(false);
	}

	/**
	 * @param full from the first row of every chain (else from the last checkpoints)
	 */
	@Transactional
	public TrailVerification ofOrganisation(boolean full) {
		Staff staff = Staff.current().requireOrganisation("access trail");
		return verify(this.jdbc, List.of(staff.organisationId()), full);
	}

	/**
	 * Every chain of the installation, as the owner of the schema, from the checkpoints.
	 */
	public TrailVerification everything() {
		return everything(false);
	}

	/**
	 * Every chain of the installation, as the owner of the schema.
	 * @param full from the first row of every chain (else from the last checkpoints)
	 */
	public TrailVerification everything(boolean full) {
		return verify(JdbcClient.create(this.owner), null, full);
	}

	private TrailVerification verify(JdbcClient client, List<java.util.UUID> organisations, boolean full) {
		TrailHeads.Snapshot external;
		try {
			external = this.heads.read();
		}
		catch (IllegalStateException ex) {
			TrailVerification verification = this.verifier.verify(client, organisations, null, full);
			return new TrailVerification(verification.chains(), ex.getMessage(), false, verification.unchainedRows(),
					verification.fromCheckpoints());
		}
		return this.verifier.verify(client, organisations, external, full);
	}

}
