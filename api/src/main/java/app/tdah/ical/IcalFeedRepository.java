package app.tdah.ical;

import static app.tdah.platform.SqlValues.instant;
import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.tdah.capture.Priority;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of the calendar feed: the feeds themselves and the tasks a feed shows. */
public final class IcalFeedRepository {

    /** One row per task and reminder (a task without reminders has one row with null reminder columns). */
    private static final String OPEN_TASKS_WITH_DUE = """
            SELECT t.id, t.title, t.notes, t.due_date, t.due_at, t.priority, t.tags, t.rrule, t.updated_at,
                   r.offset_minutes, r.remind_at
            FROM tasks t LEFT JOIN task_reminders r ON r.task_id = t.id
            WHERE t.user_id = ?::uuid AND t.status = 'OPEN' AND (t.due_date IS NOT NULL OR t.due_at IS NOT NULL)
            ORDER BY t.created_at, t.id, r.created_at, r.id""";

    private final DbClient db;

    public IcalFeedRepository(DbClient db) {
        this.db = db;
    }

    /** Makes the token hash the person's only live one, in one statement: the previous token stops working at once. */
    void replaceFeed(UUID userId, byte[] tokenHash, Instant createdAt) {
        db.execute().insert("INSERT INTO ical_feeds (user_id, token_hash, created_at) VALUES (?::uuid, ?, ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at",
                userId, tokenHash, timestamp(createdAt));
    }

    void deleteFeed(UUID userId) {
        deleteFeed(db.execute(), userId);
    }

    /** False when the person had no feed. */
    boolean deleteFeed(DbExecute exec, UUID userId) {
        return exec.delete("DELETE FROM ical_feeds WHERE user_id = ?::uuid", userId) > 0;
    }

    Optional<IcalFeed> findFeed(UUID userId) {
        return db.execute().get("SELECT created_at FROM ical_feeds WHERE user_id = ?::uuid", userId)
                .map(row -> new IcalFeed(instant(row, "created_at")));
    }

    /** The owner of the feed with this token hash, while their account is active: a deactivated one serves nothing. */
    Optional<UUID> findFeedOwner(byte[] tokenHash) {
        return db.execute().get("SELECT f.user_id FROM ical_feeds f JOIN users u ON u.id = f.user_id "
                        + "WHERE f.token_hash = ? AND u.deactivated_at IS NULL", tokenHash)
                .map(row -> row.column("user_id").get(UUID.class));
    }

    List<CalendarTask> openTasksWithDue(UUID userId) {
        Map<UUID, List<DbRow>> rowsByTask;
        try (Stream<DbRow> rows = db.execute().query(OPEN_TASKS_WITH_DUE, userId)) {
            rowsByTask = rows.collect(Collectors.groupingBy(row -> row.column("id").get(UUID.class),
                    LinkedHashMap::new, Collectors.toList()));
        }
        return rowsByTask.values().stream()
                .map(rows -> task(rows.getFirst(), rows.stream().flatMap(IcalFeedRepository::reminder).toList()))
                .toList();
    }

    private static CalendarTask task(DbRow row, List<CalendarTask.Reminder> reminders) {
        Date dueDate = row.column("due_date").get(Date.class);
        CalendarTask.Due due = dueDate != null
                ? new CalendarTask.Due.OnDate(dueDate.toLocalDate())
                : new CalendarTask.Due.At(instant(row, "due_at"));
        String priority = row.column("priority").get(String.class);
        return new CalendarTask(
                row.column("id").get(UUID.class),
                row.column("title").get(String.class),
                row.column("notes").get(String.class),
                due,
                priority == null ? null : Priority.valueOf(priority),
                textArray(row, "tags"),
                row.column("rrule").get(String.class),
                instant(row, "updated_at"),
                reminders);
    }

    private static Stream<CalendarTask.Reminder> reminder(DbRow row) {
        Integer minutes = row.column("offset_minutes").get(Integer.class);
        if (minutes != null) {
            return Stream.of(new CalendarTask.Reminder.BeforeDue(minutes));
        }
        Instant at = nullableInstant(row, "remind_at");
        return at == null ? Stream.empty() : Stream.of(new CalendarTask.Reminder.At(at));
    }

    private static List<String> textArray(DbRow row, String column) {
        try {
            return List.of((String[]) row.column(column).get(Array.class).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + column, e);
        }
    }
}
