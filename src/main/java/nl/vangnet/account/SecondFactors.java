package nl.vangnet.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.VangnetProperties;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.staff.SecondFactor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factors of staff accounts: a TOTP authenticator app with its recovery codes,
 * and passkeys ({@link Passkeys}). Who must use one follows the organisation's setting,
 * else the installation's ({@code VANGNET_SECOND_FACTOR}); whoever enrolled one always
 * uses it.
 */
@Service
class SecondFactors {

	/** How long a started TOTP enrolment waits for its confirmation. */
	static final Duration ENROLMENT_TIME = Duration.ofMinutes(10);

	static final int RECOVERY_CODES = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final Clock clock;

	private final AccessTrail trail;

	private final OrganisationApi organisations;

	private final VangnetProperties properties;

	private final Passkeys passkeys;

	SecondFactors(JdbcClient jdbc, Encryption encryption, Clock clock, AccessTrail trail, OrganisationApi organisations,
			VangnetProperties properties, Passkeys passkeys) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.clock = clock;
		this.trail = trail;
		this.organisations = organisations;
		this.properties = properties;
		this.passkeys = passkeys;
	}

	/**
	 * Whether the account must use a second factor: every role that sees client data and
	 * every administrator, when its organisation (else the installation) requires one.
	 */
	boolean required(Role role, UUID organisationId) {
		if (role != Role.ADMINISTRATOR && !role.seesClientData()) {
			return false;
		}
		return policy(organisationId) == SecondFactor.REQUIRED;
	}

	SecondFactor policy(UUID organisationId) {
		SecondFactor own = this.organisations.byId(organisationId).map(OrganisationSummary::secondFactor).orElse(null);
		return (own != null) ? own : this.properties.secondFactor();
	}

	/** Whether the account has a confirmed TOTP or a passkey. */
	@Transactional(readOnly = true)
	boolean enrolled(UUID accountId) {
		return totpActive(accountId) || this.passkeys.any(accountId);
	}

	boolean totpActive(UUID accountId) {
		return this.jdbc.sql("select count(*) from account_totp where account_id = :id and secret is not null")
			.param("id", accountId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Starts (or starts again) a TOTP enrolment: a new secret and new recovery codes,
	 * which count only once a code of the secret confirms them. An active TOTP stays
	 * until then.
	 */
	@Transactional
	Enrolment startTotp(UUID accountId, String accountLabel) {
		String secret = Totp.newSecret();
		OffsetDateTime now = now();
		this.jdbc.sql("""
				insert into account_totp (account_id, pending_secret, pending_since) values (:id, :secret, :now)
				on conflict (account_id) do update set pending_secret = excluded.pending_secret,
				  pending_since = excluded.pending_since
				""")
			.param("id", accountId)
			.param("secret", this.encryption.encrypt(secret, context(accountId)))
			.param("now", now)
			.update();
		this.jdbc.sql("delete from account_recovery_code where account_id = :id and pending")
			.param("id", accountId)
			.update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = newRecoveryCode();
			codes.add(code);
			this.jdbc
				.sql("insert into account_recovery_code (account_id, code_hash, pending) values (:id, :hash, true)")
				.param("id", accountId)
				.param("hash", sha256(normaliseRecoveryCode(code)))
				.update();
		}
		return new Enrolment(secret, Totp.otpauthUri(secret, accountLabel), List.copyOf(codes));
	}

	/**
	 * The secret of the started enrolment, to show it again with its QR code after a
	 * wrong confirmation; empty when none is started or it expired.
	 */
	@Transactional(readOnly = true)
	java.util.Optional<String> pendingSecret(UUID accountId) {
		return this.jdbc.sql("select pending_secret, pending_since from account_totp where account_id = :id")
			.param("id", accountId)
			.query((rs, row) -> new Pending(rs.getBytes("pending_secret"),
					(rs.getObject("pending_since", OffsetDateTime.class) != null)
							? rs.getObject("pending_since", OffsetDateTime.class).toInstant() : null))
			.optional()
			.filter((pending) -> pending.secret() != null
					&& !pending.since().plus(ENROLMENT_TIME).isBefore(this.clock.instant()))
			.map((pending) -> this.encryption.decrypt(pending.secret(), context(accountId)));
	}

	/**
	 * Confirms the started enrolment with a code of its secret: the secret and its
	 * recovery codes become the account's. Nothing changes when the code is wrong or the
	 * enrolment expired.
	 * @throws DomainException on {@code code}
	 */
	@Transactional
	void confirmTotp(UUID accountId, UUID organisationId, String code) {
		Pending pending = this.jdbc
			.sql("select pending_secret, pending_since from account_totp where account_id = :id for update")
			.param("id", accountId)
			.query((rs, row) -> new Pending(rs.getBytes("pending_secret"),
					(rs.getObject("pending_since", OffsetDateTime.class) != null)
							? rs.getObject("pending_since", OffsetDateTime.class).toInstant() : null))
			.optional()
			.orElse(null);
		if (pending == null || pending.secret() == null) {
			throw new DomainException("code", "factor.totp.notStarted");
		}
		Instant now = this.clock.instant();
		if (pending.since().plus(ENROLMENT_TIME).isBefore(now)) {
			throw new DomainException("code", "factor.totp.expired");
		}
		String secret = this.encryption.decrypt(pending.secret(), context(accountId));
		OptionalLong step = Totp.matchingStep(secret, code, now, null);
		if (step.isEmpty()) {
			throw new DomainException("code", "factor.code.wrong");
		}
		this.jdbc.sql("""
				update account_totp set secret = pending_secret, confirmed_at = :now, last_used_step = :step,
				  pending_secret = null, pending_since = null
				where account_id = :id
				""").param("id", accountId).param("now", now()).param("step", step.getAsLong()).update();
		this.jdbc.sql("delete from account_recovery_code where account_id = :id and not pending")
			.param("id", accountId)
			.update();
		this.jdbc.sql("update account_recovery_code set pending = false where account_id = :id")
			.param("id", accountId)
			.update();
		this.trail.recordAccount(AccessAction.FACTOR_ENROLLED, accountId, organisationId);
	}

	/** An authenticator app with a known secret, confirmed at once (the demo). */
	@Transactional
	void enrolKnown(UUID accountId, String secret) {
		Totp.base32Decode(secret);
		this.jdbc.sql("""
				insert into account_totp (account_id, secret, confirmed_at) values (:id, :secret, :now)
				on conflict (account_id) do update set secret = excluded.secret, confirmed_at = excluded.confirmed_at,
				  last_used_step = null
				""")
			.param("id", accountId)
			.param("secret", this.encryption.encrypt(secret, context(accountId)))
			.param("now", now())
			.update();
	}

	/**
	 * Checks a code of the account's authenticator app (each step once) or one of its
	 * unused recovery codes (then used up).
	 */
	@Transactional
	boolean verify(UUID accountId, String code) {
		if (code == null || code.isBlank() || code.length() > 64) {
			return false;
		}
		Active active = this.jdbc.sql(
				"select secret, last_used_step from account_totp where account_id = :id and secret is not null for update")
			.param("id", accountId)
			.query((rs, row) -> new Active(rs.getBytes("secret"), (Long) rs.getObject("last_used_step")))
			.optional()
			.orElse(null);
		if (active != null) {
			String secret = this.encryption.decrypt(active.secret(), context(accountId));
			OptionalLong step = Totp.matchingStep(secret, code, this.clock.instant(), active.lastUsedStep());
			if (step.isPresent()) {
				this.jdbc.sql("update account_totp set last_used_step = :step where account_id = :id")
					.param("id", accountId)
					.param("step", step.getAsLong())
					.update();
				return true;
			}
		}
		return this.jdbc.sql("""
				update account_recovery_code set used_at = :now
				where account_id = :id and code_hash = :hash and not pending and used_at is null
				""")
			.param("id", accountId)
			.param("hash", sha256(normaliseRecoveryCode(code)))
			.param("now", now())
			.update() == 1;
	}

	/** An administrator removes every second factor of the account; in the trail. */
	@Transactional
	void reset(UUID accountId, UUID organisationId) {
		this.jdbc.sql("delete from account_totp where account_id = :id").param("id", accountId).update();
		this.jdbc.sql("delete from account_recovery_code where account_id = :id").param("id", accountId).update();
		this.passkeys.removeAll(accountId);
		this.trail.recordAccount(AccessAction.FACTORS_RESET, accountId, organisationId);
	}

	/** What the account has enrolled, for its own factors page and API. */
	@Transactional(readOnly = true)
	FactorsView view(UUID accountId, Role role, UUID organisationId) {
		Integer left = this.jdbc.sql(
				"select count(*) from account_recovery_code where account_id = :id and not pending and used_at is null")
			.param("id", accountId)
			.query(Integer.class)
			.single();
		return new FactorsView(required(role, organisationId), totpActive(accountId), left,
				this.passkeys.list(accountId));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static String context(UUID accountId) {
		return "account_totp:" + accountId;
	}

	/** 80 random bits in base32, as four groups of four. */
	static String newRecoveryCode() {
		byte[] bytes = new byte[10];
		RANDOM.nextBytes(bytes);
		String code = Totp.base32(bytes).toLowerCase(Locale.ROOT);
		return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
				+ code.substring(12, 16);
	}

	static String normaliseRecoveryCode(String code) {
		return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A started enrolment, as {@code POST /api/v1/me/factors/totp} answers it: the secret
	 * in base32, the address of the QR code, and the recovery codes, shown once.
	 */
	record Enrolment(String secret, String otpauthUri, List<String> recoveryCodes) {
	}

	/** The factors of an account. */
	record FactorsView(boolean required, boolean totp, int recoveryCodesLeft, List<Passkeys.PasskeyView> passkeys) {
	}

	private record Pending(byte[] secret, Instant since) {
	}

	private record Active(byte[] secret, Long lastUsedStep) {
	}

}
