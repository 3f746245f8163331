package nl.vangnet.account;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * What other modules may do with accounts.
 */
@Service
public class AccountApi {

	private final AccountManagement management;

	private final SecondFactors factors;

	AccountApi(AccountManagement management, SecondFactors factors) {
		this.management = management;
		this.factors = factors;
	}

	/**
	 * Opens an account; returns its id.
	 */
	public UUID open(NewAccount account) {
		return this.management.openAccount(account, false).id();
	}

	/**
	 * Gives the account an authenticator app with a known secret (base32), for set-up
	 * tasks such as the demo, whose secret the README prints.
	 */
	public void enrolKnownTotp(UUID accountId, String secret) {
		this.factors.enrolKnown(accountId, secret);
	}

	public boolean exists(String email) {
		return this.management.exists(email);
	}

	/** The organisation's active meldcode officers (issue 14), by name. */
	public List<StaffMember> meldcodeOfficers(UUID organisationId) {
		return this.management.meldcodeOfficers(organisationId);
	}

	/**
	 * Whom a family of the organisation calls, and at which number: its fixed contact
	 * person's name and work phone, else the organisation's general number (issue 18).
	 */
	public FamilyContact familyContact(UUID organisationId, UUID contactPerson) {
		return this.management.familyContact(organisationId, contactPerson);
	}

	/** Everyone who works for the organisation, active or not. */
	public List<StaffMember> staff(UUID organisationId) {
		return this.management.staff(organisationId);
	}

}
