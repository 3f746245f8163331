package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.VangnetProperties;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who sees which monitor, and counting it. A researcher sees the monitor of the
 * organisations that take part in it ({@code monitorParticipant}), any choice of them; a
 * coordinator sees their own organisation, or the total of the participants. The counting
 * runs in a system scope restricted to exactly the organisations chosen, and every view
 * or export is in the access trail, described by its period and organisation codes.
 */
@Service
class MonitorService {

	private final MonitorQueries queries;

	private final OrganisationApi organisations;

	private final LifeDomainApi lifeDomains;

	private final AccessTrail trail;

	private final TransactionTemplate transactions;

	private final int minCellSize;

	MonitorService(MonitorQueries queries, OrganisationApi organisations, LifeDomainApi lifeDomains, AccessTrail trail,
			PlatformTransactionManager transactionManager, VangnetProperties properties) {
		this.queries = queries;
		this.organisations = organisations;
		this.lifeDomains = lifeDomains;
		this.trail = trail;
		this.transactions = new TransactionTemplate(transactionManager);
		this.minCellSize = properties.monitor().minCellSize();
	}

	/**
	 * What the current user may choose.
	 *
	 * @param own the coordinator's own organisation ({@code null} for a researcher)
	 * @param participants the organisations taking part in the monitor
	 * @param notParticipating the researcher's own organisation when it does not take
	 * part (so the page can say why it is not in the list), else {@code null}
	 */
	record Choice(OrganisationSummary own, List<OrganisationSummary> participants,
			OrganisationSummary notParticipating) {

		List<String> participantCodes() {
			return this.participants.stream().map(OrganisationSummary::code).toList();
		}

	}

	Choice choice() {
		Staff staff = Staff.current();
		List<OrganisationSummary> participants = this.organisations.all()
			.stream()
			.filter(OrganisationSummary::monitorParticipant)
			.sorted(java.util.Comparator.comparing(OrganisationSummary::code))
			.toList();
		if (staff.seesOnlyAnonymisedFigures()) {
			// A researcher sees no organisation's client data, but works for one.
			org.springframework.security.core.Authentication signedIn = org.springframework.security.core.context.SecurityContextHolder
				.getContext()
				.getAuthentication();
			UUID works = (signedIn != null
					&& signedIn.getPrincipal() instanceof nl.vangnet.platform.tenancy.TenantPrincipal principal)
							? principal.organisationId() : null;
			OrganisationSummary home = (works != null) ? this.organisations.byId(works).orElse(null) : null;
			return new Choice(null, participants, (home != null && !home.monitorParticipant()) ? home : null);
		}
		if (staff.leadsTeam() && staff.organisationId() != null) {
			UUID own = staff.organisationId();
			return new Choice(this.organisations.byId(own).orElseThrow(), participants, null);
		}
		throw new AccessDeniedException("Only researchers and coordinators see the monitor");
	}

	/**
	 * The monitor for the period and organisation codes (empty: the default choice); the
	 * view (or export, in a format) is in the access trail.
	 */
	Map<String, Object> monitor(LocalDate from, LocalDate to, List<String> codes, AccessAction action, String format) {
		if (from == null || to == null || from.isAfter(to)) {
			throw new DomainException("from", "monitor.period.invalid");
		}
		Choice choice = choice();
		Selection selection = select(choice, codes);
		List<String> domainCodes = this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.toList();
		String detail = "vangnet-monitor/1 from=" + from + " to=" + to + " organisations="
				+ String.join(",", selection.codes()) + ((format != null) ? " format=" + format : "");
		return TenantScope.callAs(TenantScope.Scope.system(selection.ids()), () -> this.transactions.execute((tx) -> {
			RawFigures raw = this.queries.count(selection.ids(), from, to, domainCodes);
			this.trail.recordQuery(action, "MONITOR", detail);
			return MonitorReport.of(raw, this.minCellSize, domainCodes, selection.reachRows());
		}));
	}

