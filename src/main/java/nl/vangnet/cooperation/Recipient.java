package nl.vangnet.cooperation;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * With whom a consent lets data be shared, or to whom a referral goes: a Vangnet
 * organisation ({@code organisation}, its code) or a partner ({@code partner}, its id); a
 * partner that is a Vangnet organisation carries both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recipient(String organisation, UUID partner) {

	boolean empty() {
		return (this.organisation == null || this.organisation.isBlank()) && this.partner == null;
	}

}
