package nl.vangnet.access;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Names for the ids in the trail, given by the modules that own them (households and
 * their members, staff accounts) through their public APIs: the access module never reads
 * their tables. Called once per page of the trail with every id on it, in the reader's
 * tenant scope.
 */
public interface TrailNames {

	/**
	 * The names of those ids that this module knows and the reader may see; the others
	 * are left out.
	 */
	Map<UUID, String> names(Set<UUID> ids);

	/**
	 * The people of the reader's organisation who may appear in the trail as actors, by
	 * id, for choosing one; empty for a module that has none.
	 */
	default Map<UUID, String> people() {
		return Map.of();
	}

}
