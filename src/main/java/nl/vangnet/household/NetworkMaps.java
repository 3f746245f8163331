package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A client's network map as seen from modules that the network module may not be depended
 * on by: the contact module (its follow-up checks count her supportive contacts from her
 * map, issue 15 item 3) and the plan module (a member's own page shows her network, item
 * 5). The network module implements it ({@code NetworkApi}); it is declared here, in a
 * module all of them depend on, so that they use it without depending on the network
 * module: the plan module could not (the network module depends on it, a cycle), and the
 * contact module is not allowed to.
 * <p>
 * Case work only (coordinators and professionals), for the current tenant scope.
 */
public interface NetworkMaps {

	/** The relation codes of a person on a map, in the order a form offers them. */
	List<String> RELATIONS = List.of("FAMILY", "PARTNER", "EX_PARTNER", "FRIEND", "NEIGHBOUR", "FELLOW_RESIDENT",
			"VOLUNTEER_BUDDY", "PROFESSIONAL", "ORGANISATION", "OTHER");

	/** The kinds of support a person on a map gives, in the order a form offers them. */
	List<String> SUPPORTS = List.of("EMOTIONAL", "PRACTICAL", "INFORMATION", "FINANCIAL", "CHILDCARE", "COMPANY");

	/**
	 * The member's latest network map (the one drawn last), empty when none was drawn.
	 * Not in the access trail: the caller records what it shows.
	 * @throws org.springframework.security.access.AccessDeniedException for anyone but
	 * case workers
	 */
	Optional<LatestMap> latest(MemberId member);

	/**
	 * A quick update of the member's map, as at a follow-up check: a new snapshot drawn
	 * on the day as a copy of the latest (an empty one for the first), without the
	 * contacts named in {@code removed} (by their {@link Person#key()}) and with the
	 * people {@code added}. In the access trail as a change of the member. Everything is
	 * checked before anything is drawn.
	 * @return the map as it stands after the update
	 * @throws nl.vangnet.platform.DomainErrors naming {@code removed} (a key not on the
	 * latest map, or a danger-marked contact) or {@code added[i].name},
	 * {@code added[i].relation}, {@code added[i].support}
	 */
	LatestMap quickUpdate(MemberId member, LocalDate on, Set<UUID> removed, List<NewPerson> added);

	/**
	 * A network map as it stands: the day it was drawn, and the people on it in the order
	 * they were drawn.
	 */
	record LatestMap(LocalDate drawnOn, List<Person> people) {

		public LatestMap {
			people = List.copyOf(people);
		}

		/**
		 * The number of people who support her: no danger, and some kind of support noted
		 * (as the monitor counts a map).
		 */
		public int supportive() {
			return (int) this.people.stream().filter(Person::supportive).count();
		}

		/**
		 * The people in a circle of closeness ({@code INNER}, {@code MIDDLE},
		 * {@code OUTER}).
		 */
		public List<Person> in(String closeness) {
			return this.people.stream().filter((p) -> p.closeness().equals(closeness)).toList();
		}

		public List<Person> dangers() {
			return this.people.stream().filter(Person::danger).toList();
		}

	}

	/**
	 * A person or organisation on a map, codes as text as in {@code NetworkApi}:
	 * {@code relation} (FAMILY, FRIEND, …), {@code closeness} (INNER, MIDDLE, OUTER),
	 * {@code support} (EMOTIONAL, PRACTICAL, …); {@code key} names the same person in
	 * every snapshot.
	 */
	record Person(UUID key, String name, String relation, String closeness, List<String> support, boolean danger) {

		public Person {
			support = List.copyOf(support);
		}

		/** Supports her: no danger, and some kind of support noted. */
		public boolean supportive() {
			return !this.danger && !this.support.isEmpty();
		}

	}

	/**
	 * Someone she sees now who is not on her map yet: a name, a relation code and the
	 * kind of support (a code as {@link Person#support()}); drawn in the middle circle, a
	 * strong tie.
	 */
	record NewPerson(String name, String relation, String support) {
	}

}
