package nl.vangnet.network;

import java.util.Arrays;

import nl.vangnet.household.NetworkMaps;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes that {@link NetworkMaps} offers to the modules that may not depend on this
 * one are this module's own.
 */
class NetworkMapsCodesTests {

	@Test
	void theRelationsAndSupportsOfferedElsewhereAreTheMapsOwn() {
		assertThat(NetworkMaps.RELATIONS)
			.containsExactly(Arrays.stream(Contact.Relation.values()).map(Enum::name).toArray(String[]::new));
		assertThat(NetworkMaps.SUPPORTS)
			.containsExactly(Arrays.stream(Contact.Support.values()).map(Enum::name).toArray(String[]::new));
	}

}
