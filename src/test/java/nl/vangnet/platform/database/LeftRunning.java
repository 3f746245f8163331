package nl.vangnet.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A Vangnet stand-in for {@link EmbeddedDatabaseTests}: starts the embedded PostgreSQL of
 * a data directory, writes a row, says {@code READY <postmaster pid>} and waits to be
 * killed.
 */
final class LeftRunning {

	private LeftRunning() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase server = EmbeddedDatabase.start(Path.of(args[0]),
				new EmbeddedDatabase.Options(true, true, null, false));
		try (Connection connection = server.endpoint().connect(EmbeddedDatabase.DATABASE);
				Statement statement = connection.createStatement()) {
			statement.execute("create table written_before_the_crash (id int primary key)");
			statement.execute("insert into written_before_the_crash values (1)");
		}
		System.out.println("READY " + server.postmasterPid());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
