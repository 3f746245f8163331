package nl.vangnet.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reopen, never re-register (issue 15, item 1): before a new family is saved, the
 * households of the organisation (row-level security keeps the search inside it) that are
 * likely the same family: a member with the same or a similar name (trigram similarity,
 * {@code pg_trgm}) and the same birth date, or a very similar name. Checked for every
 * member of the new family, so that a member in common (a child) finds the family too.
 * Coordinators and professionals only; names travel in a body, never in a URL, and the
 * households shown are one {@code SEARCH} row in the access trail.
 */
@Service
@Transactional
class DuplicateCheck {

	/** A name this similar (0–1) with the same birth date is likely the same person. */
	static final double WITH_BIRTH_DATE = 0.4;

	/** A name this similar when a birth date is missing on either side. */
	static final double WITHOUT_BIRTH_DATE = 0.6;

	/** A name this similar even with another birth date (a typing error in the date). */
	static final double NEARLY_EQUAL = 0.85;

	static final int MAX_CANDIDATES = 10;

	private final JdbcClient jdbc;

	private final HouseholdRepository households;

	private final HouseholdTrail trail;

	private final Clock clock;

	DuplicateCheck(JdbcClient jdbc, HouseholdRepository households, HouseholdTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * The likely duplicates of one person (the API's question).
	 */
	List<Candidate> candidates(Person person) {
		DomainErrors.throwIfAny(check(person, ""));
		return candidates(List.of(person));
	}

	/**
	 * The likely duplicates of a new family, by any of its members; the best first.
	 */
	List<Candidate> candidates(List<Person> people) {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases()) {
			throw new AccessDeniedException("Only coordinators and professionals check for duplicates");
		}
		Map<UUID, Candidate> found = new LinkedHashMap<>();
		for (Person person : people) {
			if (!person.given()) {
				continue;
			}
			for (Match match : matches(actor, person)) {
				found.computeIfAbsent(match.householdId(), (id) -> new Candidate(id, null, null, new ArrayList<>()))
					.matches()
					.add(match);
			}
		}
		List<Candidate> candidates = new ArrayList<>();
		found.values()
			.stream()
			.sorted(Comparator.comparingDouble(Candidate::score).reversed())
			.limit(MAX_CANDIDATES)
			.forEach(
					(candidate) -> this.households.find(candidate.householdId())
						.ifPresent((household) -> candidates.add(new Candidate(household.id(), household.name(),
								(household.closure() != null) ? household.closure().on() : null,
								candidate.matches()))));
		this.trail.searched(actor, candidates.stream().map(Candidate::householdId).toList());
		return candidates;
	}

	/**
	 * What is wrong with the question, each on its field ({@code prefix} before it).
	 */
	List<DomainException> check(Person person, String prefix) {
		List<DomainException> errors = new ArrayList<>();
		if (!person.given()) {
			errors.add(new DomainException(prefix + "familyName", "household.duplicates.nothing"));
		}
		if (person.givenName() != null && person.givenName().length() > HouseholdRules.NAME_MAX) {
			errors.add(new DomainException(prefix + "givenName", "household.duplicates.givenName.tooLong",
					HouseholdRules.NAME_MAX));
		}
		if (person.familyName() != null && person.familyName().length() > HouseholdRules.NAME_MAX) {
			errors.add(new DomainException(prefix + "familyName", "household.duplicates.familyName.tooLong",
					HouseholdRules.NAME_MAX));
		}
		if (person.birthDate() != null && person.birthDate().isAfter(LocalDate.now(this.clock))) {
			errors.add(new DomainException(prefix + "birthDate", "household.duplicates.birthDate.future"));
		}
		return errors;
	}

	private List<Match> matches(Staff actor, Person person) {
		String name = person.fullName();
		List<String> where = new ArrayList<>();
		if (name != null) {
			where.add("lower(coalesce(m.given_name, '') || ' ' || coalesce(m.family_name, '')) % :name");
		}
		if (person.birthDate() != null) {
			where.add("m.birth_date = :birthDate");
		}
		var query = this.jdbc.sql("""
				select m.household_id, m.ref, m.role, m.given_name, m.family_name, m.birth_date,
				       %s as similarity
				from household_member m
				where m.organisation_id = :organisation and (%s)
				limit 200
				""".formatted((name != null)
				? "similarity(lower(coalesce(m.given_name, '') || ' ' || coalesce(m.family_name, '')), :name)" : "0.0",
				String.join(" or ", where)))
			.param("organisation", actor.organisationId());
		if (name != null) {
			query = query.param("name", name);
		}
		if (person.birthDate() != null) {
			query = query.param("birthDate", person.birthDate());
		}
		return query
			.query((rs, n) -> new Match(rs.getObject("household_id", UUID.class), rs.getString("ref"),
					MemberRole.valueOf(rs.getString("role")), rs.getString("given_name"), rs.getString("family_name"),
					rs.getObject("birth_date", LocalDate.class), rs.getDouble("similarity"), person))
			.list()
			.stream()
			.filter(Match::likely)
			.toList();
	}

	/**
	 * Who the new family's member is, as far as typed.
	 */
	record Person(String givenName, String familyName, LocalDate birthDate) {

		Person {
			givenName = Texts.clean(givenName);
			familyName = Texts.clean(familyName);
		}

		boolean given() {
			return this.givenName != null || this.familyName != null || this.birthDate != null;
		}

		String fullName() {
			if (this.givenName == null && this.familyName == null) {
				return null;
			}
			return ((this.givenName != null ? this.givenName : "") + " "
					+ (this.familyName != null ? this.familyName : ""))
				.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A member of a stored household who may be the person asked about.
	 *
	 * @param similarity how alike the names are, 0–1 (trigrams)
	 */
	record Match(UUID householdId, String ref, MemberRole role, String givenName, String familyName,
			LocalDate birthDate, double similarity, Person asked) {

		public boolean sameBirthDate() {
			return this.birthDate != null && this.birthDate.equals(this.asked.birthDate());
		}

		public String name() {
			return Member.name(this.givenName, this.familyName);
		}

		boolean likely() {
			if (this.asked.fullName() == null) {
				return sameBirthDate();
			}
			boolean dateMissing = this.birthDate == null || this.asked.birthDate() == null;
			return (sameBirthDate() && this.similarity >= WITH_BIRTH_DATE)
					|| (dateMissing && this.similarity >= WITHOUT_BIRTH_DATE) || this.similarity >= NEARLY_EQUAL;
		}

		double score() {
			return this.similarity + (sameBirthDate() ? 1 : 0);
		}

	}

	/**
	 * A household that is likely the same family, with the members that match.
	 *
	 * @param closedOn the day it was closed, {@code null} while open
	 */
	record Candidate(UUID householdId, String name, LocalDate closedOn, List<Match> matches) {

		public boolean closed() {
			return this.closedOn != null;
		}

		double score() {
			return this.matches.stream().mapToDouble(Match::score).sum();
		}

	}

}
