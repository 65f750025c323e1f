package app.tdah.scheduling;

import static app.tdah.platform.SqlValues.timestamp;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.tdah.platform.Transactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of scheduling: working hours and nudge settings, tasks linked to calendar events, nudges sent. */
final class SchedulingRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DbClient db;

    SchedulingRepository(DbClient db) {
        this.db = db;
    }

    <T> T inTransaction(java.util.function.Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    SchedulingPreferences preferences(UUID userId) {
        return db.execute().get("SELECT work_start, work_end, to_json(work_days)::text AS days, leave_now_minutes "
                        + "FROM scheduling_preferences WHERE user_id = ?::uuid", userId)
                .map(SchedulingRepository::preferences)
                .orElse(SchedulingPreferences.DEFAULT);
    }

    void savePreferences(UUID userId, SchedulingPreferences p) {
        db.execute().insert("INSERT INTO scheduling_preferences (user_id, work_start, work_end, work_days, leave_now_minutes) "
                        + "VALUES (?::uuid, ?, ?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)::smallint), ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET work_start = excluded.work_start, work_end = excluded.work_end, "
                        + "work_days = excluded.work_days, leave_now_minutes = excluded.leave_now_minutes",
                userId, Time.valueOf(p.workStart()), Time.valueOf(p.workEnd()), json(p.workDays().stream().map(DayOfWeek::getValue).sorted().toList()),
                p.leaveNowMinutes());
    }

    /** The event a task was written into, if any. */
    record Link(UUID taskId, UUID userId, UUID integrationId, String eventId, String link) {
    }

    Optional<Link> linkOf(UUID taskId) {
        return db.execute().get("SELECT l.task_id, t.user_id, l.integration_id, l.event_id, l.link FROM task_calendar_events l "
                + "JOIN tasks t ON t.id = l.task_id WHERE l.task_id = ?::uuid", taskId).map(SchedulingRepository::link);
    }

    void insertLink(DbExecute tx, UUID taskId, UUID integrationId, String eventId, String link, Instant now) {
        tx.insert("INSERT INTO task_calendar_events (task_id, integration_id, event_id, link, created_at) "
                + "VALUES (?::uuid, ?::uuid, ?, ?, ?)", taskId, integrationId, eventId, link, timestamp(now));
    }

    /** The links to any of these events of the integration; the rows stay locked until the transaction ends. */
    List<Link> linksTo(DbExecute tx, UUID integrationId, Set<String> eventIds) {
        return tx.query("SELECT l.task_id, t.user_id, l.integration_id, l.event_id, l.link FROM task_calendar_events l "
                        + "JOIN tasks t ON t.id = l.task_id WHERE l.integration_id = ?::uuid "
                        + "AND l.event_id IN (SELECT jsonb_array_elements_text(?::jsonb)) FOR UPDATE OF l",
                integrationId, json(eventIds)).map(SchedulingRepository::link).toList();
    }

    /** The events the person's tasks among {@code taskIds} were written into, by event. */
    java.util.Map<ScheduledTasks.EventRef, UUID> eventsOf(UUID userId, java.util.Collection<UUID> taskIds) {
        java.util.Map<ScheduledTasks.EventRef, UUID> events = new java.util.HashMap<>();
        db.execute().query("SELECT l.task_id, l.integration_id, l.event_id FROM task_calendar_events l "
                        + "JOIN tasks t ON t.id = l.task_id WHERE t.user_id = ?::uuid "
                        + "AND l.task_id IN (SELECT jsonb_array_elements_text(?::jsonb)::uuid)", userId, json(taskIds))
                .forEach(row -> events.put(new ScheduledTasks.EventRef(row.column("integration_id").get(UUID.class),
                        row.column("event_id").get(String.class)), row.column("task_id").get(UUID.class)));
        return events;
    }

    void deleteLink(DbExecute tx, UUID taskId) {
        tx.delete("DELETE FROM task_calendar_events WHERE task_id = ?::uuid", taskId);
    }

    /** Whoever wants leave-now nudges and has a calendar synced, with how long before. */
    record NudgeSetting(UUID userId, int minutes) {
    }

    List<NudgeSetting> nudgeSettings() {
        return db.execute().query("SELECT p.user_id, p.leave_now_minutes FROM scheduling_preferences p "
                        + "WHERE p.leave_now_minutes IS NOT NULL AND EXISTS (SELECT 1 FROM integration_syncs s "
                        + "WHERE s.user_id = p.user_id AND s.stream = 'CALENDAR')")
                .map(row -> new NudgeSetting(row.column("user_id").get(UUID.class), row.column("leave_now_minutes").get(Integer.class)))
                .toList();
    }

    /** Records a nudge for this occurrence; false when one went out already (from any node). */
    boolean recordNudge(DbExecute tx, UUID integrationId, String eventId, Instant startsAt, Instant now) {
        return tx.insert("INSERT INTO leave_now_nudges (integration_id, event_id, starts_at, sent_at) VALUES (?::uuid, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", integrationId, eventId, timestamp(startsAt), timestamp(now)) == 1;
    }

    private static Link link(DbRow row) {
        return new Link(row.column("task_id").get(UUID.class), row.column("user_id").get(UUID.class),
                row.column("integration_id").get(UUID.class), row.column("event_id").get(String.class),
                row.column("link").get(String.class));
    }

    private static SchedulingPreferences preferences(DbRow row) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        try {
            for (int day : JSON.readValue(row.column("days").get(String.class), int[].class)) {
                days.add(DayOfWeek.of(day));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable work days", e);
        }
        return new SchedulingPreferences(row.column("work_start").get(Time.class).toLocalTime(),
                row.column("work_end").get(Time.class).toLocalTime(), days, row.column("leave_now_minutes").get(Integer.class));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
