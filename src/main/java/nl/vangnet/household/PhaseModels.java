package nl.vangnet.household;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phase models seeded by the migrations, and the one each organisation chose. The
 * models are reference data that only a migration changes, so they are read once.
 */
@Component
class PhaseModels {

	private final JdbcClient jdbc;

	private volatile Map<String, PhaseModel> models;

	PhaseModels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every model by its code, in their order.
	 */
	Map<String, PhaseModel> all() {
		Map<String, PhaseModel> loaded = this.models;
		if (loaded == null) {
			loaded = load();
			this.models = loaded;
		}
		return loaded;
	}

	Optional<PhaseModel> model(String code) {
		return Optional.ofNullable(all().get(code));
	}

	Optional<Phase> phase(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return all().values()
			.stream()
			.flatMap((m) -> m.phases().stream())
			.filter((p) -> p.code().equals(code))
			.findFirst();
	}

	/**
	 * The model the organisation works with: its choice, or the five flexible phases.
	 * Reads in the caller's transaction, or a transaction of its own (the choice is the
	 * organisation's own row, under row-level security).
	 */
	@Transactional(readOnly = true)
	public PhaseModel chosenBy(UUID organisationId) {
		String code = this.jdbc
			.sql("select model_code from organisation_phase_model where organisation_id = :organisation")
			.param("organisation", organisationId)
			.query(String.class)
			.optional()
			.orElse(PhaseModel.DEFAULT);
		return all().get(code);
	}

	/**
	 * The organisation works with this model from now on; running trajectories keep the
	 * model they started with.
	 */
	@Transactional
	public void choose(UUID organisationId, String modelCode) {
		this.jdbc
			.sql("""
					insert into organisation_phase_model (organisation_id, model_code, version) values (:organisation, :model, 0)
					on conflict (organisation_id) do update set model_code = excluded.model_code, chosen_at = now(),
					  version = organisation_phase_model.version + 1
					""")
			.param("organisation", organisationId)
			.param("model", modelCode)
			.update();
	}

	private Map<String, PhaseModel> load() {
		List<Phase> phases = this.jdbc
			.sql("select code, model_code, position, label_nl, label_en from phase order by model_code, position")
			.query((rs, row) -> new Phase(rs.getString("code"), rs.getString("model_code"), rs.getInt("position"),
					rs.getString("label_nl"), rs.getString("label_en")))
			.list();
		Map<String, PhaseModel> result = new LinkedHashMap<>();
		this.jdbc.sql("select code, position, label_nl, label_en from phase_model order by position")
			.query((rs, row) -> {
				String code = rs.getString("code");
				List<Phase> own = new ArrayList<>(phases.stream().filter((p) -> p.model().equals(code)).toList());
				return new PhaseModel(code, rs.getInt("position"), rs.getString("label_nl"), rs.getString("label_en"),
						own);
			})
			.list()
			.forEach((model) -> result.put(model.code(), model));
		return Collections.unmodifiableMap(result);
	}

}
