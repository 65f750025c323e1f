package app.tdah.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets handed to a client that later presents them (refresh tokens, calendar feed tokens): 32 random bytes in
 * base64url, stored only as their SHA-256 so that a copy of the database holds nothing that works.
 */
public final class BearerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private BearerSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape {@link #generate()} gives, so that anything else is refused before a look-up. */
    public static boolean isWellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    /** Whether a secret presented equals the expected one, in constant time: how much of a guess matched never shows. */
    public static boolean matches(Optional<String> presented, String expected) {
        return presented.isPresent() && MessageDigest.isEqual(presented.get().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
