package nl.vangnet.access;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.VangnetProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The links of the trail's chains (issue 17, item 6): each row carries an HMAC-SHA256 of
 * its content and of the HMAC before it in its chain, keyed by a key the database never
 * holds (like the encryption key: {@code VANGNET_TRAIL_KEY} or the file
 * {@value #KEY_FILE} in the data directory). A changed row no longer matches its HMAC, a
 * deleted one leaves a gap in the positions, and a cut-off end is seen against the heads
 * written outside the database ({@link TrailHeads}).
 * <p>
 * A chain is per organisation (the rows without one form their own), in two strands:
 * {@link #MAIN} for rows written in the transaction of what they record, {@link #SELF}
 * for rows written in a transaction of their own (sign-ins, refusals), which may happen
 * while the same thread's main transaction holds its organisation's head.
 */
@Component
class TrailChain {

	static final String KEY_FILE = "trail.key";

	static final String MAIN = "MAIN";

	static final String SELF = "SELF";

	/** The chain of the rows without an organisation. */
	static final UUID NO_ORGANISATION = new UUID(0, 0);

	static final byte[] GENESIS = new byte[32];

	private final SecretKeySpec key;

	@Autowired
	TrailChain(VangnetProperties properties, TrailSettings settings) {
		this(Encryption.secretKey(settings.key(), "VANGNET_TRAIL_KEY", properties.dataDir().resolve(KEY_FILE)));
	}

	TrailChain(byte[] key) {
		this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
	}

	/**
	 * Takes the chain's head for this transaction (waiting while another transaction of
	 * the same chain holds it) and answers the next link's position, the HMAC before it
	 * and the moment of the row.
	 */
	Head take(JdbcClient jdbc, UUID organisation, String chain) {
		UUID chainOrganisation = (organisation != null) ? organisation : NO_ORGANISATION;
		held(chainOrganisation, chain);
		Head head = lock(jdbc, chainOrganisation, chain);
		if (head == null) {
			jdbc.sql("""
					insert into trail_chain (organisation_id, chain, seq, hmac) values (:organisation, :chain, 0, :hmac)
					on conflict do nothing""")
				.param("organisation", chainOrganisation)
				.param("chain", chain)
				.param("hmac", GENESIS)
				.update();
			head = lock(jdbc, chainOrganisation, chain);
		}
		return head;
	}

	/**
	 * Takes the heads of these organisations' chains for this transaction in one order,
	 * that of their ids ({@link #ORDER}), before it writes into any of them: two
	 * transactions that each write into the trails of the same two organisations (a read
	 * of a shared household, recorded in the reader's and in the owner's trail) then
	 * never each hold the head the other waits for.
	 */
	void takeInOrder(JdbcClient jdbc, Collection<UUID> organisations, String chain) {
		List<UUID> ordered = organisations.stream()
			.map((o) -> (o != null) ? o : NO_ORGANISATION)
			.distinct()
			.sorted(ORDER)
			.toList();
		for (UUID organisation : ordered) {
			take(jdbc, organisation, chain);
		}
	}

	/** The order of heads: by organisation id, as PostgreSQL orders uuids. */
	static final Comparator<UUID> ORDER = Comparator.comparing(UUID::toString);

	/**
	 * Notes the head taken by this transaction; a head of a lower id than one already
	 * held is taken out of order (a possible deadlock with a transaction that takes the
	 * two the other way round): the writer should have called {@link #takeInOrder}.
	 */
	private static void held(UUID organisation, String chain) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		String key = HELD + chain;
		@SuppressWarnings("unchecked")
		java.util.NavigableSet<UUID> held = (java.util.NavigableSet<UUID>) TransactionSynchronizationManager
			.getResource(key);
		if (held == null) {
			java.util.NavigableSet<UUID> fresh = new java.util.TreeSet<>(ORDER);
			TransactionSynchronizationManager.bindResource(key, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}
			});
			held = fresh;
		}
		if (!held.contains(organisation) && !held.isEmpty() && ORDER.compare(organisation, held.last()) < 0) {
			log.warn("The trail's chain heads were taken out of order ({} after {}): call takeInOrder first",
					organisation, held.last());
		}
		held.add(organisation);
	}

	private static final String HELD = TrailChain.class.getName() + ".held.";

	private static final Logger log = LoggerFactory.getLogger(TrailChain.class);

	private static Head lock(JdbcClient jdbc, UUID organisation, String chain) {
		return jdbc.sql("""
				select seq, hmac, clock_timestamp() as now from trail_chain
				where organisation_id = :organisation and chain = :chain for update""")
			.param("organisation", organisation)
			.param("chain", chain)
			.query((rs, n) -> new Head(organisation, chain, rs.getLong("seq"), rs.getBytes("hmac"),
					rs.getObject("now", OffsetDateTime.class)))
			.optional()
			.orElse(null);
	}

	/** The HMAC of a row at its position in its chain. */
	byte[] hmac(Link link, byte[] previous) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
			DataOutputStream out = new DataOutputStream(bytes);
			out.write(previous);
			text(out, link.chainOrganisation().toString());
			text(out, link.chain());
			out.writeLong(link.seq());
			out.writeLong(micros(link.occurredAt()));
			text(out, string(link.actorId()));
			text(out, link.actorLabel());
			text(out, link.actorRole());
			text(out, link.subjectType());
			text(out, string(link.subjectId()));
			text(out, (link.subjectIds() != null)
					? String.join(",", link.subjectIds().stream().map(UUID::toString).toList()) : null);
			text(out, link.action());
			text(out, link.outcome());
			text(out, link.detail());
			text(out, link.clientAddress());
			out.flush();
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(bytes.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** An HMAC of a text (the head file's own seal). */
	byte[] seal(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	static boolean same(byte[] a, byte[] b) {
		return MessageDigest.isEqual(a, b);
	}

	static long micros(OffsetDateTime at) {
		Instant instant = at.toInstant();
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
	}

	private static String string(UUID id) {
		return (id != null) ? id.toString() : null;
	}

	private static void text(DataOutputStream out, String value) throws IOException {
		if (value == null) {
			out.writeInt(-1);
			return;
		}
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	/** A chain's head, locked for this transaction. */
	record Head(UUID chainOrganisation, String chain, long seq, byte[] hmac, OffsetDateTime now) {
	}

	/** What a row's HMAC covers. */
	record Link(UUID chainOrganisation, String chain, long seq, OffsetDateTime occurredAt, UUID actorId,
			String actorLabel, String actorRole, String subjectType, UUID subjectId, List<UUID> subjectIds,
			String action, String outcome, String detail, String clientAddress) {
	}

}
