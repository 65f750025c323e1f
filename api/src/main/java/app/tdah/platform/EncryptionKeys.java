package app.tdah.platform;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys that seal secrets at rest, each under a short id written into every value it seals, and the primary one new
 * values are sealed with. Several keys live side by side while they are rotated: values sealed under an older key still
 * open, and {@code rotate-keys} re-seals them under the primary.
 *
 * <p>Configured as {@code pa.encryption.keys} ({@code id:base64} pairs, comma-separated) and {@code pa.encryption.primary};
 * the single {@code pa.encryption.key} of earlier versions is the key {@value #LEGACY_ID}, which also opens values sealed
 * before key ids existed.
 */
public record EncryptionKeys(Map<String, byte[]> keys, String primaryId) {

    /** The id of {@code pa.encryption.key}. */
    public static final String LEGACY_ID = "k1";
    static final int MIN_KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    public EncryptionKeys {
        keys = Map.copyOf(keys);
        if (!keys.containsKey(primaryId)) {
            throw new IllegalStateException("PA_ENCRYPTION_PRIMARY names key '" + primaryId + "', which is not configured");
        }
    }

    /**
     * Reads the configured keys: {@code legacy} is {@code pa.encryption.key}, {@code list} {@code pa.encryption.keys} and
     * {@code primary} {@code pa.encryption.primary}. Without a primary, {@value #LEGACY_ID} is primary when the legacy key
     * is set, else the only key listed; several keys and no primary stop start-up, as does a malformed or short key.
     */
    public static EncryptionKeys parse(Optional<String> legacy, Optional<String> list, Optional<String> primary) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        legacy.ifPresent(base64 -> keys.put(LEGACY_ID, decode("PA_ENCRYPTION_KEY", base64)));
        for (String entry : list.map(s -> s.split(",")).orElse(new String[0])) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException("PA_ENCRYPTION_KEYS: each entry is id:base64, the id 1-16 letters, digits, - or _");
            }
            byte[] key = decode("PA_ENCRYPTION_KEYS key " + id, entry.substring(colon + 1));
            byte[] known = keys.putIfAbsent(id, key);
            if (known != null && !Arrays.equals(known, key)) {
                throw new IllegalStateException("Encryption key '" + id + "' is configured twice with different values");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No encryption key: set PA_ENCRYPTION_KEY (or PA_ENCRYPTION_KEYS)");
        }
        String primaryId = primary.orElseGet(() -> {
            if (legacy.isPresent()) {
                return LEGACY_ID;
            }
            if (keys.size() == 1) {
                return keys.keySet().iterator().next();
            }
            throw new IllegalStateException("Several encryption keys are configured: set PA_ENCRYPTION_PRIMARY to the id of "
                    + "the one new values are sealed with");
        });
        return new EncryptionKeys(keys, primaryId);
    }

    /** The primary key's bytes: also the installation's secret for keyed hashes that live minutes (phone codes). */
    public byte[] primary() {
        return keys.get(primaryId).clone();
    }

    static byte[] decode(String name, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(name + " must be at least " + MIN_KEY_BYTES + " bytes (base64 of 32 random bytes)");
        }
        return key;
    }

    @Override
    public String toString() {
        return "EncryptionKeys[ids=" + keys.keySet() + ", primary=" + primaryId + "]";
    }
}
