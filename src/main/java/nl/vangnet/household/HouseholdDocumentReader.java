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

	/** Sections of the contract that later capabilities store. */
	private static final Set<String> NOT_YET = Set.of("helpQuestions", "progressScores", "timeEntries", "activities",
			"experience");

	private static final Set<String> MEMBER_FIELDS = Set.of("ref", "role", "mainContact", "givenName", "familyName",
			"birthDate", "ageGroup", "education", "dutchLanguage", "dayActivities");

	private static final Set<String> TRAJECTORY_FIELDS = Set.of("kind", "start", "end", "closingReason", "phaseModel",
			"contactPerson", "involvedStaff", "phases");

	private static final Set<String> PHASE_FIELDS = Set.of("phase", "date");

	private static final Set<String> CONTACT_FIELDS = Set.of("phone", "email", "address", "addressConfidential");

	private final List<DomainException> errors = new ArrayList<>();

	private final Set<String> given = new HashSet<>();

	private HouseholdDocumentReader() {
	}

	/**
	 * The document as far as it could be read, with everything that is wrong with it.
	 * @throws DomainErrors when it is not a JSON object at all
	 */
	static Read read(JsonNode root) {
		HouseholdDocumentReader reader = new HouseholdDocumentReader();
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
			if (NOT_YET.contains(name)) {
				this.errors.add(new DomainException(name, "document.notYet", name));
			}
			else if (!FIELDS.contains(name)) {
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
		return new HouseholdDocument(format, uuid(root, "id", ""), version, text(root, "externalId", "", 100),
				text(root, "organisation", "", 16), text(root, "district", "", 100),
				code(root, "composition", "", Composition.class), code(root, "debts", "", Debts.class),
				code(root, "referralSource", "", ReferralSource.class),
				codes(root, "contactReasons", "", ContactReason.class),
				list(root, "members", "", this::member, MEMBER_FIELDS),
				list(root, "trajectories", "", this::trajectory, TRAJECTORY_FIELDS), contact(root),
				date(root, "closedOn", ""), text(root, "closingReason", "", HouseholdRules.TEXT_MAX));
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
				uuid(node, "contactPerson", path), staff, list(node, "phases", path, this::phase, PHASE_FIELDS));
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
