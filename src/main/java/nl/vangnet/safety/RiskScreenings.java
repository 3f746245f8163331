package nl.vangnet.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.household.Family;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk screenings of a family's members on an instrument: the answers lead to a computed
 * level; the professional may override it with a reason; each level asks for its
 * measures; the review date puts re-screening on the worklist. Case work of the
 * organisation that owns the household; every view and change is in the access trail.
 */
@Service
@Transactional
class RiskScreenings {

	/** A review this many days ahead (or past) puts re-screening on the worklist. */
	static final int REVIEW_DUE_DAYS = 7;

	private final JdbcClient jdbc;

	private final SafetyRecords records;

	private final RiskInstruments instruments;

	private final AccountApi accounts;

	private final AccessTrail trail;

	private final JsonMapper json;

	private final Clock clock;

	RiskScreenings(JdbcClient jdbc, SafetyRecords records, RiskInstruments instruments, AccountApi accounts,
			AccessTrail trail, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.instruments = instruments;
		this.accounts = accounts;
		this.trail = trail;
		this.json = json;
		this.clock = clock;
	}

	/** The family's screenings, the latest first; a view in the access trail. */
	List<ScreeningView> ofHousehold(UUID householdId) {
		Family family = this.records.caseWork(householdId);
		this.trail.record(AccessAction.VIEW, AccessSubject.household(householdId));
		return screenings(family);
	}

	/** The latest screening of the family, for the top of the dossier (no trail row). */
	@Transactional(readOnly = true)
	Optional<ScreeningView> latest(Family family) {
		List<ScreeningView> all = screenings(family);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
	}

