package app.tdah.sms.assistant;

import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import app.tdah.i18n.ProfileLanguage;
import app.tdah.platform.Statements;
import app.tdah.platform.Transactions;
import app.tdah.sms.SmsMessageRepository;

import io.helidon.dbclient.DbRow;

/**
 * All SQL of the SMS assistant: who a number is, opt-outs, notices and conversations; it reads the SMS log, which
 * {@link SmsMessageRepository} writes. Its statements run in the transaction of the text being handled.
 */
final class SmsAssistantRepository {

    private final Statements db;

    SmsAssistantRepository(Statements db) {
        this.db = db;
    }

    /**
     * Makes the person's other texts wait until this one's transaction ends: they are handled one after the other,
     * each reading the conversation the previous one left.
     */
    void holdConversation(UUID userId) {
        Transactions.lock(db.execute(), "sms-conversation:" + userId);
    }

    /**
     * Who a number is: opted out or not, and the person it belongs to, verified or not, with their time zone and
     * language (userId and zone null, language English: no one).
     */
    record Sender(boolean optedOut, UUID userId, boolean verified, ZoneId zone, ProfileLanguage language) {
    }

    /**
     * A number's opt-out and owner in one statement. A verified phone has exactly one owner; an unverified number may
     * be claimed by several people at once, and any of them makes it "unverified". Deactivated accounts own nothing.
     */
    Sender sender(String e164) {
        return db.execute().get("SELECT o.e164 IS NOT NULL AS opted_out, p.user_id, coalesce(p.verified, false) AS verified, "
                                + "p.time_zone, p.locale "
                                + "FROM (SELECT ?::text AS e164) n "
                                + "LEFT JOIN sms_opt_outs o ON o.e164 = n.e164 "
                                + "LEFT JOIN LATERAL (SELECT ph.user_id, ph.verified_at IS NOT NULL AS verified, u.time_zone, u.locale FROM phones ph "
                                + "JOIN users u ON u.id = ph.user_id WHERE ph.e164 = n.e164 AND u.deactivated_at IS NULL "
                                + "ORDER BY ph.verified_at IS NULL LIMIT 1) p ON true",
                        e164)
                .map(row -> {
                    String zone = row.column("time_zone").get(String.class);
                    return new Sender(row.column("opted_out").get(Boolean.class), row.column("user_id").get(UUID.class),
                            row.column("verified").get(Boolean.class), zone == null ? null : ZoneId.of(zone),
                            ProfileLanguage.of(row.column("locale").get(String.class)));
                })
                .orElseThrow();
    }

    Optional<UUID> inboundId(String messageSid) {
        return db.execute().get("SELECT id FROM sms_messages WHERE twilio_sid = ? AND direction = 'INBOUND'", messageSid)
                .map(row -> row.column("id").get(UUID.class));
    }

    /** The reply to an inbound message, as recorded: its text, and whether it went by TwiML or the outbox. */
    record RecordedReply(String body, boolean sentByTwiml) {
    }

    Optional<RecordedReply> replyTo(UUID inboundId) {
        return db.execute().get("SELECT body, status FROM sms_messages WHERE in_reply_to = ?::uuid AND direction = 'OUTBOUND' "
                        + "ORDER BY created_at LIMIT 1", inboundId)
                .map(row -> new RecordedReply(row.column("body").get(String.class),
                        SmsMessageRepository.SENT_BY_TWIML.equals(row.column("status").get(String.class))));
    }

    boolean optedOut(String e164) {
        return db.execute().get("SELECT 1 AS found FROM sms_opt_outs WHERE e164 = ?", e164).isPresent();
    }

    /**
     * Claims the right to send this number a notice of this kind: true at most once per {@code interval}, however
     * many texts arrive at once (the upsert only takes when the last notice is old enough).
     */
    boolean claimNotice(String e164, String kind, Instant now, Duration interval) {
        return db.execute().insert("INSERT INTO sms_number_notices (e164, kind, last_sent_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (e164, kind) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at "
                        + "WHERE sms_number_notices.last_sent_at <= ?",
                e164, kind, timestamp(now), timestamp(now.minus(interval))) == 1;
    }

