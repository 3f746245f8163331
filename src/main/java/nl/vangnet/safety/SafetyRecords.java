package nl.vangnet.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.network.NetworkApi;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pattern behind the violence, the protective orders and the children's contact
 * arrangements of a family. Coordinators and professionals of the organisation that owns
 * the household only; every view and every change is one row in the access trail, in the
 * same transaction. Nothing is half-saved: every rule is checked before the one insert.
 */
@Service
@Transactional
class SafetyRecords {

	private final JdbcClient jdbc;

	private final HouseholdApi households;

	private final NetworkApi network;

	private final AccountApi accounts;

	private final AccessTrail trail;

	private final Clock clock;

	SafetyRecords(JdbcClient jdbc, HouseholdApi households, NetworkApi network, AccountApi accounts, AccessTrail trail,
			Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.network = network;
		this.accounts = accounts;
		this.trail = trail;
		this.clock = clock;
	}

	/** The clock's day (no transaction of its own: a page asks it for its forms). */
	@Transactional(propagation = Propagation.SUPPORTS)
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The family's safety records; a view in the access trail. */
	@Transactional
	SafetyView overview(UUID householdId) {
		Family family = caseWork(householdId);
		this.trail.record(AccessAction.VIEW, AccessSubject.household(householdId));
		return view(family);
	}

	/**
	 * The protective orders of the family, the latest start first; a view in the trail.
	 */
	List<OrderView> orders(UUID householdId) {
		caseWork(householdId);
		this.trail.record(AccessAction.VIEW, AccessSubject.household(householdId));
		return orders(householdId, today());
	}

	/** The people on the family's network maps that are marked as a danger. */
	List<NetworkApi.MapContact> dangers(UUID householdId) {
		return this.network.latestContacts(new HouseholdId(householdId))
			.stream()
			.filter(NetworkApi.MapContact::danger)
			.toList();
	}

	/**
	 * Records the worker's judgement of the family pattern; the earlier ones stay as its
	 * history.
	 */
	PatternView judgePattern(UUID householdId, PatternInput input) {
		return judgePattern(householdId, input, Staff.current().userId());
	}

