package app.tdah.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Six-digit phone verification codes. Only an HMAC-SHA256 of a code is stored, under a key derived from the server's
 * secret and bound to the person and the number: with a million possible codes a plain or salted hash would fall to
 * a brute force in a moment if the table leaked, the keyed one does not without the server's key.
 */
public final class VerificationCodes {

    private static final String HMAC = "HmacSHA256";
    private static final byte[] PURPOSE = "phone-verification-code/v1".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    /** {@code serverSecret}: the installation's secret key, the same on every node. */
    public VerificationCodes(byte[] serverSecret) {
        this.key = new SecretKeySpec(mac(new SecretKeySpec(serverSecret, HMAC), PURPOSE), HMAC);
    }

    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public byte[] hash(UUID userId, String e164, String code) {
        return mac(key, (userId + "|" + e164 + "|" + code).getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time: how much of a guess matched never shows in the time it takes. */
    public boolean matches(byte[] storedHash, UUID userId, String e164, String code) {
        return storedHash != null && MessageDigest.isEqual(storedHash, hash(userId, e164, code));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
