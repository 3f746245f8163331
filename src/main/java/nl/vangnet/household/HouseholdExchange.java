package nl.vangnet.household;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.staff.Staff;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households as documents of the exchange contract vangnet-household/1: read, created and
 * replaced through the JSON API, each in the access trail.
 */
@Service
@Transactional
class HouseholdExchange {

	private final HouseholdManagement management;

	private final HouseholdRepository households;

	private final PhaseModels phaseModels;

	private final OrganisationApi organisations;

	private final Encryption encryption;

	private final HouseholdTrail trail;

	private final LifeDomainApi lifeDomains;

	private final List<HouseholdSections> sections;

	HouseholdExchange(HouseholdManagement management, HouseholdRepository households, PhaseModels phaseModels,
			OrganisationApi organisations, Encryption encryption, HouseholdTrail trail, LifeDomainApi lifeDomains,
			List<HouseholdSections> sections) {
		this.management = management;
		this.households = households;
		this.phaseModels = phaseModels;
		this.organisations = organisations;
		this.encryption = encryption;
		this.trail = trail;
		this.lifeDomains = lifeDomains;
		this.sections = sections;
	}

	/**
	 * The household as a document; the view is in the access trail.
	 */
	HouseholdDocument get(UUID id) {
		Staff actor = Staff.current().requireOrganisation("household");
		Household household = this.management.visible(actor, id);
		this.trail.record(actor, AccessAction.VIEW, id);
		// A volunteer's pages show the family and its trajectories, never the help
		// questions, scores, time or experience that the other modules keep: neither
		// does the document.
		return actor.seesOnlyOwnFamilies() ? familyOnly(household) : document(household);
	}

	/**
	 * Registers the household of a document; returns it as stored.
	 */
	HouseholdDocument create(JsonNode body) {
		HouseholdDocumentReader.Read read = read(body);
		UUID id = create(read.document(), read.errors());
		return document(this.households.find(id).orElseThrow());
	}

	/**
	 * Registers the household of a document that is already read; returns its id.
	 */
	UUID create(HouseholdDocument document) {
		return create(document, List.of());
	}

	private UUID create(HouseholdDocument document, List<DomainException> readErrors) {
		Staff actor = Staff.current().requireOrganisation("household");
		List<DomainException> errors = new ArrayList<>(readErrors);
		if (document.id() != null) {
			errors.add(new DomainException("id", "document.id.notAllowed"));
		}
		if (document.version() != null) {
			errors.add(new DomainException("version", "document.version.notAllowed"));
		}
		checkOrganisation(actor, document, errors);
		String model = this.phaseModels.chosenBy(actor.organisationId()).code();
		alsoBrokenRules(document, model, errors);
		alsoSectionErrors(document, errors);
		DomainErrors.throwIfAny(errors);
		List<Trajectory> trajectories = new ArrayList<>();
		List<HouseholdDocument.TrajectoryEntry> entries = orEmpty(document.trajectories());
		for (HouseholdDocument.TrajectoryEntry entry : entries) {
			trajectories.add(trajectory(entry, UUID.randomUUID(), model));
		}
		HouseholdDocument.ContactEntry contact = document.contact();
		HouseholdManagement.AddressInput address = (contact != null) ? new HouseholdManagement.AddressInput(
				contact.address(), Boolean.TRUE.equals(contact.addressConfidential())) : null;
		UUID id = this.management.register(details(document, null), address, trajectories, "trajectories");
		Household registered = this.households.find(id).orElseThrow();
		this.management.ended(registered, endings(entries, trajectories, List.of()));
		if (document.closedOn() != null || document.closingReason() != null) {
			Household household = this.households.find(id).orElseThrow();
			household.close(document.closedOn(), document.closingReason());
			this.households.update(household);
		}
		storeSections(id, document);
		return id;
	}

