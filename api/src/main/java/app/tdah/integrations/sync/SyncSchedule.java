package app.tdah.integrations.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When each stream syncs next. Every integration has a fixed slot within the interval, taken from its id, so that
 * thousands of them spread evenly over the interval instead of bursting together; a stream that fails waits longer
 * each time (or as long as the provider asked).
 */
final class SyncSchedule {

    private final long intervalMillis;

    SyncSchedule(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    /** The integration's next slot strictly after {@code after}. */
    Instant nextSlot(UUID integrationId, Instant after) {
        long phase = Math.floorMod(integrationId.getMostSignificantBits() ^ integrationId.getLeastSignificantBits(), intervalMillis);
        long periods = Math.floorDiv(after.toEpochMilli() - phase, intervalMillis) + 1;
        return Instant.ofEpochMilli(phase + periods * intervalMillis);
    }

    /** After the {@code failures}-th failure in a row: the provider's Retry-After when it gave one, else doubling backoff. */
    static Instant afterFailure(Instant now, int failures, Duration retryAfter) {
        if (retryAfter != null) {
            return now.plus(retryAfter.compareTo(SyncSettings.LONGEST_RETRY_AFTER) > 0 ? SyncSettings.LONGEST_RETRY_AFTER : retryAfter);
        }
        Duration backoff = SyncSettings.FIRST_BACKOFF.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 6));
        return now.plus(backoff.compareTo(SyncSettings.LONGEST_BACKOFF) > 0 ? SyncSettings.LONGEST_BACKOFF : backoff);
    }
}
