package nl.vangnet.cooperation;

import java.util.List;
import java.util.UUID;

/**
 * A region as the API shows it: a set of districts whose organisations share the partners
 * they keep on the who-does-what map.
 *
 * @param organisations the codes of the organisations working in one of its districts
 * @param partners how many partners of the map belong to it
 */
public record Region(UUID id, String name, List<String> districts, List<String> organisations, int partners,
		int version) {
}
