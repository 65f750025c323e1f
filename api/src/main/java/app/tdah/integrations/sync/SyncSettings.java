package app.tdah.integrations.sync;

import java.time.Duration;

/**
 * How calendars and mailboxes are synced.
 *
 * @param interval    each stream is synced this often, at its own slot within the interval
 * @param tick        how often worker nodes look for due syncs (what {@code syncNow} waits at most)
 * @param concurrency streams synced at once by one job run
 * @param lease       how long a node's claim on a stream lasts; a node that dies lets it lapse and another resumes
 * @param longestRun  a job run claims no more work after this long, leaving the rest to the next run
 */
public record SyncSettings(Duration interval, Duration tick, int concurrency, Duration lease, Duration longestRun,
                           Duration calendarPast, Duration calendarFuture, Duration mailWindow) {

    /** Backoff after failures in a row: 1 min, 2 min, 4 min... up to an hour, unless the provider said (Retry-After). */
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
    /** A Retry-After beyond this is taken as a mistake rather than followed. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(6);

    public SyncSettings {
        if (interval.compareTo(Duration.ofSeconds(10)) < 0 || concurrency < 1 || tick.isZero() || tick.isNegative()) {
            throw new IllegalArgumentException("PA_SYNC_INTERVAL must be at least 10s, and the tick and concurrency positive");
        }
    }

    /**
     * A duration as operators write it: {@code 5m}, {@code 30s}, {@code 1h}, or ISO-8601 ({@code PT5M}).
     */
    public static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a duration: \"" + value + "\" (write 5m, 30s, 1h or PT5M)");
        }
    }
}
