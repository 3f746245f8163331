package nl.vangnet.household;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.RecentAuthentication;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.tenancy.TenantScope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files of households in vangnet-household/1 JSON Lines: import, all or nothing per file,
 * and export per organisation. Every line names its organisation; a coordinator imports
 * only for their own, the system (the command line) for the organisations the file names.
 * A line with the organisation and {@code externalId} of a stored household replaces that
 * household's content instead of adding a second one.
 * <p>
 * Each line is first tried on its own in a transaction that is rolled back, so that the
 * report names every invalid line with its field and reason; only when every line is
 * valid is the whole file stored, in one transaction.
 */
@Service
public class HouseholdFiles {

	private final HouseholdExchange exchange;

	private final HouseholdRepository households;

	private final HouseholdTrail trail;

	private final OrganisationApi organisations;

	private final MessageSource messages;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final RecentAuthentication recentAuthentication;

	HouseholdFiles(HouseholdExchange exchange, HouseholdRepository households, HouseholdTrail trail,
			OrganisationApi organisations, MessageSource messages, JsonMapper json,
			PlatformTransactionManager transactionManager, RecentAuthentication recentAuthentication) {
		this.recentAuthentication = recentAuthentication;
		this.exchange = exchange;
		this.households = households;
		this.trail = trail;
		this.organisations = organisations;
		this.messages = messages;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * What is wrong on a line of the file (numbered from 1).
	 *
	 * @param field the field's path in the document, as the API names it ({@code ""} for
	 * the line as a whole)
	 * @param label the field's label in the user's language, or {@code null} for the line
	 * as a whole
	 * @param reason what is wrong, in words, naming the field by its label
	 */
	public record LineError(int line, String field, String label, String reason) implements java.io.Serializable {
	}

	/**
	 * What a valid line will do, in the user's language.
	 *
	 * @param family the family as a person recognises it (its main contact's name, else
	 * its own number)
	 * @param members who is in it
	 * @param support its trajectories
	 * @param replaces whether it replaces a stored household (with the same own number)
	 */
	public record LinePreview(int line, String family, String members, String support,
			boolean replaces) implements java.io.Serializable {
	}

	/** A household that the file stored, for the link to its dossier. */
	public record Imported(int line, UUID id, String family, boolean replaced) implements java.io.Serializable {
	}

	/**
	 * Serializable: it travels in a flash attribute, through the session store.
	 *
	 * @param lines the households in the file
	 * @param created households that are (or would be) new
	 * @param replaced stored households whose content is (or would be) replaced
	 * @param stored whether the file was stored
	 * @param preview for a valid file, what each line will do
	 * @param households for a stored file, the households it stored, in the file's order
	 */
	public record Report(int lines, int created, int replaced, List<LineError> errors, boolean stored,
			List<LinePreview> preview, List<Imported> households) implements java.io.Serializable {

		public Report(int lines, int created, int replaced, List<LineError> errors, boolean stored) {
			this(lines, created, replaced, errors, stored, List.of(), List.of());
		}

		public boolean valid() {
			return this.errors.isEmpty();
		}

		/** How many lines have an error (a line with three errors is one line). */
		public long invalidLines() {
			return this.errors.stream().map(LineError::line).filter((line) -> line > 0).distinct().count();
		}

		/**
		 * Whether the file as a whole is wrong (empty, say) rather than one of its lines.
		 */
		public boolean fileError() {
			return !this.errors.isEmpty() && invalidLines() == 0;
		}

	}

	/** Checks a file without storing anything. */
	public Report check(String content, Locale locale) {
		return run(content, locale, false);
	}

	/** Stores the file when every line is valid; else stores nothing. */
	public Report importFile(String content, Locale locale) {
		return run(content, locale, true);
	}

	private record Line(int number, ObjectNode node, UUID organisationId) {
	}

