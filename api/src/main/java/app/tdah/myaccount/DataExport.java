package app.tdah.myaccount;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.tdah.platform.Transactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/**
 * Everything the product holds about a person, as one JSON document: one section per table, named after it, with the
 * person's rows. Each section lists the columns it exports and the columns it withholds and why (secrets such as
 * password and token hashes never leave), so a column or table added later is a decision someone has to make:
 * {@code DataExportApiTest} fails until every table with a {@code user_id} and every column of an exported table
 * is accounted for here.
 */
public final class DataExport {

    /** The column that makes a row the person's in most tables; it only repeats the person's id, given in users. */
    public static final String OWNER_COLUMN = "user_id";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ONE_TIME_CODE = "(withheld: it carried a one-time code)";
    private static final String ONE_TIME_LINK = "(withheld: it carried a one-time link)";
    private static final String OWNED = "t.user_id = me.id";

    /**
     * One table's part of the export. {@code rowsOfPerson} is an SQL condition over the table (alias {@code t}) and the
     * person ({@code me}: {@code id}, {@code email}); {@code exported} maps each exported column to the SQL that
     * gives its value (the column itself, or a redaction); {@code withheld} maps each left-out column to the reason.
     */
    public record Section(String table, boolean single, String rowsOfPerson, String orderBy, Map<String, String> exported,
                          Map<String, String> withheld) {

        static Section many(String table, String rowsOfPerson, String orderBy) {
            return new Section(table, false, rowsOfPerson, orderBy, Map.of(), Map.of());
        }

        static Section one(String table, String rowsOfPerson) {
            return new Section(table, true, rowsOfPerson, null, Map.of(), Map.of());
        }

        Section export(String... columns) {
            Map<String, String> more = new LinkedHashMap<>(exported);
            Stream.of(columns).forEach(c -> more.put(c, "t." + quoted(c)));
            return new Section(table, single, rowsOfPerson, orderBy, more, withheld);
        }

        Section exportAs(String column, String sql) {
            Map<String, String> more = new LinkedHashMap<>(exported);
            more.put(column, sql);
            return new Section(table, single, rowsOfPerson, orderBy, more, withheld);
        }

        Section withhold(String column, String reason) {
            Map<String, String> more = new LinkedHashMap<>(withheld);
            more.put(column, reason);
            return new Section(table, single, rowsOfPerson, orderBy, exported, more);
        }

        String sql() {
            String columns = exported.entrySet().stream()
                    .map(e -> e.getValue() + " AS " + quoted(e.getKey()))
                    .collect(Collectors.joining(", "));
            String rows = "(SELECT " + columns + " FROM " + quoted(table) + " t, me WHERE " + rowsOfPerson + ") r";
            String aggregate = single ? "row_to_json(r)" : "coalesce(json_agg(r ORDER BY " + orderBy + "), '[]'::json)";
            return "WITH me AS (SELECT id, email::text AS email FROM users WHERE id = ?::uuid) "
                    + "SELECT " + aggregate + "::text AS section FROM " + rows;
        }
    }

