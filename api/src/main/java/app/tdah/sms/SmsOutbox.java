package app.tdah.sms;

import static app.tdah.platform.SqlValues.timestamp;

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

    public SmsOutbox(DbClient db) {
        this.db = db;
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
        SmsText text = SmsText.of(sms.body());
        return exec.insert("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status, "
                        + "next_attempt_at, idempotency_key, in_reply_to, task_id, created_at) "
                        + "VALUES (?::uuid, 'OUTBOUND', ?::uuid, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?::uuid, ?::uuid, ?) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING",
                UUID.randomUUID(), sms.userId(), sms.toE164(), sms.body(), text.encoding().name(), text.segments(),
                sms.kind(), timestamp(now), sms.idempotencyKey(), sms.inReplyTo(), sms.taskId(), timestamp(now)) == 1;
    }
}
