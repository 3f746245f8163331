package nl.vangnet.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.network.NetworkApi;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety plan of a member of the family: per adult, and an age-appropriate one per
 * child. People to call are picked from the family's network maps; a danger-marked
 * contact is refused whatever the request. A plan that does not exist yet reads as an
 * empty one. Case work of the owning organisation; every view, print and change is in the
 * access trail; a change to a stale version is refused with what changed.
 */
@Service
@Transactional
class SafetyPlans {

	/** The emergency numbers every plan carries. */
	static final List<String> EMERGENCY_NUMBERS = List.of("112", "0800-2000");

	private final JdbcClient jdbc;

	private final SafetyRecords records;

	private final NetworkApi network;

	private final AccessTrail trail;

	SafetyPlans(JdbcClient jdbc, SafetyRecords records, NetworkApi network, AccessTrail trail) {
		this.jdbc = jdbc;
		this.records = records;
		this.network = network;
		this.trail = trail;
	}

	/** The member's plan, or an empty one; a view of the person in the access trail. */
	PlanView plan(UUID householdId, String ref) {
		Family family = this.records.caseWork(householdId);
		Family.FamilyMember member = member(family, ref);
		this.trail.record(AccessAction.VIEW, AccessSubject.person(member.id()));
		return read(family, member);
	}

	/** The member's plan to print or as PDF; an export in the access trail. */
	PlanView printed(UUID householdId, String ref) {
		Family family = this.records.caseWork(householdId);
		Family.FamilyMember member = member(family, ref);
		this.trail.record(AccessAction.EXPORT, AccessSubject.person(member.id()));
		return read(family, member);
	}

	/** The member's plan by the member's id (for the pages). */
	PlanView planOf(UUID memberId) {
		return plan(householdOf(memberId), refOf(memberId));
	}

	/**
	 * The member's plan if she has one, by the member's id, for another module's page.
	 * Case work; not in the access trail: the caller records what it shows.
	 */
	Optional<PlanView> existing(UUID memberId) {
		Family family = this.records.caseWork(householdOf(memberId));
		Family.FamilyMember member = family.members()
			.stream()
			.filter((m) -> m.id().equals(memberId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("member"));
		PlanView plan = read(family, member);
		return plan.exists() ? Optional.of(plan) : Optional.empty();
	}

	UUID householdOf(UUID memberId) {
		return this.records.householdOf(memberId).orElseThrow(() -> new NotFoundException("member"));
	}

	String refOf(UUID memberId) {
		Family family = this.records.caseWork(householdOf(memberId));
		return family.members()
			.stream()
			.filter((m) -> m.id().equals(memberId))
			.map(Family.FamilyMember::ref)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("member"));
	}

	/** The people on the family's maps who may be picked: never a danger-marked one. */
	List<NetworkApi.MapContact> pickable(UUID householdId) {
		List<NetworkApi.MapContact> all = this.network.latestContacts(new HouseholdId(householdId));
		Set<String> dangerNames = all.stream()
			.filter(NetworkApi.MapContact::danger)
			.map((c) -> c.name().toLowerCase(java.util.Locale.ROOT))
			.collect(Collectors.toSet());
		Set<UUID> seen = new HashSet<>();
		return all.stream()
			.filter((c) -> !c.danger() && !dangerNames.contains(c.name().toLowerCase(java.util.Locale.ROOT)))
			.filter((c) -> seen.add(c.key()))
			.toList();
	}