    public static final List<Section> SECTIONS = List.of(
            Section.one("users", "t.id = me.id")
                    .export("id", "email", "display_name", "time_zone", "locale", "role", "created_at", "deactivated_at",
                            "breakdown_threshold", "quiet_start", "quiet_end", "digest_time", "last_digest_on", "email_verified_at")
                    .withhold("password_hash", "a secret: the password's hash"),
            Section.many("refresh_tokens", OWNED, "created_at, id")
                    .export("id", "family_id", "created_at", "expires_at", "used_at", "revoked_at", "user_agent", "ip")
                    .withhold("token_hash", "a secret: the session token's hash"),
            Section.many("tasks", OWNED, "created_at, id")
                    .export("id", "parent_id", "position", "title", "notes", "due_date", "due_at", "priority", "tags",
                            "status", "estimate_minutes", "rrule", "repeat_after_completion", "snoozed_until",
                            "missed_count", "broken_down_at", "created_at", "updated_at", "completed_at"),
            Section.many("task_reminders", OWNED, "created_at, id")
                    .export("id", "task_id", "remind_at", "offset_minutes", "channels", "next_fire_at", "created_at"),
            Section.many("task_completions", OWNED, "completed_at, id")
                    .export("id", "task_id", "completed_at", "occurrence_due", "was_broken_down", "tags"),
            Section.many("task_misses", OWNED, "counted_at, task_id, occurrence_due")
                    .export("task_id", "occurrence_due", "counted_at"),
            Section.many("reminder_deliveries", OWNED, "created_at, id")
                    .export("id", "reminder_id", "task_id", "fire_at", "channel", "created_at"),
            Section.many("focus_sessions", OWNED, "ended_at, id")
                    .export("id", "task_id", "minutes", "ended_at"),
            Section.many("notifications", OWNED, "created_at, id")
                    .export("id", "task_id", "title", "body", "created_at", "read_at"),
            Section.many("account_tokens", OWNED, "created_at, id")
                    .export("id", "purpose", "email", "created_at", "expires_at", "used_at")
                    .withhold("token_hash", "a secret: the one-time link's token hash"),
            Section.many("mfa_authenticators", OWNED, "created_at")
                    .export("created_at", "confirmed_at", "last_used_step")
                    .withhold("secret_sealed", "a secret: the authenticator key, encrypted"),
            Section.many("mfa_backup_codes", OWNED, "used_at")
                    .export("used_at")
                    .withhold("code_hash", "a secret: the backup code's hash"),
            Section.many("mfa_challenges", OWNED, "expires_at")
                    .export("expires_at")
                    .withhold("token_hash", "a secret: the sign-in challenge's hash"),
            Section.many("external_identities", OWNED, "linked_at, id")
                    .export("id", "provider", "subject", "email", "linked_at", "last_used_at"),
            Section.many("integrations", OWNED, "connected_at, id")
                    .export("id", "provider", "account_id", "account_email", "granted_scope", "status", "connected_at",
                            "status_changed_at", "grant_generation", "access_token_expires_at", "token_refreshed_at")
                    .withhold("access_token_sealed", "a secret: the provider's access token, encrypted")
                    .withhold("refresh_token_sealed", "a secret: the provider's refresh token, encrypted"),
            Section.many("integration_syncs", OWNED, "integration_id, stream")
                    .export("integration_id", "stream", "provider", "state", "full_sync", "next_run_at", "last_run_at",
                            "last_success_at", "last_error", "last_error_at", "failures", "items", "last_changes")
                    .withhold("cursor", "the provider's opaque sync position, meaningless outside this server")
                    .withhold("page_cursor", "the provider's opaque sync position, meaningless outside this server")
                    .withhold("generation", "bookkeeping of a full sync, meaningless outside this server")
                    .withhold("claimed_until", "which server node is syncing it now")
                    .withhold("claimed_by", "which server node is syncing it now"),
            Section.many("calendar_events", OWNED, "integration_id, event_id")
                    .export("integration_id", "event_id", "title", "location", "starts_at", "ends_at", "start_date",
                            "end_date", "busy", "link", "recurrence", "time_zone", "series_id", "original_start", "cancelled")
                    .withhold("generation", "bookkeeping of a full sync, meaningless outside this server"),
            Section.many("mail_headers", OWNED, "integration_id, message_id")
                    .export("integration_id", "message_id", "thread_id", "from_name", "from_address", "to_addresses",
                            "subject", "received_at", "labels", "snippet", "unread", "link", "folder")
                    .withhold("generation", "bookkeeping of a full sync, meaningless outside this server"),
            Section.many("scheduling_preferences", OWNED, "work_start")
                    .export("work_start", "work_end", "work_days", "leave_now_minutes"),
            Section.many("task_calendar_events", "t.task_id IN (SELECT id FROM tasks WHERE user_id = me.id)", "created_at, task_id")
                    .export("task_id", "integration_id", "event_id", "link", "created_at"),
            Section.many("leave_now_nudges", "t.integration_id IN (SELECT id FROM integrations WHERE user_id = me.id)",
                    "sent_at, event_id")
                    .export("integration_id", "event_id", "starts_at", "sent_at"),
            Section.many("ical_feeds", OWNED, "created_at")
                    .export("created_at")
                    .withhold("token_hash", "a secret: the feed URL's token hash"),
            Section.many("phones", OWNED, "created_at")
                    .export("e164", "verified_at", "code_expires_at", "code_attempts", "codes_sent", "last_code_sent_at",
                            "created_at")
                    .withhold("code_hash", "a secret: the verification code's hash"),
            Section.many("sms_messages", OWNED, "created_at, id")
                    .export("id", "direction", "phone", "encoding", "segments", "kind", "twilio_sid", "status", "attempts",
                            "next_attempt_at", "claimed_at", "last_error", "idempotency_key", "in_reply_to", "task_id",
                            "created_at", "sent_at", "status_at", "queued_seq")
                    .exportAs("body", "CASE WHEN t.kind = 'VERIFICATION' THEN '" + ONE_TIME_CODE + "' ELSE t.body END"),
            Section.many("sms_conversations", OWNED, "updated_at")
                    .export("list_task_ids", "list_name", "list_next_offset", "undo_kind", "undo_task_id",
                            "undo_snoozed_until", "undo_due_date", "undo_due_at", "updated_at"),
            Section.many("mail_outbox", OWNED, "created_at, id")
                    .export("id", "recipient", "subject", "kind", "idempotency_key", "status", "attempts", "next_attempt_at",
                            "claimed_at", "last_error", "created_at", "sent_at")
                    .exportAs("text_body", "CASE WHEN t.kind IN ('VERIFICATION', 'PASSWORD_RESET') THEN '" + ONE_TIME_LINK
                            + "' ELSE t.text_body END")
                    .withhold("html_body", "the same message as text_body"),
            Section.many("audit_events", "me.id IN (t.actor_id, t.subject_id)", "id")
                    .export("id", "occurred_at", "action", "outcome", "actor_id", "subject_id")
                    // Where an event came from is its actor's data: an admin's, or whoever tried the person's password.
                    .exportAs("ip", "CASE WHEN t.actor_id = me.id THEN t.ip END")
                    .exportAs("user_agent", "CASE WHEN t.actor_id = me.id THEN t.user_agent END")
                    .export("details"));

    private final DbClient db;

    public DataExport(DbClient db) {
        this.db = db;
    }

    /** The document, or empty when there is no such account. All sections come from one consistent snapshot. */
    public Optional<byte[]> export(UUID userId, Instant now) {
        return Transactions.inTransaction(db, tx -> {
            tx.dml("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            tx.dml("SET LOCAL TimeZone = 'UTC'");
            ObjectNode tables = JSON.createObjectNode();
            for (Section section : SECTIONS) {
                String rows = section(tx, section, userId);
                if (section.single() && rows == null) {
                    return Optional.empty();
                }
                tables.set(section.table(), readTree(rows));
            }
            ObjectNode document = JSON.createObjectNode();
            document.put("format", "personal-assistant-export/1");
            document.put("exportedAt", now.toString());
            document.set("tables", tables);
            return Optional.of(write(document));
        });
    }

    private static String section(DbExecute tx, Section section, UUID userId) {
        return tx.get(section.sql(), userId).map(row -> row.column("section").get(String.class)).orElse(null);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned unreadable JSON", e);
        }
    }

    private static byte[] write(ObjectNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
