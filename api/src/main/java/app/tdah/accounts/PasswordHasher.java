package app.tdah.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing, stored in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}) so the
 * parameters travel with each hash and can be raised later without invalidating existing passwords. Every computation
 * takes one of the node's {@link HashingSlots}, and fails as {@link app.tdah.errors.Overloaded} when none frees up.
 */
public final class PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Settings settings;
    private final HashingSlots slots;
    private final SecureRandom random = new SecureRandom();
    /**
     * Verified against when an email is unknown, so both answers take the same time. Its hash part is random bytes:
     * no password matches it, and verification still runs Argon2 with the current parameters.
     */
    private final String decoyHash;

    public PasswordHasher(Argon2Settings settings, HashingSlots slots) {
        this.settings = settings;
        this.slots = slots;
        this.decoyHash = phc(randomBytes(SALT_BYTES), randomBytes(HASH_BYTES));
    }

    public String hash(String password) {
        byte[] salt = randomBytes(SALT_BYTES);
        return phc(salt, derive(password, salt, settings.memoryKib(), settings.iterations(), settings.parallelism(), HASH_BYTES));
    }

    /**
     * Whether the password matches the stored hash. An account without a password (a null hash: it signs in through
     * Google or Microsoft) matches nothing, after the same work as a real check so the answer's timing tells nothing.
     */
    public boolean verify(String password, String phc) {
        if (phc == null) {
            verifyDecoy(password);
            return false;
        }
        // Counted so that operators (and bench/login-burst) see how much hashing guessing costs the server.
        Metrics.getOrCreate(Counter.builder("auth.password.checks").description("Argon2id password verifications")).increment();
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)),
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same work as a real verification, for an account that does not exist. */
    public void verifyDecoy(String password) {
        verify(password, decoyHash);
    }

    private String phc(byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p=" + settings.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return slots.run(() -> argon2id(password, salt, memoryKib, iterations, parallelism, length));
    }

    private static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
