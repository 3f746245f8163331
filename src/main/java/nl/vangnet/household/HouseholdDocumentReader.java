package nl.vangnet.household;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a household document strictly, as the contract asks: unknown fields and unknown
 * codes are refused with a message that names the field (and the allowed values), and
 * every problem of the document is reported at once. Remembers which optional additions
 * were given, so that an update can keep what it leaves out.
 */
final class HouseholdDocumentReader {

	private static final Set<String> FIELDS = Set.of("format", "id", "version", "externalId", "organisation",
			"district", "composition", "debts", "referralSource", "contactReasons", "members", "trajectories",
			"contact", "closedOn", "closingReason");

	/**
	 * The sections of the contract that other modules keep ({@link HouseholdSections}).
	 */
	static final Set<String> SECTIONS = Set.of("helpQuestions", "progressScores", "timeEntries", "activities",
			"experience");

	/** The progress domains of the contract ({@code progressScores[].domain}). */
	static final Set<String> PROGRESS_DOMAINS = Set.of("FINANCES", "HOUSING", "HEALTH", "SOCIAL", "PARTICIPATION",
			"OTHER");

	private static final Set<String> HELP_QUESTION_FIELDS = Set.of("member", "domain", "opened", "closed", "acute",
			"status", "description");

	private static final Set<String> SCORE_FIELDS = Set.of("domain", "date", "score", "member");

	private static final Set<String> TIME_FIELDS = Set.of("date", "type", "minutes", "member");

	private static final Set<String> ACTIVITY_FIELDS = Set.of("date", "name", "member", "satisfaction", "kind");

	private static final Set<String> EXPERIENCE_FIELDS = Set.of("date", "domain", "helped", "member");

	private static final Set<String> MEMBER_FIELDS = Set.of("ref", "role", "mainContact", "givenName", "familyName",
			"birthDate", "ageGroup", "education", "dutchLanguage", "dayActivities");

	private static final Set<String> TRAJECTORY_FIELDS = Set.of("kind", "start", "end", "closingReason", "phaseModel",
			"contactPerson", "involvedStaff", "phases", "destination", "aftercareDeclined");

	private static final Set<String> PHASE_FIELDS = Set.of("phase", "date");

	private static final Set<String> CONTACT_FIELDS = Set.of("phone", "email", "address", "addressConfidential");

	private final List<DomainException> errors = new ArrayList<>();

	private final Set<String> given = new HashSet<>();

	private final Set<String> sections;

	private final List<String> domainCodes;

	private HouseholdDocumentReader(Set<String> sections, List<String> domainCodes) {
		this.sections = sections;
		this.domainCodes = domainCodes;
	}

	/**
	 * The document as far as it could be read, with everything that is wrong with it.
	 * @throws DomainErrors when it is not a JSON object at all
	 * @param sections the sections of the contract that can be stored (the others are
	 * refused)
	 * @param domainCodes the codes of the monitor framework
	 */
	static Read read(JsonNode root, Set<String> sections, List<String> domainCodes) {
		HouseholdDocumentReader reader = new HouseholdDocumentReader(sections, domainCodes);
		HouseholdDocument document = reader.document(root);
		if (document == null) {
			DomainErrors.throwIfAny(reader.errors);
		}
		return new Read(document, Set.copyOf(reader.given), List.copyOf(reader.errors));
	}

