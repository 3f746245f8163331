package nl.vangnet.account;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The passkeys (WebAuthn credentials) of staff accounts, kept in PostgreSQL by Spring
 * Security's JDBC repositories (tables of the migration V18_2); a user entity's name is
 * the account's e-mail address.
 */
@Component
class Passkeys {

	private final JdbcClient jdbc;

	Passkeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean any(UUID accountId) {
		return this.jdbc.sql("""
				select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				join account a on a.email = u.name where a.id = :id
				""").param("id", accountId).query(Integer.class).single() > 0;
	}

	List<PasskeyView> list(UUID accountId) {
		return this.jdbc.sql("""
				select c.credential_id, c.label, c.created, c.last_used from user_credentials c
				join user_entities u on u.id = c.user_entity_user_id join account a on a.email = u.name
				where a.id = :id order by c.created
				""")
			.param("id", accountId)
			.query((rs, row) -> new PasskeyView(rs.getString("credential_id"), rs.getString("label"),
					instant(rs.getObject("created", LocalDateTime.class)),
					instant(rs.getObject("last_used", LocalDateTime.class))))
			.list();
	}

	void removeAll(UUID accountId) {
		this.jdbc.sql("delete from user_entities where name = (select email from account where id = :id)")
			.param("id", accountId)
			.update();
	}

	private static Instant instant(LocalDateTime at) {
		return (at != null) ? at.toInstant(ZoneOffset.UTC) : null;
	}

	/** A registered passkey, by its label. */
	record PasskeyView(String id, String label, Instant created, Instant lastUsed) {
	}

	/** Spring Security's repositories of passkeys, on PostgreSQL. */
	@Configuration(proxyBeanMethods = false)
	static class Repositories {

		@Bean
		PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
			return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
		}

		@Bean
		UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
			return new JdbcUserCredentialRepository(jdbc);
		}

	}

}