	/**
	 * When a document could not be read completely, the household's rules are checked on
	 * what could be read too, so that every error of the document is reported at once
	 * (each field once: a field that could not be read is not reported again). A
	 * trajectory with an unreadable phase is left to its reading errors.
	 */
	private void alsoBrokenRules(HouseholdDocument document, String model, List<DomainException> errors) {
		if (errors.isEmpty()) {
			return;
		}
		List<DomainException> broken = new ArrayList<>(
				HouseholdRules.details(details(document, null), this.management.today()));
		List<HouseholdDocument.TrajectoryEntry> entries = orEmpty(document.trajectories());
		for (int i = 0; i < entries.size(); i++) {
			HouseholdDocument.TrajectoryEntry entry = entries.get(i);
			boolean readable = orEmpty(entry.phases()).stream().allMatch((p) -> p.phase() != null && p.date() != null);
			if (readable) {
				broken.addAll(HouseholdRules.trajectory(trajectory(entry, UUID.randomUUID(), model),
						"trajectories[" + i + "]", this.phaseModels.all(), this.management.today()));
			}
		}
		Set<String> known = new HashSet<>();
		errors.forEach((e) -> known.add(e.field()));
		broken.stream().filter((e) -> known.add(e.field())).forEach(errors::add);
	}

	/**
	 * The rules of the modules' sections (help questions, scores, …) are checked before
	 * anything is stored, with the household's, so that a document with errors in both
	 * reports them all at once (each field once).
	 */
	private void alsoSectionErrors(HouseholdDocument document, List<DomainException> errors) {
		Set<String> known = new HashSet<>();
		errors.forEach((e) -> known.add(e.field()));
		sectionErrors(document).stream().filter((e) -> known.add(e.field())).forEach(errors::add);
	}

	/** What the modules' sections of a document (read in part, perhaps) break. */
	List<DomainException> sectionErrors(HouseholdDocument document) {
		List<DomainException> errors = new ArrayList<>();
		this.sections.forEach((section) -> errors.addAll(section.check(document)));
		return errors;
	}

	/**
	 * Reads a document strictly, accepting the sections that a module keeps.
	 */
	HouseholdDocumentReader.Read read(JsonNode body) {
		Set<String> kept = new HashSet<>();
		this.sections.forEach((s) -> kept.addAll(s.sections()));
		List<String> codes = this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.toList();
		return HouseholdDocumentReader.read(body, kept, codes);
	}

	private void storeSections(UUID id, HouseholdDocument document) {
		StoredHousehold stored = stored(this.households.find(id).orElseThrow());
		List<DomainException> errors = new ArrayList<>();
		for (HouseholdSections section : this.sections) {
			try {
				section.store(stored, document);
			}
			catch (DomainErrors ex) {
				errors.addAll(ex.errors());
			}
		}
		DomainErrors.throwIfAny(errors);
	}

	private static StoredHousehold stored(Household household) {
		Map<String, UUID> members = new HashMap<>();
		household.details().members().forEach((m) -> members.put(m.ref(), m.id()));
		return new StoredHousehold(household.id(), household.organisationId(), members);
	}

