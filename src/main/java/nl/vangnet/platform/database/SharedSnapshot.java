package nl.vangnet.platform.database;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several transactions on several connections that see one and the same state of the
 * database: a transaction exports its snapshot ({@link #export}); another, on another
 * connection and thread, begins as a repeatable-read transaction inside
 * {@link #importing} and starts from that snapshot, before its first query (PostgreSQL's
 * {@code SET TRANSACTION SNAPSHOT}). The monitor counts its statements this way on more
 * than one connection at once and still counts one moment of the data.
 */
public final class SharedSnapshot {

	/** PostgreSQL's snapshot identifiers, such as {@code 00000003-0000001B-1}. */
	private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");

	private static final ThreadLocal<String> pending = new ThreadLocal<>();

	private SharedSnapshot() {
	}

	/**
	 * The identifier of the current transaction's snapshot; other transactions can import
	 * it until this one ends.
	 */
	public static String export(JdbcClient jdbc) {
		return jdbc.sql("select pg_export_snapshot()").query(String.class).single();
	}

	/**
	 * Runs the work; the first transaction it begins (which must be repeatable read)
	 * starts from the snapshot.
	 */
	public static <T> T importing(String snapshot, Supplier<T> work) {
		if (snapshot == null || !IDENTIFIER.matcher(snapshot).matches()) {
			throw new IllegalArgumentException("Not a snapshot identifier");
		}
		pending.set(snapshot);
		try {
			return work.get();
		}
		finally {
			pending.remove();
		}
	}

	/** The snapshot the transaction now beginning must import, once; else null. */
	static String take() {
		String snapshot = pending.get();
		pending.remove();
		return snapshot;
	}

}
