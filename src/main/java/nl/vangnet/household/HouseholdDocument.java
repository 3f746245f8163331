package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One household in the exchange format {@value #FORMAT} (see EXCHANGE.md), as the JSON
 * API reads and writes it. Omitted fields mean "unknown", never a default such as
 * {@code NO}.
 * <p>
 * Additions to the contract (allowed: "change only by adding"): {@code contact} (phone,
 * e-mail, address; a confidential address is never written out), {@code closedOn} and
 * {@code closingReason} of the household, and per trajectory {@code phaseModel},
 * {@code contactPerson}, {@code involvedStaff} (account ids) and {@code phases} (the
 * dated phase history). When an update leaves an addition out, what is stored stays.
 *
 * @param organisation the organisation's code; in files only (the API uses the signed-in
 * user's organisation)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "format", "id", "version", "externalId", "organisation", "district", "composition", "debts",
		"referralSource", "contactReasons", "members", "trajectories", "contact", "closedOn", "closingReason" })
public record HouseholdDocument(String format, UUID id, Integer version, String externalId, String organisation,
		String district, Composition composition, Debts debts, ReferralSource referralSource,
		List<ContactReason> contactReasons, List<MemberEntry> members, List<TrajectoryEntry> trajectories,
		ContactEntry contact, LocalDate closedOn, String closingReason) {

	public static final String FORMAT = "vangnet-household/1";

	/**
	 * A member. {@code mainContact} is {@code true} or left out; {@code ageGroup} is the
	 * one given (the one that counts follows from {@code birthDate} when that is given).
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "ref", "role", "mainContact", "givenName", "familyName", "birthDate", "ageGroup", "education",
			"dutchLanguage", "dayActivities" })
	public record MemberEntry(String ref, MemberRole role, Boolean mainContact, String givenName, String familyName,
			LocalDate birthDate, AgeGroup ageGroup, Education education, DutchLanguage dutchLanguage,
			List<DayActivity> dayActivities) {
	}

	/**
	 * A trajectory. {@code end} and {@code closingReason} are left out while it runs.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "kind", "start", "end", "closingReason", "phaseModel", "contactPerson", "involvedStaff",
			"phases" })
	public record TrajectoryEntry(TrajectoryKind kind, LocalDate start, LocalDate end, String closingReason,
			String phaseModel, UUID contactPerson, List<UUID> involvedStaff, List<PhaseEntry> phases) {
	}

	/**
	 * The family entered the phase (a code such as {@code FLEXIBLE.STABILISING}) on the
	 * date.
	 */
	@JsonPropertyOrder({ "phase", "date" })
	public record PhaseEntry(String phase, LocalDate date) {
	}

	/**
	 * Phone, e-mail and address of the household. When {@code addressConfidential} is
	 * true the address is never written out; sending it back without an address keeps the
	 * stored one.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "phone", "email", "address", "addressConfidential" })
	public record ContactEntry(String phone, String email, String address, Boolean addressConfidential) {
	}

}