    /**
     * The task of the latest reminder texted to the person since {@code since}, if it named one. A reminder that
     * never reached them (given up, or reported failed) is no context for a reply.
     */
    Optional<UUID> remindedTask(UUID userId, Instant since) {
        return db.execute().get("SELECT task_id FROM sms_messages WHERE user_id = ?::uuid AND direction = 'OUTBOUND' "
                        + "AND kind = 'REMINDER' AND created_at >= ? AND status NOT IN ('DEAD', 'FAILED', 'UNDELIVERED') "
                        + "ORDER BY created_at DESC LIMIT 1",
                        userId, timestamp(since))
                .map(row -> row.column("task_id").get(UUID.class));
    }

    Conversation conversation(UUID userId) {
        return db.execute().get("SELECT array_to_string(list_task_ids, ',') AS ids, list_name, list_next_offset, undo_kind, "
                                + "undo_task_id, undo_snoozed_until, undo_due_date, undo_due_at FROM sms_conversations "
                                + "WHERE user_id = ?::uuid", userId)
                .map(SmsAssistantRepository::conversation)
                .orElse(Conversation.NEW);
    }

    /** Remembers the list just shown (numbered from 1 in this order) and where its next page starts. */
    void listShown(UUID userId, String name, List<UUID> taskIds, int nextOffset, Instant now) {
        db.execute().insert("INSERT INTO sms_conversations (user_id, list_task_ids, list_name, list_next_offset, updated_at) "
                        + "VALUES (?::uuid, ?::uuid[], ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                        + "list_task_ids = EXCLUDED.list_task_ids, list_name = EXCLUDED.list_name, "
                        + "list_next_offset = EXCLUDED.list_next_offset, updated_at = EXCLUDED.updated_at",
                userId, array(taskIds), name, nextOffset, timestamp(now));
    }

    void pageShown(UUID userId, int nextOffset, Instant now) {
        db.execute().update("UPDATE sms_conversations SET list_next_offset = ?, updated_at = ? WHERE user_id = ?::uuid",
                nextOffset, timestamp(now), userId);
    }

    /** Remembers the last action, replacing the one before: "undo" takes back one step. Null forgets it. */
    void rememberUndo(UUID userId, Conversation.Undo undo, Instant now) {
        db.execute().insert("INSERT INTO sms_conversations (user_id, undo_kind, undo_task_id, undo_snoozed_until, undo_due_date, "
                        + "undo_due_at, updated_at) VALUES (?::uuid, ?, ?::uuid, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                        + "undo_kind = EXCLUDED.undo_kind, undo_task_id = EXCLUDED.undo_task_id, "
                        + "undo_snoozed_until = EXCLUDED.undo_snoozed_until, undo_due_date = EXCLUDED.undo_due_date, "
                        + "undo_due_at = EXCLUDED.undo_due_at, updated_at = EXCLUDED.updated_at",
                userId,
                undo == null ? null : undo.kind().name(),
                undo == null ? null : undo.taskId(),
                undo == null || undo.snoozedUntil() == null ? null : timestamp(undo.snoozedUntil()),
                undo == null || undo.dueDate() == null ? null : Date.valueOf(undo.dueDate()),
                undo == null || undo.dueAt() == null ? null : timestamp(undo.dueAt()),
                timestamp(now));
    }

    private static Conversation conversation(DbRow row) {
        String ids = row.column("ids").get(String.class);
        List<UUID> taskIds = ids == null || ids.isEmpty() ? List.of()
                : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        String kind = row.column("undo_kind").get(String.class);
        Date dueDate = row.column("undo_due_date").get(Date.class);
        Conversation.Undo undo = kind == null ? null : new Conversation.Undo(Conversation.UndoKind.valueOf(kind),
                row.column("undo_task_id").get(UUID.class), nullableInstant(row, "undo_snoozed_until"),
                dueDate == null ? null : dueDate.toLocalDate(), nullableInstant(row, "undo_due_at"));
        return new Conversation(taskIds, row.column("list_name").get(String.class),
                row.column("list_next_offset").get(Integer.class), undo);
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