	/**
	 * Records the judgement, by a worker named for work without a signed-in one (the
	 * demo).
	 */
	PatternView judgePattern(UUID householdId, PatternInput input, UUID by) {
		Staff actor = Staff.current();
		caseWork(householdId);
		List<DomainException> errors = new ArrayList<>();
		SafetyPattern pattern = code(SafetyPattern.class, input.pattern(), "pattern", "safety.pattern", errors);
		LocalDate on = (input.judgedOn() != null) ? input.judgedOn() : today();
		if (on.isAfter(today())) {
			errors.add(new DomainException("judgedOn", "safety.judgedOn.future"));
		}
		String note = text(input.note(), "note", 2000, errors);
		DomainErrors.throwIfAny(errors);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into safety_pattern (id, household_id, organisation_id, pattern, judged_on, judged_by, note)
				values (:id, :household, :organisation, :pattern, :on, :by, :note)
				""")
			.param("id", id)
			.param("household", householdId)
			.param("organisation", actor.organisationId())
			.param("pattern", pattern.name())
			.param("on", on)
			.param("by", by)
			.param("note", note)
			.update();
		this.trail.record(AccessAction.CREATE, AccessSubject.household(householdId));
		return patterns(householdId).stream().filter((p) -> p.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Records a protective order against a person marked as a danger on one of the
	 * family's network maps; an end before the start is refused.
	 */
	OrderView addOrder(UUID householdId, OrderInput input) {
		return addOrder(householdId, input, Staff.current().userId());
	}

	/**
	 * Records the order, by a worker named for work without a signed-in one (the demo).
	 */
	OrderView addOrder(UUID householdId, OrderInput input, UUID by) {
		Staff actor = Staff.current();
		caseWork(householdId);
		List<DomainException> errors = new ArrayList<>();
		OrderKind kind = code(OrderKind.class, input.kind(), "kind", "safety.order.kind", errors);
		NetworkApi.MapContact contact = null;
		if (input.contact() == null) {
			errors.add(new DomainException("contact", "safety.order.contact.required"));
		}
		else {
			contact = dangers(householdId).stream()
				.filter((c) -> c.key().equals(input.contact()))
				.findFirst()
				.orElse(null);
			if (contact == null) {
				errors.add(new DomainException("contact", "safety.order.contact.notDanger"));
			}
		}
		String issuer = text(input.issuer(), "issuer", 200, errors);
		if (issuer == null) {
			errors.add(new DomainException("issuer", "safety.order.issuer.required"));
		}
		if (input.startsOn() == null) {
			errors.add(new DomainException("startsOn", "safety.order.startsOn.required"));
		}
		else if (input.endsOn() != null && input.endsOn().isBefore(input.startsOn())) {
			errors.add(new DomainException("endsOn", "safety.order.endsOn.beforeStart"));
		}
		String note = text(input.note(), "note", 2000, errors);
		DomainErrors.throwIfAny(errors);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into protective_order (id, household_id, organisation_id, kind, contact_key, contact_name, issuer,
					                              starts_on, ends_on, note, recorded_by)
					values (:id, :household, :organisation, :kind, :contact, :name, :issuer, :startsOn, :endsOn, :note, :by)
					""")
			.param("id", id)
			.param("household", householdId)
			.param("organisation", actor.organisationId())
			.param("kind", kind.name())
			.param("contact", contact.key())
			.param("name", contact.name())
			.param("issuer", issuer)
			.param("startsOn", input.startsOn())
			.param("endsOn", input.endsOn())
			.param("note", note)
			.param("by", by)
			.update();
		this.trail.record(AccessAction.CREATE, AccessSubject.household(householdId));
		return orders(householdId, today()).stream().filter((o) -> o.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Records a child's contact arrangement with the other parent and what school and
	 * childcare know; the earlier ones stay as history.
	 */
	ArrangementView recordArrangement(UUID householdId, ArrangementInput input) {
		Staff actor = Staff.current();
		Family family = caseWork(householdId);
		List<DomainException> errors = new ArrayList<>();
		Family.FamilyMember child = null;
		String ref = clean(input.member());
		if (ref == null) {
			errors.add(new DomainException("member", "safety.arrangement.member.required"));
		}
		else {
			child = family.members()
				.stream()
				.filter((m) -> m.ref().equals(ref) && "CHILD".equals(m.role()))
				.findFirst()
				.orElse(null);
			if (child == null) {
				errors.add(new DomainException("member", "safety.arrangement.member.notChild"));
			}
		}
		Arrangement arrangement = code(Arrangement.class, input.arrangement(), "arrangement", "safety.arrangement",
				errors);
		LocalDate since = (input.since() != null) ? input.since() : today();
		String school = text(input.schoolKnows(), "schoolKnows", 1000, errors);
		String childcare = text(input.childcareKnows(), "childcareKnows", 1000, errors);
		DomainErrors.throwIfAny(errors);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into contact_arrangement (id, household_id, organisation_id, member_id, arrangement, since,
				                                 school_knows, childcare_knows, recorded_by)
				values (:id, :household, :organisation, :member, :arrangement, :since, :school, :childcare, :by)
				""")
			.param("id", id)
			.param("household", householdId)
			.param("organisation", actor.organisationId())
			.param("member", child.id())
			.param("arrangement", arrangement.name())
			.param("since", since)
			.param("school", school)
			.param("childcare", childcare)
			.param("by", actor.userId())
			.update();
		this.trail.record(AccessAction.CREATE, AccessSubject.household(householdId));
		return arrangements(family).stream().filter((a) -> a.id().equals(id)).findFirst().orElseThrow();
	}

	/** For the worklist: per household of the organisation, what is due. */
	@Transactional(readOnly = true)
	Map<UUID, SafetyApi.Due> dueByHousehold() {
		Staff actor = Staff.current().requireOrganisation("household");
		LocalDate today = today();
		Map<UUID, SafetyApi.Due> due = new HashMap<>();
		this.jdbc.sql("""
				select household_id, count(*) as ending, min(ends_on) as first from protective_order
				where organisation_id = :org and ends_on between :today and :soon
				group by household_id
				""")
			.param("org", actor.organisationId())
			.param("today", today)
			.param("soon", today.plusDays(SafetyApi.ORDER_ENDING_DAYS))
			.query((rs) -> {
				due.put(rs.getObject("household_id", UUID.class),
						new SafetyApi.Due(rs.getInt("ending"), rs.getObject("first", LocalDate.class), null, null));
			});
		return due;
	}

	// ---- Reading

	SafetyView view(Family family) {
		UUID householdId = family.id();
		List<PatternView> patterns = patterns(householdId);
		return new SafetyView(householdId, patterns.isEmpty() ? null : patterns.get(0), patterns,
				orders(householdId, today()), arrangements(family));
	}

	private List<PatternView> patterns(UUID householdId) {
		Map<UUID, String> names = staffNames();
		return this.jdbc
			.sql("select * from safety_pattern where household_id = :h order by judged_on desc, recorded_at desc")
			.param("h", householdId)
			.query((rs, row) -> new PatternView(rs.getObject("id", UUID.class),
					SafetyPattern.valueOf(rs.getString("pattern")), rs.getObject("judged_on", LocalDate.class),
					rs.getObject("judged_by", UUID.class), names.get(rs.getObject("judged_by", UUID.class)),
					rs.getString("note")))
			.list();
	}

	private List<OrderView> orders(UUID householdId, LocalDate today) {
		return this.jdbc
			.sql("select * from protective_order where household_id = :h order by starts_on desc, recorded_at desc")
			.param("h", householdId)
			.query((rs, row) -> {
				LocalDate ends = rs.getObject("ends_on", LocalDate.class);
				return new OrderView(rs.getObject("id", UUID.class), OrderKind.valueOf(rs.getString("kind")),
						rs.getObject("contact_key", UUID.class), rs.getString("contact_name"), rs.getString("issuer"),
						rs.getObject("starts_on", LocalDate.class), ends, rs.getString("note"),
						ends != null && !ends.isBefore(today)
								&& !ends.isAfter(today.plusDays(SafetyApi.ORDER_ENDING_DAYS)),
						ends != null && ends.isBefore(today));
			})
			.list();
	}

	private List<ArrangementView> arrangements(Family family) {
		Map<UUID, Family.FamilyMember> members = family.members()
			.stream()
			.collect(Collectors.toMap(Family.FamilyMember::id, Function.identity()));
		List<ArrangementView> all = new ArrayList<>();
		Map<UUID, Boolean> seen = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select * from contact_arrangement where household_id = :h order by member_id, since desc, recorded_at desc
					""")
			.param("h", family.id())
			.query((rs) -> {
				UUID member = rs.getObject("member_id", UUID.class);
				Family.FamilyMember child = members.get(member);
				boolean current = seen.putIfAbsent(member, true) == null;
				all.add(new ArrangementView(rs.getObject("id", UUID.class), (child != null) ? child.ref() : null,
						(child != null) ? child.name() : null, Arrangement.valueOf(rs.getString("arrangement")),
						rs.getObject("since", LocalDate.class), rs.getString("school_knows"),
						rs.getString("childcare_knows"), current));
			});
		return all;
	}

