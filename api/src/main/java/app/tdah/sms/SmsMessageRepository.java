package app.tdah.sms;

import static app.tdah.platform.SqlValues.instant;
import static app.tdah.platform.SqlValues.timestamp;

import java.time.Duration;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import app.tdah.jobs.sms.AcceptedSms;
import app.tdah.jobs.sms.OutgoingSms;
import app.tdah.jobs.sms.SmsQueue;
import app.tdah.platform.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * The one writer of {@code sms_messages}: texts queued to go out, texts received, replies sent in the webhook's TwiML,
 * the send-sms job's queue over the outbound rows, and delivery status; and of the opt-outs that stop them.
 */
public final class SmsMessageRepository implements SmsQueue {

    /** The status of a reply that went back in the webhook's TwiML, not through the outbox. */
    public static final String SENT_BY_TWIML = "TWIML";

    private static final int MAX_ERROR_LENGTH = 2_000;
    private static final Duration EARLY_STATUS_KEPT = Duration.ofDays(1);
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
     * message reaching another node). The unique sid decides which request acts on the message: while the first
     * one's transaction is open, a second insert of its sid waits for it to end.
     */
    public boolean insertInbound(DbExecute exec, UUID id, String fromE164, String body, String messageSid, UUID userId, Instant now) {
        SmsText text = SmsText.of(body);
        return exec.insert("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, "
                        + "twilio_sid, status, created_at) VALUES (?::uuid, 'INBOUND', ?::uuid, ?, ?, ?, ?, 'INBOUND', ?, 'RECEIVED', ?) "
                        + "ON CONFLICT (twilio_sid) DO NOTHING",
                id, userId, fromE164, body, text.encoding().name(), text.segments(), messageSid, timestamp(now)) == 1;
    }

    /** Logs a reply that Twilio sends from the webhook's TwiML, so the log holds every message both ways. */
    public void insertSentByTwiml(DbExecute exec, UUID inboundId, UUID userId, String toE164, String body, String kind, Instant now) {
        SmsText text = SmsText.of(body);
        exec.insert("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status, "
                        + "in_reply_to, created_at, sent_at) VALUES (?::uuid, 'OUTBOUND', ?::uuid, ?, ?, ?, ?, ?, ?, ?::uuid, ?, ?)",
                UUID.randomUUID(), userId, toE164, body, text.encoding().name(), text.segments(), kind,
                SENT_BY_TWIML, inboundId, timestamp(now), timestamp(now));
    }

    /** The number texted STOP, or Twilio refused it as unsubscribed: nothing is sent to it until it texts START. */
    public void optOut(DbExecute exec, String e164, Instant now) {
        exec.insert("INSERT INTO sms_opt_outs (e164, opted_out_at) VALUES (?, ?) ON CONFLICT (e164) DO NOTHING",
                e164, timestamp(now));
    }

    /** The number texted START: texts to it may go again. */
    public void optIn(DbExecute exec, String e164) {
        exec.delete("DELETE FROM sms_opt_outs WHERE e164 = ?", e164);
    }

    @Override
    public void optOut(String e164, Instant at) {
        optOut(db.execute(), e164, at);
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

    /**
     * Whatever state the row is in: Twilio has it, so no sender may send it again. Delivery reports that came before
     * the SID was stored apply now.
     */
    @Override
    public void markAccepted(UUID id, AcceptedSms accepted, Instant at) {
        String status = DeliveryStatus.ofTwilio(accepted.status()).orElse(DeliveryStatus.QUEUED).name();
        Transactions.inTransaction(db, tx -> {
            lockSid(tx, accepted.sid());
            tx.update("UPDATE sms_messages SET status = ?, twilio_sid = ?, sent_at = ?, status_at = ?, claimed_at = NULL, "
                    + "last_error = NULL WHERE id = ?::uuid", status, accepted.sid(), timestamp(at), timestamp(at), id);
            List<EarlyStatus> early = tx.query("DELETE FROM sms_early_statuses WHERE twilio_sid = ? "
                            + "RETURNING status, error_code, reported_at", accepted.sid())
                    .map(row -> new EarlyStatus(DeliveryStatus.valueOf(row.column("status").get(String.class)),
                            row.column("error_code").get(String.class), instant(row, "reported_at")))
                    .toList();
            early.forEach(report -> applyStatus(tx, accepted.sid(), report.status(), report.errorCode(), report.at()));
            return null;
        });
    }

    private record EarlyStatus(DeliveryStatus status, String errorCode, Instant at) {
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
     * stage or a later one (callbacks may come out of order). Twilio may report before its answer to the send, which
     * carries the SID, is written: a report for a SID not stored yet is kept until {@link #markAccepted} applies it.
     * Kept reports no SID claimed (another application's messages, a send whose answer was lost) go after a day.
     */
    void recordStatus(String sid, DeliveryStatus status, String errorCode, Instant at) {
        Transactions.inTransaction(db, tx -> {
            lockSid(tx, sid);
            if (!applyStatus(tx, sid, status, errorCode, at)) {
                tx.delete("DELETE FROM sms_early_statuses WHERE reported_at < ?", timestamp(at.minus(EARLY_STATUS_KEPT)));
                tx.insert("INSERT INTO sms_early_statuses (twilio_sid, status, error_code, reported_at) SELECT ?, ?, ?, ? "
                                + "WHERE NOT EXISTS (SELECT 1 FROM sms_messages WHERE twilio_sid = ? AND direction = 'OUTBOUND') "
                                + "ON CONFLICT (twilio_sid, status) DO NOTHING",
                        sid, status.name(), errorCode, timestamp(at), sid);
            }
            return null;
        });
    }

    /** The status, unless the message reached it or a later one already; false when nothing changed. */
    private static boolean applyStatus(DbExecute tx, String sid, DeliveryStatus status, String errorCode, Instant at) {
        return tx.update("UPDATE sms_messages SET status = ?, status_at = ?, "
                        + "last_error = COALESCE(?, last_error) "
                        + "WHERE twilio_sid = ? AND direction = 'OUTBOUND' AND " + STATUS_RANK + " < ?",
                status.name(), timestamp(at), errorCode == null ? null : "Twilio error " + errorCode, sid, status.rank()) == 1;
    }

    /** The SID's reports and the write of the SID itself wait for each other, so no report falls in between. */
    private static void lockSid(DbExecute tx, String sid) {
        Transactions.lock(tx, "sms-sid:" + sid);
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
