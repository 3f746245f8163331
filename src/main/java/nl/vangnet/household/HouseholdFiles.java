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

	/** What is wrong on a line of the file (numbered from 1). */
	public record LineError(int line, String field, String reason) implements java.io.Serializable {
	}

	/**
	 * @param lines the households in the file
	 * @param created households that are (or would be) new
	 * @param replaced stored households whose content is (or would be) replaced
	 * @param stored whether the file was stored
	 */
	/** Serializable: it travels in a flash attribute, through the session store. */
	public record Report(int lines, int created, int replaced, List<LineError> errors,
			boolean stored) implements java.io.Serializable {

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
				errors.add(new LineError(number, "", msg("import.line.notJson", locale)));
				continue;
			}
			if (!(node instanceof ObjectNode object)) {
				errors.add(new LineError(number, "", msg("import.line.notJson", locale)));
				continue;
			}
			UUID organisationId = organisation(object, number, caller, system, errors, locale);
			JsonNode externalId = object.get("externalId");
			if (organisationId != null && externalId != null && externalId.isString()) {
				String key = organisationId + "/" + externalId.asString();
				Integer first = externalIds.putIfAbsent(key, number);
				if (first != null) {
					errors.add(new LineError(number, "externalId",
							msg("import.externalId.duplicate", locale, externalId.asString(), first)));
					continue;
				}
			}
			if (organisationId != null) {
				lines.add(new Line(number, object, organisationId));
			}
		}
		if (lines.isEmpty() && errors.isEmpty()) {
			errors.add(new LineError(0, "", msg("import.line.empty", locale)));
		}
		int[] counts = new int[2];
		for (Line line : lines) {
			TenantScope.runAs(lineScope(caller, system, line), () -> this.transactions.executeWithoutResult((tx) -> {
				tx.setRollbackOnly();
				try {
					counts[store(line) ? 0 : 1]++;
				}
				catch (RuntimeException ex) {
					errors.addAll(lineErrors(line.number(), ex, locale));
				}
			}));
		}
		errors.sort(java.util.Comparator.comparingInt(LineError::line));
		if (!errors.isEmpty() || !store) {
			return new Report(total, counts[0], counts[1], errors, false);
		}
		Set<UUID> all = new LinkedHashSet<>();
		lines.forEach((line) -> all.add(line.organisationId()));
		TenantScope.Scope fileScope = system ? TenantScope.Scope.system(all) : caller;
		TenantScope.runAs(fileScope, () -> this.transactions.executeWithoutResult((tx) -> {
			for (Line line : lines) {
				TenantScope.runAs(lineScope(caller, system, line), () -> store(line));
			}
		}));
		return new Report(total, counts[0], counts[1], List.of(), true);
	}

	private static TenantScope.Scope lineScope(TenantScope.Scope caller, boolean system, Line line) {
		return system ? TenantScope.Scope.system(Set.of(line.organisationId())) : caller;
	}

	private UUID organisation(ObjectNode node, int number, TenantScope.Scope caller, boolean system,
			List<LineError> errors, Locale locale) {
		JsonNode code = node.get("organisation");
		if (code == null || !code.isString() || code.asString().isBlank()) {
			errors.add(new LineError(number, "organisation", msg("import.organisation.required", locale)));
			return null;
		}
		Optional<OrganisationSummary> organisation = this.organisations.byCode(code.asString());
		if (organisation.isEmpty()) {
			errors.add(new LineError(number, "organisation", msg("organisation.unknown", locale, code.asString())));
			return null;
		}
		if (!system && !caller.organisations().contains(organisation.get().id())) {
			errors.add(new LineError(number, "organisation", msg("import.organisation.notOwn", locale)));
			return null;
		}
		return organisation.get().id();
	}

	/**
	 * Stores one line in the current transaction; true when the household is new.
	 */
	private boolean store(Line line) {
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
			return false;
		}
		HouseholdDocument created = this.exchange.create(node);
		this.trail.record(actor, AccessAction.IMPORT, created.id());
		return true;
	}

	private List<LineError> lineErrors(int number, RuntimeException ex, Locale locale) {
		List<LineError> errors = new ArrayList<>();
		if (ex instanceof DomainErrors many) {
			for (DomainException error : many.errors()) {
				errors.add(new LineError(number, error.field(), message(error, locale)));
			}
		}
		else if (ex instanceof DomainException one) {
			errors.add(new LineError(number, one.field(), message(one, locale)));
		}
		else if (ex instanceof NotFoundException || ex instanceof AccessDeniedException
				|| ex instanceof DataAccessException) {
			errors.add(new LineError(number, "", msg("import.line.notStored", locale)));
		}
		else {
			throw ex;
		}
		return errors;
	}

	private String message(DomainException error, Locale locale) {
		return this.messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(), locale);
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
