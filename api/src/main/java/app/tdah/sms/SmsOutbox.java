package app.tdah.sms;

import java.time.Instant;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/**
 * Queues outbound texts in {@code sms_messages}; the send-sms job sends them. Enqueueing is the only way anything in
 * the product sends an SMS, so opt-outs, limits and the log apply to every text alike.
 */
public final class SmsOutbox {

    private final DbClient db;
    private final SmsMessageRepository messages;

    public SmsOutbox(DbClient db) {
        this.db = db;
        this.messages = new SmsMessageRepository(db);
    }

    /**
     * A text to send. {@code userId} is null for numbers that belong to no one (onboarding, opt-out confirmations);
     * {@code idempotencyKey} names the message so that enqueueing it twice sends it once (null: always a new message).
     */
    public record OutboundSms(UUID userId, String toE164, String body, String kind, String idempotencyKey,
                              UUID inReplyTo, UUID taskId) {
    }

    /** Queues the text due now; false when one with the same idempotency key is already queued. */
    public boolean enqueue(OutboundSms sms, Instant now) {
        return enqueue(db.execute(), sms, now);
    }

    /** Queues the text in the caller's transaction: it is sent exactly when the caller's change commits. */
    public boolean enqueue(DbExecute exec, OutboundSms sms, Instant now) {
        return messages.insertOutbound(exec, sms, now);
    }
}