	/**
	 * Writes the member's plan: the first time without a version, then over the version
	 * it was read at.
	 */
	PlanView write(UUID householdId, String ref, PlanInput input) {
		Staff actor = Staff.current();
		Family family = this.records.caseWork(householdId);
		Family.FamilyMember member = member(family, ref);
		PlanView current = read(family, member);
		List<DomainException> errors = new ArrayList<>();
		String title = SafetyRecords.text(input.title(), "title", 200, errors);
		if (title == null) {
			errors.add(new DomainException("title", "safety.plan.title.required"));
		}
		String warning = SafetyRecords.text(input.warningSigns(), "warningSigns", 2000, errors);
		String places = SafetyRecords.text(input.safePlaces(), "safePlaces", 2000, errors);
		String word = SafetyRecords.text(input.signalWord(), "signalWord", 200, errors);
		String agreedWith = SafetyRecords.text(input.signalAgreedWith(), "signalAgreedWith", 500, errors);
		String ready = SafetyRecords.text(input.readyItems(), "readyItems", 2000, errors);
		String leaving = SafetyRecords.text(input.leaving(), "leaving", 2000, errors);
		if (input.reviewOn() != null && input.reviewOn().isBefore(this.records.today())) {
			errors.add(new DomainException("reviewOn", "safety.plan.reviewOn.past"));
		}
		List<PersonView> people = new ArrayList<>();
		List<PersonInput> given = (input.peopleToCall() != null) ? input.peopleToCall() : List.of();
		if (given.size() > 20) {
			errors.add(new DomainException("peopleToCall", "safety.plan.people.count"));
		}
		else {
			List<NetworkApi.MapContact> all = this.network.latestContacts(new HouseholdId(householdId));
			Map<UUID, NetworkApi.MapContact> pickable = pickable(householdId).stream()
				.collect(Collectors.toMap(NetworkApi.MapContact::key, (c) -> c, (a, b) -> a));
			Set<UUID> chosen = new HashSet<>();
			for (PersonInput person : given) {
				if (person == null || person.contact() == null) {
					errors.add(new DomainException("peopleToCall", "safety.plan.people.contact.required"));
					continue;
				}
				boolean danger = all.stream().anyMatch((c) -> c.key().equals(person.contact()) && c.danger());
				NetworkApi.MapContact contact = pickable.get(person.contact());
				if (danger || (contact == null && all.stream().anyMatch((c) -> c.key().equals(person.contact())))) {
					errors.add(new DomainException("peopleToCall", "safety.plan.people.danger"));
					continue;
				}
				if (contact == null) {
					errors.add(new DomainException("peopleToCall", "safety.plan.people.unknown"));
					continue;
				}
				if (!chosen.add(contact.key())) {
					continue;
				}
				String phone = SafetyRecords.text(person.phone(), "peopleToCall", 50, errors);
				people.add(new PersonView(contact.key(), contact.name(), phone));
			}
		}
		if (current.exists() && input.version() == null) {
			errors.add(new DomainException("version", "safety.plan.version.required"));
		}
		DomainErrors.throwIfAny(errors);
		UUID id;
		if (!current.exists()) {
			id = UUID.randomUUID();
			int inserted = this.jdbc
				.sql("""
						insert into safety_plan (id, household_id, organisation_id, member_id, title, warning_signs, safe_places,
						                         signal_word, signal_agreed_with, ready_items, leaving, review_on, updated_by)
						values (:id, :household, :org, :member, :title, :warning, :places, :word, :agreedWith, :ready, :leaving,
						        :review, :by)
						on conflict (member_id) do nothing
						""")
				.param("id", id)
				.param("household", householdId)
				.param("org", actor.organisationId())
				.param("member", member.id())
				.param("title", title)
				.param("warning", warning)
				.param("places", places)
				.param("word", word)
				.param("agreedWith", agreedWith)
				.param("ready", ready)
				.param("leaving", leaving)
				.param("review", input.reviewOn())
				.param("by", actor.userId())
				.update();
			if (inserted == 0) {
				throw conflict(input, read(family, member));
			}
		}
		else {
			id = current.id();
			int updated = this.jdbc
				.sql("""
						update safety_plan set title = :title, warning_signs = :warning, safe_places = :places,
						       signal_word = :word, signal_agreed_with = :agreedWith, ready_items = :ready, leaving = :leaving,
						       review_on = :review, updated_by = :by, updated_at = clock_timestamp(), version = version + 1
						where id = :id and version = :version
						""")
				.param("id", id)
				.param("version", input.version())
				.param("title", title)
				.param("warning", warning)
				.param("places", places)
				.param("word", word)
				.param("agreedWith", agreedWith)
				.param("ready", ready)
				.param("leaving", leaving)
				.param("review", input.reviewOn())
				.param("by", actor.userId())
				.update();
			if (updated == 0) {
				throw conflict(input, current);
			}
			this.jdbc.sql("delete from safety_plan_person where plan_id = :id").param("id", id).update();
		}
		for (int i = 0; i < people.size(); i++) {
			PersonView person = people.get(i);
			this.jdbc.sql("""
					insert into safety_plan_person (plan_id, organisation_id, position, contact_key, name, phone)
					values (:plan, :org, :position, :key, :name, :phone)
					""")
				.param("plan", id)
				.param("org", actor.organisationId())
				.param("position", i)
				.param("key", person.contact())
				.param("name", person.name())
				.param("phone", person.phone())
				.update();
		}
		this.trail.record(current.exists() ? AccessAction.UPDATE : AccessAction.CREATE,
				AccessSubject.person(member.id()));
		return read(family, member);
	}

