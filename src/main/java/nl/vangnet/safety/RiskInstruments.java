package nl.vangnet.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk-screening instruments an organisation may use: the generic one Vangnet ships
 * and the organisation's own, loaded by its coordinator as structure (parts, questions,
 * weights, levels, measures) without any text in the code. Loading an instrument again
 * under the same code adds a version; screenings keep the version they used.
 */
@Service
@Transactional
class RiskInstruments {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	private static final Set<String> COLOURS = Set.of("GREEN", "ORANGE", "RED");

	private static final Set<String> MONITOR = Set.of("LOW", "MODERATE", "HIGH");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RiskInstruments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The instruments the current organisation may use: shipped first, then its own. */
	@Transactional(readOnly = true)
	List<RiskInstrument> all() {
		Staff.current().requireOrganisation("riskInstrument").requireCaseWork();
		return this.jdbc.sql("""
				select * from risk_instrument order by organisation_id nulls first, code, version desc
				""").query((rs, row) -> instrument(rs)).list();
	}

	@Transactional(readOnly = true)
	Optional<RiskInstrument> find(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select * from risk_instrument where id = :id")
			.param("id", id)
			.query((rs, row) -> instrument(rs))
			.optional();
	}

	/**
	 * Loads the organisation's own instrument (a coordinator): a new version when the
	 * code is already in use.
	 */
	RiskInstrument load(InstrumentInput input) {
		Staff actor = Staff.current().requireOrganisation("riskInstrument");
		if (!actor.leadsTeam()) {
			throw new AccessDeniedException("Only coordinators load instruments");
		}
		RiskInstrument instrument = validate(input);
		int version = this.jdbc.sql("""
				select coalesce(max(version), 0) + 1 from risk_instrument where organisation_id = :org and code = :code
				""")
			.param("org", actor.organisationId())
			.param("code", instrument.code())
			.query(Integer.class)
			.single();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into risk_instrument (id, organisation_id, code, version, name_nl, name_en, definition)
				values (:id, :org, :code, :version, :nameNl, :nameEn, cast(:definition as jsonb))
				""")
			.param("id", id)
			.param("org", actor.organisationId())
			.param("code", instrument.code())
			.param("version", version)
			.param("nameNl", instrument.nameNl())
			.param("nameEn", instrument.nameEn())
			.param("definition", this.json.writeValueAsString(new Definition(instrument.parts(), instrument.levels())))
			.update();
		return find(id).orElseThrow();
	}

	private RiskInstrument validate(InstrumentInput input) {
		List<DomainException> errors = new ArrayList<>();
		String code = SafetyRecords.clean(input.code());
		if (code == null || !CODE.matcher(code).matches()) {
			errors.add(new DomainException("code", "safety.instrument.code.invalid"));
		}
		String nameNl = required(input.nameNl(), "nameNl", 200, errors);
		String nameEn = required(input.nameEn(), "nameEn", 200, errors);
		List<RiskInstrument.Part> parts = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		if (input.parts() == null || input.parts().isEmpty() || input.parts().size() > 50) {
			errors.add(new DomainException("parts", "safety.instrument.parts.count"));
		}
		else {
			for (int p = 0; p < input.parts().size(); p++) {
				PartInput part = input.parts().get(p);
				String field = "parts[" + p + "]";
				if (part == null) {
					errors.add(new DomainException(field, "safety.instrument.part.required"));
					continue;
				}
				String partCode = codeOf(part.code(), field + ".code", codes, errors);
				String labelNl = required(part.labelNl(), field + ".labelNl", 200, errors);
				String labelEn = required(part.labelEn(), field + ".labelEn", 200, errors);
				List<RiskInstrument.Item> items = new ArrayList<>();
				if (part.items() == null || part.items().isEmpty() || part.items().size() > 100) {
					errors.add(new DomainException(field + ".items", "safety.instrument.items.count"));
				}
				else {
					for (int i = 0; i < part.items().size(); i++) {
						ItemInput item = part.items().get(i);
						String itemField = field + ".items[" + i + "]";
						if (item == null) {
							errors.add(new DomainException(itemField, "safety.instrument.item.required"));
							continue;
						}
						String itemCode = codeOf(item.code(), itemField + ".code", codes, errors);
						String textNl = required(item.textNl(), itemField + ".textNl", 1000, errors);
						String textEn = required(item.textEn(), itemField + ".textEn", 1000, errors);
						int weight = (item.weight() != null) ? item.weight() : 1;
						if (weight < 0 || weight > 100) {
							errors.add(new DomainException(itemField + ".weight", "safety.instrument.weight.range"));
						}
						items.add(new RiskInstrument.Item(itemCode, textNl, textEn, weight,
								Boolean.TRUE.equals(item.critical())));
					}
				}
				parts.add(new RiskInstrument.Part(partCode, labelNl, labelEn, items));
			}
		}
		List<RiskInstrument.Level> levels = new ArrayList<>();
		if (input.levels() == null || input.levels().isEmpty() || input.levels().size() > 10) {
			errors.add(new DomainException("levels", "safety.instrument.levels.count"));
		}
		else {
			Integer previous = null;
			Set<String> levelCodes = new HashSet<>();
			for (int l = 0; l < input.levels().size(); l++) {
				LevelInput level = input.levels().get(l);
				String field = "levels[" + l + "]";
				if (level == null) {
					errors.add(new DomainException(field, "safety.instrument.level.required"));
					continue;
				}
				String levelCode = codeOf(level.code(), field + ".code", levelCodes, errors);
				String labelNl = required(level.labelNl(), field + ".labelNl", 200, errors);
				String labelEn = required(level.labelEn(), field + ".labelEn", 200, errors);
				String colour = SafetyRecords.clean(level.colour());
				if (colour == null || !COLOURS.contains(colour)) {
					errors.add(new DomainException(field + ".colour", "safety.instrument.colour.invalid"));
				}
				String monitor = SafetyRecords.clean(level.monitor());
				if (monitor == null || !MONITOR.contains(monitor)) {
					errors.add(new DomainException(field + ".monitor", "safety.instrument.monitor.invalid"));
				}
				int from = (level.fromScore() != null) ? level.fromScore() : -1;
				if ((l == 0 && from != 0) || (l > 0 && (previous == null || from <= previous)) || from > 10_000) {
					errors.add(new DomainException(field + ".fromScore", "safety.instrument.fromScore.order"));
				}
				previous = from;
				levels.add(new RiskInstrument.Level(levelCode, labelNl, labelEn, colour, monitor, from,
						measures(level.measuresNl(), field + ".measuresNl", errors),
						measures(level.measuresEn(), field + ".measuresEn", errors)));
			}
		}
		DomainErrors.throwIfAny(errors);
		return new RiskInstrument(null, code, 0, nameNl, nameEn, false, parts, levels);
	}

	private static String codeOf(String value, String field, Set<String> seen, List<DomainException> errors) {
		String code = SafetyRecords.clean(value);
		if (code == null || !CODE.matcher(code).matches()) {
			errors.add(new DomainException(field, "safety.instrument.code.invalid"));
		}
		else if (!seen.add(code)) {
			errors.add(new DomainException(field, "safety.instrument.code.twice"));
		}
		return code;
	}

	private static String required(String value, String field, int max, List<DomainException> errors) {
		String text = SafetyRecords.text(value, field, max, errors);
		if (text == null) {
			errors.add(new DomainException(field, "safety.instrument.text.required"));
		}
		return text;
	}

	private static List<String> measures(List<String> values, String field, List<DomainException> errors) {
		List<String> measures = new ArrayList<>();
		if (values == null) {
			return measures;
		}
		if (values.size() > 20) {
			errors.add(new DomainException(field, "safety.instrument.measures.count"));
			return measures;
		}
		for (String value : values) {
			String text = SafetyRecords.text(value, field, 500, errors);
			if (text != null) {
				measures.add(text);
			}
		}
		return measures;
	}

	private RiskInstrument instrument(java.sql.ResultSet rs) throws java.sql.SQLException {
		Definition definition = this.json.readValue(rs.getString("definition"), Definition.class);
		return new RiskInstrument(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"),
				rs.getString("name_nl"), rs.getString("name_en"), rs.getObject("organisation_id") == null,
				definition.parts(), definition.levels());
	}

	/** What the column {@code definition} holds. */
	record Definition(List<RiskInstrument.Part> parts, List<RiskInstrument.Level> levels) {
	}

	/**
	 * An organisation's own instrument as the API takes it: {@code code} (capitals,
	 * digits, underscores), names in Dutch and English, 1–50 parts of 1–100 questions or
	 * factors (codes unique in the instrument, {@code weight} 0–100, default 1,
	 * {@code critical} a red flag), and 1–10 levels in rising order ({@code fromScore} 0
	 * for the first, then rising), each with {@code colour} {@code GREEN} /
	 * {@code ORANGE} / {@code RED}, {@code monitor} {@code LOW} / {@code MODERATE} /
	 * {@code HIGH}, and up to 20 measures per language.
	 */
	record InstrumentInput(String code, String nameNl, String nameEn, List<PartInput> parts, List<LevelInput> levels) {
	}

	/** A part of an instrument as the API takes it. */
	record PartInput(String code, String labelNl, String labelEn, List<ItemInput> items) {
	}

	/** A question or factor as the API takes it. */
	record ItemInput(String code, String textNl, String textEn, Integer weight, Boolean critical) {
	}

	/** A level as the API takes it. */
	record LevelInput(String code, String labelNl, String labelEn, String colour, String monitor, Integer fromScore,
			List<String> measuresNl, List<String> measuresEn) {
	}

}
