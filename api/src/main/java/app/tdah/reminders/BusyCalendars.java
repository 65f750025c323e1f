package app.tdah.reminders;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The person's connected calendars, as reminder dispatch asks them: is this a moment they are in a meeting? */
@FunctionalInterface
public interface BusyCalendars {

    /** When the person is free again, if {@code at} falls inside a busy event of theirs. */
    Optional<Instant> busyUntil(UUID userId, Instant at);

    /** For a server without calendar sync: never busy. */
    BusyCalendars NONE = (userId, at) -> Optional.empty();
}
