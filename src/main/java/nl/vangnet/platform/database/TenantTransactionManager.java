package nl.vangnet.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Tells PostgreSQL, at the start of every transaction, whose transaction it is: the
 * organisations whose rows it may see, the role and the user. Row-level security policies
 * read these settings; they are local to the transaction and vanish at its end. A
 * transaction begun inside {@link SharedSnapshot#importing} first takes over another
 * transaction's snapshot.
 */
class TenantTransactionManager extends JdbcTransactionManager {

	TenantTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		String snapshot = SharedSnapshot.take();
		if (snapshot != null) {
			if (definition.getIsolationLevel() != TransactionDefinition.ISOLATION_REPEATABLE_READ
					&& definition.getIsolationLevel() != TransactionDefinition.ISOLATION_SERIALIZABLE) {
				throw new IllegalStateException("A shared snapshot needs a repeatable-read transaction");
			}
			try (Statement statement = connection.createStatement()) {
				// before any query; the identifier is checked by SharedSnapshot
				statement.execute("set transaction snapshot '" + snapshot + "'");
			}
		}
		TenantScope.Scope scope = TenantScope.current();
		try (PreparedStatement statement = connection.prepareStatement(
				"select set_config('vangnet.organisations', ?, true), set_config('vangnet.role', ?, true), "
						+ "set_config('vangnet.user_id', ?, true)")) {
			statement.setString(1,
					scope.organisations().stream().map(Object::toString).collect(Collectors.joining(",")));
			statement.setString(2, scope.role());
			statement.setString(3, (scope.userId() != null) ? scope.userId().toString() : "");
			statement.execute();
		}
	}

}
