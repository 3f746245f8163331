package nl.vangnet.platform.database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where and how to reach an embedded PostgreSQL: the Unix socket in its owner-only
 * directory and the superuser's password. The server opens no TCP port.
 *
 * @param socketDirectory the directory holding {@code .s.PGSQL.<port>}
 * @param port the number in the socket's name
 * @param password the password of the superuser {@value EmbeddedDatabase#SUPERUSER}
 */
record Endpoint(Path socketDirectory, int port, String password) {

	/** The JDBC url of a database, through the Unix socket (junixsocket). */
	String jdbcUrl(String database) {
		String socket = this.socketDirectory.resolve(".s.PGSQL." + this.port).toString();
		return "jdbc:postgresql://localhost/" + database
				+ "?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg&socketFactoryArg="
				+ URLEncoder.encode(socket, StandardCharsets.UTF_8) + "&sslmode=disable";
	}

	Connection connect(String database) throws SQLException {
		return connect(database, this.password);
	}

	Connection connect(String database, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", EmbeddedDatabase.SUPERUSER);
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "10");
		return new org.postgresql.Driver().connect(jdbcUrl(database), properties);
	}

	@Override
	public String toString() {
		return "Endpoint[" + this.socketDirectory + ", port " + this.port + ", password (hidden)]";
	}

}