	private HouseholdDocument document(JsonNode root) {
		if (root == null || !root.isObject()) {
			this.errors.add(new DomainException("", "document.notObject", "(document)"));
			return null;
		}
		for (String name : root.propertyNames()) {
			if (SECTIONS.contains(name) && !this.sections.contains(name)) {
				this.errors.add(new DomainException(name, "document.notYet", name));
			}
			else if (!FIELDS.contains(name) && !SECTIONS.contains(name)) {
				this.errors.add(new DomainException(name, "document.unknownField", name));
			}
		}
		String format = text(root, "format", "", 40);
		if (format != null && !HouseholdDocument.FORMAT.equals(format)) {
			this.errors.add(new DomainException("format", "document.format.unsupported", HouseholdDocument.FORMAT));
		}
		Integer version = null;
		JsonNode versionNode = present(root, "version");
		if (versionNode != null) {
			if (versionNode.isIntegralNumber() && versionNode.canConvertToInt()) {
				version = versionNode.intValue();
			}
			else {
				this.errors.add(new DomainException("version", "document.notNumber", "version"));
			}
		}
		UUID id = uuid(root, "id", "");
		String externalId = text(root, "externalId", "", 100);
		String organisation = text(root, "organisation", "", 16);
		String district = text(root, "district", "", 100);
		Composition composition = code(root, "composition", "", Composition.class);
		Debts debts = code(root, "debts", "", Debts.class);
		ReferralSource referralSource = code(root, "referralSource", "", ReferralSource.class);
		List<ContactReason> contactReasons = codes(root, "contactReasons", "", ContactReason.class);
		List<HouseholdDocument.MemberEntry> members = list(root, "members", "", this::member, MEMBER_FIELDS);
		Set<String> refs = new HashSet<>();
		if (members != null) {
			members.forEach((member) -> refs.add(member.ref()));
		}
		return new HouseholdDocument(format, id, version, externalId, organisation, district, composition, debts,
				referralSource, contactReasons, members,
				list(root, "trajectories", "", this::trajectory, TRAJECTORY_FIELDS), contact(root),
				date(root, "closedOn", ""), text(root, "closingReason", "", HouseholdRules.TEXT_MAX),
				section(root, "helpQuestions", (node, path) -> helpQuestion(node, path, refs), HELP_QUESTION_FIELDS),
				section(root, "progressScores", (node, path) -> progressScore(node, path, refs), SCORE_FIELDS),
				section(root, "timeEntries", (node, path) -> timeEntry(node, path, refs), TIME_FIELDS),
				section(root, "activities", (node, path) -> activity(node, path, refs), ACTIVITY_FIELDS),
				section(root, "experience", (node, path) -> experience(node, path, refs), EXPERIENCE_FIELDS));
	}

	private <T> List<T> section(JsonNode root, String name, BiFunction<JsonNode, String, T> element,
			Set<String> fields) {
		return this.sections.contains(name) ? list(root, name, "", element, fields) : null;
	}

	private HouseholdDocument.HelpQuestionEntry helpQuestion(JsonNode node, String path, Set<String> refs) {
		return new HouseholdDocument.HelpQuestionEntry(memberRef(node, path, refs),
				domainCode(node, path, this.domainCodes), required(node, path, "opened", this::date),
				date(node, "closed", path), bool(node, "acute", path),
				code(node, "status", path, HelpQuestionStatus.class),
				text(node, "description", path, HouseholdRules.TEXT_MAX));
	}

	private HouseholdDocument.ProgressScoreEntry progressScore(JsonNode node, String path, Set<String> refs) {
		Integer score = null;
		JsonNode scoreNode = present(node, "score");
		if (scoreNode != null) {
			if (scoreNode.isIntegralNumber() && scoreNode.canConvertToInt() && scoreNode.intValue() >= 1
					&& scoreNode.intValue() <= 5) {
				score = scoreNode.intValue();
			}
			else {
				this.errors.add(new DomainException(path + ".score", "document.score.invalid", path + ".score"));
			}
		}
		return new HouseholdDocument.ProgressScoreEntry(
				domainCode(node, path, PROGRESS_DOMAINS.stream().sorted().toList()),
				required(node, path, "date", this::date), score, memberRef(node, path, refs));
	}

	private HouseholdDocument.TimeEntry timeEntry(JsonNode node, String path, Set<String> refs) {
		Integer minutes = null;
		JsonNode minutesNode = present(node, "minutes");
		if (minutesNode == null) {
			this.errors.add(new DomainException(path + ".minutes", "document.required", path + ".minutes"));
		}
		else if (minutesNode.isIntegralNumber() && minutesNode.canConvertToInt() && minutesNode.intValue() >= 1
				&& minutesNode.intValue() <= 24 * 60) {
			minutes = minutesNode.intValue();
		}
		else {
			this.errors.add(new DomainException(path + ".minutes", "document.minutes.invalid", path + ".minutes"));
		}
		return new HouseholdDocument.TimeEntry(required(node, path, "date", this::date),
				required(node, path, "type", (n, name, p) -> code(n, name, p, SupportType.class)), minutes,
				memberRef(node, path, refs));
	}

	private HouseholdDocument.ActivityEntry activity(JsonNode node, String path, Set<String> refs) {
		return new HouseholdDocument.ActivityEntry(required(node, path, "date", this::date),
				text(node, "name", path, HouseholdRules.NAME_MAX), memberRef(node, path, refs),
				code(node, "satisfaction", path, Satisfaction.class), code(node, "kind", path, ActivityKind.class));
	}

