package app.tdah.reminders;

import java.io.IOException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.platform.Transactions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of reminder dispatch. */
public final class ReminderRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final DbClient db;

    public ReminderRepository(DbClient db) {
        this.db = db;
    }

    /**
     * A reminder whose time has come, claimed for this transaction, with what delivering it needs. {@code email} is the
     * person's address once they have confirmed it (null before: mail to an address nobody proved is theirs would
     * carry task titles to whoever owns it); {@code phone} is the person's verified number (null without one);
     * {@code phoneOptedOut}, whether that number asked for no texts; {@code language}, the one its texts are written in.
     */
    record DueReminder(UUID id, UUID taskId, UUID userId, Instant fireAt, List<String> channels, String taskTitle,
                       String priority, QuietHours quietHours, String email, String displayName, Due due, String phone,
                       boolean phoneOptedOut, ProfileLanguage language) {
    }

    <T> T inTransaction(java.util.function.Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    /**
     * Claims up to {@code limit} reminders due by {@code now}: the rows stay locked by this transaction (other nodes
     * skip them) and leave the queue when it commits.
     */
    List<DueReminder> claimDue(DbExecute tx, Instant now, int limit) {
        return tx.query("SELECT r.id, r.task_id, r.user_id, r.next_fire_at, to_json(r.channels)::text AS channels_json, "
                                + "t.title, t.priority, t.due_date, t.due_at, u.time_zone, u.locale, u.quiet_start, u.quiet_end, "
                                + "CASE WHEN u.email_verified_at IS NOT NULL THEN u.email::text END AS email, u.display_name, p.e164 AS phone, "
                                + "EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.e164 = p.e164) AS phone_opted_out "
                                + "FROM task_reminders r JOIN tasks t ON t.id = r.task_id JOIN users u ON u.id = r.user_id "
                                + "LEFT JOIN phones p ON p.user_id = r.user_id AND p.verified_at IS NOT NULL "
                                + "WHERE r.next_fire_at <= ? ORDER BY r.next_fire_at LIMIT ? FOR UPDATE OF r SKIP LOCKED",
                        timestamp(now), limit)
                .map(ReminderRepository::dueReminder)
                .toList();
    }

    /** Records one delivery; false when this occurrence and channel was delivered before (nothing is sent twice). */
    boolean recordDelivery(DbExecute tx, DueReminder reminder, String channel) {
        return tx.insert("INSERT INTO reminder_deliveries (id, reminder_id, task_id, user_id, fire_at, channel) "
                        + "VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?) ON CONFLICT DO NOTHING",
                UUID.randomUUID(), reminder.id(), reminder.taskId(), reminder.userId(), timestamp(reminder.fireAt()), channel) == 1;
    }

    private static DueReminder dueReminder(DbRow row) {
        ZoneId zone = ZoneId.of(row.column("time_zone").get(String.class));
        try {
            return new DueReminder(
                    row.column("id").get(UUID.class),
                    row.column("task_id").get(UUID.class),
                    row.column("user_id").get(UUID.class),
                    row.column("next_fire_at").get(Timestamp.class).toInstant(),
                    JSON.readValue(row.column("channels_json").get(String.class), STRINGS),
                    row.column("title").get(String.class),
                    row.column("priority").get(String.class),
                    new QuietHours(row.column("quiet_start").get(Time.class).toLocalTime(),
                            row.column("quiet_end").get(Time.class).toLocalTime(), zone),
                    row.column("email").get(String.class),
                    row.column("display_name").get(String.class),
                    due(row, zone),
                    row.column("phone").get(String.class),
                    row.column("phone_opted_out").get(Boolean.class),
                    ProfileLanguage.of(row.column("locale").get(String.class)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Due due(DbRow row, ZoneId zone) {
        java.sql.Date date = row.column("due_date").get(java.sql.Date.class);
        Timestamp at = row.column("due_at").get(Timestamp.class);
        return date != null ? new Due.AllDay(date.toLocalDate()) : at != null ? new Due.Timed(at.toInstant().atZone(zone)) : null;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
