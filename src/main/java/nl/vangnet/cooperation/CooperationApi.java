package nl.vangnet.cooperation;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may do with the who-does-what map: the demo ships an example
 * directory, and a plan action may name the partner who acts. Works for the current
 * tenant scope (a signed-in coordinator, or the system working for one organisation).
 */
@Service
@Transactional
public class CooperationApi {

	/** After how many days without feedback a referral is on the referrer's worklist. */
	public static final int FEEDBACK_DAYS = 14;

	private final Partners partners;

	private final Referrals referrals;

	private final Agencies agencies;

	CooperationApi(Partners partners, Referrals referrals, Agencies agencies) {
		this.partners = partners;
		this.referrals = referrals;
		this.agencies = agencies;
	}

	/**
	 * Per household of the current organisation: its open agency issues (objection not
	 * yet decided) that have a deadline, how many and the nearest deadline.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, IssuesDue> agencyIssuesDue() {
		return this.agencies.dueByHousehold();
	}

	/**
	 * The household's open agency issues with a deadline, the nearest first, for the
	 * family's obligations list. Records nothing in the access trail: the caller's page
	 * records its view.
	 */
	@Transactional(readOnly = true)
	public List<AgencyDeadline> agencyDeadlines(UUID householdId) {
		return this.agencies.openWithDeadline(householdId)
			.stream()
			.map((i) -> new AgencyDeadline(i.id(), i.agencyName(), i.kind(), i.description(), i.objectionDeadline(),
					i.status()))
			.toList();
	}

	/** Open agency issues with a deadline of one household. */
	public record IssuesDue(int count, java.time.LocalDate first) {
	}

	/**
	 * An open agency issue with its objection deadline: what the family (and her worker)
	 * must not miss.
	 */
	public record AgencyDeadline(UUID id, String agency, AgencyIssueKind kind, String description,
			java.time.LocalDate deadline, AgencyIssueStatus status) {
	}

	/**
	 * Per household of the current organisation: how many of its referrals had no
	 * feedback (first contact, accepted, declined, closed; for a partner outside Vangnet
	 * as the referrer recorded it) at least {@code days} days after they were sent.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, Integer> referralsWithoutFeedback(int days) {
		java.util.Map<UUID, Integer> counts = new java.util.HashMap<>();
		this.referrals.withoutFeedback(days).stream().forEach((r) -> counts.merge(r.household(), 1, Integer::sum));
		return counts;
	}

	/**
	 * Adds a partner to the map of the current organisation's region; returns its id.
	 * @param organisation the code of the Vangnet organisation the partner is, or
	 * {@code null}
	 * @throws nl.vangnet.platform.DomainErrors when a field is not right
	 */
	public UUID addPartner(String name, PartnerKind kind, String organisation, List<String> domains,
			List<String> districts, String phone, String email, String howToRefer, List<String> languages) {
		return this.partners
			.add(new PartnerInput(name, kind.name(), organisation, domains, districts, phone, email, howToRefer,
					languages, null, null))
			.id();
	}

	/** The partners the current organisation's region shares, by name. */
	@Transactional(readOnly = true)
	public List<Partner> partners() {
		return this.partners.all();
	}

	/** The partner, if the current organisation's region shares it. */
	@Transactional(readOnly = true)
	public java.util.Optional<Partner> partner(UUID id) {
		return (id != null) ? this.partners.find(id) : java.util.Optional.empty();
	}

}
