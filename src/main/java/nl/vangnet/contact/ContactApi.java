package nl.vangnet.contact;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
	public UUID recordContact(UUID householdId, LocalDateTime occurredAt, Channel channel, boolean reached,
			List<UUID> members, String note, boolean sensitive, Map<SupportType, Integer> minutes, String activity,
			Satisfaction satisfaction, UUID author) {
		return this.contacts.record(householdId, new Contacts.NewContact(occurredAt, channel, reached, members, note,
				sensitive, minutes, activity, satisfaction), author);
	}

	/**
	 * Sets the follow-up rhythm of the household's latest trajectory, from today.
	 */
	public void setRhythm(UUID householdId, Rhythm rhythm) {
		List<Families.TrajectoryRow> trajectories = this.families.trajectories(householdId);
		if (trajectories.isEmpty()) {
			throw new NotFoundException("trajectory");
		}
		this.contacts.setRhythm(householdId, trajectories.get(trajectories.size() - 1).id(), rhythm);
	}

	/**
	 * Adds an obligation to the family's overview: what to do for which agency by when.
	 */
	public UUID addObligation(UUID householdId, ObligationKind kind, String description, String agency,
			java.time.LocalDate dueOn, ObligationStatus status) {
		return this.papers.addObligation(householdId,
				new FamilyPapers.ObligationInput(kind, description, agency, dueOn, status));
	}

	/**
	 * Adds a debt: creditor, amount, payment arrangement and status.
	 */
	public UUID addDebt(UUID householdId, String creditor, BigDecimal amount, String arrangement, DebtStatus status) {
		return this.papers.addDebt(householdId, new FamilyPapers.DebtInput(creditor, amount, arrangement, status));
	}

	/**
	 * Changes a debt as it stands now (kept in its history): a new amount, arrangement or
	 * status.
	 */
	public void changeDebt(UUID householdId, UUID debtId, BigDecimal amount, String arrangement, DebtStatus status) {
		FamilyPapers.DebtView debt = this.papers.debts(householdId)
			.debts()
			.stream()
			.filter((d) -> d.id().equals(debtId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("debt"));
		this.papers.changeDebt(debtId, debt.version(),
				new FamilyPapers.DebtInput(debt.creditor(), amount, arrangement, status));
	}

}
