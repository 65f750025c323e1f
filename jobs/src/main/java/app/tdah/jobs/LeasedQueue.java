package app.tdah.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToIntFunction;

import app.tdah.jobs.mail.RetryPolicy;

/**
 * An outbox drained by claims that are leases: claimed rows belong to one sender until it reports on each of them, or
 * until the lease runs out because its node died mid-send. The mail and SMS outboxes are both drained this way.
 */
public interface LeasedQueue<T> {

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

    /**
     * Records a failed attempt: the row is dead when the failure is final or its attempts are used up (true), otherwise
     * due again after the policy's backoff (false). {@code what} names the row in the log, e.g. "Mail".
     */
    default boolean recordFailure(UUID id, int attempts, boolean permanent, String error, RetryPolicy retry, Clock clock,
                                  String what) {
        System.Logger log = System.getLogger(getClass().getName());
        if (permanent || retry.exhausted(attempts)) {
            markDead(id, error);
            log.log(System.Logger.Level.WARNING, "{0} {1} is dead after {2} attempt(s): {3}", what, id, attempts, error);
            return true;
        }
        Instant next = clock.instant().plus(retry.delayAfter(attempts, ThreadLocalRandom.current()));
        scheduleRetry(id, next, error);
        log.log(System.Logger.Level.INFO, "{0} {1} failed (attempt {2}), next try at {3}: {4}", what, id, attempts, next, error);
        return false;
    }

    /**
     * Sends everything due now, batch after batch, after putting back what dead senders held; {@code sendBatch}
     * returns how many of a batch were accepted, and so does this, in total. Safe to run on several nodes at once.
     */
    default int drain(Clock clock, String what, ToIntFunction<List<T>> sendBatch) {
        int requeued = requeueExpiredClaims(clock.instant().minus(LEASE));
        if (requeued > 0) {
            System.getLogger(getClass().getName()).log(System.Logger.Level.WARNING,
                    "{0} {1} were claimed by a sender that never reported back; queued again", requeued, what);
        }
        int sent = 0;
        List<T> batch;
        do {
            batch = claimDue(clock.instant(), BATCH_SIZE);
            sent += sendBatch.applyAsInt(batch);
        } while (batch.size() == BATCH_SIZE);
        return sent;
    }
}
