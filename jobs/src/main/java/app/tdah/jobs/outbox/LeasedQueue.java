package app.tdah.jobs.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An outbox drained by claims that are leases: claimed rows belong to one sender until it reports on each of them, or
 * until the lease runs out because its node died mid-send. The mail and SMS outboxes are both drained this way, by an
 * {@link OutboxSender}.
 */
public interface LeasedQueue<T extends ClaimedRow> {

    /**
     * A claim older than this belonged to a node that died mid-send: Quartz runs one sender of each kind at a time
     * across the cluster, and a batch, each send bounded by its own timeouts, ends well within it.
     */
    Duration LEASE = Duration.ofMinutes(5);
    /** Rows claimed at a time: small, so a slow send holds few others back from the other nodes. */
    int BATCH_SIZE = 10;

    /**
     * Claims up to {@code limit} rows due at {@code now} and counts an attempt on each. Concurrent callers, on this
     * node or another, never get the same row.
     */
    List<T> claimDue(Instant now, int limit);

    /** Puts rows claimed before {@code claimedBefore} and never reported on back in the queue; returns how many. */
    int requeueExpiredClaims(Instant claimedBefore);

    /** The attempt failed for a reason that may pass; the row is due again at {@code nextAttemptAt}. */
    void scheduleRetry(UUID id, Instant nextAttemptAt, String error);

    /** The row will not be sent: the receiver refused it for good, or it failed too many times. */
    void markDead(UUID id, String error);
}
