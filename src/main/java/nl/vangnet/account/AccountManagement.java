package nl.vangnet.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.organisation.TeamSummary;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, lists, deactivates and reactivates accounts, and changes passwords.
 */
@Service
@Transactional
class AccountManagement {

	private final AccountRepository accounts;

	private final OrganisationApi organisations;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final SessionStore.SignedInSessions sessions;

	private final Clock clock;

	private final SecondFactors factors;

	private final JdbcClient jdbc;

	AccountManagement(AccountRepository accounts, OrganisationApi organisations, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, SessionStore.SignedInSessions sessions, Clock clock, SecondFactors factors,
			JdbcClient jdbc) {
		this.factors = factors;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.sessions = sessions;
		this.clock = clock;
	}

	AccountView open(NewAccount command) {
		return view(openAccount(command, false));
	}

	Account openAccount(NewAccount command, boolean mustChangePassword) {
		String email = Account.normaliseEmail(command.email());
		if (this.accounts.findByEmail(email).isPresent()) {
			throw new DomainException("email", "account.email.taken");
		}
		UUID organisationId = null;
		if (command.organisation() != null && !command.organisation().isBlank()) {
			organisationId = this.organisations.requireByCode(command.organisation(), "organisation").id();
		}
		UUID teamId = null;
		if (command.team() != null) {
			TeamSummary team = this.organisations.team(command.team())
				.filter((t) -> t.organisationId().equals(this.organisationIdOrNull(command)))
				.orElseThrow(() -> new DomainException("team", "account.team.unknown"));
			teamId = team.id();
		}
		this.passwordPolicy.check("password", command.password(), email, command.displayName());
		Account account = Account.open(email, command.displayName(), command.role(), organisationId, teamId,
				this.passwordEncoder.encode(command.password()), mustChangePassword);
		boolean officer = Boolean.TRUE.equals(command.meldcodeOfficer());
		if (officer && !command.role().worksWithCases()) {
			throw new DomainException("meldcodeOfficer", "account.meldcodeOfficer.role");
		}
		account = this.accounts.save(account);
		if (officer) {
			this.accounts.designateMeldcodeOfficer(account.id(), true);
		}
		return account;
	}

	private UUID organisationIdOrNull(NewAccount command) {
		return this.organisations.byCode(command.organisation()).map(OrganisationSummary::id).orElse(null);
	}

