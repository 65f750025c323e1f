package app.tdah.focus;

import java.time.Instant;
import java.util.UUID;

/** A focus session whose timer ran to its end. */
public record FocusSession(UUID id, UUID taskId, int minutes, Instant endedAt) {

    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 50;
}
