package nl.vangnet.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.platform.staff.RecentAuthentication;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's reading of the trail: pages with names, the people to filter by, and
 * the export for the privacy officer. Names come from the modules that own the ids
 * ({@link TrailNames}), asked once per page (or per batch of the export) with every id on
 * it. Every reading and export is itself in the trail.
 */
@Service
class TrailReading {

	/**
	 * Rows per statement of the export; the export reads the period in keyset batches.
	 */
	static final int EXPORT_BATCH = 1000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AccessTrail trail;

	private final List<TrailNames> names;

	private final MessageSource messages;

	private final Clock clock;

	private final RecentAuthentication recentAuthentication;

	TrailReading(AccessTrail trail, List<TrailNames> names, MessageSource messages, Clock clock,
			RecentAuthentication recentAuthentication) {
		this.recentAuthentication = recentAuthentication;
		this.trail = trail;
		this.names = names;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A page of the organisation's trail with names, newest first, after the row
	 * {@code before} (a keyset: the id of the previous page's last row). Reading it is
	 * itself recorded, with the filter.
	 */
	@Transactional
	TrailPage page(TrailFilter filter, Long before, int size) {
		int limit = Math.max(1, Math.min(size, AccessTrail.MAX_ROWS));
		List<TrailEntry> rows = this.trail.rows(filter, before, limit + 1);
		this.trail.recordQuery(AccessAction.VIEW_TRAIL, new AccessSubject("TRAIL", filter.subject()),
				filter.describe());
		boolean more = rows.size() > limit;
		List<TrailEntry> entries = named(more ? rows.subList(0, limit) : rows);
		return new TrailPage(entries, more ? entries.get(entries.size() - 1).id() : null);
	}

	/** The people of the organisation, by name, to filter the trail by. */
	@Transactional(readOnly = true)
	Map<UUID, String> people() {
		Map<UUID, String> people = new HashMap<>();
		this.names.forEach((module) -> people.putAll(module.people()));
		Map<UUID, String> sorted = new LinkedHashMap<>();
		people.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
			.forEach((e) -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	/**
	 * A bulk export asks for a recent check of who is signed in (before anything is
	 * written).
	 */
	void requireRecentCheck() {
		this.recentAuthentication.require();
	}

	/**
	 * Writes the trail of the filter (a period, for the privacy officer) as CSV, oldest
	 * last like the page, in batches; the export itself is a row of the trail, written in
	 * the same transaction. Cells that a spreadsheet would run as a formula are prefixed
	 * with an apostrophe.
	 * @return the number of rows written
	 */
	@Transactional(readOnly = false)
	int export(TrailFilter filter, Writer out, Locale locale) {
		requireRecentCheck();
		this.trail.recordQuery(AccessAction.EXPORT, new AccessSubject("TRAIL", filter.subject()),
				"CSV" + ((filter.describe() != null) ? ";" + filter.describe() : ""));
		try {
			out.write(TrailCsv.line(List.of(text("trail.csv.id", locale), text("trail.csv.when", locale),
					text("trail.csv.person", locale), text("trail.csv.account", locale), text("trail.csv.role", locale),
					text("trail.csv.action", locale), text("trail.csv.outcome", locale),
					text("trail.csv.subjectType", locale), text("trail.csv.subjectId", locale),
					text("trail.csv.subjectName", locale), text("trail.csv.detail", locale),
					text("trail.csv.address", locale))));
			int written = 0;
			Long before = null;
			while (true) {
				List<TrailEntry> batch = named(this.trail.rows(filter, before, EXPORT_BATCH));
				for (TrailEntry e : batch) {
					out.write(TrailCsv
						.line(List.of(String.valueOf(e.id()), TIME.format(e.occurredAt().atZone(this.clock.getZone())),
								orEmpty(e.actorName()), orEmpty(e.actor()), orEmpty(e.actorRole()), e.action().name(),
								e.outcome().name(), orEmpty(e.subjectType()), subjectIds(e), subjectNames(e),
								orEmpty(e.detail()), orEmpty(e.clientAddress()))));
				}
				written += batch.size();
				if (batch.size() < EXPORT_BATCH) {
					out.flush();
					return written;
				}
				before = batch.get(batch.size() - 1).id();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<TrailEntry> named(List<TrailEntry> entries) {
		Set<UUID> ids = new HashSet<>();
		for (TrailEntry e : entries) {
			if (e.actorId() != null) {
				ids.add(e.actorId());
			}
			if (e.subjectId() != null) {
				ids.add(e.subjectId());
			}
			ids.addAll(e.subjectIds());
		}
		if (ids.isEmpty()) {
			return entries;
		}
		Map<UUID, String> known = new HashMap<>();
		this.names.forEach((module) -> known.putAll(module.names(Set.copyOf(ids))));
		List<TrailEntry> named = new ArrayList<>(entries.size());
		entries.forEach((e) -> named.add(e.named(known)));
		return named;
	}

	private static String subjectIds(TrailEntry e) {
		if (e.subjectId() != null) {
			return e.subjectId().toString();
		}
		return String.join(" ", e.subjectIds().stream().map(UUID::toString).toList());
	}

	private static String subjectNames(TrailEntry e) {
		return (e.subjectName() != null) ? e.subjectName() : String.join("; ", e.subjectNames());
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
