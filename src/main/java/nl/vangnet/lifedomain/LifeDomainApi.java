package nl.vangnet.lifedomain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Life-domain frameworks, scales and instruments, and which framework each organisation
 * works with.
 */
@Service
@Transactional(readOnly = true)
public class LifeDomainApi {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private static final Pattern DOMAIN_CODE = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?");

	private final LifeDomainCatalog catalog;

	private final OrganisationApi organisations;

	LifeDomainApi(LifeDomainCatalog catalog, OrganisationApi organisations) {
		this.catalog = catalog;
		this.organisations = organisations;
	}

	public List<Framework> frameworks() {
		return this.catalog.frameworks();
	}

	public Framework framework(String code) {
		return this.catalog.framework(code).orElseThrow(() -> new NotFoundException("framework"));
	}

	/** The monitor framework (seed 004, Tabel 1.1). */
	public Framework monitorFramework() {
		return framework(Framework.MONITOR);
	}

	/**
	 * The framework the organisation works with: its choice, else the monitor framework.
	 */
	public Framework frameworkOf(UUID organisationId) {
		return this.catalog.frameworkCodeOf(organisationId).map(this::framework).orElseGet(this::monitorFramework);
	}

	/** The frameworks an organisation may choose: the shared ones and its own. */
	public List<Framework> choicesFor(String organisationCode) {
		return frameworks().stream()
			.filter((framework) -> framework.organisation() == null
					|| framework.organisation().equals(organisationCode))
			.toList();
	}

	@Transactional
	public void choose(UUID organisationId, String organisationCode, String frameworkCode) {
		Framework framework = this.catalog.framework(frameworkCode)
			.filter((f) -> f.organisation() == null || f.organisation().equals(organisationCode))
			.orElseThrow(() -> new DomainException("framework", "framework.unknown", frameworkCode));
		this.catalog.choose(organisationId, framework.code());
	}

	public List<Scale> scales() {
		return this.catalog.scales();
	}

	public Scale scale(String code) {
		return scales().stream()
			.filter((scale) -> scale.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("scale"));
	}

	public List<Instrument> instruments() {
		return this.catalog.instruments();
	}

	public Instrument instrument(String code) {
		return instruments().stream()
			.filter((instrument) -> instrument.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("instrument"));
	}

	/**
	 * Adds a framework: an organisation's own list of domains, each mapped to the
	 * monitor.
	 */
	@Transactional
	public Framework add(NewFramework command) {
		String code = (command.code() != null) ? command.code().strip().toUpperCase(Locale.ROOT) : "";
		if (!CODE.matcher(code).matches()) {
			throw new DomainException("code", "framework.code.invalid");
		}
		if (this.catalog.framework(code).isPresent()) {
			throw new DomainException("code", "framework.code.taken", code);
		}
		if (blank(command.nameNl())) {
			throw new DomainException("nameNl", "framework.name.required");
		}
		UUID organisationId = null;
		String organisationCode = null;
		if (!blank(command.organisation())) {
			OrganisationSummary organisation = this.organisations.requireByCode(command.organisation(), "organisation");
			organisationId = organisation.id();
			organisationCode = organisation.code();
		}
		List<Framework.Domain> domains = checkedDomains(command.domains());
		Framework framework = new Framework(code, command.nameNl().strip(),
				blank(command.nameEn()) ? command.nameNl().strip() : command.nameEn().strip(), false, organisationCode,
				domains);
		this.catalog.add(framework, organisationId);
		return framework;
	}

	private List<Framework.Domain> checkedDomains(List<NewFramework.NewDomain> domains) {
		if (domains == null || domains.isEmpty()) {
			throw new DomainException("domains", "framework.domains.required");
		}
		Set<String> monitorCodes = new HashSet<>();
		monitorFramework().domains().forEach((domain) -> monitorCodes.add(domain.code()));
		Set<String> seen = new HashSet<>();
		List<Framework.Domain> checked = new java.util.ArrayList<>();
		for (NewFramework.NewDomain domain : domains) {
			String code = (domain.code() != null) ? domain.code().strip().toUpperCase(Locale.ROOT) : "";
			if (!DOMAIN_CODE.matcher(code).matches()) {
				throw new DomainException("domains", "framework.domain.code.invalid", code);
			}
			if (!seen.add(code)) {
				throw new DomainException("domains", "framework.domain.code.twice", code);
			}
			if (blank(domain.labelNl())) {
				throw new DomainException("domains", "framework.domain.label.required", code);
			}
			String monitor = (domain.monitorCode() != null) ? domain.monitorCode().strip().toUpperCase(Locale.ROOT)
					: "";
			if (!monitorCodes.contains(monitor)) {
				throw new DomainException("domains", "framework.domain.monitor.unknown", code,
						String.join(", ", monitorCodes.stream().sorted().toList()));
			}
			List<String> others = new java.util.ArrayList<>();
			if (domain.otherMonitorCodes() != null) {
				if (domain.otherMonitorCodes().size() > monitorCodes.size()) {
					throw new DomainException("domains", "framework.domain.monitor.tooMany", code);
				}
				for (String other : domain.otherMonitorCodes()) {
					String otherCode = (other != null) ? other.strip().toUpperCase(Locale.ROOT) : "";
					if (!monitorCodes.contains(otherCode)) {
						throw new DomainException("domains", "framework.domain.monitor.unknown", code,
								String.join(", ", monitorCodes.stream().sorted().toList()));
					}
					others.add(otherCode);
				}
			}
			String parent = code.contains(".") ? code.substring(0, code.indexOf('.')) : null;
			if (parent != null && !seen.contains(parent)) {
				throw new DomainException("domains", "framework.domain.parent.missing", code, parent);
			}
			checked.add(new Framework.Domain(code, parent, domain.labelNl().strip(),
					blank(domain.labelEn()) ? domain.labelNl().strip() : domain.labelEn().strip(), monitor, others));
		}
		return checked;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
