package nl.vangnet.cooperation;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A partner on the who-does-what map as the API shows it (vangnet-referral/1).
 *
 * @param organisation the code of the Vangnet organisation the partner is, or
 * {@code null} for a partner outside Vangnet
 * @param domains codes of the monitor framework
 */
@JsonPropertyOrder({ "id", "name", "kind", "organisation", "domains", "districts", "phone", "email", "howToRefer",
		"languages", "notes", "version" })
public record Partner(UUID id, String name, PartnerKind kind, String organisation, List<String> domains,
		List<String> districts, String phone, String email, String howToRefer, List<String> languages, String notes,
		int version) {

	/** Whether referrals to it arrive in a Vangnet organisation's inbox. */
	public boolean inVangnet() {
		return this.organisation != null;
	}

}
