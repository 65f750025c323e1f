package app.tdah.jobs.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import app.tdah.jobs.coordination.Coordination;
import app.tdah.jobs.outbox.DeliveryException;
import app.tdah.jobs.outbox.OutboxMetrics;
import app.tdah.jobs.outbox.OutboxSender;
import app.tdah.jobs.outbox.RetryPolicy;

import org.quartz.DisallowConcurrentExecution;

/**
 * Sends the SMS outbox through Twilio: a text Twilio accepted (its SID stored) is never sent again. Passing failures
 * (5xx, 429, timeouts) come back later with backoff; a definitive refusal (4xx, such as 21211 for an invalid number),
 * and a text out of attempts, is DEAD with Twilio's reason. Texts to numbers that opted out are SKIPPED, never sent;
 * a number Twilio refuses as unsubscribed (21610) is opted out there and then; texts over a rate limit wait. Its counters: {@code sms_sent_total}, {@code sms_failed_total{kind}},
 * {@code sms_dead_total}, {@code sms_skipped_total} (opted-out numbers) and {@code sms_deferred_total} (held back by a
 * rate limit).
 *
 * <p>What is left of "never twice": a text is sent again if its node dies (or loses the database) between Twilio's
 * answer and the write of the SID, once the lease runs out; and when a request times out after Twilio created the
 * message, since Twilio's Messages API takes no idempotency key. Both need Twilio to have accepted a message whose
 * answer never reached us.
 */
@DisallowConcurrentExecution
public final class SendSmsJob extends OutboxSender<OutgoingSms> {

    /** When the rate limiter cannot be asked (Redis is down), texts wait this long rather than go out unlimited. */
    static final Duration LIMITER_UNAVAILABLE_WAIT = Duration.ofSeconds(30);
    private static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(SendSmsJob.class.getName());
    private static final OutboxMetrics METRICS = new OutboxMetrics("sms", "Texts", "Twilio");

    private final SmsQueue queue;
    private final SmsSender sender;
    private final SmsSendLimits limits;
    private final Coordination coordination;

    public SendSmsJob(SmsQueue queue, SmsSender sender, RetryPolicy retry, SmsSendLimits limits, Coordination coordination,
                      Clock clock) {
        super(queue, retry, METRICS, clock);
        this.queue = queue;
        this.sender = sender;
        this.limits = limits;
        this.coordination = coordination;
    }

    /**
     * Texts to different numbers go out side by side (a request to Twilio is mostly waiting); texts to one number go
     * one after the other, in the order they were queued, so a reply in two parts arrives in order.
     */
    @Override
    protected int sendBatch(List<OutgoingSms> batch) {
        Map<String, List<OutgoingSms>> byNumber = batch.stream()
                .collect(Collectors.groupingBy(OutgoingSms::to, LinkedHashMap::new, Collectors.toList()));
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> sent = byNumber.values().stream()
                    .map(texts -> senders.submit(() -> (int) texts.stream().filter(this::handle).count()))
                    .toList();
            int total = 0;
            for (Future<Integer> each : sent) {
                total += each.get();
            }
            return total;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending texts", e);
        }
    }

    @Override
    protected boolean handle(OutgoingSms sms) {
        if (!sms.mayBeSent()) {
            queue.markSkipped(sms.id(), "opted out");
            METRICS.increment("skipped", "Texts not sent because the number opted out");
            return false;
        }
        Duration wait = waitForLimits(sms);
        if (!wait.isZero()) {
            queue.postpone(sms.id(), clock.instant().plus(wait));
            METRICS.increment("deferred", "Texts held back for a while by a per-person or global rate limit");
            return false;
        }
        return deliver(sms);
    }

    /** Zero when the text may go now; otherwise how long it should wait. The person's limit is asked first. */
    private Duration waitForLimits(OutgoingSms sms) {
        try {
            if (sms.userId() != null && !coordination.tryAcquire("sms:user:" + sms.userId(), limits.perUser(), limits.perUserInterval())) {
                return spacing(limits.perUserInterval(), limits.perUser());
            }
            if (!coordination.tryAcquire("sms:global", limits.global(), limits.globalInterval())) {
                return spacing(limits.globalInterval(), limits.global());
            }
            return Duration.ZERO;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "SMS rate limiter unavailable, holding texts back: {0}", e.toString());
            return LIMITER_UNAVAILABLE_WAIT;
        }
    }

    /** The average gap between two permits: about when the next one frees up. */
    private static Duration spacing(Duration interval, long permits) {
        Duration gap = interval.dividedBy(permits);
        return gap.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : gap;
    }

    @Override
    protected void send(OutgoingSms sms) throws DeliveryException {
        try {
            queue.markAccepted(sms.id(), sender.send(sms), clock.instant());
        } catch (UnsubscribedRecipient e) {
            // As good as a STOP texted to us: texts claimed from now on are skipped, not refused one by one.
            queue.optOut(sms.to(), clock.instant());
            throw e;
        }
    }
}