	private HouseholdDocument.ExperienceEntry experience(JsonNode node, String path, Set<String> refs) {
		return new HouseholdDocument.ExperienceEntry(required(node, path, "date", this::date),
				domainCode(node, path, this.domainCodes),
				required(node, path, "helped", (n, name, p) -> code(n, name, p, Helped.class)),
				memberRef(node, path, refs));
	}

	/** A field that must be given: reported as required when it is absent or null. */
	private <T> T required(JsonNode node, String path, String name, Field<T> field) {
		if (present(node, name) == null) {
			String where = HouseholdRules.field(path, name);
			this.errors.add(new DomainException(where, "document.required", where));
			return null;
		}
		return field.read(node, name, path);
	}

	private String memberRef(JsonNode node, String path, Set<String> refs) {
		String ref = text(node, "member", path, 20);
		if (ref != null && !refs.contains(ref)) {
			String where = path + ".member";
			this.errors.add(new DomainException(where, "document.member.unknown", where, ref));
			return null;
		}
		return ref;
	}

	private String domainCode(JsonNode node, String path, List<String> allowed) {
		String code = required(node, path, "domain", (n, name, p) -> text(n, name, p, 60));
		if (code != null && !allowed.contains(code)) {
			String where = path + ".domain";
			this.errors
				.add(new DomainException(where, "document.code.unknown", where, code, String.join(", ", allowed)));
			return null;
		}
		return code;
	}

	@FunctionalInterface
	private interface Field<T> {

		T read(JsonNode node, String name, String path);

	}

	private HouseholdDocument.MemberEntry member(JsonNode node, String path) {
		return new HouseholdDocument.MemberEntry(text(node, "ref", path, 20),
				code(node, "role", path, MemberRole.class), bool(node, "mainContact", path),
				text(node, "givenName", path, HouseholdRules.NAME_MAX),
				text(node, "familyName", path, HouseholdRules.NAME_MAX), date(node, "birthDate", path),
				code(node, "ageGroup", path, AgeGroup.class), code(node, "education", path, Education.class),
				code(node, "dutchLanguage", path, DutchLanguage.class),
				codes(node, "dayActivities", path, DayActivity.class));
	}

	private HouseholdDocument.TrajectoryEntry trajectory(JsonNode node, String path) {
		for (String addition : List.of("phaseModel", "contactPerson", "involvedStaff", "phases")) {
			if (node.has(addition)) {
				this.given.add(path + "." + addition);
			}
		}
		List<UUID> staff = null;
		JsonNode staffNode = present(node, "involvedStaff");
		if (staffNode != null) {
			if (!staffNode.isArray()) {
				this.errors
					.add(new DomainException(path + ".involvedStaff", "document.notList", path + ".involvedStaff"));
			}
			else {
				staff = new ArrayList<>();
				for (int i = 0; i < staffNode.size(); i++) {
					UUID id = uuidValue(staffNode.get(i), path + ".involvedStaff[" + i + "]");
					if (id != null) {
						staff.add(id);
					}
				}
			}
		}
		return new HouseholdDocument.TrajectoryEntry(code(node, "kind", path, TrajectoryKind.class),
				date(node, "start", path), date(node, "end", path),
				text(node, "closingReason", path, HouseholdRules.TEXT_MAX), text(node, "phaseModel", path, 30),
				uuid(node, "contactPerson", path), staff, list(node, "phases", path, this::phase, PHASE_FIELDS),
				code(node, "destination", path, Destination.class),
				text(node, "aftercareDeclined", path, HouseholdRules.TEXT_MAX));
	}

	private HouseholdDocument.PhaseEntry phase(JsonNode node, String path) {
		String phase = text(node, "phase", path, 60);
		LocalDate date = date(node, "date", path);
		if (phase == null) {
			this.errors.add(new DomainException(path + ".phase", "document.required", path + ".phase"));
		}
		if (date == null && !node.has("date")) {
			this.errors.add(new DomainException(path + ".date", "document.required", path + ".date"));
		}
		return new HouseholdDocument.PhaseEntry(phase, date);
	}

	private HouseholdDocument.ContactEntry contact(JsonNode root) {
		JsonNode node = present(root, "contact");
		if (node == null) {
			return null;
		}
		this.given.add("contact");
		if (!node.isObject()) {
			this.errors.add(new DomainException("contact", "document.notObject", "contact"));
			return null;
		}
		unknownFields(node, "contact", CONTACT_FIELDS);
		return new HouseholdDocument.ContactEntry(text(node, "phone", "contact", 50),
				text(node, "email", "contact", 254), text(node, "address", "contact", 300),
				bool(node, "addressConfidential", "contact"));
	}

