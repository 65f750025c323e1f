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

    /** A decoded global id. */
    public record Parsed(String type, UUID id) {
    }

    /** The UUID inside a global id of the given type; empty for anything else, so a bad id reads as "not found". */
    public static Optional<UUID> decode(String type, String globalId) {
        return parse(globalId).filter(p -> p.type().equals(type)).map(Parsed::id);
    }

    public static Optional<Parsed> parse(String globalId) {
        if (globalId == null || globalId.length() > 200) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? Optional.empty()
                    : Optional.of(new Parsed(decoded.substring(0, colon), UUID.fromString(decoded.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
