package app.tdah.jobs.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Sends an outbox: claims due rows in batches, hands each to the receiver and records the outcome at once, so a row
 * the receiver accepted is never sent again. Passing failures come back later with the retry policy's backoff; final
 * ones, and rows out of attempts, are dead with the receiver's reason. The mail and SMS senders are this, each with
 * its own receiver and the job class Quartz schedules it by.
 */
public abstract class OutboxSender<T extends ClaimedRow> implements Job {

    private final LeasedQueue<T> queue;
    private final RetryPolicy retry;
    private final OutboxMetrics metrics;
    private final System.Logger log = System.getLogger(getClass().getName());
    protected final Clock clock;

    protected OutboxSender(LeasedQueue<T> queue, RetryPolicy retry, OutboxMetrics metrics, Clock clock) {
        this.queue = queue;
        this.retry = retry;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Hands the row to the receiver and, once it accepted, records that at once (so that it is never sent again).
     * Returning normally means the receiver accepted it.
     */
    protected abstract void send(T row) throws DeliveryException;

    @Override
    public final void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            context.setResult(sendDue());
        } catch (RuntimeException e) {
            throw new JobExecutionException("Sending the " + metrics.prefix() + " outbox failed", e, false);
        }
    }

    /**
     * Sends everything due now, batch after batch, after putting back what dead senders held; returns how many rows
     * the receiver accepted. Safe to run on several nodes at once.
     */
    public final int sendDue() {
        int requeued = queue.requeueExpiredClaims(clock.instant().minus(LeasedQueue.LEASE));
        if (requeued > 0) {
            log.log(System.Logger.Level.WARNING, "{0} {1} rows were claimed by a sender that never reported back; queued again",
                    requeued, metrics.prefix());
        }
        int sent = 0;
        List<T> batch;
        do {
            batch = queue.claimDue(clock.instant(), LeasedQueue.BATCH_SIZE);
            sent += sendBatch(batch);
        } while (batch.size() == LeasedQueue.BATCH_SIZE);
        return sent;
    }

    /** Sends a claimed batch, one row after the other; returns how many the receiver accepted. */
    protected int sendBatch(List<T> batch) {
        return (int) batch.stream().filter(this::handle).count();
    }

    /** Sends one claimed row; true when the receiver accepted it. A sender may first hold it back by its own rules. */
    protected boolean handle(T row) {
        return deliver(row);
    }

    /** Sends the row now and records a failure by its kind; true when the receiver accepted it. */
    protected final boolean deliver(T row) {
        try {
            send(row);
        } catch (DeliveryException e) {
            recordFailure(row, e);
            return false;
        }
        metrics.sent();
        return true;
    }

    /** The row is dead when the failure is final or its attempts are used up, otherwise due again after a backoff. */
    private void recordFailure(T row, DeliveryException e) {
        metrics.failed(e.kind());
        if (e.kind() == DeliveryException.Kind.PERMANENT || retry.exhausted(row.attempts())) {
            queue.markDead(row.id(), e.getMessage());
            metrics.dead();
            log.log(System.Logger.Level.WARNING, "{0} {1} is dead after {2} attempt(s): {3}",
                    metrics.prefix(), row.id(), row.attempts(), e.getMessage());
            return;
        }
        Instant next = clock.instant().plus(retry.delayAfter(row.attempts(), ThreadLocalRandom.current()));
        queue.scheduleRetry(row.id(), next, e.getMessage());
        log.log(System.Logger.Level.INFO, "{0} {1} failed (attempt {2}), next try at {3}: {4}",
                metrics.prefix(), row.id(), row.attempts(), next, e.getMessage());
    }
}
