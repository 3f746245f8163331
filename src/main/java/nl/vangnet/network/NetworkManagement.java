package nl.vangnet.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws, changes and compares network maps, places clients in the integration safety net
 * and keeps the five-step plan, each in one transaction with its row in the access trail
 * (the client, a household member, is the subject). Only coordinators and professionals
 * work with the network: it may hold a danger's name and the client's most private
 * relations, which volunteers and researchers do not need.
 */
@Service
@Transactional
class NetworkManagement {

	private final NetworkRepository repository;

	private final LifeDomainApi lifeDomains;

	private final AccessTrail trail;

	private final Clock clock;

	private final Clients clients;

	private final NetworkSnapshotRepository snapshots;

	NetworkManagement(NetworkRepository repository, NetworkSnapshotRepository snapshots, Clients clients,
			LifeDomainApi lifeDomains, AccessTrail trail, Clock clock) {
		this.repository = repository;
		this.snapshots = snapshots;
		this.clients = clients;
		this.lifeDomains = lifeDomains;
		this.trail = trail;
		this.clock = clock;
	}

	/** The clock's day (no transaction of its own: a page asks it for its forms). */
	@Transactional(propagation = Propagation.SUPPORTS)
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	// ---- Reading

	/** The household's clients whose networks may be drawn (for the dossier). */
	List<Client> clientsOf(UUID householdId) {
		requireCaseWork();
		List<Client> clients = this.clients.clientsOf(householdId);
		record(AccessAction.VIEW, AccessSubject.household(householdId));
		return clients;
	}

	/**
	 * The client's network: the chosen snapshot (else the latest), the list of snapshots,
	 * the gaps, the triangle and the plan.
	 */
	MapView map(UUID memberId, UUID snapshotId, Locale locale) {
		Client client = client(memberId);
		List<SnapshotSummary> snapshots = this.snapshots.summaries(memberId);
		Snapshot snapshot = null;
		if (snapshotId != null) {
			snapshot = ownSnapshot(client, snapshotId);
		}
		else if (!snapshots.isEmpty()) {
			snapshot = this.snapshots.find(snapshots.get(snapshots.size() - 1).id()).orElseThrow().view();
		}
		Framework framework = this.lifeDomains.frameworkOf(client.organisationId());
		Function<String, String> label = labels(framework, locale);
		Set<String> needed = this.clients.neededDomains(client);
		List<Comparison.Labelled> gaps = (snapshot != null) ? Gaps.of(needed, snapshot.contacts())
			.stream()
			.map((code) -> new Comparison.Labelled(code, label.apply(code)))
			.toList() : List.of();
		record(AccessAction.VIEW, AccessSubject.person(memberId));
		return new MapView(client, snapshot, snapshots,
				framework.domains().stream().map((d) -> new Comparison.Labelled(d.code(), d.label(locale))).toList(),
				needed.stream().map((code) -> new Comparison.Labelled(code, label.apply(code))).toList(), gaps,
				this.repository.triangle(memberId), plan(memberId, framework, label), today());
	}

	Snapshot snapshot(UUID snapshotId) {
		requireCaseWork();
		Snapshot snapshot = this.snapshots.find(snapshotId)
			.map(NetworkSnapshot::view)
			.orElseThrow(() -> new NotFoundException("snapshot"));
		record(AccessAction.VIEW, AccessSubject.person(snapshot.memberId()));
		return snapshot;
	}

	/** A snapshot for the family's copy (an export, in the access trail). */
	Snapshot export(UUID snapshotId) {
		requireCaseWork();
		Snapshot snapshot = this.snapshots.find(snapshotId)
			.map(NetworkSnapshot::view)
			.orElseThrow(() -> new NotFoundException("snapshot"));
		record(AccessAction.EXPORT, AccessSubject.person(snapshot.memberId()));
		return snapshot;
	}

	Client clientOf(Snapshot snapshot) {
		return this.clients.client(snapshot.memberId()).orElseThrow(() -> new NotFoundException("client"));
	}

	List<SnapshotSummary> snapshots(UUID memberId) {
		client(memberId);
		List<SnapshotSummary> snapshots = this.snapshots.summaries(memberId);
		record(AccessAction.VIEW, AccessSubject.person(memberId));
		return snapshots;
	}

