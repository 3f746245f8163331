package nl.vangnet.access;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar vangnet.jar verify-trail [--full]}: checks every chain of the access
 * trail against its HMACs and the heads written outside the database, from each chain's
 * last checkpoint on (with {@code --full}: from its first row), prints the result per
 * chain and the rows from before the chains, and exits 0 when every chain is intact, 1
 * naming the first broken row otherwise.
 */
@Component
@ConditionalOnProperty(name = "vangnet.command", havingValue = "verify-trail")
class VerifyTrailCommand implements ApplicationRunner, ExitCodeGenerator {

	private final TrailIntegrity integrity;

	private final TrailHeads heads;

	private int exitCode;

	VerifyTrailCommand(TrailIntegrity integrity, TrailHeads heads) {
		this.integrity = integrity;
		this.heads = heads;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		boolean full = arguments != null && arguments.containsOption("full");
		TrailVerification verification = this.integrity.everything(full);
		for (TrailVerification.Chain chain : verification.chains()) {
			System.out.println(((chain.organisation() != null) ? chain.organisation() : "(no organisation)") + " "
					+ chain.chain() + ": " + chain.rows() + " rows, "
					+ ((chain.verifiedFrom() > 0) ? "checked from the checkpoint at " + chain.verifiedFrom() + ", "
							: "checked from the first row, ")
					+ (chain.intact() ? "intact" : "BROKEN " + chain.problem()));
		}
		if (verification.fromCheckpoints()) {
			System.out
				.println("Checked from the last checkpoints: a change before them is seen by verify-trail --full.");
		}
		if (verification.unchainedRows() > 0) {
			System.out.println(verification.unchainedRows()
					+ " rows from before the chains (V19_3) carry no link and are not covered.");
		}
		if (!verification.headsChecked()) {
			System.out.println("No heads of this database outside it (" + this.heads.file()
					+ "): a cut-off end of a chain cannot be seen.");
		}
		if (verification.intact()) {
			System.out.println("The access trail is intact: " + verification.chains().size() + " chains.");
		}
		else {
			System.err.println("The access trail is NOT intact: first broken: " + verification.firstBroken());
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
