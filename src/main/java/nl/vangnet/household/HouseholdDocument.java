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
		"referralSource", "contactReasons", "members", "trajectories", "contact", "closedOn", "closingReason",
		"helpQuestions", "progressScores", "timeEntries", "activities", "experience" })
public record HouseholdDocument(String format, UUID id, Integer version, String externalId, String organisation,
		String district, Composition composition, Debts debts, ReferralSource referralSource,
		List<ContactReason> contactReasons, List<MemberEntry> members, List<TrajectoryEntry> trajectories,
		ContactEntry contact, LocalDate closedOn, String closingReason, List<HelpQuestionEntry> helpQuestions,
		List<ProgressScoreEntry> progressScores, List<TimeEntry> timeEntries, List<ActivityEntry> activities,
		List<ExperienceEntry> experience) {

	public static final String FORMAT = "vangnet-household/1";

	/**
	 * A household document without the sections that other modules keep.
	 */
	public HouseholdDocument(String format, UUID id, Integer version, String externalId, String organisation,
			String district, Composition composition, Debts debts, ReferralSource referralSource,
			List<ContactReason> contactReasons, List<MemberEntry> members, List<TrajectoryEntry> trajectories,
			ContactEntry contact, LocalDate closedOn, String closingReason) {
		this(format, id, version, externalId, organisation, district, composition, debts, referralSource,
				contactReasons, members, trajectories, contact, closedOn, closingReason, null, null, null, null, null);
	}

	public HouseholdDocument withHelpQuestions(List<HelpQuestionEntry> entries) {
		return new HouseholdDocument(this.format, this.id, this.version, this.externalId, this.organisation,
				this.district, this.composition, this.debts, this.referralSource, this.contactReasons, this.members,
				this.trajectories, this.contact, this.closedOn, this.closingReason, entries, this.progressScores,
				this.timeEntries, this.activities, this.experience);
	}

	public HouseholdDocument withProgressScores(List<ProgressScoreEntry> entries) {
		return new HouseholdDocument(this.format, this.id, this.version, this.externalId, this.organisation,
				this.district, this.composition, this.debts, this.referralSource, this.contactReasons, this.members,
				this.trajectories, this.contact, this.closedOn, this.closingReason, this.helpQuestions, entries,
				this.timeEntries, this.activities, this.experience);
	}

	public HouseholdDocument withTimeEntries(List<TimeEntry> entries) {
		return new HouseholdDocument(this.format, this.id, this.version, this.externalId, this.organisation,
				this.district, this.composition, this.debts, this.referralSource, this.contactReasons, this.members,
				this.trajectories, this.contact, this.closedOn, this.closingReason, this.helpQuestions,
				this.progressScores, entries, this.activities, this.experience);
	}

	public HouseholdDocument withActivities(List<ActivityEntry> entries) {
		return new HouseholdDocument(this.format, this.id, this.version, this.externalId, this.organisation,
				this.district, this.composition, this.debts, this.referralSource, this.contactReasons, this.members,
				this.trajectories, this.contact, this.closedOn, this.closingReason, this.helpQuestions,
				this.progressScores, this.timeEntries, entries, this.experience);
	}

	public HouseholdDocument withExperience(List<ExperienceEntry> entries) {
		return new HouseholdDocument(this.format, this.id, this.version, this.externalId, this.organisation,
				this.district, this.composition, this.debts, this.referralSource, this.contactReasons, this.members,
				this.trajectories, this.contact, this.closedOn, this.closingReason, this.helpQuestions,
				this.progressScores, this.timeEntries, this.activities, entries);
	}

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
	@JsonPropertyOrder({ "kind", "start", "end", "closingReason", "destination", "phaseModel", "contactPerson",
			"involvedStaff", "phases", "aftercareDeclined" })
	public record TrajectoryEntry(TrajectoryKind kind, LocalDate start, LocalDate end, String closingReason,
			String phaseModel, UUID contactPerson, List<UUID> involvedStaff, List<PhaseEntry> phases,
			Destination destination, String aftercareDeclined) {

		public TrajectoryEntry(TrajectoryKind kind, LocalDate start, LocalDate end, String closingReason,
				String phaseModel, UUID contactPerson, List<UUID> involvedStaff, List<PhaseEntry> phases) {
			this(kind, start, end, closingReason, phaseModel, contactPerson, involvedStaff, phases, null, null);
		}

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

	/**
	 * A help question of a member ({@code null}: the household as a whole) on a domain of
	 * the monitor framework (a code such as {@code SOCIAL.PARENTING}).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "member", "domain", "opened", "closed", "acute", "status", "description" })
	public record HelpQuestionEntry(String member, String domain, LocalDate opened, LocalDate closed, Boolean acute,
			HelpQuestionStatus status, String description) {
	}

	/**
	 * A progress score on a progress domain ({@code FINANCES}, {@code HOUSING},
	 * {@code HEALTH}, {@code SOCIAL}, {@code PARTICIPATION}, {@code OTHER}): 1–5, or
	 * {@code null} for "n.v.t." (always written); {@code member} names a member's own
	 * score (issue 15: each child a client), absent for the household's, the one the
	 * monitor counts.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@JsonPropertyOrder({ "domain", "date", "score", "member" })
	public record ProgressScoreEntry(String domain, LocalDate date, Integer score,
			@JsonInclude(JsonInclude.Include.NON_NULL) String member) {

		public ProgressScoreEntry(String domain, LocalDate date, Integer score) {
			this(domain, date, score, null);
		}

	}

	/**
	 * Minutes of support of a type on a date, for a member or ({@code null}) the
	 * household.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@JsonPropertyOrder({ "date", "type", "minutes", "member" })
	public record TimeEntry(LocalDate date, SupportType type, Integer minutes, String member) {
	}

	/**
	 * Taking part in an activity, with how it was experienced ({@code null}: not asked).
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@JsonPropertyOrder({ "date", "name", "member", "satisfaction", "kind" })
	public record ActivityEntry(LocalDate date, String name, String member, Satisfaction satisfaction,
			@JsonInclude(JsonInclude.Include.NON_NULL) ActivityKind kind) {

		public ActivityEntry(LocalDate date, String name, String member, Satisfaction satisfaction) {
			this(date, name, member, satisfaction, null);
		}

	}

	/**
	 * Whether the family experienced the support on a domain of the monitor framework as
	 * helpful; {@code member} names a member's own experience (a child's "how did it
	 * go"), absent for the household's, the one the monitor counts.
	 */
	@JsonPropertyOrder({ "date", "domain", "helped", "member" })
	public record ExperienceEntry(LocalDate date, String domain, Helped helped,
			@JsonInclude(JsonInclude.Include.NON_NULL) String member) {

		public ExperienceEntry(LocalDate date, String domain, Helped helped) {
			this(date, domain, helped, null);
		}

	}

}
