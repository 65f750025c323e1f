package app.tdah.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the server must read back later (an authenticator's TOTP key, OAuth tokens), encrypted at rest with
 * AES-256-GCM under the operator's {@link EncryptionKeys}. A sealed value is a format byte ({@value #FORMAT}), the length
 * and ASCII id of the key that sealed it, a random 96-bit nonce, then the ciphertext and its 128-bit tag. The associated
 * data binds a value to where it belongs (say, the account id and what the value is), so a sealed value copied onto
 * another row does not open; the header is authenticated with it, so the key id cannot be swapped either.
 *
 * <p>Values sealed before key ids existed (format {@value #LEGACY_FORMAT}: no key id, the header not authenticated) open
 * with the key {@value EncryptionKeys#LEGACY_ID} until {@code rotate-keys} re-seals them.
 */
public final class AesGcm {

    private static final byte LEGACY_FORMAT = 1;
    private static final byte FORMAT = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String primaryId;

    /**
     * Each AES key is derived from the configured one with HMAC-SHA256, so a configured key of any length from 32 bytes
     * on gives a full-strength 256-bit key, and this use of it is separate from any other.
     */
    public AesGcm(EncryptionKeys configured) {
        configured.keys().forEach((id, key) -> keys.put(id, derive(key)));
        this.primaryId = configured.primaryId();
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] header = header(primaryId);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(primaryId), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + NONCE_BYTES + ciphertext.length)
                    .put(header).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * The plaintext; throws when the value was altered, sealed for other associated data, or under a key that is not
     * (or no longer) configured.
     */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        String keyId = keyId(sealed);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("Sealed under encryption key '" + keyId + "', which is not configured");
        }
        int headerLength = sealed[0] == LEGACY_FORMAT ? 1 : 2 + sealed[1];
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, headerLength, NONCE_BYTES));
            if (sealed[0] == FORMAT) {
                cipher.updateAAD(sealed, 0, headerLength);
            }
            cipher.updateAAD(associatedData);
            int body = headerLength + NONCE_BYTES;
            return cipher.doFinal(sealed, body, sealed.length - body);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Sealed value does not open: altered, or sealed for something else", e);
        }
    }

    /** The id of the key a value was sealed under. */
    public String keyId(byte[] sealed) {
        if (sealed.length >= 1 + NONCE_BYTES + TAG_BYTES && sealed[0] == LEGACY_FORMAT) {
            return EncryptionKeys.LEGACY_ID;
        }
        if (sealed.length < 2 || sealed[0] != FORMAT || sealed[1] < 1 || sealed.length < 2 + sealed[1] + NONCE_BYTES + TAG_BYTES) {
            throw new IllegalArgumentException("Not a sealed value of a known format");
        }
        return new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
    }

    /** Whether the value is sealed the way {@link #seal} seals today: this format, the primary key. */
    public boolean isCurrent(byte[] sealed) {
        return sealed.length > 0 && sealed[0] == FORMAT && primaryId.equals(keyId(sealed));
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + id.length).put(FORMAT).put((byte) id.length).put(id).array();
    }

    private static SecretKey derive(byte[] configuredKey) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(configuredKey, "HmacSHA256"));
            return new SecretKeySpec(hmac.doFinal("personal-assistant secrets at rest".getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the encryption key", e);
        }
    }
}
