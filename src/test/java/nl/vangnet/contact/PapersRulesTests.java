package nl.vangnet.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.household.SupportType;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules the contact module's aggregates guard themselves: obligations, debts and
 * contact moments.
 */
class PapersRulesTests {

	private static final UUID HOUSEHOLD = UUID.randomUUID();

	private static final UUID ORGANISATION = UUID.randomUUID();

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void aNewObligationIsToDoAndDueSoonWithinAWeekAndOverdueAfterItsDay() {
		Obligation letter = Obligation.note(HOUSEHOLD, ORGANISATION,
				new Obligation.Terms(ObligationKind.LETTER, "  Jaaropgave opsturen ", null, TODAY.plusDays(7), null));

		assertThat(letter.status()).isEqualTo(ObligationStatus.TO_DO);
		assertThat(letter.description()).isEqualTo("Jaaropgave opsturen");
		assertThat(letter.dueSoon(TODAY)).isTrue();
		assertThat(letter.dueSoon(TODAY.minusDays(1))).isFalse();
		assertThat(letter.overdue(TODAY.plusDays(7))).isFalse();
		assertThat(letter.overdue(TODAY.plusDays(8))).isTrue();
	}

	@Test
	void anObligationNeedsAKindAndADescriptionAndAStatusWhenRewritten() {
		assertThatThrownBy(
				() -> Obligation.note(HOUSEHOLD, ORGANISATION, new Obligation.Terms(null, " ", null, null, null)))
			.isInstanceOf(DomainErrors.class);
		Obligation form = Obligation.note(HOUSEHOLD, ORGANISATION,
				new Obligation.Terms(ObligationKind.FORM, "Formulier", null, null, null));
		assertThatThrownBy(
				() -> form.rewrite(0, new Obligation.Terms(ObligationKind.FORM, "Formulier", null, null, null)))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("contact.obligation.status.required");
	}

	@Test
	void aChangeToAStaleObligationIsRefusedWithWhatItIsNow() {
		Obligation form = Obligation.note(HOUSEHOLD, ORGANISATION,
				new Obligation.Terms(ObligationKind.FORM, "Formulier", "Gemeente", null, null));

		assertThatThrownBy(() -> form.rewrite(3,
				new Obligation.Terms(ObligationKind.FORM, "Ander formulier", null, null, ObligationStatus.DONE)))
			.isInstanceOfSatisfying(ConflictException.class, (conflict) -> {
				assertThat(conflict.currentVersion()).isZero();
				assertThat(conflict.changes())
					.extracting(ConflictException.Change::field, ConflictException.Change::before,
							ConflictException.Change::now)
					.contains(Tuple.tuple("description", "Ander formulier", "Formulier"));
			});
		assertThat(form.description()).isEqualTo("Formulier");
	}

	@Test
	void everyStateOfADebtIsKeptAndAPaidOffDebtIsNoLongerOwed() {
		UUID worker = UUID.randomUUID();
		Debt rent = Debt.register(HOUSEHOLD, ORGANISATION,
				new Debt.Terms("Woningcorporatie", new BigDecimal("1840.00"), null, null), worker,
				Instant.parse("2026-11-01T10:00:00Z"));
		rent.restate(0, new Debt.Terms("Woningcorporatie", new BigDecimal("0.00"), "75 per maand", DebtStatus.PAID_OFF),
				worker, Instant.parse("2026-12-01T10:00:00Z"));

		assertThat(rent.history()).extracting(Debt.State::status).containsExactly(DebtStatus.OPEN, DebtStatus.PAID_OFF);
		assertThat(rent.recorded()).hasSize(2);
		assertThat(rent.owed()).isFalse();
	}

	@Test
	void aDebtNeedsACreditorAndAnAmountOfAtMostTwoDecimals() {
		assertThatThrownBy(() -> Debt.register(HOUSEHOLD, ORGANISATION,
				new Debt.Terms(null, new BigDecimal("1.234"), null, null), null, Instant.now()))
			.isInstanceOfSatisfying(DomainErrors.class,
					(errors) -> assertThat(errors.errors()).extracting(DomainException::field)
						.containsExactly("creditor", "amount"));
	}

	@Test
	void aContactMomentTakesOnlyTheFamilysMembersAndNoMoreThanADayOfMinutes() {
		UUID member = UUID.randomUUID();
		LocalDateTime now = LocalDateTime.of(2026, 12, 1, 12, 0);
		Contacts.NewContact stranger = new Contacts.NewContact(now, Channel.OFFICE, true, List.of(UUID.randomUUID()),
				null, false, Map.of(SupportType.CONVERSATION, 1441), null, null);

		assertThatThrownBy(() -> ContactMoment.record(HOUSEHOLD, ORGANISATION, stranger, Set.of(member), null, now))
			.isInstanceOfSatisfying(DomainErrors.class,
					(errors) -> assertThat(errors.errors()).extracting(DomainException::field)
						.containsExactlyInAnyOrder("members", "minutes.CONVERSATION"));
		ContactMoment moment = ContactMoment.record(HOUSEHOLD, ORGANISATION,
				new Contacts.NewContact(now.minusHours(2), Channel.GROUP_ACTIVITY, true, List.of(member), " ", true,
						Map.of(SupportType.CONVERSATION, 0, SupportType.ARRANGING, 30), "Naaiatelier", null),
				Set.of(member), null, now);
		assertThat(moment.sensitive()).as("no note, so nothing sensitive").isFalse();
		assertThat(moment.minutes()).containsOnlyKeys(SupportType.ARRANGING);
		assertThat(moment.timeMember()).isEqualTo(member);
		assertThat(moment.tookPartInActivity()).isTrue();
	}

}