	private Report run(String content, Locale locale, boolean store) {
		TenantScope.Scope caller = TenantScope.current();
		Staff staff = Staff.current();
		boolean system = staff.isSystem();
		if (!staff.exchangesHouseholdFiles()) {
			throw new AccessDeniedException("Only coordinators import households");
		}
		List<LineError> errors = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		Map<String, Integer> externalIds = new HashMap<>();
		int total = 0;
		String[] raw = content.replace("\uFEFF", "").split("\r?\n", -1);
		for (int i = 0; i < raw.length; i++) {
			int number = i + 1;
			String text = raw[i].strip();
			if (text.isEmpty()) {
				continue;
			}
			total++;
			JsonNode node;
			try {
				node = this.json.readTree(text);
			}
			catch (JacksonException ex) {
				errors.add(new LineError(number, "", null, msg("import.line.notJson", locale)));
				continue;
			}
			if (!(node instanceof ObjectNode object)) {
				errors.add(new LineError(number, "", null, msg("import.line.notJson", locale)));
				continue;
			}
			UUID organisationId = organisation(object, number, caller, system, errors, locale);
			JsonNode externalId = object.get("externalId");
			if (organisationId != null && externalId != null && externalId.isString()) {
				String key = organisationId + "/" + externalId.asString();
				Integer first = externalIds.putIfAbsent(key, number);
				if (first != null) {
					errors.add(lineError(number, "externalId",
							msg("import.externalId.duplicate", locale, externalId.asString(), first), locale));
				}
			}
			if (organisationId != null) {
				lines.add(new Line(number, object, organisationId));
			}
			else {
				// the rest of the line is checked too, so that it shows every error at
				// once
				HouseholdDocumentReader.Read read = this.exchange.read(object);
				List<DomainException> all = new ArrayList<>(read.errors());
				Set<String> known = new java.util.HashSet<>();
				all.forEach((e) -> known.add(e.field()));
				this.exchange.sectionErrors(read.document())
					.stream()
					.filter((e) -> known.add(e.field()))
					.forEach(all::add);
				for (DomainException error : all) {
					if (!"organisation".equals(error.field())) {
						errors.add(lineError(number, error, locale));
					}
				}
			}
		}
		if (lines.isEmpty() && errors.isEmpty()) {
			errors.add(new LineError(0, "", null, msg("import.line.empty", locale)));
		}
		int[] counts = new int[2];
		List<LinePreview> preview = new ArrayList<>();
		for (Line line : lines) {
			TenantScope.runAs(lineScope(caller, system, line), () -> this.transactions.executeWithoutResult((tx) -> {
				tx.setRollbackOnly();
				try {
					Stored stored = store(line);
					counts[stored.replaced() ? 1 : 0]++;
					preview.add(preview(line, stored.replaced(), locale));
				}
				catch (RuntimeException ex) {
					errors.addAll(lineErrors(line.number(), ex, locale));
				}
			}));
		}
		errors.sort(java.util.Comparator.comparingInt(LineError::line));
		if (!errors.isEmpty()) {
			return new Report(total, counts[0], counts[1], errors, false);
		}
		if (!store) {
			return new Report(total, counts[0], counts[1], List.of(), false, List.copyOf(preview), List.of());
		}
		Set<UUID> all = new LinkedHashSet<>();
		lines.forEach((line) -> all.add(line.organisationId()));
		TenantScope.Scope fileScope = system ? TenantScope.Scope.system(all) : caller;
		List<Imported> households = new ArrayList<>();
		TenantScope.runAs(fileScope, () -> this.transactions.executeWithoutResult((tx) -> {
			for (Line line : lines) {
				Stored stored = TenantScope.callAs(lineScope(caller, system, line), () -> store(line));
				households.add(new Imported(line.number(), stored.id(), family(line, locale), stored.replaced()));
			}
		}));
		return new Report(total, counts[0], counts[1], List.of(), true, List.copyOf(preview), List.copyOf(households));
	}

	/** A stored line: the household's id, and whether it replaced a stored one. */
	private record Stored(UUID id, boolean replaced) {
	}

