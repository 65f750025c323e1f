package app.tdah.jobs;

import java.time.Instant;

/** Port into the accounts domain: deletes credentials that can no longer be used. */
public interface TokenPurge {

    /** Deletes every token that expired before {@code now}; returns how many. */
    long purgeExpired(Instant now);
}