	/**
	 * The monitor of every organisation taking part, counted as the system (the benchmark
	 * on the command line); in the access trail like any other view.
	 */
	Map<String, Object> participantsMonitor(LocalDate from, LocalDate to) {
		List<OrganisationSummary> participants = this.organisations.all()
			.stream()
			.filter(OrganisationSummary::monitorParticipant)
			.toList();
		Set<UUID> ids = participants.stream().map(OrganisationSummary::id).collect(Collectors.toSet());
		List<String> codes = participants.stream().map(OrganisationSummary::code).sorted().toList();
		List<String> domainCodes = this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.toList();
		return TenantScope.callAs(TenantScope.Scope.system(ids), () -> this.transactions.execute((tx) -> {
			RawFigures raw = this.queries.count(ids, from, to, domainCodes);
			this.trail.recordQuery(AccessAction.VIEW, "MONITOR",
					"vangnet-monitor/1 from=" + from + " to=" + to + " organisations=(all participants)");
			return MonitorReport.of(raw, this.minCellSize, domainCodes, codes);
		}));
	}

	/**
	 * The rows the monitor counts from, of every participant, as CSV files in the
	 * directory, with the results of each statement for the period (the benchmark's
	 * comparison with DuckDB; never by the build).
	 */
	void exportParticipants(java.nio.file.Path directory, LocalDate from, LocalDate to) {
		List<String> domainCodes = this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.toList();
		Set<UUID> ids = this.organisations.all()
			.stream()
			.filter(OrganisationSummary::monitorParticipant)
			.map(OrganisationSummary::id)
			.collect(Collectors.toSet());
		TenantScope.callAs(TenantScope.Scope.system(ids), () -> this.transactions.execute((tx) -> {
			this.queries.export(directory, ids, from, to, domainCodes);
			return null;
		}));
	}

	/** How many households the participants have (the benchmark's size). */
	long participantsHouseholds(JdbcClient jdbc) {
		Set<UUID> ids = this.organisations.all()
			.stream()
			.filter(OrganisationSummary::monitorParticipant)
			.map(OrganisationSummary::id)
			.collect(Collectors.toSet());
		return TenantScope.callAs(TenantScope.Scope.system(ids), () -> this.transactions
			.execute((tx) -> jdbc.sql("select count(*) from household").query(Long.class).single()));
	}

	/** EXPLAIN ANALYZE of the monitor's statements for every participant. */
	String explainParticipants(LocalDate from, LocalDate to) {
		List<String> domainCodes = this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.toList();
		Set<UUID> ids = this.organisations.all()
			.stream()
			.filter(OrganisationSummary::monitorParticipant)
			.map(OrganisationSummary::id)
			.collect(Collectors.toSet());
		return TenantScope.callAs(TenantScope.Scope.system(ids),
				() -> this.transactions.execute((tx) -> this.queries.explain(ids, from, to, domainCodes)));
	}

	record Selection(Set<UUID> ids, List<String> codes, List<String> reachRows) {
	}

	private Selection select(Choice choice, List<String> requested) {
		Set<String> codes = new LinkedHashSet<>();
		if (requested != null) {
			requested.stream()
				.flatMap((code) -> java.util.Arrays.stream(code.split(",")))
				.map((code) -> code.strip().toUpperCase(Locale.ROOT))
				.filter((code) -> !code.isEmpty())
				.forEach(codes::add);
		}
		List<String> participants = choice.participantCodes();
		if (choice.own() == null) {
			if (codes.isEmpty()) {
				codes.addAll(participants);
			}
			for (String code : codes) {
				if (!participants.contains(code)) {
					throw new DomainException("organisations", "monitor.organisations.notAllowed", code);
				}
			}
			List<String> sorted = codes.stream().sorted().toList();
			return new Selection(ids(choice, sorted), sorted, sorted);
		}
		String own = choice.own().code();
		if (codes.isEmpty() || codes.equals(Set.of(own))) {
			return new Selection(Set.of(choice.own().id()), List.of(own), List.of(own));
		}
		if (codes.equals(new LinkedHashSet<>(participants))) {
			// The total of the participants: the coordinator's own row, no other
			// organisation's.
			List<String> rows = participants.contains(own) ? List.of(own) : List.of();
			return new Selection(ids(choice, participants), participants, rows);
		}
		throw new DomainException("organisations", "monitor.organisations.ownOrParticipants");
	}

	private static Set<UUID> ids(Choice choice, List<String> codes) {
		return choice.participants()
			.stream()
			.filter((o) -> codes.contains(o.code()))
			.map(OrganisationSummary::id)
			.collect(Collectors.toSet());
	}

	List<String> reachRowsOf(Map<String, Object> report) {
		List<String> rows = new ArrayList<>();
		for (Object row : (List<?>) report.get("reach")) {
			rows.add((String) ((Map<?, ?>) row).get("organisation"));
		}
		return rows;
	}

}