	/** For the monitor and the summary: which members of the family have a plan. */
	@Transactional(readOnly = true)
	List<UUID> membersWithPlan(UUID householdId) {
		return this.jdbc.sql("select member_id from safety_plan where household_id = :h")
			.param("h", householdId)
			.query(UUID.class)
			.list();
	}

	private static nl.vangnet.platform.ConflictException conflict(PlanInput input, PlanView now) {
		return Differences.labelled("safety.plan.field.")
			.text("title", input.title(), now.title())
			.text("warningSigns", input.warningSigns(), now.warningSigns())
			.text("safePlaces", input.safePlaces(), now.safePlaces())
			.text("signalWord", input.signalWord(), now.signalWord())
			.text("readyItems", input.readyItems(), now.readyItems())
			.text("leaving", input.leaving(), now.leaving())
			.value("reviewOn", input.reviewOn(), now.reviewOn())
			.conflict((now.version() != null) ? now.version() : 0);
	}

	private static Family.FamilyMember member(Family family, String ref) {
		String clean = SafetyRecords.clean(ref);
		return family.members()
			.stream()
			.filter((m) -> m.ref().equals(clean))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("member"));
	}

	private PlanView read(Family family, Family.FamilyMember member) {
		boolean child = "CHILD".equals(member.role());
		Optional<PlanView> stored = this.jdbc.sql("select * from safety_plan where member_id = :m")
			.param("m", member.id())
			.query((rs, row) -> new PlanView(rs.getObject("id", UUID.class), family.id(), member.ref(), member.name(),
					child, true, rs.getString("title"), rs.getString("warning_signs"), rs.getString("safe_places"),
					people(rs.getObject("id", UUID.class)), rs.getString("signal_word"),
					rs.getString("signal_agreed_with"), rs.getString("ready_items"), rs.getString("leaving"),
					EMERGENCY_NUMBERS, rs.getObject("review_on", LocalDate.class), rs.getInt("version")))
			.optional();
		return stored.orElseGet(() -> new PlanView(null, family.id(), member.ref(), member.name(), child, false, null,
				null, null, List.of(), null, null, null, null, EMERGENCY_NUMBERS, null, null));
	}

	private List<PersonView> people(UUID planId) {
		return this.jdbc.sql("select * from safety_plan_person where plan_id = :p order by position")
			.param("p", planId)
			.query((rs, row) -> new PersonView(rs.getObject("contact_key", UUID.class), rs.getString("name"),
					rs.getString("phone")))
			.list();
	}

	/**
	 * A safety plan as the API takes it: {@code version} when it exists (as read);
	 * {@code title} neutral, chosen by the worker (required); {@code peopleToCall} picked
	 * from the family's network maps by the contact's {@code key} (never a danger-marked
	 * one), with a phone number; {@code signalWord} agreed with {@code signalAgreedWith}
	 * (neighbours, school); {@code readyItems} documents, money, keys, medicines kept
	 * ready; {@code leaving} how to leave safely; {@code reviewOn} when to look at it
	 * again.
	 */
	record PlanInput(Integer version, String title, String warningSigns, String safePlaces,
			List<PersonInput> peopleToCall, String signalWord, String signalAgreedWith, String readyItems,
			String leaving, LocalDate reviewOn) {
	}

	/** A person to call: the network key of the contact and a phone number. */
	record PersonInput(UUID contact, String phone) {
	}

	/**
	 * A member's safety plan; {@code exists} is false for the empty plan of someone who
	 * has none yet; {@code child} that it is a child's (age-appropriate) plan;
	 * {@code emergencyNumbers} 112 and Veilig Thuis 0800-2000.
	 */
	record PlanView(UUID id, UUID household, String member, String memberName, boolean child, boolean exists,
			String title, String warningSigns, String safePlaces, List<PersonView> peopleToCall, String signalWord,
			String signalAgreedWith, String readyItems, String leaving, List<String> emergencyNumbers,
			LocalDate reviewOn, Integer version) {

		@JsonIgnore
		public boolean hasPerson(UUID key) {
			return this.peopleToCall.stream().anyMatch((p) -> p.contact().equals(key));
		}

		@JsonIgnore
		public String phoneOf(UUID key) {
			return this.peopleToCall.stream()
				.filter((p) -> p.contact().equals(key))
				.map(PersonView::phone)
				.findFirst()
				.orElse(null);
		}

	}

	/** A person to call on the plan. */
	record PersonView(UUID contact, String name, String phone) {
	}

}
