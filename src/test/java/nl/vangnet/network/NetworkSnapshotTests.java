package nl.vangnet.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of a snapshot of a network map: a copy keeps the contacts' identity, a change
 * is made over the version it was read at, and only contacts on the map can change.
 */
class NetworkSnapshotTests {

	private final Client client = new Client(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Samira", "m1",
			"PARENT");

	@Test
	void aNewSnapshotCopiesTheContactsKeepingTheirIdentity() {
		NetworkSnapshot first = NetworkSnapshot.draw(this.client, LocalDate.of(2026, 9, 1), "Bij de intake", null);
		Contact sister = contact("Nadia", false);
		first.add(sister);

		NetworkSnapshot second = NetworkSnapshot.draw(this.client, LocalDate.of(2026, 12, 1), null, first);

		assertThat(second.copiedFrom()).isEqualTo(first.id());
		assertThat(second.contacts()).singleElement().satisfies((copy) -> {
			assertThat(copy.key()).isEqualTo(sister.key());
			assertThat(copy.id()).isNotEqualTo(sister.id());
		});
		second.move(second.contacts().get(0).id(), Contact.Closeness.OUTER);
		assertThat(first.contacts().get(0).closeness()).as("the earlier map stays as it was")
			.isEqualTo(Contact.Closeness.INNER);
	}

	@Test
	void aChangeOverAnOlderVersionIsRefusedWithTheContactsAsTheyAreNow() {
		NetworkSnapshot snapshot = new NetworkSnapshot(UUID.randomUUID(), this.client.organisationId(),
				this.client.householdId(), this.client.memberId(), LocalDate.of(2026, 12, 1), null, null, 2,
				List.of(contact("Karim", true)));

		assertThatThrownBy(() -> snapshot.expectVersion(1,
				(now) -> Differences.labelled("network.contact.")
					.changed("contacts", null, now.contacts().get(0).name())))
			.isInstanceOfSatisfying(ConflictException.class, (conflict) -> {
				assertThat(conflict.currentVersion()).isEqualTo(2);
				assertThat(conflict.changes()).extracting(ConflictException.Change::now).containsExactly("Karim");
			});
		snapshot.expectVersion(2, (now) -> Differences.labelled("network.contact."));
	}

	@Test
	void onlyAContactOnTheMapCanBeMovedOrRemovedAndALabelIsShort() {
		NetworkSnapshot snapshot = NetworkSnapshot.draw(this.client, LocalDate.of(2026, 12, 1), null, null);

		assertThatThrownBy(() -> snapshot.remove(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> NetworkSnapshot.draw(this.client, LocalDate.of(2026, 12, 1), "x".repeat(201), null))
			.isInstanceOf(DomainException.class);
		Contact friend = contact("Ilse", false);
		snapshot.add(friend);
		snapshot.remove(friend.id());
		assertThat(snapshot.contacts()).isEmpty();
	}

	private static Contact contact(String name, boolean danger) {
		return new Contact(UUID.randomUUID(), UUID.randomUUID(), name,
				danger ? Contact.Relation.EX_PARTNER : Contact.Relation.FAMILY, Contact.Closeness.INNER,
				Contact.Tie.STRONG, Set.of(), List.of(), null, null, danger, null);
	}

}
