package nl.vangnet.account;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.stereotype.Component;

/**
 * Signed-in sessions are kept in PostgreSQL (Spring Session JDBC; the tables come from
 * the migration V14), so that any application node continues any session and ending one
 * ends it on every node. The idle and absolute timeouts stay with
 * {@link SessionTimeoutFilter}; Spring Session itself forgets a session after the idle
 * timeout ({@code server.servlet.session.timeout}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/**
	 * Each session is indexed by its account's id (not by the e-mail address, which may
	 * be longer than the column and could change).
	 */
	@Bean
	IndexResolver<Session> accountIndexResolver() {
		return (session) -> {
			Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			if (context instanceof SecurityContext securityContext) {
				Authentication authentication = securityContext.getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof VangnetUser user) {
					return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.id().toString());
				}
			}
			return Map.of();
		};
	}

	/**
	 * Reading a session happens before anyone is known to be signed in, so its
	 * transactions carry no tenant (the tenant's transaction manager would ask the
	 * security context, which is being read from this very session). Inside a transaction
	 * of the application (deactivating an account) it joins that transaction.
	 */
	@Bean
	@SpringSessionTransactionManager
	JdbcTransactionManager sessionTransactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

	/**
	 * PostgreSQL's upsert for attributes: parallel requests of one session never clash.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionQueries() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * Ends the sessions of an account, on every node.
	 */
	@Component
	static class SignedInSessions {

		private final FindByIndexNameSessionRepository<? extends Session> sessions;

		SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
			this.sessions = sessions;
		}

		/** Ends every session of the account (deactivation). */
		void endAll(UUID accountId) {
			endAllBut(accountId, null);
		}

		/**
		 * Ends every session of the account but the one given (a changed password ends
		 * the others).
		 */
		void endAllBut(UUID accountId, String keepSessionId) {
			for (String id : this.sessions.findByPrincipalName(accountId.toString()).keySet()) {
				if (!id.equals(keepSessionId)) {
					this.sessions.deleteById(id);
				}
			}
		}

	}

}
