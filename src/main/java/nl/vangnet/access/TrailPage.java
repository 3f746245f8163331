package nl.vangnet.access;

import java.util.List;

/**
 * One page of the trail, newest first.
 *
 * @param next the keyset for the next page (the id of this page's last row), or
 * {@code null} when this is the last page
 */
record TrailPage(List<TrailEntry> entries, Long next) {
}
