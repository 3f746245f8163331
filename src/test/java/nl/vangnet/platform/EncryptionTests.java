package nl.vangnet.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EncryptionTests {

	private static final String ADDRESS = "Geheimstraat 7, 3011 AB Zuidstad";

	private final Encryption encryption = Encryption.withKey(new byte[32]);

	@Test
	void encryptedTextDecryptsToTheSameTextForTheSameContext() {
		byte[] sealed = this.encryption.encrypt(ADDRESS, "household:1");

		assertThat(this.encryption.decrypt(sealed, "household:1")).isEqualTo(ADDRESS);
	}

	@Test
	void theCiphertextDoesNotContainThePlaintextAndDiffersEveryTime() {
		byte[] first = this.encryption.encrypt(ADDRESS, "household:1");
		byte[] second = this.encryption.encrypt(ADDRESS, "household:1");

		assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("Geheimstraat");
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void aValueCopiedToAnotherContextDoesNotDecrypt() {
		byte[] sealed = this.encryption.encrypt(ADDRESS, "household:1");

		assertThatIllegalStateException().isThrownBy(() -> this.encryption.decrypt(sealed, "household:2"))
			.withMessageNotContaining("Geheimstraat");
	}

	@Test
	void aChangedValueDoesNotDecrypt() {
		byte[] sealed = this.encryption.encrypt(ADDRESS, "household:1");
		sealed[sealed.length - 1] ^= 1;

		assertThatIllegalStateException().isThrownBy(() -> this.encryption.decrypt(sealed, "household:1"));
	}

	@Test
	void anotherKeyCannotDecrypt() {
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		byte[] sealed = Encryption.withKey(otherKey).encrypt(ADDRESS, "household:1");

		assertThatIllegalStateException().isThrownBy(() -> this.encryption.decrypt(sealed, "household:1"));
	}

	@Test
	void nullStaysNull() {
		assertThat(this.encryption.encrypt(null, "x")).isNull();
		assertThat(this.encryption.decrypt(null, "x")).isNull();
	}

	@Test
	void aMissingKeyFileIsGeneratedOnceReadableByItsOwnerOnlyAndThenReused(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("data").resolve(Encryption.KEY_FILE);

		byte[] generated = Encryption.keyFromFile(file);
		byte[] again = Encryption.keyFromFile(file);

		assertThat(generated).hasSize(32).isEqualTo(again);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.list(file.getParent())).containsExactly(file);
	}

	@Test
	void aKeyFromTheEnvironmentMustBeThirtyTwoBytesOfBase64() {
		String good = Base64.getEncoder().encodeToString(new byte[32]);

		assertThat(Encryption.decodeKey(good, "VANGNET_ENCRYPTION_KEY")).hasSize(32);
		assertThatIllegalStateException()
			.isThrownBy(() -> Encryption.decodeKey(Base64.getEncoder().encodeToString(new byte[16]), "KEY"))
			.withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> Encryption.decodeKey("not base64!", "KEY"))
			.withMessageContaining("base64");
	}

}
