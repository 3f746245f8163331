package nl.vangnet.organisation;

import java.util.UUID;

/**
 * A location as its viewer may see it: {@code address} is null for a secret address seen
 * from outside its organisation.
 */
public record LocationView(UUID id, String name, String district, String address, boolean secretAddress) {
}