	/**
	 * Replaces the household's content by the document's, if nobody changed it since the
	 * document's {@code version}. Optional additions that the document leaves out
	 * (contact details, a trajectory's phase model, contact person, involved staff and
	 * phases) stay as they are; a trajectory keeps its identity when its kind and start
	 * stay the same at the same position.
	 */
	HouseholdDocument replace(UUID id, JsonNode body) {
		HouseholdDocumentReader.Read read = read(body);
		HouseholdDocument document = read.document();
		Staff actor = Staff.current().requireOrganisation("household");
		List<DomainException> errors = new ArrayList<>(read.errors());
		if (document.version() == null) {
			errors.add(new DomainException("version", "document.version.required"));
		}
		if (document.id() != null && !document.id().equals(id)) {
			errors.add(new DomainException("id", "document.id.mismatch"));
		}
		checkOrganisation(actor, document, errors);
		alsoBrokenRules(document, this.phaseModels.chosenBy(actor.organisationId()).code(), errors);
		alsoSectionErrors(document, errors);
		DomainErrors.throwIfAny(errors);
		if (!actor.mayChangeHouseholds()) {
			throw new org.springframework.security.access.AccessDeniedException("Volunteers do not change households");
		}
		Household stored = this.management.visible(actor, id);
		String model = this.phaseModels.chosenBy(actor.organisationId()).code();
		List<Trajectory> trajectories = new ArrayList<>();
		List<HouseholdDocument.TrajectoryEntry> entries = orEmpty(document.trajectories());
		for (int i = 0; i < entries.size(); i++) {
			HouseholdDocument.TrajectoryEntry entry = entries.get(i);
			Trajectory before = (i < stored.trajectories().size()) ? stored.trajectories().get(i) : null;
			boolean same = before != null && before.kind() == entry.kind() && before.start() != null
					&& before.start().equals(entry.start());
			String path = "trajectories[" + i + "]";
			Trajectory trajectory = trajectory(entry, same ? before.id() : UUID.randomUUID(),
					same ? before.phaseModel() : model);
			if (same) {
				trajectory = trajectory.keepingAdditionsOf(before, read.gave(path + ".phaseModel"),
						read.gave(path + ".contactPerson"), read.gave(path + ".involvedStaff"),
						read.gave(path + ".phases"), read.gave(path + ".destination"));
			}
			trajectories.add(trajectory);
		}
		HouseholdDetails details = details(document, read.gave("contact") ? null : stored.details());
		HouseholdDocument.ContactEntry contact = document.contact();
		HouseholdManagement.AddressInput address = read.gave("contact")
				? new HouseholdManagement.AddressInput((contact != null) ? contact.address() : null,
						contact != null && Boolean.TRUE.equals(contact.addressConfidential()))
				: null;
		Household household = this.management.forChange(id, document.version(),
				(current) -> this.management.differences(current, details, address, trajectories));
		DomainErrors
			.throwIfAny(this.management.staffErrors(actor, trajectories, household.trajectories(), "trajectories"));
		if (details.externalId() != null
				&& this.households.externalIdTaken(actor.organisationId(), details.externalId(), id)) {
			throw new DomainException("externalId", "household.externalId.taken", details.externalId());
		}
		household.describe(details, this.management.seal(id, address, household.address()), this.management.today());
		household.replaceTrajectories(trajectories, this.phaseModels.all(), this.management.today());
		if (document.closedOn() != null || document.closingReason() != null) {
			household.close(document.closedOn(), document.closingReason());
		}
		List<Trajectory> before = List.copyOf(stored.trajectories());
		this.management.save(household,
				(current) -> this.management.differences(current, details, address, trajectories));
		this.management.ended(household, endings(entries, trajectories, before));
		storeSections(id, document);
		this.trail.record(actor, AccessAction.UPDATE, id);
		return document(this.households.find(id).orElseThrow());
	}

	/**
	 * The trajectories of a document that ended in it: those with an end that were not
	 * stored as ended before. Through the API or an import the organisation's aftercare
	 * is the default, unless the trajectory gives {@code aftercareDeclined}.
	 */
	private static List<TrajectoryEndings.Ended> endings(List<HouseholdDocument.TrajectoryEntry> entries,
			List<Trajectory> trajectories, List<Trajectory> before) {
		List<TrajectoryEndings.Ended> ended = new ArrayList<>();
		for (int i = 0; i < trajectories.size(); i++) {
			Trajectory t = trajectories.get(i);
			boolean wasEnded = before.stream().anyMatch((b) -> b.id().equals(t.id()) && b.end() != null);
			if (t.end() != null && !wasEnded) {
				ended.add(new TrajectoryEndings.Ended(t.id(), t.kind(), t.end(),
						TrajectoryEndings.Aftercare.declinedFor(entries.get(i).aftercareDeclined()),
						"trajectories[" + i + "]."));
			}
		}
		return ended;
	}

	/**
	 * The document of a household, without a confidential address.
	 */
	HouseholdDocument document(Household household) {
		HouseholdDocument document = familyOnly(household);
		StoredHousehold stored = stored(household);
		for (HouseholdSections section : this.sections) {
			document = section.fill(stored, document);
		}
		return document;
	}

