package nl.vangnet.plan;

import java.time.Clock;
import java.time.LocalDate;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Component;

/**
 * The day it is and who is working: the names kept in histories.
 */
@Component
class Workers {

	private final AccountApi accounts;

	private final Clock clock;

	Workers(AccountApi accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The name of a colleague of the organisation, as the family knows her. */
	String nameOf(java.util.UUID organisation, java.util.UUID account) {
		if (account == null || organisation == null) {
			return null;
		}
		return this.accounts.staff(organisation)
			.stream()
			.filter((member) -> member.id().equals(account))
			.map(StaffMember::displayName)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Whom the family calls: its contact person's name and number, else the
	 * organisation's general number.
	 */
	nl.vangnet.account.FamilyContact familyContact(java.util.UUID organisation, java.util.UUID contactPerson) {
		return (organisation != null) ? this.accounts.familyContact(organisation, contactPerson)
				: nl.vangnet.account.FamilyContact.NOBODY;
	}

	/**
	 * The name of the one working, as colleagues know it; {@code null} for the system.
	 */
	String nameOf(Staff actor) {
		if (actor.isSystem()) {
			return null;
		}
		return this.accounts.staff(actor.organisationId())
			.stream()
			.filter((member) -> member.id().equals(actor.userId()))
			.map(StaffMember::displayName)
			.findFirst()
			.orElse(null);
	}

}