	/**
	 * Records a screening. For an own screening every question is answered ({@code YES},
	 * {@code NO} or {@code UNKNOWN}); a screening of the police or Veilig Thuis may bring
	 * only its level. A level other than the computed one needs a reason.
	 */
	ScreeningView record(UUID householdId, ScreeningInput input) {
		Staff actor = Staff.current();
		Family family = this.records.caseWork(householdId);
		List<DomainException> errors = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		Family.FamilyMember member = null;
		String ref = SafetyRecords.clean(input.member());
		if (ref == null) {
			errors.add(new DomainException("member", "safety.screening.member.required"));
		}
		else {
			member = family.members().stream().filter((m) -> m.ref().equals(ref)).findFirst().orElse(null);
			if (member == null) {
				errors.add(new DomainException("member", "safety.screening.member.unknown"));
			}
		}
		RiskInstrument instrument = null;
		if (input.instrument() == null) {
			errors.add(new DomainException("instrument", "safety.screening.instrument.required"));
		}
		else {
			instrument = this.instruments.find(input.instrument()).orElse(null);
			if (instrument == null) {
				errors.add(new DomainException("instrument", "safety.screening.instrument.unknown"));
			}
		}
		String source = SafetyRecords.clean(input.source());
		if (source == null) {
			source = "OWN";
		}
		else if (!List.of("OWN", "POLICE", "SAFE_HOME").contains(source)) {
			errors.add(new DomainException("source", "safety.screening.source.invalid"));
		}
		LocalDate on = (input.screenedOn() != null) ? input.screenedOn() : today;
		if (on.isAfter(today)) {
			errors.add(new DomainException("screenedOn", "safety.screening.screenedOn.future"));
		}
		if (input.reviewOn() != null && input.reviewOn().isBefore(on)) {
			errors.add(new DomainException("reviewOn", "safety.screening.reviewOn.beforeScreening"));
		}
		String reason = SafetyRecords.text(input.overrideReason(), "overrideReason", 2000, errors);
		String note = SafetyRecords.text(input.note(), "note", 2000, errors);
		Map<String, String> answers = new LinkedHashMap<>();
		RiskInstrument.Level computed = null;
		RiskInstrument.Level level = null;
		Integer score = null;
		if (instrument != null) {
			Map<String, String> given = (input.answers() != null) ? input.answers() : Map.of();
			List<String> known = instrument.items().stream().map(RiskInstrument.Item::code).toList();
			List<String> unknown = given.keySet().stream().filter((k) -> !known.contains(k)).sorted().toList();
			if (!unknown.isEmpty()) {
				errors.add(new DomainException("answers", "safety.screening.answers.unknownItems",
						String.join(", ", unknown)));
			}
			List<String> invalid = new ArrayList<>();
			for (String code : known) {
				String answer = SafetyRecords.clean(given.get(code));
				if (answer != null && !RiskInstrument.ANSWERS.contains(answer)) {
					invalid.add(code);
				}
				else if (answer != null) {
					answers.put(code, answer);
				}
			}
			if (!invalid.isEmpty()) {
				errors.add(
						new DomainException("answers", "safety.screening.answers.invalid", String.join(", ", invalid)));
			}
			List<String> missing = known.stream().filter((k) -> !answers.containsKey(k)).toList();
			boolean external = !"OWN".equals(source);
			if (!answers.isEmpty() || !external) {
				if (!missing.isEmpty() && invalid.isEmpty()) {
					errors.add(new DomainException("answers", "safety.screening.answers.missing",
							String.join(", ", missing)));
				}
				computed = instrument.levelOf(answers);
				score = instrument.score(answers);
			}
			String override = SafetyRecords.clean(input.level());
			if (override != null) {
				level = instrument.level(override).orElse(null);
				if (level == null) {
					errors.add(new DomainException("level", "safety.screening.level.unknown"));
				}
			}
			else {
				level = computed;
			}
			if (level == null && override == null) {
				errors.add(new DomainException("level", "safety.screening.level.required"));
			}
			if (level != null && computed != null && !level.code().equals(computed.code()) && reason == null) {
				errors.add(new DomainException("overrideReason", "safety.screening.overrideReason.required"));
			}
		}
		DomainErrors.throwIfAny(errors);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into risk_screening (id, household_id, organisation_id, member_id, instrument_id, screened_on,
				                            assessor, source, answers, score, computed_level, level, monitor_level,
				                            override_reason, review_on, note)
				values (:id, :household, :org, :member, :instrument, :on, :assessor, :source, cast(:answers as jsonb),
				        :score, :computed, :level, :monitor, :reason, :review, :note)
				""")
			.param("id", id)
			.param("household", householdId)
			.param("org", actor.organisationId())
			.param("member", member.id())
			.param("instrument", instrument.id())
			.param("on", on)
			.param("assessor", actor.userId())
			.param("source", source)
			.param("answers", this.json.writeValueAsString(answers))
			.param("score", score)
			.param("computed", (computed != null) ? computed.code() : null)
			.param("level", level.code())
			.param("monitor", level.monitor())
			.param("reason", reason)
			.param("review", input.reviewOn())
			.param("note", note)
			.update();
		this.trail.record(AccessAction.CREATE, AccessSubject.household(householdId));
		return screenings(family).stream().filter((s) -> s.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Per household of the organisation: the review date of its latest screening, when it
	 * is due within {@value #REVIEW_DUE_DAYS} days or past.
	 */
	@Transactional(readOnly = true)
	Map<UUID, LocalDate> reviewsDue() {
		Staff actor = Staff.current().requireOrganisation("household");
		Map<UUID, LocalDate> due = new HashMap<>();
		this.jdbc.sql("""
				select s.household_id, min(s.review_on) as review_on from risk_screening s
				where s.organisation_id = :org and s.review_on <= :soon
				  and not exists (select 1 from risk_screening l where l.household_id = s.household_id
				                    and (l.screened_on, l.recorded_at) > (s.screened_on, s.recorded_at))
				group by s.household_id
				""")
			.param("org", actor.organisationId())
			.param("soon", LocalDate.now(this.clock).plusDays(REVIEW_DUE_DAYS))
			.query((rs) -> {
				due.put(rs.getObject("household_id", UUID.class), rs.getObject("review_on", LocalDate.class));
			});
		return due;
	}

	private List<ScreeningView> screenings(Family family) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<UUID, String> names = staffNames();
		Map<UUID, Family.FamilyMember> members = family.members()
			.stream()
			.collect(Collectors.toMap(Family.FamilyMember::id, (m) -> m));
		Map<UUID, RiskInstrument> instruments = new HashMap<>();
		return this.jdbc.sql("""
				select * from risk_screening where household_id = :h order by screened_on desc, recorded_at desc
				""").param("h", family.id()).query((rs, row) -> {
			UUID instrumentId = rs.getObject("instrument_id", UUID.class);
			RiskInstrument instrument = instruments.computeIfAbsent(instrumentId,
					(i) -> this.instruments.find(i).orElseThrow());
			RiskInstrument.Level level = instrument.level(rs.getString("level")).orElseThrow();
			String computedCode = rs.getString("computed_level");
			RiskInstrument.Level computed = (computedCode != null) ? instrument.level(computedCode).orElse(null) : null;
			Family.FamilyMember member = members.get(rs.getObject("member_id", UUID.class));
			Map<String, String> answers = this.json.readValue(rs.getString("answers"),
					new TypeReference<Map<String, String>>() {
					});
			Integer score = rs.getObject("score", Integer.class);
			return new ScreeningView(rs.getObject("id", UUID.class), (member != null) ? member.ref() : null,
					(member != null) ? member.name() : null, instrument.id(), instrument.code(), instrument.version(),
					instrument.name(locale), rs.getObject("screened_on", LocalDate.class),
					rs.getObject("assessor", UUID.class), names.get(rs.getObject("assessor", UUID.class)),
					rs.getString("source"), answers, score, (computed != null) ? computed.code() : null, level.code(),
					level.label(locale), level.colour(), level.monitor(), level.measures(locale),
					rs.getString("override_reason"), rs.getObject("review_on", LocalDate.class), rs.getString("note"));
		}).list();
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
	 * A screening as the API and the form send it: {@code member} the screened member's
	 * {@code ref}; {@code instrument} the id of an instrument of
	 * {@code GET /api/v1/risk-instruments}; {@code source} {@code OWN} (default),
	 * {@code POLICE} or {@code SAFE_HOME} (Veilig Thuis); {@code answers} per question
	 * code {@code YES}, {@code NO} or {@code UNKNOWN} (all of them for an own screening);
	 * {@code level} a level code to override the computed one, with
	 * {@code overrideReason}; {@code reviewOn} when to screen again.
	 */
	record ScreeningInput(String member, UUID instrument, LocalDate screenedOn, String source,
			Map<String, String> answers, String level, String overrideReason, LocalDate reviewOn, String note) {
	}

	/**
	 * A screening: the level in words ({@code levelLabel}) and colour, with its place on
	 * the monitor's scale and the measures it asks for; {@code computedLevel} the level
	 * the answers led to ({@code null} for an external screening without answers).
	 */
	record ScreeningView(UUID id, String member, String memberName, UUID instrument, String instrumentCode,
			int instrumentVersion, String instrumentName, LocalDate screenedOn, UUID assessor, String assessorName,
			String source, Map<String, String> answers, Integer score, String computedLevel, String level,
			String levelLabel, String colour, String monitorLevel, List<String> measures, String overrideReason,
			LocalDate reviewOn, String note) {

		/** Whether the professional's judgement overrode the computed level. */
		public boolean overridden() {
			return this.computedLevel != null && !this.computedLevel.equals(this.level);
		}

	}

}
