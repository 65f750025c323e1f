package app.tdah.integrations;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import app.tdah.platform.AesGcm;

/**
 * OAuth tokens as stored: AES-256-GCM under the primary encryption key, with the person, the provider and the kind of
 * token as associated data, so a sealed token copied onto another person's row, another provider or the other column
 * does not open.
 */
final class SealedTokens {

    enum Kind { ACCESS, REFRESH }

    private final AesGcm aes;

    SealedTokens(AesGcm aes) {
        this.aes = aes;
    }

    byte[] seal(UUID userId, Provider provider, Kind kind, String token) {
        return aes.seal(token.getBytes(StandardCharsets.UTF_8), associatedData(userId, provider, kind));
    }

    String open(UUID userId, Provider provider, Kind kind, byte[] sealed) {
        return new String(aes.open(sealed, associatedData(userId, provider, kind)), StandardCharsets.UTF_8);
    }

    static byte[] associatedData(UUID userId, Provider provider, Kind kind) {
        return ("integration-token:" + userId + ":" + provider.code() + ":" + kind.name().toLowerCase(java.util.Locale.ROOT))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
