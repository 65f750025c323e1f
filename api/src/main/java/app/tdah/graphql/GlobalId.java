package app.tdah.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Opaque global ids: base64url of {@code Type:uuid}, so clients never build or parse ids themselves. */
public final class GlobalId {

    private GlobalId() {
    }

    public static String encode(String type, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The UUID inside a global id of the given type; empty for anything else, so a bad id reads as "not found". */
    public static Optional<UUID> decode(String type, String globalId) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
            String prefix = type + ":";
            return decoded.startsWith(prefix) ? Optional.of(UUID.fromString(decoded.substring(prefix.length()))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
