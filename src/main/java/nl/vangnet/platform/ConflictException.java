package nl.vangnet.platform;

import java.util.List;

/**
 * Someone else changed the thing since it was read: the change is refused rather than
 * silently overwriting theirs. Carries the version it has now and, from
 * {@link Differences}, each field that differs: what the change had and what it is now.
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
	 * One field that differs between the refused change and what is stored now.
	 *
	 * @param field the field's name (as in the API)
	 * @param before the value as the refused change had it (what the user sent, on top of
	 * what they read); {@code null} when empty, unknown or not to be shown
	 * @param now the value it has now; {@code null} when empty or not to be shown
	 * @param label the message key of the field's name
	 * @param codes the prefix of the message keys of the values when they are codes
	 * (several are separated by {@code ", "}); {@code null} when they are shown as they
	 * are
	 * @param hidden the values are confidential: only that the field changed is shown
	 */
	public record Change(String field, String before, String now, String label, String codes, boolean hidden) {
	}

}