	/** What the line will do, in words, from the document it holds. */
	private LinePreview preview(Line line, boolean replaces, Locale locale) {
		HouseholdDocument document = this.exchange.read(line.node()).document();
		List<HouseholdDocument.MemberEntry> members = (document.members() != null) ? document.members() : List.of();
		long children = members.stream().filter((m) -> m.role() == MemberRole.CHILD).count();
		String who = msg("imports.preview.members", locale, members.size(), children);
		List<String> support = new ArrayList<>();
		if (document.trajectories() != null) {
			for (HouseholdDocument.TrajectoryEntry t : document.trajectories()) {
				String kind = msg("trajectory.kind." + t.kind(), locale);
				support.add((t.end() != null)
						? msg("imports.preview.trajectory.ended", locale, kind, day(t.start()), day(t.end()))
						: msg("imports.preview.trajectory", locale, kind, day(t.start())));
			}
		}
		return new LinePreview(line.number(), family(line, locale), who,
				support.isEmpty() ? msg("imports.preview.noSupport", locale) : String.join("; ", support), replaces);
	}

	private static String day(java.time.LocalDate date) {
		return (date != null) ? date.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) : "?";
	}

	/**
	 * The family as a person recognises it: the main contact's name (else the first
	 * member with a name), else its own number, else its line.
	 */
	private String family(Line line, Locale locale) {
		HouseholdDocument document = this.exchange.read(line.node()).document();
		List<HouseholdDocument.MemberEntry> members = (document.members() != null) ? document.members() : List.of();
		String name = members.stream()
			.sorted(java.util.Comparator
				.comparing((HouseholdDocument.MemberEntry m) -> !Boolean.TRUE.equals(m.mainContact())))
			.map((m) -> String.join(" ",
					java.util.stream.Stream.of(m.givenName(), m.familyName())
						.filter((n) -> n != null && !n.isBlank())
						.toList()))
			.filter((n) -> !n.isBlank())
			.findFirst()
			.orElse(null);
		if (name != null) {
			return name;
		}
		if (document.externalId() != null && !document.externalId().isBlank()) {
			return msg("imports.family.externalId", locale, document.externalId());
		}
		return msg("imports.family.unnamed", locale, line.number());
	}

	private static TenantScope.Scope lineScope(TenantScope.Scope caller, boolean system, Line line) {
		return system ? TenantScope.Scope.system(Set.of(line.organisationId())) : caller;
	}

	private UUID organisation(ObjectNode node, int number, TenantScope.Scope caller, boolean system,
			List<LineError> errors, Locale locale) {
		JsonNode code = node.get("organisation");
		if (code == null || !code.isString() || code.asString().isBlank()) {
			errors.add(lineError(number, "organisation", msg("import.organisation.required", locale), locale));
			return null;
		}
		Optional<OrganisationSummary> organisation = this.organisations.byCode(code.asString());
		if (organisation.isEmpty()) {
			errors.add(lineError(number, "organisation", msg("import.organisation.unknown", locale, code.asString()),
					locale));
			return null;
		}
		if (!system && !caller.organisations().contains(organisation.get().id())) {
			errors.add(lineError(number, "organisation", msg("import.organisation.notOwn", locale), locale));
			return null;
		}
		return organisation.get().id();
	}

	/**
	 * Stores one line in the current transaction.
	 */
	private Stored store(Line line) {
		ObjectNode node = line.node().deepCopy();
		// Output only: Vangnet assigns ids and versions; account ids belong to one
		// Vangnet.
		node.remove("id");
		node.remove("version");
		JsonNode trajectories = node.get("trajectories");
		if (trajectories != null && trajectories.isArray()) {
			for (JsonNode trajectory : trajectories) {
				if (trajectory instanceof ObjectNode t) {
					t.remove("contactPerson");
					t.remove("involvedStaff");
				}
			}
		}
		JsonNode externalId = node.get("externalId");
		Optional<UUID> existing = (externalId != null && externalId.isString())
				? this.households.idByExternalId(line.organisationId(), externalId.asString()) : Optional.empty();
		Staff actor = Staff.current().requireOrganisation("household");
		if (existing.isPresent()) {
			UUID id = existing.get();
			node.put("version", this.households.versionOf(id).orElseThrow());
			this.exchange.replace(id, node);
			this.trail.record(actor, AccessAction.IMPORT, id);
			return new Stored(id, true);
		}
		HouseholdDocument created = this.exchange.create(node);
		this.trail.record(actor, AccessAction.IMPORT, created.id());
		return new Stored(created.id(), false);
	}

	private List<LineError> lineErrors(int number, RuntimeException ex, Locale locale) {
		List<LineError> errors = new ArrayList<>();
		if (ex instanceof DomainErrors many) {
			for (DomainException error : many.errors()) {
				errors.add(lineError(number, error, locale));
			}
		}
		else if (ex instanceof DomainException one) {
			errors.add(lineError(number, one, locale));
		}
		else if (ex instanceof NotFoundException || ex instanceof AccessDeniedException
				|| ex instanceof DataAccessException) {
			errors.add(new LineError(number, "", null, msg("import.line.notStored", locale)));
		}
		else {
			throw ex;
		}
		return errors;
	}

	/**
	 * The error in words: the field by its label, where the message names it by its path
	 * (as the messages of the document's reading do for the API).
	 */
	private LineError lineError(int number, DomainException error, Locale locale) {
		String field = (error.field() != null) ? error.field() : "";
		String label = DocumentLabels.label(this.messages, field, locale);
		Object[] arguments = error.arguments().clone();
		if (label != null && arguments.length > 0 && field.equals(arguments[0])) {
			arguments[0] = label;
		}
		return new LineError(number, field, label,
				this.messages.getMessage(error.messageKey(), arguments, error.messageKey(), locale));
	}

	private LineError lineError(int number, String field, String reason, Locale locale) {
		return new LineError(number, field, DocumentLabels.label(this.messages, field, locale), reason);
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	/**
	 * A bulk export asks for a recent check of who is signed in (before anything is
	 * written).
	 */
	void requireRecentCheck() {
		this.recentAuthentication.require();
	}

	/**
	 * Writes every household of the current organisation as JSON Lines, without secret
	 * addresses or account ids; each household's export is in the access trail.
	 * @return the number of households written
	 */
	public int export(OutputStream out) {
		requireRecentCheck();
		TenantScope.Scope scope = TenantScope.current();
		return this.transactions.execute((tx) -> {
			Staff actor = Staff.current().requireOrganisation("household");
			String code = this.organisations.byId(actor.organisationId()).orElseThrow().code();
			int n = 0;
			try {
				for (UUID id : this.households.idsOf(actor.organisationId())) {
					Household household = this.households.find(id).orElseThrow();
					HouseholdDocument document = exported(this.exchange.document(household), code);
					out.write(this.json.writeValueAsBytes(document));
					out.write('\n');
					this.trail.record(actor, AccessAction.EXPORT, id);
					n++;
				}
				out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return n;
		});
	}

	/**
	 * The document as a file carries it: with the organisation's code; without a
	 * confidential address (the whole contact is left out then, so that a re-import keeps
	 * what is stored), and without account ids.
	 */
	static HouseholdDocument exported(HouseholdDocument d, String organisationCode) {
		HouseholdDocument.ContactEntry contact = d.contact();
		if (contact != null && Boolean.TRUE.equals(contact.addressConfidential())) {
			contact = null;
		}
		List<HouseholdDocument.TrajectoryEntry> trajectories = (d.trajectories() == null) ? null
				: d.trajectories()
					.stream()
					.map((t) -> new HouseholdDocument.TrajectoryEntry(t.kind(), t.start(), t.end(), t.closingReason(),
							t.phaseModel(), null, null, t.phases()))
					.toList();
		return new HouseholdDocument(d.format(), d.id(), d.version(), d.externalId(), organisationCode, d.district(),
				d.composition(), d.debts(), d.referralSource(), d.contactReasons(), d.members(), trajectories, contact,
				d.closedOn(), d.closingReason(), d.helpQuestions(), d.progressScores(), d.timeEntries(), d.activities(),
				d.experience());
	}

}
