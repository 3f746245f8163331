package nl.vangnet.cooperation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The who-does-what map (sociale kaart): partners per life domain and district, shared by
 * the organisations of a region (PostgreSQL's policy on {@code partner} decides which
 * ones a transaction sees), kept by coordinators, searchable by domain, district and
 * word.
 */
@Service
@Transactional
class Partners {

	private static final int MAX_RESULTS = 200;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");

	private final JdbcClient jdbc;

	private final OrganisationApi organisations;

	private final LifeDomainApi lifeDomains;

	Partners(JdbcClient jdbc, OrganisationApi organisations, LifeDomainApi lifeDomains) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.lifeDomains = lifeDomains;
	}

	/**
	 * The partners the caller's region shares, matching every criterion given: a monitor
	 * code (a partner for a sub-domain counts for its parent and the other way round), a
	 * district (a partner without districts works everywhere) and a word in its name, how
	 * to refer or notes.
	 */
	@Transactional(readOnly = true)
	List<Partner> search(String domain, String district, String q) {
		Staff.current().requireOrganisation("partner");
		String word = (q != null && !q.isBlank()) ? "%" + q.strip().toLowerCase(Locale.ROOT) + "%" : null;
		return this.jdbc
			.sql("""
					select p.*, o.code as organisation_code from partner p left join organisation_directory o on o.id = p.organisation_id
					where (cast(:domain as varchar) is null or exists (select 1 from unnest(p.domains) d
					         where d = :domain or d like :domain || '.%' or :domain like d || '.%'))
					  and (cast(:district as varchar) is null or cardinality(p.districts) = 0 or :district = any (p.districts))
					  and (cast(:word as varchar) is null or lower(p.name) like :word or lower(coalesce(p.how_to_refer, '')) like :word
					       or lower(coalesce(p.notes, '')) like :word)
					order by lower(p.name), p.id limit :limit
					""")
			.param("domain", blankToNull(domain))
			.param("district", blankToNull(district))
			.param("word", word)
			.param("limit", MAX_RESULTS)
			.query(Partners::partner)
			.list();
	}

	@Transactional(readOnly = true)
	Partner get(UUID id) {
		Staff.current().requireOrganisation("partner");
		return find(id).orElseThrow(() -> new NotFoundException("partner"));
	}

	Optional<Partner> find(UUID id) {
		return this.jdbc
			.sql("""
					select p.*, o.code as organisation_code from partner p left join organisation_directory o on o.id = p.organisation_id
					where p.id = :id
					""")
			.param("id", id)
			.query(Partners::partner)
			.optional();
	}

	/** The partner that is this Vangnet organisation, if the region's map has one. */
	Optional<Partner> ofOrganisation(UUID organisationId) {
		return this.jdbc
			.sql("""
					select p.*, o.code as organisation_code from partner p join organisation_directory o on o.id = p.organisation_id
					where p.organisation_id = :org order by p.created_at limit 1
					""")
			.param("org", organisationId)
			.query(Partners::partner)
			.optional();
	}

	Partner add(PartnerInput input) {
		Staff actor = Partners.requireKeeper(Staff.current().requireOrganisation("partner"));
		Valid valid = validate(input);
		UUID id = UUID.randomUUID();
		UUID region = this.jdbc.sql("""
				select rd.region_id from region_district rd join organisation_district_directory od on od.name = rd.name
				where od.organisation_id = :org order by od.position limit 1
				""").param("org", actor.organisationId()).query(UUID.class).optional().orElse(null);
		this.jdbc
			.sql("""
					insert into partner (id, region_id, name, kind, organisation_id, domains, districts, phone, email,
					                     how_to_refer, languages, notes, kept_by_organisation_id, version)
					values (:id, :region, :name, :kind, :organisation, :domains, :districts, :phone, :email, :how, :languages,
					        :notes, :keeper, 0)
					""")
			.param("id", id)
			.param("region", region)
			.param("keeper", actor.organisationId())
			.params(valid.values())
			.update();
		return find(id).orElseThrow();
	}

	Partner change(UUID id, PartnerInput input) {
		Partners.requireKeeper(Staff.current().requireOrganisation("partner"));
		Partner current = find(id).orElseThrow(() -> new NotFoundException("partner"));
		if (input.version() == null) {
			throw new DomainException("version", "partner.version.required");
		}
		if (input.version() != current.version()) {
			throw new ConflictException(current.version(), List.of());
		}
		Valid valid = validate(input);
		int updated = this.jdbc
			.sql("""
					update partner set name = :name, kind = :kind, organisation_id = :organisation, domains = :domains,
					       districts = :districts, phone = :phone, email = :email, how_to_refer = :how, languages = :languages,
					       notes = :notes, updated_at = now(), version = version + 1
					where id = :id and version = :version
					""")
			.param("id", id)
			.param("version", input.version())
			.params(valid.values())
			.update();
		Partner now = find(id).orElseThrow(() -> new NotFoundException("partner"));
		if (updated == 0) {
			throw new ConflictException(now.version(), differences(current, now));
		}
		return now;
	}

	/** The partners as options of a form, labelled with their name and kind. */
	@Transactional(readOnly = true)
	List<Partner> all() {
		return search(null, null, null);
	}

	private static List<ConflictException.Change> differences(Partner before, Partner now) {
		List<ConflictException.Change> changes = new ArrayList<>();
		if (!Objects.equals(before.name(), now.name())) {
			changes.add(new ConflictException.Change("name", before.name(), now.name(), "partner.name", null, false));
		}
		return changes;
	}

	private Valid validate(PartnerInput input) {
		List<DomainException> errors = new ArrayList<>();
		String name = clean(input.name());
		if (name == null) {
			errors.add(new DomainException("name", "partner.name.required"));
		}
		else if (name.length() > 200) {
			errors.add(new DomainException("name", "partner.tooLong", 200));
		}
		PartnerKind kind = null;
		if (clean(input.kind()) == null) {
			errors.add(new DomainException("kind", "partner.kind.required"));
		}
		else {
			try {
				kind = PartnerKind.valueOf(input.kind().strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new DomainException("kind", "partner.kind.invalid"));
			}
		}
		UUID organisation = null;
		if (clean(input.organisation()) != null) {
			Optional<OrganisationSummary> found = this.organisations.byCode(input.organisation());
			if (found.isEmpty()) {
				errors.add(new DomainException("organisation", "organisation.unknown", input.organisation()));
			}
			else {
				organisation = found.get().id();
			}
		}
		Set<String> codes = monitorCodes();
		for (int i = 0; i < input.domains().size(); i++) {
			if (!codes.contains(input.domains().get(i))) {
				errors.add(new DomainException("domains[" + i + "]", "partner.domain.invalid", input.domains().get(i)));
			}
		}
		for (int i = 0; i < input.districts().size(); i++) {
			if (input.districts().get(i).length() > 100) {
				errors.add(new DomainException("districts[" + i + "]", "partner.tooLong", 100));
			}
		}
		for (int i = 0; i < input.languages().size(); i++) {
			if (!LANGUAGE.matcher(input.languages().get(i)).matches()) {
				errors.add(new DomainException("languages[" + i + "]", "partner.language.invalid"));
			}
		}
		String phone = clean(input.phone());
		if (phone != null && phone.length() > 50) {
			errors.add(new DomainException("phone", "partner.tooLong", 50));
		}
		String email = clean(input.email());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			errors.add(new DomainException("email", "partner.email.invalid"));
		}
		String how = clean(input.howToRefer());
		if (how != null && how.length() > 1000) {
			errors.add(new DomainException("howToRefer", "partner.tooLong", 1000));
		}
		String notes = clean(input.notes());
		if (notes != null && notes.length() > 2000) {
			errors.add(new DomainException("notes", "partner.tooLong", 2000));
		}
		DomainErrors.throwIfAny(errors);
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("name", name);
		params.put("kind", kind.name());
		params.put("organisation", organisation);
		params.put("domains", input.domains().toArray(String[]::new));
		params.put("districts", input.districts().toArray(String[]::new));
		params.put("phone", phone);
		params.put("email", email);
		params.put("how", how);
		params.put("languages", input.languages().toArray(String[]::new));
		params.put("notes", notes);
		return new Valid(params);
	}

	Set<String> monitorCodes() {
		return this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.collect(Collectors.toSet());
	}

	/** Coordinators keep the partners (and the system, for the demo). */
	static Staff requireKeeper(Staff actor) {
		if (!actor.leadsTeam() && !actor.isSystem()) {
			throw new org.springframework.security.access.AccessDeniedException("Coordinators keep the partners");
		}
		return actor;
	}

	static String clean(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String blankToNull(String value) {
		return clean(value);
	}

	static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private static Partner partner(ResultSet rs, int row) throws SQLException {
		return new Partner(rs.getObject("id", UUID.class), rs.getString("name"),
				PartnerKind.valueOf(rs.getString("kind")), rs.getString("organisation_code"), strings(rs, "domains"),
				strings(rs, "districts"), rs.getString("phone"), rs.getString("email"), rs.getString("how_to_refer"),
				strings(rs, "languages"), rs.getString("notes"), rs.getInt("version"));
	}

	private record Valid(Map<String, Object> values) {
	}

}
