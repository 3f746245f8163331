package nl.vangnet.contact;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import nl.vangnet.account.AccountId;
import nl.vangnet.household.FamilyTrajectory;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.household.MemberId;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;
import nl.vangnet.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may do with a family's contacts, rhythms and papers, for the current
 * tenant scope (a signed-in coordinator or professional, or the system working for one
 * organisation, such as the demo). Every change is in the access trail.
 */
@Service
@Transactional
public class ContactApi {

	private final Contacts contacts;

	private final FamilyPapers papers;

	private final Families families;

	ContactApi(Contacts contacts, FamilyPapers papers, Families families) {
		this.contacts = contacts;
		this.papers = papers;
		this.families = families;
	}

	/**
	 * Records a contact moment with the members who took part, the minutes per support
	 * type and, for a group activity, its name and how it was experienced. When the
	 * system records it, {@code author} (a staff member) is its author.
	 */
	public ContactMomentId recordContact(HouseholdId householdId, LocalDateTime occurredAt, Channel channel,
			boolean reached, List<MemberId> members, String note, boolean sensitive, Map<SupportType, Integer> minutes,
			String activity, Satisfaction satisfaction, AccountId author) {
		return new ContactMomentId(this.contacts.record(householdId.value(),
				new Contacts.NewContact(occurredAt, channel, reached, members.stream().map(MemberId::value).toList(),
						note, sensitive, minutes, activity, satisfaction),
				(author != null) ? author.value() : null));
	}

	/**
	 * Sets the follow-up rhythm of the household's latest trajectory, from today.
	 */
	public void setRhythm(HouseholdId householdId, Rhythm rhythm) {
		List<FamilyTrajectory> trajectories = this.families.trajectories(householdId.value());
		if (trajectories.isEmpty()) {
			throw new NotFoundException("trajectory");
		}
		this.contacts.setRhythm(householdId.value(), trajectories.get(trajectories.size() - 1).id().value(), rhythm);
	}

	/**
	 * Adds an obligation to the family's overview: what to do for which agency by when.
	 */
	public ObligationId addObligation(HouseholdId householdId, ObligationKind kind, String description, String agency,
			java.time.LocalDate dueOn, ObligationStatus status) {
		return new ObligationId(this.papers.addObligation(householdId.value(),
				new FamilyPapers.ObligationInput(kind, description, agency, dueOn, status)));
	}

	/**
	 * Adds a debt: creditor, amount, payment arrangement and status.
	 */
	public DebtId addDebt(HouseholdId householdId, String creditor, BigDecimal amount, String arrangement,
			DebtStatus status) {
		return new DebtId(this.papers.addDebt(householdId.value(),
				new FamilyPapers.DebtInput(creditor, amount, arrangement, status)));
	}

	/**
	 * Changes a debt as it stands now (kept in its history): a new amount, arrangement or
	 * status.
	 */
	public void changeDebt(HouseholdId householdId, DebtId debtId, BigDecimal amount, String arrangement,
			DebtStatus status) {
		FamilyPapers.DebtView debt = this.papers.debts(householdId.value())
			.debts()
			.stream()
			.filter((d) -> d.id().equals(debtId.value()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("debt"));
		this.papers.changeDebt(debtId.value(), debt.version(),
				new FamilyPapers.DebtInput(debt.creditor(), amount, arrangement, status));
	}

}
