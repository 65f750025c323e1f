package app.tdah.sms;

import static app.tdah.platform.SqlValues.timestamp;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import app.tdah.jobs.sms.AcceptedSms;
import app.tdah.jobs.sms.OutgoingSms;
import app.tdah.jobs.sms.SmsQueue;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * The one writer of {@code sms_messages}: texts queued to go out, texts received, replies sent in the webhook's TwiML,
 * the send-sms job's queue over the outbound rows, and delivery status.
 */
public final class SmsMessageRepository implements SmsQueue {

    /** The status of a reply that went back in the webhook's TwiML, not through the outbox. */
    public static final String SENT_BY_TWIML = "TWIML";

    private static final int MAX_ERROR_LENGTH = 2_000;
    /** The rank of a stored status, so that a late callback never moves a message back (see {@link DeliveryStatus}). */
    private static final String STATUS_RANK = Arrays.stream(DeliveryStatus.values())
            .map(s -> "WHEN '" + s.name() + "' THEN " + s.rank())
            .collect(Collectors.joining(" ", "CASE status ", " ELSE 0 END"));

    private final DbClient db;

    public SmsMessageRepository(DbClient db) {
        this.db = db;
    }

    /** Queues an outbound text in the caller's transaction; false when one with its idempotency key is queued already. */
    boolean insertOutbound(DbExecute exec, SmsOutbox.OutboundSms sms, Instant now) {
        SmsText text = SmsText.of(sms.body());
        return exec.insert("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status, "
                        + "next_attempt_at, idempotency_key, in_reply_to, task_id, created_at) "
                        + "VALUES (?::uuid, 'OUTBOUND', ?::uuid, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?::uuid, ?::uuid, ?) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING",
                UUID.randomUUID(), sms.userId(), sms.toE164(), sms.body(), text.encoding().name(), text.segments(),
                sms.kind(), timestamp(now), sms.idempotencyKey(), sms.inReplyTo(), sms.taskId(), timestamp(now)) == 1;
    }

    /**
     * Records an inbound message under its MessageSid; false when that sid is recorded already (a retry, or the same
     * message reaching another node). The unique sid decides which request acts on the message.
     */
    public boolean insertInbound(UUID id, String fromE164, String body, String messageSid, UUID userId, Instant now) {
        SmsText text = SmsText.of(body);
        return db.execute().insert("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, "
                        + "twilio_sid, status, created_at) VALUES (?::uuid, 'INBOUND', ?::uuid, ?, ?, ?, ?, 'INBOUND', ?, 'RECEIVED', ?) "
                        + "ON CONFLICT (twilio_sid) DO NOTHING",
                id, userId, fromE164, body, text.encoding().name(), text.segments(), messageSid, timestamp(now)) == 1;
    }

    /** Logs a reply that Twilio sends from the webhook's TwiML, so the log holds every message both ways. */
    public void insertSentByTwiml(UUID inboundId, UUID userId, String toE164, String body, String kind, Instant now) {
        SmsText text = SmsText.of(body);
        db.execute().insert("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status, "
                        + "in_reply_to, created_at, sent_at) VALUES (?::uuid, 'OUTBOUND', ?::uuid, ?, ?, ?, ?, ?, ?, ?::uuid, ?, ?)",
                UUID.randomUUID(), userId, toE164, body, text.encoding().name(), text.segments(), kind,
                SENT_BY_TWIML, inboundId, timestamp(now), timestamp(now));
    }

