package nl.vangnet.network;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gap computation: needed life domains that no supportive contact covers.
 */
class GapsTests {

	@Test
	void aDomainNobodyHelpsWithIsAGap() {
		Contact neighbour = contact("Buurvrouw Els", false, "HOUSING");

		assertThat(Gaps.of(Set.of("FINANCES", "HOUSING"), List.of(neighbour))).containsExactly("FINANCES");
	}

	@Test
	void withoutContactsEveryNeededDomainIsAGapAndWithoutNeedsThereIsNone() {
		assertThat(Gaps.of(Set.of("HEALTH", "FINANCES"), List.of())).containsExactly("FINANCES", "HEALTH");
		assertThat(Gaps.of(Set.of(), List.of(contact("Moeder", false, "SOCIAL")))).isEmpty();
	}

	@Test
	void aDangerNeverCoversAGapEvenWhenItIsSaidToHelpWithTheDomain() {
		Contact ex = contact("Ex-partner", true, "FINANCES", "SOCIAL.PARENTING");

		assertThat(Gaps.of(Set.of("FINANCES", "SOCIAL.PARENTING"), List.of(ex))).containsExactly("FINANCES",
				"SOCIAL.PARENTING");
		assertThat(ex.supportive()).isFalse();
		assertThat(ex.covers("FINANCES")).isFalse();
	}

	@Test
	void aDangerIsNeverCountedAsSupportInASnapshot() {
		Contact ex = contact("Ex-partner", true, "FINANCES");
		Contact sister = contact("Zus", false, "FINANCES");
		Snapshot snapshot = new Snapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				java.time.LocalDate.of(2026, 1, 5), null, null, 0, List.of(ex, sister));

		assertThat(snapshot.supportive()).containsExactly(sister);
		assertThat(snapshot.count(Contact.Closeness.INNER)).isEqualTo(1);
		assertThat(snapshot.countCovering("FINANCES")).isEqualTo(1);
	}

	@Test
	void aContactCoversTheDomainItsParentAndItsSubDomains() {
		Contact general = contact("Schuldhulp", false, "SOCIAL");
		Contact specific = contact("Opvoedcoach", false, "SOCIAL.PARENTING");

		assertThat(Gaps.of(Set.of("SOCIAL.NETWORK"), List.of(general))).isEmpty();
		assertThat(Gaps.of(Set.of("SOCIAL"), List.of(specific))).isEmpty();
		assertThat(Gaps.of(Set.of("SOCIAL.NETWORK"), List.of(specific))).containsExactly("SOCIAL.NETWORK");
		assertThat(Gaps.of(Set.of("SOCIALE"), List.of(general))).as("a code that only starts alike")
			.containsExactly("SOCIALE");
	}

	@Test
	void theComparisonCountsNoDangerAndShowsWhoCameAndWent() {
		Contact ex = contact("Ex-partner", true, "FINANCES");
		Contact sister = contact("Zus", false, "SOCIAL");
		Contact buddy = contact("Maatje", false, "FINANCES");
		Snapshot intake = new Snapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				java.time.LocalDate.of(2026, 1, 5), "intake", null, 0, List.of(ex, sister));
		Snapshot now = new Snapshot(UUID.randomUUID(), intake.householdId(), intake.memberId(),
				java.time.LocalDate.of(2026, 6, 5), null, intake.id(), 0, List.of(ex, buddy));

		Comparison comparison = Comparison.of(intake, now, null, null, List.of("FINANCES", "SOCIAL"),
				Set.of("FINANCES"), (code) -> code);

		assertThat(comparison.added()).containsExactly(buddy);
		assertThat(comparison.lost()).containsExactly(sister);
		assertThat(comparison.circles().get(0).from()).isEqualTo(1);
		assertThat(comparison.domains().get(0)).isEqualTo(new Comparison.Count("FINANCES", "FINANCES", 0, 1));
		assertThat(comparison.gapsFrom()).extracting(Comparison.Labelled::code).containsExactly("FINANCES");
		assertThat(comparison.gapsTo()).isEmpty();
	}

	private static Contact contact(String name, boolean danger, String... domains) {
		return new Contact(UUID.randomUUID(), UUID.randomUUID(), name,
				danger ? Contact.Relation.EX_PARTNER : Contact.Relation.FAMILY, Contact.Closeness.INNER,
				Contact.Tie.STRONG, Set.of(Contact.Support.PRACTICAL), List.of(domains), null, null, danger, null);
	}

}