	/** The household module's own part of the document, without the other sections. */
	private HouseholdDocument familyOnly(Household household) {
		HouseholdDetails d = household.details();
		List<HouseholdDocument.MemberEntry> members = d.members()
			.stream()
			.map((m) -> new HouseholdDocument.MemberEntry(m.ref(), m.role(), m.mainContact() ? Boolean.TRUE : null,
					m.givenName(), m.familyName(), m.birthDate(), m.ageGroup(), m.education(), m.dutchLanguage(),
					m.dayActivities()))
			.toList();
		List<HouseholdDocument.TrajectoryEntry> trajectories = household.trajectories()
			.stream()
			.map((t) -> new HouseholdDocument.TrajectoryEntry(t.kind(), t.start(), t.end(), t.closingReason(),
					t.phaseModel(), t.contactPerson(), t.involvedStaff(),
					t.phases()
						.changes()
						.stream()
						.map((c) -> new HouseholdDocument.PhaseEntry(c.phase(), c.on()))
						.toList(),
					t.destination(), null))
			.toList();
		SealedAddress address = household.address();
		String plain = (address != null && !address.confidential())
				? this.encryption.decrypt(address.ciphertext(), SealedAddress.context(household.id())) : null;
		Boolean confidential = (address != null && address.confidential()) ? Boolean.TRUE : null;
		HouseholdDocument.ContactEntry contact = (d.phone() == null && d.email() == null && address == null) ? null
				: new HouseholdDocument.ContactEntry(d.phone(), d.email(), plain, confidential);
		Closure closure = household.closure();
		return new HouseholdDocument(HouseholdDocument.FORMAT, household.id(), household.version(), d.externalId(),
				null, d.district(), d.composition(), d.debts(), d.referralSource(), d.contactReasons(), members,
				trajectories, contact, (closure != null) ? closure.on() : null,
				(closure != null) ? closure.reason() : null);
	}

	/**
	 * The API works for the signed-in user's own organisation: a document may name it,
	 * but no other.
	 */
	private void checkOrganisation(Staff actor, HouseholdDocument document, List<DomainException> errors) {
		if (document.organisation() != null) {
			String own = this.organisations.byId(actor.organisationId()).map(OrganisationSummary::code).orElse(null);
			if (!document.organisation().strip().toUpperCase(Locale.ROOT).equals(own)) {
				errors.add(new DomainException("organisation", "document.organisation.other"));
			}
		}
	}

	/**
	 * @param keepContactOf the stored details whose phone and e-mail stay, or
	 * {@code null} to take them from the document
	 */
	private static HouseholdDetails details(HouseholdDocument document, HouseholdDetails keepContactOf) {
		List<Member> members = orEmpty(document.members()).stream()
			.map((m) -> new Member(null, m.ref(), m.role(), Boolean.TRUE.equals(m.mainContact()), m.givenName(),
					m.familyName(), m.birthDate(), m.ageGroup(), m.education(), m.dutchLanguage(), m.dayActivities()))
			.toList();
		HouseholdDocument.ContactEntry contact = document.contact();
		String phone = (keepContactOf != null) ? keepContactOf.phone() : (contact != null) ? contact.phone() : null;
		String email = (keepContactOf != null) ? keepContactOf.email() : (contact != null) ? contact.email() : null;
		return new HouseholdDetails(document.externalId(), document.district(), document.composition(),
				document.debts(), document.referralSource(), document.contactReasons(), phone, email, members);
	}

	private static Trajectory trajectory(HouseholdDocument.TrajectoryEntry entry, UUID id, String defaultModel) {
		List<PhaseChange> phases = orEmpty(entry.phases()).stream()
			.map((p) -> new PhaseChange(p.phase(), p.date()))
			.toList();
		return new Trajectory(id, entry.kind(), entry.start(), entry.end(), entry.closingReason(),
				(entry.phaseModel() != null) ? entry.phaseModel() : defaultModel, entry.contactPerson(),
				entry.involvedStaff(), new PhaseHistory(phases))
			.departedTo(entry.destination());
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