	/**
	 * Compares two snapshots of the client; without {@code from}/{@code to} the first and
	 * the latest.
	 */
	Comparison compare(UUID memberId, UUID fromId, UUID toId, Locale locale) {
		Client client = client(memberId);
		List<SnapshotSummary> snapshots = this.snapshots.summaries(memberId);
		if (snapshots.isEmpty()) {
			throw new DomainException("from", "network.compare.none");
		}
		UUID fromChosen = (fromId != null) ? fromId : snapshots.get(0).id();
		UUID toChosen = (toId != null) ? toId : snapshots.get(snapshots.size() - 1).id();
		Snapshot from = ownSnapshot(client, fromChosen);
		Snapshot to = ownSnapshot(client, toChosen);
		Framework framework = this.lifeDomains.frameworkOf(client.organisationId());
		Set<String> needed = this.clients.neededDomains(client);
		record(AccessAction.VIEW, AccessSubject.person(memberId));
		return Comparison.of(from, to, summary(snapshots, from.id()), summary(snapshots, to.id()),
				framework.domains().stream().map(Framework.Domain::code).toList(), needed, labels(framework, locale));
	}

	// ---- Snapshots and contacts

	/**
	 * Starts a snapshot on a date as a copy of {@code copyFrom} (else of the latest, or
	 * empty for the first); the copied contacts keep their identity.
	 */
	Snapshot startSnapshot(UUID memberId, LocalDate on, String label, UUID copyFrom) {
		Client client = changer(memberId);
		Snapshot snapshot = newSnapshot(client, on, label, copyFrom);
		record(AccessAction.CREATE, AccessSubject.person(memberId));
		return snapshot;
	}

	private Snapshot newSnapshot(Client client, LocalDate on, String label, UUID copyFrom) {
		List<SnapshotSummary> existing = this.snapshots.summaries(client.memberId());
		NetworkSnapshot source = null;
		if (copyFrom != null) {
			source = ownAggregate(client, copyFrom);
		}
		else if (!existing.isEmpty()) {
			source = this.snapshots.find(existing.get(existing.size() - 1).id()).orElseThrow();
		}
		NetworkSnapshot snapshot = NetworkSnapshot.draw(client, (on != null) ? on : today(), clean(label), source);
		this.snapshots.insert(snapshot);
		return snapshot.view();
	}

	/**
	 * The client's latest snapshot, if one was drawn. Not in the access trail: the caller
	 * records what it shows.
	 */
	java.util.Optional<Snapshot> latest(UUID memberId) {
		Client client = client(memberId);
		List<SnapshotSummary> existing = this.snapshots.summaries(client.memberId());
		if (existing.isEmpty()) {
			return java.util.Optional.empty();
		}
		return this.snapshots.find(existing.get(existing.size() - 1).id()).map(NetworkSnapshot::view);
	}

	/**
	 * A quick update, as at a follow-up check: a snapshot drawn on the day as a copy of
	 * the latest, without the contacts {@code removed} (by key; never a danger-marked
	 * one) and with {@code added}. Everything is checked first; the errors name
	 * {@code removed} and {@code added[i].field}.
	 */
	Snapshot quickUpdate(UUID memberId, LocalDate on, Set<UUID> removed, List<ContactInput> added) {
		Client client = changer(memberId);
		List<SnapshotSummary> existing = this.snapshots.summaries(client.memberId());
		NetworkSnapshot source = existing.isEmpty() ? null
				: this.snapshots.find(existing.get(existing.size() - 1).id()).orElseThrow();
		List<DomainException> errors = new ArrayList<>();
		List<Contact> removing = new ArrayList<>();
		for (UUID key : removed) {
			Contact contact = (source == null) ? null
					: source.contacts().stream().filter((c) -> c.key().equals(key)).findFirst().orElse(null);
			if (contact == null || contact.danger()) {
				errors.add(new DomainException("removed", "network.quick.removed.unknown"));
				break;
			}
			removing.add(contact);
		}
		List<Contact> adding = new ArrayList<>();
		for (int i = 0; i < added.size(); i++) {
			ContactInput input = added.get(i);
			if (input.support().isEmpty()) {
				errors.add(new DomainException("added[" + i + "].support", "network.quick.support.required"));
			}
			try {
				adding.add(checked(client, UUID.randomUUID(), UUID.randomUUID(), input));
			}
			catch (DomainErrors ex) {
				String prefix = "added[" + i + "].";
				ex.errors()
					.stream()
					.filter((e) -> !(e.field().equals("support") && input.support().isEmpty()))
					.forEach((e) -> errors.add(new DomainException(prefix + e.field(), e.messageKey(), e.arguments())));
			}
		}
		DomainErrors.throwIfAny(errors);
		NetworkSnapshot snapshot = NetworkSnapshot.draw(client, (on != null) ? on : today(), null, source);
		Set<UUID> keys = new java.util.HashSet<>();
		removing.forEach((c) -> keys.add(c.key()));
		snapshot.contacts()
			.stream()
			.filter((c) -> keys.contains(c.key()))
			.map(Contact::id)
			.toList()
			.forEach(snapshot::remove);
		adding.forEach(snapshot::add);
		this.snapshots.insert(snapshot);
		record(AccessAction.CREATE, AccessSubject.person(memberId));
		return snapshot.view();
	}

