package nl.vangnet.lifedomain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes frameworks, scales and instruments: small reference tables, read
 * whole.
 */
@Repository
class LifeDomainCatalog {

	private final JdbcClient jdbc;

	private final OrganisationApi organisations;

	LifeDomainCatalog(JdbcClient jdbc, OrganisationApi organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	List<Framework> frameworks() {
		Map<UUID, String> codes = new java.util.HashMap<>();
		Map<UUID, List<Framework.Domain>> domains = new LinkedHashMap<>();
		this.jdbc.sql("""
				select framework_id, code, parent_code, label_nl, label_en, monitor_code, other_monitor_codes
				from framework_domain order by framework_id, position
				""").query((rs) -> {
			domains.computeIfAbsent(rs.getObject("framework_id", UUID.class), (id) -> new ArrayList<>())
				.add(new Framework.Domain(rs.getString("code"), rs.getString("parent_code"), rs.getString("label_nl"),
						rs.getString("label_en"), rs.getString("monitor_code"),
						List.of((String[]) rs.getArray("other_monitor_codes").getArray())));
		});
		return this.jdbc.sql("""
				select f.id, f.code, f.name_nl, f.name_en, f.builtin, f.organisation_id
				from framework f order by f.builtin desc, f.name_nl
				""")
			.query((rs, row) -> new Framework(rs.getString("code"), rs.getString("name_nl"), rs.getString("name_en"),
					rs.getBoolean("builtin"),
					codes.computeIfAbsent(rs.getObject("organisation_id", UUID.class),
							(id) -> (id != null)
									? this.organisations.byId(id).map(OrganisationSummary::code).orElse(null) : null),
					domains.getOrDefault(rs.getObject("id", UUID.class), List.of())))
			.list();
	}

	Optional<Framework> framework(String code) {
		return frameworks().stream().filter((framework) -> framework.code().equals(code)).findFirst();
	}

	List<Scale> scales() {
		Map<String, List<Scale.Level>> levels = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.code, l.value, l.label_nl, l.label_en
				from scale_level l join scale s on s.id = l.scale_id order by s.code, l.value
				""").query((rs) -> {
			levels.computeIfAbsent(rs.getString("code"), (code) -> new ArrayList<>())
				.add(new Scale.Level(rs.getInt("value"), rs.getString("label_nl"), rs.getString("label_en")));
		});
		return this.jdbc.sql("select code, name_nl, name_en, allows_not_applicable from scale order by code")
			.query((rs, row) -> new Scale(rs.getString("code"), rs.getString("name_nl"), rs.getString("name_en"),
					rs.getBoolean("allows_not_applicable"), levels.getOrDefault(rs.getString("code"), List.of())))
			.list();
	}

	List<Instrument> instruments() {
		Map<String, Framework> frameworks = new LinkedHashMap<>();
		frameworks().forEach((framework) -> frameworks.put(framework.code(), framework));
		Map<String, Scale> scales = new LinkedHashMap<>();
		scales().forEach((scale) -> scales.put(scale.code(), scale));
		return this.jdbc.sql("""
				select i.code, i.name_nl, i.name_en, f.code as framework, s.code as scale
				from instrument i join framework f on f.id = i.framework_id join scale s on s.id = i.scale_id
				order by i.code
				""")
			.query((rs, row) -> new Instrument(rs.getString("code"), rs.getString("name_nl"), rs.getString("name_en"),
					frameworks.get(rs.getString("framework")), scales.get(rs.getString("scale"))))
			.list();
	}

	void add(Framework framework, UUID organisationId) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into framework (id, code, name_nl, name_en, builtin, organisation_id)
				values (:id, :code, :nameNl, :nameEn, false, :organisation)
				""")
			.param("id", id)
			.param("code", framework.code())
			.param("nameNl", framework.nameNl())
			.param("nameEn", framework.nameEn())
			.param("organisation", organisationId)
			.update();
		int position = 0;
		for (Framework.Domain domain : framework.domains()) {
			this.jdbc.sql("""
					insert into framework_domain (framework_id, code, parent_code, label_nl, label_en, monitor_code,
					  other_monitor_codes, position)
					values (:framework, :code, :parent, :nl, :en, :monitor, string_to_array(:others, ','), :position)
					""")
				.param("framework", id)
				.param("code", domain.code())
				.param("parent", domain.parentCode())
				.param("nl", domain.labelNl())
				.param("en", domain.labelEn())
				.param("monitor", domain.monitorCode())
				.param("others", String.join(",", domain.otherMonitorCodes()))
				.param("position", ++position)
				.update();
		}
	}

	Optional<String> frameworkCodeOf(UUID organisationId) {
		return this.jdbc.sql("""
				select f.code from organisation_framework o join framework f on f.id = o.framework_id
				where o.organisation_id = :organisation
				""").param("organisation", organisationId).query(String.class).optional();
	}

	void choose(UUID organisationId, String frameworkCode) {
		this.jdbc.sql("""
				insert into organisation_framework (organisation_id, framework_id)
				select :organisation, id from framework where code = :code
				on conflict (organisation_id) do update set framework_id = excluded.framework_id, chosen_at = now()
				""").param("organisation", organisationId).param("code", frameworkCode).update();
	}

}