	@Transactional(readOnly = true)
	List<AccountView> list(String organisationCode) {
		List<Account> found;
		if (organisationCode == null || organisationCode.isBlank()) {
			found = this.accounts.findAllByOrderByDisplayName();
		}
		else {
			UUID organisationId = this.organisations.byCode(organisationCode)
				.map(OrganisationSummary::id)
				.orElseThrow(() -> new NotFoundException("organisation"));
			found = this.accounts.findByOrganisationIdOrderByDisplayName(organisationId);
		}
		return found.stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	AccountView get(UUID id) {
		return view(find(id));
	}

	/**
	 * Deactivates the account and ends every session it has.
	 */
	AccountView deactivate(UUID id) {
		Account account = find(id);
		account.deactivate(this.clock.instant());
		account = this.accounts.save(account);
		this.sessions.endAll(id);
		return view(account);
	}

	/**
	 * Designates the account as the organisation's meldcode officer, or ends that: only
	 * coordinators and professionals can be one. The account's sessions end, so that the
	 * change holds from its next sign-in on.
	 */
	AccountView designateMeldcodeOfficer(UUID id, boolean officer) {
		Account account = find(id);
		if (officer && !account.role().worksWithCases()) {
			throw new DomainException("meldcodeOfficer", "account.meldcodeOfficer.role");
		}
		if (this.accounts.meldcodeOfficer(id) != officer) {
			this.accounts.designateMeldcodeOfficer(id, officer);
			this.sessions.endAll(id);
		}
		return view(account);
	}

	/**
	 * Gives the account the number a family calls to reach the worker, or removes it
	 * (blank): the worker herself, an administrator for anyone, a coordinator for the
	 * accounts of her own organisation (anyone else's account is as unknown as an id that
	 * names nothing). Only those who can be a family's contact person have one.
	 */
	AccountView changeWorkPhone(Staff actor, UUID id, String workPhone) {
		Account account = find(id);
		boolean own = id.equals(actor.userId());
		boolean colleague = actor.leadsTeam() && actor.organisationId() != null
				&& actor.organisationId().equals(account.organisationId());
		if (!own && !colleague && !actor.administers()) {
			throw new NotFoundException("account");
		}
		if (!account.role().worksWithCases()) {
			throw new DomainException("workPhone", "account.workPhone.role");
		}
		account.useWorkPhone(workPhone);
		return view(this.accounts.save(account));
	}

	/**
	 * The person a family of the organisation calls: the name of its fixed contact person
	 * (when she works for the organisation) and her work phone, else the organisation's
	 * general number. Never an address.
	 */
	@Transactional(readOnly = true)
	FamilyContact familyContact(UUID organisationId, UUID contactPerson) {
		Account account = (contactPerson != null) ? this.accounts.findById(contactPerson)
			.filter((a) -> organisationId != null && organisationId.equals(a.organisationId()))
			.orElse(null) : null;
		String phone = (account != null) ? account.workPhone() : null;
		if (phone == null) {
			phone = this.organisations.byId(organisationId).map(OrganisationSummary::phone).orElse(null);
		}
		return new FamilyContact((account != null) ? account.displayName() : null, phone);
	}

	/** The active meldcode officers of the organisation. */
	@Transactional(readOnly = true)
	List<StaffMember> meldcodeOfficers(UUID organisationId) {
		return this.accounts.meldcodeOfficersOf(organisationId)
			.stream()
			.map(this::find)
			.map((a) -> new StaffMember(a.id(), a.displayName(), a.role(), a.teamId(), a.active()))
			.toList();
	}

	/**
	 * An administrator removes every second factor of the account (it was lost or
	 * stolen): in the trail, and every session of the account ends. At its next sign-in
	 * it enrols again where one is required.
	 */
	AccountView resetFactors(UUID id) {
		Account account = find(id);
		this.factors.reset(id, account.organisationId());
		this.sessions.endAll(id);
		return view(account);
	}

	AccountView reactivate(UUID id) {
		Account account = find(id);
		account.reactivate();
		account = this.accounts.save(account);
		return view(account);
	}

	/**
	 * The signed-in user chooses a new password, proving they know the current one. Every
	 * other session of the account ends (on every node); the one given goes on.
	 */
	void changeOwnPassword(UUID id, String currentPassword, String newPassword, String keepSessionId) {
		Account account = find(id);
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, account.passwordHash())) {
			throw new DomainException("currentPassword", "password.currentWrong");
		}
		if (newPassword != null && newPassword.equals(currentPassword)) {
			throw new DomainException("newPassword", "password.sameAsCurrent");
		}
		this.passwordPolicy.check("newPassword", newPassword, account.email(), account.displayName());
		account.changePassword(this.passwordEncoder.encode(newPassword), true);
		this.accounts.save(account);
		this.sessions.endAllBut(id, keepSessionId);
	}

	@Transactional(readOnly = true)
	boolean mustChangePassword(UUID id) {
		return this.accounts.findById(id).map(Account::mustChangePassword).orElse(false);
	}

	@Transactional(readOnly = true)
	boolean administratorExists() {
		return this.accounts.existsByRole(Role.ADMINISTRATOR);
	}

	@Transactional(readOnly = true)
	boolean exists(String email) {
		return this.accounts.findByEmail(Account.normaliseEmail(email)).isPresent();
	}

	/**
	 * The organisation's staff by display name. Read with SQL of its five columns, not as
	 * aggregates: most pages with client data name the staff, and building every account
	 * of the organisation through the derived query was about a tenth of such a page's
	 * time.
	 */
	@Transactional(readOnly = true)
	List<StaffMember> staff(UUID organisationId) {
		return this.jdbc.sql("""
				select id, display_name, role, team_id, active from account
				where organisation_id = :organisation order by display_name""")
			.param("organisation", organisationId)
			.query((rs, n) -> new StaffMember(rs.getObject("id", UUID.class), rs.getString("display_name"),
					Role.valueOf(rs.getString("role")), rs.getObject("team_id", UUID.class), rs.getBoolean("active")))
			.list();
	}

	private Account find(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("account"));
	}

	private AccountView view(Account account) {
		String organisationCode = this.organisations.byId(account.organisationId())
			.map(OrganisationSummary::code)
			.orElse(null);
		return new AccountView(account.id(), account.email(), account.displayName(), organisationCode, account.role(),
				account.teamId(), account.active(), account.version(), this.accounts.meldcodeOfficer(account.id()),
				account.workPhone());
	}

}
