package nl.vangnet.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.vangnet.platform.VangnetProperties;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two ways into one PostgreSQL database. Flyway migrates as the owner of the schema; the
 * application works as the role {@value #APPLICATION_ROLE}, which owns nothing, so
 * PostgreSQL's row-level security applies to every query it makes and it cannot change
 * the access trail.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	static final String APPLICATION_ROLE = "vangnet_app";

	@Bean
	DatabaseCoordinates databaseCoordinates(VangnetProperties properties, EmbeddedSettings embedded) {
		VangnetProperties.Db db = properties.db();
		if (db.external()) {
			return new DatabaseCoordinates(db.url(), db.user(), db.password());
		}
		EmbeddedDatabase server = EmbeddedDatabase.start(properties.dataDir(),
				embedded.options(db.cleanEmbedded(), true));
		return new DatabaseCoordinates(server.jdbcUrl(), EmbeddedDatabase.SUPERUSER, server.password());
	}

	@Bean
	@Primary
	HikariDataSource dataSource(DatabaseCoordinates coordinates) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("vangnet");
		dataSource.setJdbcUrl(coordinates.url());
		dataSource.setUsername(coordinates.user());
		dataSource.setPassword(coordinates.password());
		dataSource.setMaximumPoolSize(10);
		dataSource.setConnectionInitSql("set role " + APPLICATION_ROLE);
		return dataSource;
	}

	@Bean
	@FlywayDataSource
	DataSource flywayDataSource(DatabaseCoordinates coordinates) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), coordinates.url(), coordinates.user(),
				coordinates.password());
	}

	/** The one for the application's work (the session store has its own, plain one). */
	@Bean
	@Primary
	TenantTransactionManager transactionManager(DataSource dataSource) {
		return new TenantTransactionManager(dataSource);
	}

	record DatabaseCoordinates(String url, String user, String password) {

		@Override
		public String toString() {
			return "DatabaseCoordinates[" + this.url + ", " + this.user + ", password (hidden)]";
		}

	}

}
