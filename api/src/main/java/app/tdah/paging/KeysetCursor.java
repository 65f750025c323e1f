package app.tdah.paging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cursor of lists ordered newest first: a row's creation time and id, which a keyset query continues from
 * ({@code (created_at, id) < (?, ?)}).
 */
public record KeysetCursor(Instant createdAt, UUID id) {

    private static final String SEPARATOR = "|";

    public String encode() {
        return Cursors.encode(createdAt + SEPARATOR + id);
    }

    /** The cursor, or a {@link app.tdah.errors.BadArgument} saying it is invalid (a client bug, not a business mistake). */
    public static KeysetCursor decode(String cursor) {
        return Cursors.decode(cursor, text -> {
            String[] parts = text.split("\\|");
            return new KeysetCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        });
    }

    /**
     * The SQL condition that continues a newest-first list after the cursor, {@code AND (created, id) < (?, ?)} with its
     * two values added to {@code params}; empty for the first page.
     */
    public static String continuing(Optional<KeysetCursor> after, String createdAtColumn, String idColumn, List<Object> params) {
        if (after.isEmpty()) {
            return "";
        }
        params.add(after.get().createdAt().atOffset(ZoneOffset.UTC));
        params.add(after.get().id());
        return " AND (" + createdAtColumn + ", " + idColumn + ") < (?, ?::uuid) ";
    }
}