	Snapshot addContact(UUID snapshotId, int version, ContactInput input) {
		return change(snapshotId, version, NetworkManagement::contactsNow,
				(snapshot, client) -> snapshot.add(checked(client, UUID.randomUUID(), UUID.randomUUID(), input)));
	}

	Snapshot changeContact(UUID snapshotId, int version, UUID contactId, ContactInput input) {
		return change(snapshotId, version, (current) -> contactNow(current, contactId, input), (snapshot, client) -> {
			Contact before = snapshot.contact(contactId);
			snapshot.redescribe(checked(client, before.id(), before.key(), input));
		});
	}

	/** Moves a contact to another circle (a drag on the map, or the table's form). */
	Snapshot moveContact(UUID snapshotId, int version, UUID contactId, String closeness) {
		Contact.Closeness to = code(Contact.Closeness.class, closeness, "closeness", true);
		return change(snapshotId, version,
				(current) -> contactNow(current, contactId, null).code("closeness", to,
						current.contacts()
							.stream()
							.filter((c) -> c.id().equals(contactId))
							.map(Contact::closeness)
							.findFirst()
							.orElse(null),
						"network.closeness."),
				(snapshot, client) -> snapshot.move(contactId, to));
	}

	Snapshot removeContact(UUID snapshotId, int version, UUID contactId) {
		return change(snapshotId, version, (current) -> contactNow(current, contactId, null),
				(snapshot, client) -> snapshot.remove(contactId));
	}

	/**
	 * Changes the snapshot read at {@code version}; refused when someone else changed it
	 * since, with what {@code differences} finds between the change and the snapshot now.
	 */
	private Snapshot change(UUID snapshotId, int version, Function<Snapshot, Differences> differences, Change change) {
		requireChange();
		NetworkSnapshot snapshot = this.snapshots.find(snapshotId).orElseThrow(() -> new NotFoundException("snapshot"));
		Client client = client(snapshot.memberId());
		snapshot.expectVersion(version, differences);
		change.apply(snapshot, client);
		if (!this.snapshots.update(snapshot)) {
			NetworkSnapshot now = this.snapshots.find(snapshotId).orElseThrow();
			throw differences.apply(now.view()).conflict(now.version());
		}
		record(AccessAction.UPDATE, AccessSubject.person(snapshot.memberId()));
		return snapshot.view(version + 1);
	}

	/**
	 * Someone else recorded the same step of a domain's plan at the same moment (the
	 * database refused the second). A domain's plan only grows, so its version is the
	 * number of steps recorded on it: one more than were read, the step tried being there
	 * now. (The failed statement ends the transaction, so nothing is read again.)
	 */
	private static ConflictException stepConflict(int stepsRead, PlanStep recorded) {
		return Differences.labelled("network.plan.")
			.changed("step", "network.plan.step", null, recorded.name(), "network.plan.step.")
			.conflict(stepsRead + 1L);
	}

	/** For a contact added to a changed map: who is on the map now. */
	private static Differences contactsNow(Snapshot current) {
		return Differences.labelled("network.contact.")
			.changed("contacts", "network.conflict.contacts", null,
					current.contacts().stream().map(Contact::name).collect(Collectors.joining(", ")), null);
	}

	/**
	 * For a change to one contact of a changed map: what differs between what was sent
	 * ({@code null}: only what the contact is now) and the contact now, or that it is
	 * gone.
	 */
	private static Differences contactNow(Snapshot current, UUID contactId, ContactInput sent) {
		Differences differences = Differences.labelled("network.contact.").label("danger", "network.danger");
		Contact now = current.contacts().stream().filter((c) -> c.id().equals(contactId)).findFirst().orElse(null);
		if (now == null) {
			return differences.changed("name", (sent != null) ? sent.name() : null, null);
		}
		ContactInput was = (sent != null) ? sent
				: new ContactInput(null, null, null, null, null, null, null, null, now.danger(), null);
		return differences.text("name", was.name(), now.name())
			.code("relation", was.relation(), now.relation().name(), "network.relation.")
			.code("closeness", was.closeness(), (sent != null) ? now.closeness().name() : null, "network.closeness.")
			.code("tie", was.tie(), now.tie().name(), "network.tie.")
			.yesNo("danger", was.danger(), now.danger())
			.text("note", was.note(), now.note());
	}