    /**
     * SKIP LOCKED: rows another sender is claiming right now are left to it, not waited for and not taken twice. Whether
     * the number opted out is read in the same statement, so a STOP that committed before the claim is honoured. Rows
     * come back in the order they were queued: texts to one number are sent in that order.
     */
    @Override
    public List<OutgoingSms> claimDue(Instant now, int limit) {
        return db.execute().query("WITH claimed AS (UPDATE sms_messages m SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1 "
                                + "WHERE id IN (SELECT id FROM sms_messages WHERE status = 'PENDING' AND direction = 'OUTBOUND' "
                                + "AND next_attempt_at <= ? ORDER BY next_attempt_at, queued_seq LIMIT ? FOR UPDATE SKIP LOCKED) "
                                + "RETURNING id, user_id, phone, body, kind, attempts, queued_seq, "
                                + "EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.e164 = m.phone) AS opted_out) "
                                + "SELECT * FROM claimed ORDER BY queued_seq",
                        timestamp(now), timestamp(now), limit)
                .map(SmsMessageRepository::outgoing)
                .toList();
    }

    /** Whatever state the row is in: Twilio has it, so no sender may send it again. */
    @Override
    public void markAccepted(UUID id, AcceptedSms accepted, Instant at) {
        String status = DeliveryStatus.ofTwilio(accepted.status()).orElse(DeliveryStatus.QUEUED).name();
        db.execute().update("UPDATE sms_messages SET status = ?, twilio_sid = ?, sent_at = ?, status_at = ?, claimed_at = NULL, "
                + "last_error = NULL WHERE id = ?::uuid", status, accepted.sid(), timestamp(at), timestamp(at), id);
    }

    @Override
    public void scheduleRetry(UUID id, Instant nextAttemptAt, String error) {
        db.execute().update("UPDATE sms_messages SET status = 'PENDING', next_attempt_at = ?, last_error = left(?, ?), "
                + "claimed_at = NULL WHERE id = ?::uuid AND status = 'SENDING'", timestamp(nextAttemptAt), error, MAX_ERROR_LENGTH, id);
    }

    @Override
    public void markDead(UUID id, String error) {
        db.execute().update("UPDATE sms_messages SET status = 'DEAD', last_error = left(?, ?), claimed_at = NULL "
                + "WHERE id = ?::uuid AND status = 'SENDING'", error, MAX_ERROR_LENGTH, id);
    }

    @Override
    public void markSkipped(UUID id, String reason) {
        db.execute().update("UPDATE sms_messages SET status = 'SKIPPED', last_error = ?, claimed_at = NULL "
                + "WHERE id = ?::uuid AND status = 'SENDING'", reason, id);
    }

    @Override
    public void postpone(UUID id, Instant nextAttemptAt) {
        db.execute().update("UPDATE sms_messages SET status = 'PENDING', attempts = attempts - 1, next_attempt_at = ?, "
                + "claimed_at = NULL WHERE id = ?::uuid AND status = 'SENDING'", timestamp(nextAttemptAt), id);
    }

    @Override
    public int requeueExpiredClaims(Instant claimedBefore) {
        return (int) db.execute().update("UPDATE sms_messages SET status = 'PENDING', claimed_at = NULL, "
                + "last_error = 'claimed by a sender that never reported back' "
                + "WHERE status = 'SENDING' AND claimed_at < ?", timestamp(claimedBefore));
    }

    /**
     * Records a delivery status Twilio reported for the message with this SID, unless the message already reached that
     * stage or a later one (callbacks may come out of order). Returns whether anything changed.
     */
    boolean recordStatus(String sid, DeliveryStatus status, String errorCode, Instant at) {
        return db.execute().update("UPDATE sms_messages SET status = ?, status_at = ?, "
                        + "last_error = COALESCE(?, last_error) "
                        + "WHERE twilio_sid = ? AND direction = 'OUTBOUND' AND " + STATUS_RANK + " < ?",
                status.name(), timestamp(at), errorCode == null ? null : "Twilio error " + errorCode, sid, status.rank()) == 1;
    }

    private static OutgoingSms outgoing(DbRow row) {
        return new OutgoingSms(
                row.column("id").get(UUID.class),
                row.column("user_id").get(UUID.class),
                row.column("phone").get(String.class),
                row.column("body").get(String.class),
                row.column("kind").get(String.class),
                row.column("opted_out").get(Boolean.class),
                row.column("attempts").get(Integer.class));
    }
}
