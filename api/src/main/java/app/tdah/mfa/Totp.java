package app.tdah.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords, RFC 6238 with the parameters every authenticator app uses: HMAC-SHA-1, 6 digits,
 * 30-second steps counted from the Unix epoch. Verification accepts the step before and after the current one, for
 * phones whose clock is a little off.
 */
final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    /** Steps either side of now that a code may come from. */
    static final int TOLERANCE = 1;
    /** 160 bits, the length RFC 4226 recommends (the size of an HMAC-SHA-1 output). */
    static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as authenticator apps take it: base32 without padding. */
    static String base32(byte[] secret) {
        return Base32.toBase32String(secret).replace("=", "");
    }

    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /** RFC 4226 section 5.3: HMAC of the big-endian counter, dynamic truncation, the low decimal digits. */
    static String code(byte[] secret, long step, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        return String.format("%0" + digits + "d", binary % modulus);
    }

    /**
     * The step within tolerance of {@code now} whose code this is, newest first so that a step is never reported when
     * a later one also matches; empty when the code matches none. Compared in constant time.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        long current = step(now);
        for (long step = current + TOLERANCE; step >= current - TOLERANCE; step--) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
