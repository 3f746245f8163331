package nl.vangnet.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import nl.vangnet.platform.VangnetProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The chains' heads written outside the database, at intervals
 * ({@code VANGNET_TRAIL_HEAD_INTERVAL}, 1 minute) and when Vangnet stops, to a file next
 * to the data directory ({@code VANGNET_TRAIL_HEAD_FILE}): whoever cuts off the end of a
 * chain in the database, head row and all, is seen against it. The file names the
 * database it belongs to and is sealed with the trail's key; rows written after its last
 * writing are not covered by it.
 * <p>
 * Format {@value #FORMAT}: one line per chain ({@code organisation chain seq hmac}), then
 * {@code installation}, {@code written} and the {@code seal} over everything before it.
 */
@Component
class TrailHeads {

	static final String FORMAT = "vangnet-trail-heads/1";

	private static final Logger log = LoggerFactory.getLogger(TrailHeads.class);

	private final JdbcClient jdbc;

	private final TrailChain links;

	private final Path file;

	private final Clock clock;

	TrailHeads(JdbcClient jdbc, TrailChain links, TrailSettings settings, VangnetProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.file = settings.headFile(properties.dataDir());
		this.clock = clock;
	}

	Path file() {
		return this.file;
	}

	@Scheduled(fixedDelayString = "${vangnet.trail.head-interval:1m}",
			initialDelayString = "${vangnet.trail.head-interval:1m}")
	void writeAtInterval() {
		try {
			write();
		}
		catch (RuntimeException | IOException ex) {
			log.warn("The trail's heads could not be written to {}: {}", this.file, ex.getMessage());
		}
	}

	@PreDestroy
	void writeAtStop() {
		writeAtInterval();
	}

	/**
	 * Writes the heads of every chain now (atomically: a reader sees the old or the new).
	 * Never backwards: a chain whose head in the database is behind the one last written
	 * (its end was cut off) keeps the head last written, so that the file goes on showing
	 * the cut until someone deliberately moves the file away.
	 */
	void write() throws IOException {
		UUID installation = this.jdbc.sql("select id from trail_installation").query(UUID.class).single();
		Snapshot previous;
		try {
			previous = read();
		}
		catch (IllegalStateException ex) {
			log.error("{}; not overwriting it", ex.getMessage());
			return;
		}
		java.util.Map<String, Head> current = new java.util.TreeMap<>();
		this.jdbc.sql("select organisation_id, chain, seq, hmac from trail_chain").query((rs) -> {
			Head head = new Head(rs.getObject("organisation_id", UUID.class), rs.getString("chain"), rs.getLong("seq"),
					rs.getBytes("hmac"));
			current.put(head.organisation() + " " + head.chain(), head);
		});
		if (previous != null) {
			for (Head before : previous.heads()) {
				String key = before.organisation() + " " + before.chain();
				Head now = current.get(key);
				if (now == null || now.seq() < before.seq()) {
					log.error(
							"The access trail's chain {} is behind its head written outside the database ({} < {} rows);"
									+ " keeping that head",
							key, (now != null) ? now.seq() : 0, before.seq());
					current.put(key, before);
				}
			}
		}
		StringBuilder text = new StringBuilder(FORMAT).append('\n');
		for (Head head : current.values()) {
			text.append(head.organisation())
				.append(' ')
				.append(head.chain())
				.append(' ')
				.append(head.seq())
				.append(' ')
				.append(HexFormat.of().formatHex(head.hmac()))
				.append('\n');
		}
		text.append("installation ").append(installation).append('\n');
		text.append("written ").append(this.clock.instant()).append('\n');
		String seal = HexFormat.of().formatHex(this.links.seal(text.toString()));
		text.append("seal ").append(seal).append('\n');
		Path dir = this.file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temporary = Files.createTempFile(dir, this.file.getFileName().toString(), ".tmp");
		Files.writeString(temporary, text, StandardCharsets.UTF_8);
		try {
			Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * The heads last written for this database, or {@code null} when there is no file, it
	 * belongs to another database, or it cannot be read.
	 * @throws IllegalStateException when the file's seal does not match (it was changed)
	 */
	Snapshot read() {
		if (!Files.exists(this.file)) {
			return null;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			log.warn("The trail's heads could not be read from {}: {}", this.file, ex.getMessage());
			return null;
		}
		if (lines.isEmpty() || !FORMAT.equals(lines.get(0)) || !lines.get(lines.size() - 1).startsWith("seal ")) {
			throw new IllegalStateException("The trail's head file " + this.file + " is not a head file");
		}
		UUID installation = this.jdbc.sql("select id from trail_installation").query(UUID.class).single();
		List<Head> heads = new ArrayList<>();
		UUID writtenFor = null;
		String writtenAt = null;
		try {
			for (String line : lines.subList(1, lines.size() - 1)) {
				String[] parts = line.split(" ");
				if (parts[0].equals("installation")) {
					writtenFor = UUID.fromString(parts[1]);
				}
				else if (parts[0].equals("written")) {
					writtenAt = parts[1];
				}
				else {
					heads.add(new Head(UUID.fromString(parts[0]), parts[1], Long.parseLong(parts[2]),
							HexFormat.of().parseHex(parts[3])));
				}
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The trail's head file " + this.file + " cannot be read: it was changed");
		}
		if (!installation.equals(writtenFor)) {
			// The heads of another database (a test's, one before a new installation).
			return null;
		}
		String sealed = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
		byte[] seal;
		try {
			seal = HexFormat.of().parseHex(lines.get(lines.size() - 1).substring(5).strip());
		}
		catch (IllegalArgumentException ex) {
			seal = new byte[0];
		}
		if (!TrailChain.same(seal, this.links.seal(sealed))) {
			throw new IllegalStateException(
					"The trail's head file " + this.file + " was changed (its seal does not match)");
		}
		return new Snapshot(heads, writtenAt);
	}

	record Head(UUID organisation, String chain, long seq, byte[] hmac) {
	}

	record Snapshot(List<Head> heads, String writtenAt) {

		Head head(UUID organisation, String chain) {
			return this.heads.stream()
				.filter((h) -> h.organisation().equals(organisation) && h.chain().equals(chain))
				.findFirst()
				.orElse(null);
		}

	}

}
