package nl.vangnet.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts what must never be readable at rest, such as a confidential address: AES-256
 * in GCM mode, so that a changed or misplaced value is detected rather than decrypted to
 * garbage.
 * <p>
 * The key comes from the environment ({@code VANGNET_ENCRYPTION_KEY}, 32 bytes in base64)
 * or, when that is unset, from the file {@value #KEY_FILE} in the data directory, which
 * is generated once and readable by its owner only. Losing the key means losing every
 * encrypted value: back it up with the database, but never in the same place.
 * <p>
 * Every value is encrypted for a <em>context</em> (for example the row it belongs to),
 * which must be given again to decrypt it: a value copied to another row does not
 * decrypt.
 */
@Component
public class Encryption {

	static final String KEY_FILE = "encryption.key";

	private static final Logger log = LoggerFactory.getLogger(Encryption.class);

	private static final int KEY_BYTES = 32;

	private static final byte FORMAT = 1;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	Encryption(VangnetProperties properties, Settings settings) {
		this((settings.key() != null && !settings.key().isBlank()) ? decodeKey(settings.key(), "VANGNET_ENCRYPTION_KEY")
				: keyFromFile(properties.dataDir().resolve(KEY_FILE)));
	}

	private Encryption(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * An encryption with the given key (32 bytes), for tools and tests.
	 */
	public static Encryption withKey(byte[] key) {
		if (key == null || key.length != KEY_BYTES) {
			throw new IllegalArgumentException("The encryption key must be 32 bytes");
		}
		return new Encryption(key.clone());
	}

	/**
	 * Encrypts the text for the context; {@code null} stays {@code null}.
	 */
	public byte[] encrypt(String plaintext, String context) {
		if (plaintext == null) {
			return null;
		}
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * Decrypts what {@link #encrypt} made for the same context; {@code null} stays
	 * {@code null}.
	 * @throws IllegalStateException when the value was changed, belongs to another
	 * context or was encrypted with another key
	 */
	public String decrypt(byte[] ciphertext, String context) {
		if (ciphertext == null) {
			return null;
		}
		if (ciphertext.length < 1 + IV_BYTES + TAG_BITS / 8 || ciphertext[0] != FORMAT) {
			throw new IllegalStateException("Not an encrypted value of a known format");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.key,
					new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(ciphertext, 1, 1 + IV_BYTES)));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(ciphertext, 1 + IV_BYTES, ciphertext.length - 1 - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			// Never say more: the message could end up in a log.
			throw new IllegalStateException("An encrypted value could not be decrypted (other key or changed value)");
		}
	}

	/**
	 * A 32-byte secret key kept like the encryption key: from the given base64 text when
	 * set, else from the file (generated once, readable by its owner only). For other
	 * secrets than the encryption key, such as the trail's HMAC key.
	 * @param configured the key in base64, or blank
	 * @param source the name of the setting, for messages
	 */
	public static byte[] secretKey(String configured, String source, Path file) {
		return (configured != null && !configured.isBlank()) ? decodeKey(configured, source) : keyFromFile(file);
	}

	static byte[] decodeKey(String base64, String source) {
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not valid base64");
		}
		if (decoded.length != KEY_BYTES) {
			throw new IllegalStateException(source + " must hold 32 bytes (256 bits), in base64");
		}
		return decoded;
	}

	/**
	 * Reads the key file, or generates it when it does not exist yet: written to a
	 * temporary file readable by its owner only, then moved into place, so that two
	 * instances starting at once end up with the same key.
	 */
	static byte[] keyFromFile(Path file) {
		try {
			if (Files.exists(file)) {
				warnWhenOthersCanRead(file);
				return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
			}
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			byte[] key = new byte[KEY_BYTES];
			new SecureRandom().nextBytes(key);
			Path temporary = ownerOnlyTemporaryFile(dir);
			Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
				Files.deleteIfExists(temporary);
				if (!Files.exists(file)) {
					throw ex;
				}
				return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
			}
			log.info("Generated a new encryption key in {}; back it up, apart from the database", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The encryption key file " + file + " could not be read or created", ex);
		}
	}

	private static Path ownerOnlyTemporaryFile(Path dir) throws IOException {
		try {
			return Files.createTempFile(dir, KEY_FILE, ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			return Files.createTempFile(dir, KEY_FILE, ".tmp");
		}
	}

	private static void warnWhenOthersCanRead(Path file) throws IOException {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (permissions.contains(PosixFilePermission.GROUP_READ)
					|| permissions.contains(PosixFilePermission.OTHERS_READ)) {
				log.warn("The encryption key file {} can be read by others than its owner; chmod 600 it", file);
			}
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: nothing to check.
		}
	}

	/**
	 * @param key the key in base64 ({@code VANGNET_ENCRYPTION_KEY}); blank for the key
	 * file in the data directory
	 */
	@ConfigurationProperties("vangnet.encryption")
	public record Settings(String key) {

		@Override
		public String toString() {
			return "Settings[key=" + ((this.key != null && !this.key.isBlank()) ? "(set)" : "(file)") + "]";
		}

	}

}
