package nl.vangnet.account;

import java.util.Locale;

import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the account behind an e-mail address at sign-in. An account of an inactive
 * organisation cannot sign in.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final OrganisationApi organisations;

	AccountUserDetailsService(AccountRepository accounts, OrganisationApi organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
	}

	@Override
	@Transactional(readOnly = true)
	public VangnetUser loadUserByUsername(String username) {
		String email = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		Account account = this.accounts.findByEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
		OrganisationSummary organisation = this.organisations.byId(account.organisationId()).orElse(null);
		boolean enabled = account.active() && (organisation == null || organisation.active());
		return new VangnetUser(account.id(), account.email(), account.displayName(), account.role(),
				account.organisationId(), (organisation != null) ? organisation.code() : null,
				(organisation != null) ? organisation.name() : null, enabled, account.passwordHash(),
				this.accounts.meldcodeOfficer(account.id()));
	}

}
