package nl.vangnet.network;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a snapshot of a client's network map.
 */
public record SnapshotId(UUID value) {

	public SnapshotId {
		Objects.requireNonNull(value, "SnapshotId needs a value");
	}

	public static SnapshotId of(UUID value) {
		return new SnapshotId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