	private Contact checked(Client client, UUID id, UUID key, ContactInput input) {
		List<DomainException> errors = new ArrayList<>();
		String name = clean(input.name());
		if (name == null) {
			errors.add(new DomainException("name", "network.contact.name.required"));
		}
		else if (name.length() > 200) {
			errors.add(new DomainException("name", "network.contact.name.tooLong", 200));
		}
		Contact.Relation relation = collect(errors,
				() -> code(Contact.Relation.class, input.relation(), "relation", true));
		Contact.Closeness closeness = collect(errors,
				() -> code(Contact.Closeness.class, input.closeness(), "closeness", true));
		Contact.Tie tie = collect(errors, () -> code(Contact.Tie.class, input.tie(), "tie", true));
		Set<Contact.Support> support = EnumSet.noneOf(Contact.Support.class);
		for (String code : input.support()) {
			Contact.Support one = collect(errors, () -> code(Contact.Support.class, code, "support", true));
			if (one != null) {
				support.add(one);
			}
		}
		Framework framework = this.lifeDomains.frameworkOf(client.organisationId());
		Set<String> domains = new LinkedHashSet<>();
		for (String code : input.domains()) {
			if (code == null || code.isBlank()) {
				continue;
			}
			if (framework.domain(code.strip()).isEmpty()) {
				errors.add(new DomainException("domains", "network.contact.domain.unknown", code.strip()));
			}
			else {
				domains.add(code.strip());
			}
		}
		Contact.Reciprocity reciprocity = collect(errors,
				() -> code(Contact.Reciprocity.class, input.reciprocity(), "reciprocity", false));
		Contact.SocialCapital capital = collect(errors,
				() -> code(Contact.SocialCapital.class, input.socialCapital(), "socialCapital", false));
		String note = clean(input.note());
		if (note != null && note.length() > 500) {
			errors.add(new DomainException("note", "network.contact.note.tooLong", 500));
		}
		DomainErrors.throwIfAny(errors);
		return new Contact(id, key, name, relation, closeness, tie, support, List.copyOf(domains), reciprocity, capital,
				input.danger(), note);
	}

	// ---- The integration safety net

	List<TrianglePoint> triangle(UUID memberId) {
		client(memberId);
		List<TrianglePoint> points = this.repository.triangle(memberId);
		record(AccessAction.VIEW, AccessSubject.person(memberId));
		return points;
	}

	/**
	 * Places the client in the triangle on a date: three weights summing to 100, or out
	 * of view (then no weights).
	 */
	TrianglePoint place(UUID memberId, LocalDate on, Integer government, Integer services, Integer society,
			boolean outOfView, String note) {
		Client client = changer(memberId);
		List<DomainException> errors = new ArrayList<>();
		String cleanNote = clean(note);
		if (cleanNote != null && cleanNote.length() > 500) {
			errors.add(new DomainException("note", "network.contact.note.tooLong", 500));
		}
		TrianglePoint point;
		if (outOfView) {
			point = new TrianglePoint(UUID.randomUUID(), (on != null) ? on : today(), null, null, null, true,
					cleanNote);
		}
		else {
			weight(errors, "government", government);
			weight(errors, "services", services);
			weight(errors, "society", society);
			if (errors.isEmpty() && government + services + society != 100) {
				errors.add(new DomainException("government", "network.triangle.sum", government + services + society));
			}
			point = new TrianglePoint(UUID.randomUUID(), (on != null) ? on : today(), government, services, society,
					false, cleanNote);
		}
		DomainErrors.throwIfAny(errors);
		this.repository.insert(client, point);
		record(AccessAction.UPDATE, AccessSubject.person(memberId));
		return point;
	}

	private static void weight(List<DomainException> errors, String field, Integer value) {
		if (value == null) {
			errors.add(new DomainException(field, "network.triangle.weight.required"));
		}
		else if (value < 0 || value > 100) {
			errors.add(new DomainException(field, "network.triangle.weight.range"));
		}
	}

	// ---- The five-step plan