	private <T> List<T> list(JsonNode parent, String name, String path, BiFunction<JsonNode, String, T> element,
			Set<String> fields) {
		JsonNode node = present(parent, name);
		String field = HouseholdRules.field(path, name);
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			this.errors.add(new DomainException(field, "document.notList", field));
			return null;
		}
		List<T> result = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			String elementPath = field + "[" + i + "]";
			JsonNode item = node.get(i);
			if (!item.isObject()) {
				this.errors.add(new DomainException(elementPath, "document.notObject", elementPath));
				continue;
			}
			unknownFields(item, elementPath, fields);
			result.add(element.apply(item, elementPath));
		}
		return result;
	}

	private void unknownFields(JsonNode node, String path, Set<String> fields) {
		for (String name : node.propertyNames()) {
			if (!fields.contains(name)) {
				String field = path + "." + name;
				this.errors.add(new DomainException(field, "document.unknownField", field));
			}
		}
	}

	/** The value of the field, or {@code null} when it is absent or JSON null. */
	private static JsonNode present(JsonNode parent, String name) {
		JsonNode node = parent.get(name);
		return (node == null || node.isNull()) ? null : node;
	}

	private String text(JsonNode parent, String name, String path, int max) {
		JsonNode node = present(parent, name);
		if (node == null) {
			return null;
		}
		String field = HouseholdRules.field(path, name);
		if (!node.isString()) {
			this.errors.add(new DomainException(field, "document.notText", field));
			return null;
		}
		String value = node.stringValue();
		if (value.length() > max) {
			this.errors.add(new DomainException(field, "document.tooLong", field, max));
			return null;
		}
		return value;
	}

	private Boolean bool(JsonNode parent, String name, String path) {
		JsonNode node = present(parent, name);
		if (node == null) {
			return null;
		}
		if (!node.isBoolean()) {
			String field = HouseholdRules.field(path, name);
			this.errors.add(new DomainException(field, "document.notBoolean", field));
			return null;
		}
		return node.booleanValue();
	}

	private LocalDate date(JsonNode parent, String name, String path) {
		JsonNode node = present(parent, name);
		if (node == null) {
			return null;
		}
		String field = HouseholdRules.field(path, name);
		if (node.isString() && node.stringValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
			try {
				return LocalDate.parse(node.stringValue());
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		this.errors.add(new DomainException(field, "document.date.invalid", field));
		return null;
	}

	private UUID uuid(JsonNode parent, String name, String path) {
		JsonNode node = present(parent, name);
		return (node != null) ? uuidValue(node, HouseholdRules.field(path, name)) : null;
	}

	private UUID uuidValue(JsonNode node, String field) {
		if (node.isString()) {
			try {
				return UUID.fromString(node.stringValue());
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
		}
		this.errors.add(new DomainException(field, "document.uuid.invalid", field));
		return null;
	}

	private <E extends Enum<E>> E code(JsonNode parent, String name, String path, Class<E> type) {
		JsonNode node = present(parent, name);
		return (node != null) ? codeValue(node, HouseholdRules.field(path, name), type) : null;
	}

	private <E extends Enum<E>> E codeValue(JsonNode node, String field, Class<E> type) {
		String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		if (!node.isString()) {
			this.errors.add(new DomainException(field, "document.code.unknown", field, node.toString(), allowed));
			return null;
		}
		try {
			return Enum.valueOf(type, node.stringValue());
		}
		catch (IllegalArgumentException ex) {
			this.errors.add(new DomainException(field, "document.code.unknown", field, node.stringValue(), allowed));
			return null;
		}
	}

	private <E extends Enum<E>> List<E> codes(JsonNode parent, String name, String path, Class<E> type) {
		JsonNode node = present(parent, name);
		String field = HouseholdRules.field(path, name);
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			this.errors.add(new DomainException(field, "document.notList", field));
			return null;
		}
		List<E> result = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			E value = codeValue(node.get(i), field + "[" + i + "]", type);
			if (value != null) {
				result.add(value);
			}
		}
		return result;
	}

	/**
	 * @param given paths of the optional additions that the document gave (such as
	 * {@code contact} or {@code trajectories[0].phases})
	 * @param errors everything that is wrong with the document
	 */
	record Read(HouseholdDocument document, Set<String> given, List<DomainException> errors) {

		boolean gave(String path) {
			return this.given.contains(path);
		}

	}

}