	private Map<UUID, String> staffNames() {
		Staff actor = Staff.current();
		if (actor.organisationId() == null) {
			return Map.of();
		}
		return this.accounts.staff(actor.organisationId())
			.stream()
			.collect(Collectors.toMap(StaffMember::id, StaffMember::displayName, (a, b) -> a));
	}

	/**
	 * The family, for a coordinator or professional of its organisation.
	 * @throws nl.vangnet.platform.NotFoundException for anyone else's family
	 * @throws org.springframework.security.access.AccessDeniedException for anyone who
	 * does no case work
	 */
	Family caseWork(UUID householdId) {
		Staff.current().requireOrganisation("household").requireCaseWork();
		return this.households.family(new HouseholdId(householdId));
	}

	/** The household of a member of the current organisation. */
	@Transactional(readOnly = true)
	java.util.Optional<UUID> householdOf(UUID memberId) {
		return this.households.householdOf(new nl.vangnet.household.MemberId(memberId)).map(HouseholdId::value);
	}

	// ---- Input

	static <E extends Enum<E>> E code(Class<E> type, String value, String field, String prefix,
			List<DomainException> errors) {
		String code = clean(value);
		if (code == null) {
			errors.add(new DomainException(field, prefix + ".required"));
			return null;
		}
		try {
			return Enum.valueOf(type, code);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new DomainException(field, prefix + ".invalid"));
			return null;
		}
	}

	static String text(String value, String field, int max, List<DomainException> errors) {
		String text = clean(value);
		if (text != null && text.length() > max) {
			errors.add(new DomainException(field, "safety.tooLong", max));
		}
		return text;
	}

	static String clean(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	// ---- Records of the API and the pages

	/**
	 * The pattern as the API and the form send it: {@code pattern} a code of
	 * {@link SafetyPattern}; {@code judgedOn} defaults to today.
	 */
	record PatternInput(String pattern, LocalDate judgedOn, String note) {
	}

	/**
	 * A protective order as the API and the form send it: {@code kind} {@code HOUSE_BAN}
	 * (huisverbod), {@code CONTACT_BAN} (contactverbod) or {@code STREET_BAN}
	 * (straatverbod); {@code contact} the key of a danger-marked contact on a network map
	 * of the family; {@code endsOn} on or after {@code startsOn}.
	 */
	record OrderInput(String kind, UUID contact, String issuer, LocalDate startsOn, LocalDate endsOn, String note) {
	}

	/**
	 * A child's contact arrangement as the API and the form send it: {@code member} the
	 * child's {@code ref} in the household document; {@code arrangement}
	 * {@code SUPERVISED}, {@code SUSPENDED}, {@code AS_AGREED} or {@code NONE};
	 * {@code since} defaults to today.
	 */
	record ArrangementInput(String member, String arrangement, LocalDate since, String schoolKnows,
			String childcareKnows) {
	}

	/**
	 * A family's safety records: the current pattern (or {@code null}) with its history
	 * (latest first), the protective orders and the children's contact arrangements.
	 */
	record SafetyView(UUID household, PatternView pattern, List<PatternView> patternHistory,
			List<OrderView> protectiveOrders, List<ArrangementView> contactArrangements) {

		/** The orders that have not ended. */
		@JsonIgnore
		public List<OrderView> activeOrders() {
			return this.protectiveOrders.stream().filter((o) -> !o.ended()).toList();
		}

		/** The current arrangement of each child. */
		@JsonIgnore
		public List<ArrangementView> currentArrangements() {
			return this.contactArrangements.stream().filter(ArrangementView::current).toList();
		}

	}

	/** A judgement of the family pattern: on a date, by a worker. */
	record PatternView(UUID id, SafetyPattern pattern, LocalDate judgedOn, UUID judgedBy, String judgedByName,
			String note) {
	}

	/**
	 * A protective order; {@code contact} is the network key of the danger-marked person,
	 * {@code endingSoon} that it ends within {@value SafetyApi#ORDER_ENDING_DAYS} days.
	 */
	record OrderView(UUID id, OrderKind kind, UUID contact, String contactName, String issuer, LocalDate startsOn,
			LocalDate endsOn, String note, boolean endingSoon, boolean ended) {
	}

	/**
	 * A child's contact arrangement; {@code member} is the child's ref, {@code current}
	 * that it is the latest of that child.
	 */
	record ArrangementView(UUID id, String member, String memberName, Arrangement arrangement, LocalDate since,
			String schoolKnows, String childcareKnows, boolean current) {
	}

}
