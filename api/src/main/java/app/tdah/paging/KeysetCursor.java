package app.tdah.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import app.tdah.errors.BadArgument;

/**
 * The opaque {@code after} cursor of connections ordered newest first: the last row's creation time and id, which a
 * keyset query continues from ({@code (created_at, id) < (?, ?)}).
 */
public record KeysetCursor(Instant createdAt, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or a {@link BadArgument} saying it is invalid (a client bug, not a business mistake). */
    public static KeysetCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new KeysetCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new BadArgument("Invalid cursor");
        }
    }

    /** The page size a connection was asked for, within 0..max, or a {@link BadArgument}. */
    public static int pageSize(Integer first, int max) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > max) {
            throw new BadArgument("first must be between 0 and " + max);
        }
        return size;
    }
}
