package nl.vangnet.cooperation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A consent as the API shows it (vangnet-referral/1). {@code member} and
 * {@code onBehalfOf} are member refs of the household document; {@code state} follows
 * from the dates on the application's today.
 */
@JsonPropertyOrder({ "id", "household", "member", "onBehalfOf", "recipient", "sections", "domains", "purpose", "form",
		"givenOn", "validUntil", "recordedBy", "withdrawnOn", "withdrawalReason", "state" })
public record ConsentView(UUID id, UUID household, String member, String onBehalfOf, Recipient recipient,
		List<ConsentSection> sections, List<String> domains, String purpose, String form, LocalDate givenOn,
		LocalDate validUntil, UUID recordedBy, LocalDate withdrawnOn, String withdrawalReason, ConsentState state,
		@JsonIgnore String memberName, @JsonIgnore String onBehalfOfName, @JsonIgnore String recipientName,
		@JsonIgnore int version) {

	public boolean active() {
		return this.state == ConsentState.ACTIVE;
	}

}
