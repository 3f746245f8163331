package nl.vangnet.cooperation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regions, kept by administrators: "a region is a set of districts that an administrator
 * defines, or the whole installation until one is defined". A district lies in at most
 * one region. Every change puts each partner of the who-does-what map in the region of
 * the organisation that keeps it (or the whole installation), in the same transaction;
 * PostgreSQL's policy on {@code partner} then shows an organisation the partners of its
 * regions and those of the whole installation.
 */
@Service
@Transactional
class Regions {

	static final int NAME_MAX = 200;

	static final int DISTRICT_MAX = 100;

	static final int DISTRICTS_MAX = 500;

	private final JdbcClient jdbc;

	private final OrganisationApi organisations;

	Regions(JdbcClient jdbc, OrganisationApi organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	@Transactional(readOnly = true)
	List<Region> all() {
		requireAdministrator();
		return this.jdbc.sql("select id from region order by lower(name), id")
			.query(UUID.class)
			.list()
			.stream()
			.map((id) -> find(id).orElseThrow())
			.toList();
	}

	@Transactional(readOnly = true)
	Region get(UUID id) {
		requireAdministrator();
		return find(id).orElseThrow(() -> new NotFoundException("region"));
	}

	Region define(RegionInput input) {
		requireAdministrator();
		Valid valid = validate(input, null);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into region (id, name, version) values (:id, :name, 0)")
			.param("id", id)
			.param("name", valid.name())
			.update();
		districts(id, valid.districts());
		assignPartners();
		return find(id).orElseThrow();
	}

	Region change(UUID id, RegionInput input) {
		requireAdministrator();
		Region current = find(id).orElseThrow(() -> new NotFoundException("region"));
		if (input.version() == null) {
			throw new DomainException("version", "region.version.required");
		}
		if (input.version() != current.version()) {
			throw conflict(input, current);
		}
		Valid valid = validate(input, id);
		int updated = this.jdbc
			.sql("update region set name = :name, version = version + 1 where id = :id and version = :version")
			.param("id", id)
			.param("name", valid.name())
			.param("version", input.version())
			.update();
		if (updated == 0) {
			throw conflict(input, find(id).orElseThrow(() -> new NotFoundException("region")));
		}
		this.jdbc.sql("delete from region_district where region_id = :id").param("id", id).update();
		districts(id, valid.districts());
		assignPartners();
		return find(id).orElseThrow();
	}

	/**
	 * Removes the region: its partners belong to the region of their keeper again, or to
	 * the whole installation. With a {@code version}, only if nobody changed it since.
	 */
	void remove(UUID id, Integer version) {
		requireAdministrator();
		Region current = find(id).orElseThrow(() -> new NotFoundException("region"));
		if (version != null && version != current.version()) {
			throw new ConflictException(current.version(), List.of());
		}
		this.jdbc.sql("delete from region_district where region_id = :id").param("id", id).update();
		assignPartners();
		this.jdbc.sql("delete from region where id = :id").param("id", id).update();
	}

	private void assignPartners() {
		this.jdbc.sql("select vangnet_assign_partner_regions()").query(Integer.class).single();
	}

	private void districts(UUID id, List<String> districts) {
		for (String district : districts) {
			this.jdbc.sql("insert into region_district (region_id, name) values (:id, :name)")
				.param("id", id)
				.param("name", district)
				.update();
		}
	}

	private static ConflictException conflict(RegionInput sent, Region now) {
		return Differences.labelled("region.")
			.text("name", sent.name(), now.name())
			.text("districts", (sent.districts() != null) ? String.join(", ", sent.districts()) : null,
					String.join(", ", now.districts()))
			.conflict(now.version());
	}

	Optional<Region> find(UUID id) {
		return this.jdbc.sql("select id, name, version from region where id = :id")
			.param("id", id)
			.query((rs, row) -> new Object[] { rs.getString("name"), rs.getInt("version") })
			.optional()
			.map((r) -> {
				List<String> districts = this.jdbc
					.sql("select name from region_district where region_id = :id order by lower(name)")
					.param("id", id)
					.query(String.class)
					.list();
				Set<String> names = new HashSet<>(districts);
				List<String> codes = this.organisations.all()
					.stream()
					.filter((o) -> o.districts().stream().anyMatch(names::contains))
					.map(OrganisationSummary::code)
					.sorted()
					.toList();
				int partners = this.jdbc.sql("select vangnet_region_partners(:id)")
					.param("id", id)
					.query(Integer.class)
					.single();
				return new Region(id, (String) r[0], districts, codes, partners, (Integer) r[1]);
			});
	}

	private Valid validate(RegionInput input, UUID self) {
		List<DomainException> errors = new ArrayList<>();
		String name = Partners.clean(input.name());
		if (name == null) {
			errors.add(new DomainException("name", "region.name.required"));
		}
		else if (name.length() > NAME_MAX) {
			errors.add(new DomainException("name", "partner.tooLong", NAME_MAX));
		}
		else if (this.jdbc.sql(
				"select count(*) from region where lower(name) = lower(:name) and (cast(:self as uuid) is null or id <> :self)")
			.param("name", name)
			.param("self", self)
			.query(Integer.class)
			.single() > 0) {
			errors.add(new DomainException("name", "region.name.taken", name));
		}
		List<String> districts = new ArrayList<>();
		List<String> given = (input.districts() != null) ? input.districts() : List.of();
		if (given.size() > DISTRICTS_MAX) {
			errors.add(new DomainException("districts", "region.districts.tooMany", DISTRICTS_MAX));
			given = List.of();
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String district = Partners.clean(given.get(i));
			String field = "districts[" + i + "]";
			if (district == null) {
				continue;
			}
			if (district.length() > DISTRICT_MAX) {
				errors.add(new DomainException(field, "partner.tooLong", DISTRICT_MAX));
				continue;
			}
			if (!seen.add(district.toLowerCase(Locale.ROOT))) {
				continue;
			}
			this.jdbc.sql("""
					select r.name from region_district d join region r on r.id = d.region_id
					where d.name = :district and (cast(:self as uuid) is null or r.id <> :self)
					""")
				.param("district", district)
				.param("self", self)
				.query(String.class)
				.optional()
				.ifPresent((other) -> errors
					.add(new DomainException(field, "region.district.elsewhere", district, other)));
			districts.add(district);
		}
		if (districts.isEmpty() && errors.stream().noneMatch((e) -> e.field().startsWith("districts"))) {
			errors.add(new DomainException("districts", "region.districts.required"));
		}
		DomainErrors.throwIfAny(errors);
		return new Valid(name, districts);
	}

	private static Staff requireAdministrator() {
		Staff actor = Staff.current();
		if (!actor.administers()) {
			throw new AccessDeniedException("Administrators keep the regions");
		}
		return actor;
	}

	/**
	 * @param districts the district names, as typed (blank ones left out)
	 */
	record RegionInput(String name, List<String> districts, Integer version) {
	}

	private record Valid(String name, List<String> districts) {
	}

}
