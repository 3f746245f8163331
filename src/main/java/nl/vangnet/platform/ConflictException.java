package nl.vangnet.platform;

import java.util.List;

/**
 * Someone else changed the thing since it was read: the change is refused rather than
 * silently overwriting theirs. Lists the fields whose values differ now.
 *
 * @see Change
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private final long currentVersion;

	private final transient List<Change> changes;

	public ConflictException(long currentVersion, List<Change> changes) {
		super("version conflict");
		this.currentVersion = currentVersion;
		this.changes = List.copyOf(changes);
	}

	public long currentVersion() {
		return this.currentVersion;
	}

	public List<Change> changes() {
		return this.changes;
	}

	/**
	 * One field the other person changed: what it was when you read it isn't known, so
	 * this shows what it is now.
	 */
	public record Change(String field, String now) {
	}

}