	/**
	 * Records the next step of the plan on a domain on a date. Evaluating (step 5) starts
	 * a new snapshot, a copy of the latest, and the next cycle.
	 * @return the step recorded
	 */
	PlanStep recordStep(UUID memberId, String domain, LocalDate on, String note) {
		Client client = changer(memberId);
		Framework framework = this.lifeDomains.frameworkOf(client.organisationId());
		if (domain == null || framework.domain(domain).isEmpty()) {
			throw new DomainException("domain", "network.plan.domain.unknown");
		}
		String cleanNote = clean(note);
		if (cleanNote != null && cleanNote.length() > 500) {
			throw new DomainException("note", "network.contact.note.tooLong", 500);
		}
		LocalDate day = (on != null) ? on : today();
		List<PlanStepRecord> steps = this.repository.planSteps(memberId)
			.stream()
			.filter((s) -> s.domain().equals(domain))
			.toList();
		PlanDomain current = PlanDomain.of(domain, domain, steps);
		PlanStepRecord last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
		if (last != null && day.isBefore(last.on())) {
			throw new DomainException("on", "network.plan.beforeLast");
		}
		try {
			this.repository.insert(client, new PlanStepRecord(domain, current.cycle(), current.next(), day, cleanNote));
		}
		catch (DuplicateKeyException ex) {
			throw stepConflict(steps.size(), current.next());
		}
		if (current.next() == PlanStep.EVALUATE) {
			newSnapshot(client, day, null, null);
		}
		record(AccessAction.UPDATE, AccessSubject.person(memberId));
		return current.next();
	}

	private List<PlanDomain> plan(UUID memberId, Framework framework, Function<String, String> label) {
		Map<String, List<PlanStepRecord>> byDomain = new LinkedHashMap<>();
		for (PlanStepRecord step : this.repository.planSteps(memberId)) {
			byDomain.computeIfAbsent(step.domain(), (d) -> new ArrayList<>()).add(step);
		}
		List<PlanDomain> plan = new ArrayList<>();
		byDomain.forEach((domain, steps) -> plan.add(PlanDomain.of(domain, label.apply(domain), steps)));
		plan.sort(Comparator.comparing(PlanDomain::label));
		return plan;
	}

	// ---- Internals

	private Client client(UUID memberId) {
		requireCaseWork();
		return this.clients.client(memberId).orElseThrow(() -> new NotFoundException("client"));
	}

	private Client changer(UUID memberId) {
		requireChange();
		return client(memberId);
	}

	private Snapshot ownSnapshot(Client client, UUID snapshotId) {
		return ownAggregate(client, snapshotId).view();
	}

	private NetworkSnapshot ownAggregate(Client client, UUID snapshotId) {
		return this.snapshots.find(snapshotId)
			.filter((s) -> s.memberId().equals(client.memberId()))
			.orElseThrow(() -> new NotFoundException("snapshot"));
	}

	private static SnapshotSummary summary(List<SnapshotSummary> snapshots, UUID id) {
		return snapshots.stream().filter((s) -> s.id().equals(id)).findFirst().orElseThrow();
	}

	private static void requireCaseWork() {
		Staff.current().requireOrganisation("client").requireCaseWork();
	}

	private static void requireChange() {
		requireCaseWork();
	}

	private void record(AccessAction action, AccessSubject subject) {
		TenantScope.Scope scope = TenantScope.current();
		if (scope.userId() == null) {
			this.trail.recordSystem(scope.organisations().iterator().next(), action, subject);
		}
		else {
			this.trail.record(action, subject);
		}
	}

	static Function<String, String> labels(Framework framework, Locale locale) {
		return (code) -> framework.domain(code).map((d) -> d.label(locale)).orElse(code);
	}

	private static <E extends Enum<E>> E code(Class<E> type, String code, String field, boolean required) {
		if (code == null || code.isBlank()) {
			if (required) {
				throw new DomainException(field, "network.field.required");
			}
			return null;
		}
		try {
			return Enum.valueOf(type, code.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException(field, "network.field.unknown", code.strip());
		}
	}

	private static <T> T collect(List<DomainException> errors, java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (DomainException ex) {
			errors.add(ex);
			return null;
		}
	}

	private static String clean(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	@FunctionalInterface
	private interface Change {

		void apply(NetworkSnapshot snapshot, Client client);

	}

	/**
	 * Everything the network page shows of one client.
	 */
	record MapView(Client client, Snapshot snapshot, List<SnapshotSummary> snapshots,
			List<Comparison.Labelled> domainOptions, List<Comparison.Labelled> needed, List<Comparison.Labelled> gaps,
			List<TrianglePoint> triangle, List<PlanDomain> plan, LocalDate today) {

		public String domainLabel(String code) {
			return this.domainOptions.stream()
				.filter((d) -> d.code().equals(code))
				.map(Comparison.Labelled::label)
				.findFirst()
				.orElse(code);
		}

	}

}
