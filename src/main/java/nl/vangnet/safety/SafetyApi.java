package nl.vangnet.safety;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the safety work: for the worklist, what is due per
 * household of the current organisation. Records nothing in the access trail: the
 * worklist records the families it shows. For a member's page in the plan module, which
 * may not depend on this one, it reads her safety plan as
 * {@link nl.vangnet.household.SafetyPlanReader}.
 */
@Service
@Transactional(readOnly = true)
public class SafetyApi implements nl.vangnet.household.SafetyPlanReader {

	/** A protective order is on the worklist this many days before its end date. */
	public static final int ORDER_ENDING_DAYS = 14;

	private final SafetyRecords records;

	private final RiskScreenings screenings;

	private final MeldcodeCases meldcode;

	private final SafetyPlans plans;

	SafetyApi(SafetyRecords records, RiskScreenings screenings, MeldcodeCases meldcode, SafetyPlans plans) {
		this.plans = plans;
		this.records = records;
		this.screenings = screenings;
		this.meldcode = meldcode;
	}

	/**
	 * Records, for the current tenant scope (the demo), the family pattern as judged by a
	 * worker, and a protective order against the contact of that name marked as a danger
	 * on a network map of the family.
	 * @throws nl.vangnet.platform.DomainErrors when a rule is not met
	 */
	@Transactional
	public void recordSafety(nl.vangnet.household.HouseholdId household, String pattern, LocalDate judgedOn,
			String orderKind, String dangerName, String issuer, LocalDate startsOn, LocalDate endsOn, UUID by) {
		this.records.judgePattern(household.value(), new SafetyRecords.PatternInput(pattern, judgedOn, null), by);
		UUID contact = this.records.dangers(household.value())
			.stream()
			.filter((c) -> c.name().equals(dangerName))
			.map(nl.vangnet.network.NetworkApi.MapContact::key)
			.findFirst()
			.orElse(null);
		this.records.addOrder(household.value(),
				new SafetyRecords.OrderInput(orderKind, contact, issuer, startsOn, endsOn, null), by);
	}

	@Override
	public java.util.Optional<PlanSummary> planOf(nl.vangnet.household.MemberId member) {
		return this.plans.existing(member.value())
			.map((plan) -> new PlanSummary(plan.title(), plan.child(),
					plan.peopleToCall().stream().map(SafetyPlans.PersonView::name).toList(), plan.reviewOn()));
	}

	/**
	 * Per household of the current organisation, what the safety work asks of the worker;
	 * households with nothing due are left out. One indexed query per reason.
	 */
	public Map<UUID, Due> dueByHousehold() {
		Map<UUID, Due> due = new java.util.HashMap<>(this.records.dueByHousehold());
		this.screenings.reviewsDue()
			.forEach((household, review) -> due.merge(household, new Due(0, null, review, null),
					(a, b) -> new Due(a.ordersEnding(), a.firstOrderEnd(), review, null)));
		this.meldcode.followUpsDue()
			.forEach((household, followUp) -> due.merge(household, new Due(0, null, null, followUp),
					(a, b) -> new Due(a.ordersEnding(), a.firstOrderEnd(), a.rescreeningDue(), followUp)));
		return due;
	}

	/**
	 * What is due in a household's safety work.
	 *
	 * @param ordersEnding protective orders that end within {@value #ORDER_ENDING_DAYS}
	 * days (or today)
	 * @param firstOrderEnd the nearest end date among them
	 * @param rescreeningDue the review date of the latest risk screening, when it lies
	 * within a week or has passed
	 * @param meldcodeFollowUp the nearest follow-up date of a decided meldcode case the
	 * caller may see, when it lies within a week or has passed
	 */
	public record Due(int ordersEnding, LocalDate firstOrderEnd, LocalDate rescreeningDue, LocalDate meldcodeFollowUp) {

		public static final Due NONE = new Due(0, null, null, null);

		public boolean any() {
			return this.ordersEnding > 0 || this.rescreeningDue != null || this.meldcodeFollowUp != null;
		}

	}

}
