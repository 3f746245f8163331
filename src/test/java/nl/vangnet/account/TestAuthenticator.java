package nl.vangnet.account;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey authenticator for tests, in plain JDK cryptography: what a phone or a
 * security key does in a WebAuthn ceremony, without a browser. It makes a real P-256 key
 * pair, answers the registration options with a {@code none} attestation (authenticator
 * data with the attested credential and its COSE key, CBOR-encoded) and the
 * authentication options with an ES256 signature over the authenticator data and the hash
 * of the client data, as navigator.credentials would; the server (Spring Security with
 * webauthn4j) verifies all of it as it would a real device's. The JSON is the one Spring
 * Security's own script posts.
 */
public final class TestAuthenticator {

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

	private final String rpId;

	private final String origin;

	private final KeyPair keys;

	private final byte[] credentialId;

	private int signCount;

	private byte[] userHandle;

	/** For the relying party of the tests: {@code localhost} at http://localhost:8080. */
	public TestAuthenticator() {
		this("localhost", "http://localhost:8080");
	}

	public TestAuthenticator(String rpId, String origin) {
		this.rpId = rpId;
		this.origin = origin;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		this.credentialId = new byte[32];
		new SecureRandom().nextBytes(this.credentialId);
	}

	/** The credential's id, base64url as in the JSON. */
	public String credentialId() {
		return URL.encodeToString(this.credentialId);
	}

	/**
	 * The body of {@code POST /webauthn/register} for the options' challenge and user.
	 * @param challenge the options' {@code challenge} (base64url)
	 * @param userId the options' {@code user.id} (base64url)
	 */
	public String register(String challenge, String userId, String label) {
		this.userHandle = URL_DECODER.decode(userId);
		byte[] clientData = clientData("webauthn.create", challenge);
		ByteArrayOutputStream authData = new ByteArrayOutputStream();
		authData.writeBytes(sha256(this.rpId.getBytes(StandardCharsets.UTF_8)));
		// user present, user verified, attested credential data
		authData.write(0x01 | 0x04 | 0x40);
		authData.writeBytes(ByteBuffer.allocate(4).putInt(this.signCount).array());
		authData.writeBytes(new byte[16]);
		authData.writeBytes(ByteBuffer.allocate(2).putShort((short) this.credentialId.length).array());
		authData.writeBytes(this.credentialId);
		authData.writeBytes(coseKey());
		Map<Object, Object> attestation = new LinkedHashMap<>();
		attestation.put("fmt", "none");
		attestation.put("attStmt", Map.of());
		attestation.put("authData", authData.toByteArray());
		String id = credentialId();
		return """
				{"publicKey": {"label": "%s", "credential": {"id": "%s", "rawId": "%s", "type": "public-key",
				  "response": {"attestationObject": "%s", "clientDataJSON": "%s", "transports": ["internal"]},
				  "clientExtensionResults": {}, "authenticatorAttachment": "platform"}}}""".formatted(label, id, id,
				URL.encodeToString(Cbor.encode(attestation)), URL.encodeToString(clientData));
	}

	/**
	 * The body of {@code POST /login/webauthn} for the options' challenge: an assertion
	 * signed with this credential's key.
	 */
	public String assertion(String challenge) {
		return assertion(challenge, this.origin, false);
	}

	/**
	 * An assertion that the server must refuse: signed over other data than it sends (a
	 * stolen or replayed answer, a phishing site's signature).
	 */
	public String forgedAssertion(String challenge) {
		return assertion(challenge, this.origin, true);
	}

	private String assertion(String challenge, String origin, boolean forged) {
		byte[] clientData = clientData("webauthn.get", challenge, origin);
		this.signCount++;
		ByteArrayOutputStream authData = new ByteArrayOutputStream();
		authData.writeBytes(sha256(this.rpId.getBytes(StandardCharsets.UTF_8)));
		authData.write(0x01 | 0x04);
		authData.writeBytes(ByteBuffer.allocate(4).putInt(this.signCount).array());
		byte[] data = authData.toByteArray();
		byte[] signed = new byte[data.length + 32];
		System.arraycopy(data, 0, signed, 0, data.length);
		System.arraycopy(sha256(forged ? clientData("webauthn.get", challenge, "https://elders.example") : clientData),
				0, signed, data.length, 32);
		byte[] signature;
		try {
			Signature ecdsa = Signature.getInstance("SHA256withECDSA");
			ecdsa.initSign(this.keys.getPrivate());
			ecdsa.update(signed);
			signature = ecdsa.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		String id = credentialId();
		String handle = (this.userHandle != null) ? "\"" + URL.encodeToString(this.userHandle) + "\"" : "null";
		return """
				{"id": "%s", "rawId": "%s", "type": "public-key",
				 "response": {"authenticatorData": "%s", "clientDataJSON": "%s", "signature": "%s", "userHandle": %s},
				 "clientExtensionResults": {}, "authenticatorAttachment": "platform"}""".formatted(id, id,
				URL.encodeToString(data), URL.encodeToString(clientData), URL.encodeToString(signature), handle);
	}

	private byte[] clientData(String type, String challenge) {
		return clientData(type, challenge, this.origin);
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The public key as COSE: EC2, ES256, P-256, x and y. */
	private byte[] coseKey() {
		ECPublicKey key = (ECPublicKey) this.keys.getPublic();
		Map<Object, Object> cose = new LinkedHashMap<>();
		cose.put(1, 2);
		cose.put(3, -7);
		cose.put(-1, 1);
		cose.put(-2, coordinate(key.getW().getAffineX()));
		cose.put(-3, coordinate(key.getW().getAffineY()));
		return Cbor.encode(cose);
	}

	private static byte[] coordinate(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The little CBOR (RFC 8949) that WebAuthn needs: integers, texts, bytes, maps. */
	static final class Cbor {

		private Cbor() {
		}

		static byte[] encode(Object value) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			write(out, value);
			return out.toByteArray();
		}

		private static void write(ByteArrayOutputStream out, Object value) {
			if (value instanceof Integer number) {
				if (number >= 0) {
					head(out, 0, number);
				}
				else {
					head(out, 1, -1L - number);
				}
			}
			else if (value instanceof String text) {
				byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
				head(out, 3, bytes.length);
				out.writeBytes(bytes);
			}
			else if (value instanceof byte[] bytes) {
				head(out, 2, bytes.length);
				out.writeBytes(bytes);
			}
			else if (value instanceof Map<?, ?> map) {
				head(out, 5, map.size());
				map.forEach((k, v) -> {
					write(out, k);
					write(out, v);
				});
			}
			else {
				throw new IllegalArgumentException("not in this CBOR: " + value);
			}
		}

		private static void head(ByteArrayOutputStream out, int major, long length) {
			int type = major << 5;
			if (length < 24) {
				out.write(type | (int) length);
			}
			else if (length < 256) {
				out.write(type | 24);
				out.write((int) length);
			}
			else if (length < 65536) {
				out.write(type | 25);
				out.write((int) (length >> 8));
				out.write((int) length & 0xff);
			}
			else {
				out.write(type | 26);
				out.writeBytes(ByteBuffer.allocate(4).putInt((int) length).array());
			}
		}

	}

}
