package nl.vangnet.cooperation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of the cooperation pages: they keep what was typed.
 */
final class CooperationForms {

	private CooperationForms() {
	}

	static List<String> split(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	record PartnerForm(String name, String kind, String organisation, List<String> domains, String districts,
			String phone, String email, String howToRefer, String languages, String notes, Integer version) {

		static PartnerForm empty() {
			return new PartnerForm(null, null, null, List.of(), null, null, null, null, null, null, null);
		}

		static PartnerForm of(Partner p) {
			return new PartnerForm(p.name(), p.kind().name(), p.organisation(), p.domains(),
					String.join(", ", p.districts()), p.phone(), p.email(), p.howToRefer(),
					String.join(", ", p.languages()), p.notes(), p.version());
		}

		PartnerInput input() {
			return new PartnerInput(this.name, this.kind, this.organisation, this.domains, split(this.districts),
					this.phone, this.email, this.howToRefer, split(this.languages), this.notes, this.version);
		}

	}

	/**
	 * @param recipient {@code org:CODE} or {@code partner:ID}
	 */
	record ConsentForm(String member, String onBehalfOf, String recipient, List<String> sections, List<String> domains,
			String purpose, String form, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

		static ConsentForm empty(LocalDate today) {
			return new ConsentForm(null, null, null, List.of(), List.of(), null, "WRITTEN", today, today.plusMonths(6));
		}

		Consents.NewConsent command() {
			return new Consents.NewConsent(this.member, this.onBehalfOf, CooperationForms.recipient(this.recipient),
					this.sections, this.domains, this.purpose, this.form, this.givenOn, this.validUntil);
		}

	}

	record WithdrawalForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String reason) {
	}

	/**
	 * @param helpQuestion the help question and {@code planAction} the plan action it
	 * comes from (at most one, pre-filled by the link there)
	 */
	record ReferralForm(UUID consent, String to, String domain, UUID helpQuestion, UUID planAction, String reason) {

		static ReferralForm empty() {
			return new ReferralForm(null, null, null, null, null, null);
		}

		/**
		 * The form pre-filled from where it comes from: its domain, and for an action a
		 * partner of the map who acts as the one referred to.
		 */
		static ReferralForm from(Referrals.Origin origin) {
			String to = (origin.partner() != null) ? "partner:" + origin.partner() : null;
			return new ReferralForm(null, to, origin.monitorCode(), origin.helpQuestion() ? origin.id() : null,
					origin.helpQuestion() ? null : origin.id(), null);
		}

		Referrals.NewReferral command() {
			return new Referrals.NewReferral(null, this.consent, recipient(this.to), this.domain, this.helpQuestion,
					this.planAction, this.reason);
		}

	}

	record EventForm(String status, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String note,
			String reason) {

		static EventForm empty() {
			return new EventForm(null, null, null, null);
		}

		Referrals.NewEvent command() {
			return new Referrals.NewEvent(this.status, this.on, this.note, this.reason);
		}

	}

	/** {@code org:CODE} or {@code partner:ID} as a recipient; anything else: none. */
	static Recipient recipient(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.startsWith("org:")) {
			return new Recipient(value.substring(4), null);
		}
		if (value.startsWith("partner:")) {
			try {
				return new Recipient(null, UUID.fromString(value.substring(8)));
			}
			catch (IllegalArgumentException ex) {
				return new Recipient(null, new UUID(0, 0));
			}
		}
		return new Recipient(null, new UUID(0, 0));
	}

}
