package app.tdah.tasks;

import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import app.tdah.capture.Due;
import app.tdah.capture.Priority;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;
import app.tdah.platform.Statements;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * All SQL of the tasks feature. Every read and write is scoped by the owner's id: a task id alone never reaches
 * another person's row. Helidon's JDBC client binds UUIDs and arrays as text, hence the casts.
 */
public final class TaskRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = "id, user_id, parent_id, position, title, notes, due_date, due_at, priority, "
            + "to_json(tags)::text AS tags_json, status, estimate_minutes, rrule, repeat_after_completion, snoozed_until, "
            + "missed_count, broken_down_at, created_at, completed_at";
    private static final String REMINDER_COLUMNS = "id, task_id, remind_at, offset_minutes, to_json(channels)::text AS channels_json, next_fire_at";

    private final Statements sql;

    public TaskRepository(DbClient db) {
        this(Statements.eachOnItsOwn(db));
    }

    /** Statements run where {@code sql} says: on their own, or in a caller's open transaction. */
    TaskRepository(Statements sql) {
        this.sql = sql;
    }

    /** Runs the writes in one transaction (the caller's, if one is open): all of them are durable, or none. */
    void inTransaction(java.util.function.Consumer<DbExecute> writes) {
        sql.inTransaction(tx -> {
            writes.accept(tx);
            return null;
        });
    }

    void insert(DbExecute tx, Task t) {
        tx.insert("INSERT INTO tasks (id, user_id, parent_id, position, title, notes, due_date, due_at, priority, tags, "
                        + "status, estimate_minutes, rrule, repeat_after_completion, created_at, updated_at) "
                        + "VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)",
                t.id(), t.userId(), t.parentId(), t.position(), t.title(), t.notes(), dueDate(t.due()), dueAt(t.due()),
                name(t.priority()), array(t.tags()), t.status().name(), t.estimateMinutes(), t.rrule(),
                t.repeatAfterCompletion(), timestamp(t.createdAt()), timestamp(t.createdAt()));
    }

    void insertReminder(DbExecute tx, UUID userId, Reminder r) {
        tx.insert("INSERT INTO task_reminders (id, task_id, user_id, remind_at, offset_minutes, channels) "
                        + "VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?::text[])",
                r.id(), r.taskId(), userId, timestamp(r.remindAt()), r.offsetMinutes(),
                array(r.channels().stream().map(Enum::name).toList()));
    }

    /** Writes every mutable field of the task back. */
    void update(DbExecute tx, Task t) {
        tx.update("UPDATE tasks SET title = ?, notes = ?, due_date = ?, due_at = ?, priority = ?, tags = ?::text[], "
                        + "status = ?, estimate_minutes = ?, rrule = ?, repeat_after_completion = ?, snoozed_until = ?, "
                        + "missed_count = ?, broken_down_at = ?, completed_at = ?, updated_at = now() "
                        + "WHERE id = ?::uuid AND user_id = ?::uuid",
                t.title(), t.notes(), dueDate(t.due()), dueAt(t.due()), name(t.priority()), array(t.tags()),
                t.status().name(), t.estimateMinutes(), t.rrule(), t.repeatAfterCompletion(), timestamp(t.snoozedUntil()),
                t.missedCount(), timestamp(t.brokenDownAt()), timestamp(t.completedAt()), t.id(), t.userId());
    }

    /**
     * Recomputes when each of the task's reminders fires next: an absolute one at its time if that is still ahead,
     * a relative one at the due minus its offset (09:00 local for an all-day due) if that is still ahead, none once
     * the task is closed. The dispatcher claims reminders by this column.
     */
    void refreshReminderTimes(DbExecute tx, UUID taskId, Instant now) {
        refreshReminderTimesWhere(tx, "t.id = ?::uuid", taskId, now);
    }

    /**
     * After a person's time zone changed: their reminders relative to an all-day due, the only ones whose time
     * depends on the zone (09:00 local). Such a reminder snoozed at that moment is timed from the due again.
     */
    void refreshZoneDependentReminderTimes(DbExecute tx, UUID userId, Instant now) {
        refreshReminderTimesWhere(tx, "t.user_id = ?::uuid AND t.due_date IS NOT NULL AND r.offset_minutes IS NOT NULL",
                userId, now);
    }

    private static void refreshReminderTimesWhere(DbExecute tx, String taskCondition, UUID id, Instant now) {
        OffsetDateTime at = timestamp(now);
        tx.update("UPDATE task_reminders r SET next_fire_at = CASE "
                        + "WHEN t.status <> 'OPEN' THEN NULL "
                        + "WHEN r.remind_at IS NOT NULL THEN CASE WHEN r.remind_at > ? THEN r.remind_at END "
                        + "ELSE (SELECT f FROM (SELECT coalesce(t.due_at, (t.due_date + time '09:00') AT TIME ZONE u.time_zone) "
                        + "- r.offset_minutes * interval '1 minute' AS f) x WHERE f > ?) END "
                        + "FROM tasks t JOIN users u ON u.id = t.user_id WHERE r.task_id = t.id AND " + taskCondition,
                at, at, id);
    }

    void recordCompletion(DbExecute tx, Task task, Instant completedAt) {
        tx.insert("INSERT INTO task_completions (id, task_id, user_id, completed_at, occurrence_due, was_broken_down, tags) "
                        + "VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?::text[])",
                UUID.randomUUID(), task.id(), task.userId(), timestamp(completedAt), occurrenceKey(task.due()),
                task.brokenDownAt() != null, array(task.tags()));
    }

    /**
     * Removes the task's latest completion record, of {@code occurrence} when given (a recurring task's), whichever
     * otherwise (a one-off task is completed once at a time).
     */
    void deleteLatestCompletion(DbExecute tx, UUID userId, UUID taskId, Due occurrence) {
        tx.delete("DELETE FROM task_completions WHERE id = (SELECT id FROM task_completions "
                        + "WHERE task_id = ?::uuid AND user_id = ?::uuid AND (?::text IS NULL OR occurrence_due = ?) "
                        + "ORDER BY completed_at DESC LIMIT 1)",
                taskId, userId, occurrenceKey(occurrence), occurrenceKey(occurrence));
    }

    void reopenSubtasks(DbExecute tx, UUID userId, UUID parentId) {
        tx.update("UPDATE tasks SET status = 'OPEN', completed_at = NULL, updated_at = now() "
                + "WHERE parent_id = ?::uuid AND user_id = ?::uuid AND status = 'DONE'", parentId, userId);
    }

    public Optional<Task> find(UUID userId, UUID id) {
        return sql.execute().get("SELECT " + COLUMNS + " FROM tasks WHERE id = ?::uuid AND user_id = ?::uuid", id, userId)
                .map(TaskRepository::task);
    }

    long delete(UUID userId, UUID id) {
        return sql.execute().delete("DELETE FROM tasks WHERE id = ?::uuid AND user_id = ?::uuid", id, userId);
    }

    long deleteReminder(UUID userId, UUID reminderId) {
        return sql.execute().delete("DELETE FROM task_reminders WHERE id = ?::uuid AND user_id = ?::uuid", reminderId, userId);
    }

    /**
     * Sets when a reminder fires next (null: not again). A new time is a new occurrence, so a snoozed reminder is
     * delivered again.
     */
    long setReminderNextFire(DbExecute exec, UUID userId, UUID reminderId, Instant fireAt) {
        return exec.update("UPDATE task_reminders SET next_fire_at = ? WHERE id = ?::uuid AND user_id = ?::uuid",
                timestamp(fireAt), reminderId, userId);
    }

    Optional<UUID> taskOfReminder(UUID userId, UUID reminderId) {
        return sql.execute().get("SELECT task_id FROM task_reminders WHERE id = ?::uuid AND user_id = ?::uuid", reminderId, userId)
                .map(row -> row.column("task_id").get(UUID.class));
    }

    int countSubtasks(UUID userId, UUID parentId) {
        return sql.execute().get("SELECT count(*) AS n FROM tasks WHERE parent_id = ?::uuid AND user_id = ?::uuid", parentId, userId)
                .map(row -> row.column("n").get(Long.class).intValue()).orElse(0);
    }

    /**
     * A page of top-level tasks of one status matching {@code filter}: open ones newest first, finished ones (done or
     * cancelled) most recently finished first, as {@link Task#listedAt()} says.
     */
    public Page<Task> page(UUID userId, Task.Status status, TaskFilter filter, PageRequest<KeysetCursor> request) {
        String listedAt = status == Task.Status.OPEN ? "created_at" : "coalesce(completed_at, created_at)";
        List<Object> matchParams = new ArrayList<>(List.of(userId, status.name()));
        String matching = "FROM tasks WHERE user_id = ?::uuid AND parent_id IS NULL AND status = ? " + matching(filter, matchParams);
        List<Object> params = new ArrayList<>(matchParams);
        String keyset = KeysetCursor.continuing(request.after(), listedAt, "id", params);
        params.add(request.fetchSize());
        List<Task> rows = sql.execute().query("SELECT " + COLUMNS + " " + matching
                        + keyset + "ORDER BY " + listedAt + " DESC, id DESC LIMIT ?", params.toArray())
                .map(TaskRepository::task).toList();
        long total = sql.execute().get("SELECT count(*) AS n " + matching, matchParams.toArray())
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
        return request.page(rows, total);
    }

    /** The conditions of a filter, its values added to {@code params}; the text is found in the title or the notes. */
    private static String matching(TaskFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        filter.tag().ifPresent(tag -> {
            sql.append("AND ? = ANY(tags) ");
            params.add(tag);
        });
        filter.priority().ifPresent(priority -> {
            sql.append("AND priority = ? ");
            params.add(priority.name());
        });
        filter.text().ifPresent(text -> {
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append("AND (title ILIKE ? OR notes ILIKE ?) ");
            params.add(like);
            params.add(like);
        });
        return sql.toString();
    }

    /**
     * Open top-level tasks due on or before the person's today (all-day) or before the end of it (timed), except those
     * snoozed past {@code now}. One statement; the partial index tasks_open_by_due serves it. The service orders them
     * by the person's local day.
     */
    public List<Task> dueByEndOf(UUID userId, LocalDate today, Instant endOfToday, Instant now) {
        return sql.execute().query("SELECT " + COLUMNS + " FROM tasks WHERE user_id = ?::uuid AND status = 'OPEN' "
                                + "AND parent_id IS NULL AND (due_date <= ? OR due_at < ?) "
                                + "AND (snoozed_until IS NULL OR snoozed_until <= ?) "
                                + "ORDER BY created_at",
                        userId, Date.valueOf(today), timestamp(endOfToday), timestamp(now))
                .map(TaskRepository::task)
                .toList();
    }

    /** Open top-level tasks due on one local day: all-day that date, or timed within [start, end). */
    public List<Task> dueOn(UUID userId, LocalDate day, Instant start, Instant end) {
        return sql.execute().query("SELECT " + COLUMNS + " FROM tasks WHERE user_id = ?::uuid AND status = 'OPEN' "
                                + "AND parent_id IS NULL AND (due_date = ? OR (due_at >= ? AND due_at < ?)) ORDER BY created_at",
                        userId, Date.valueOf(day), timestamp(start), timestamp(end))
                .map(TaskRepository::task)
                .toList();
    }

    /**
     * Open top-level tasks not snoozed past {@code now} and due from {@code now} on (all-day ones from {@code today}),
     * soonest first; an all-day due counts from the start of its day in {@code zone}.
     */
    public List<Task> upcoming(UUID userId, LocalDate today, Instant now, String zone, int limit) {
        return sql.execute().query("SELECT " + COLUMNS + " FROM tasks WHERE user_id = ?::uuid AND status = 'OPEN' "
                                + "AND parent_id IS NULL AND (due_date >= ? OR due_at >= ?) "
                                + "AND (snoozed_until IS NULL OR snoozed_until <= ?) "
                                + "ORDER BY coalesce(due_at, due_date::timestamp AT TIME ZONE ?), created_at LIMIT ?",
                        userId, Date.valueOf(today), timestamp(now), timestamp(now), zone, limit)
                .map(TaskRepository::task)
                .toList();
    }

    /** Open tasks (subtasks too) with a due time within [from, to). */
    public List<Task> timedBetween(UUID userId, Instant from, Instant to) {
        return sql.execute().query("SELECT " + COLUMNS + " FROM tasks WHERE user_id = ?::uuid AND status = 'OPEN' "
                                + "AND due_at >= ? AND due_at < ? ORDER BY due_at, created_at",
                        userId, timestamp(from), timestamp(to))
                .map(TaskRepository::task)
                .toList();
    }

    /** A reminder that fires at {@code fireAt}, with its task. */
    public record ScheduledReminder(UUID reminderId, Instant fireAt, Task task) {
    }

    /** Reminders firing within [from, to), with their tasks, in firing order. */
    public List<ScheduledReminder> remindersBetween(UUID userId, Instant from, Instant to) {
        return sql.execute().query("SELECT r.id AS reminder_id, r.next_fire_at, " + prefixed("t") + " FROM task_reminders r "
                                + "JOIN tasks t ON t.id = r.task_id WHERE r.user_id = ?::uuid AND r.next_fire_at >= ? "
                                + "AND r.next_fire_at < ? ORDER BY r.next_fire_at",
                        userId, timestamp(from), timestamp(to))
                .map(row -> new ScheduledReminder(row.column("reminder_id").get(UUID.class), instant(row, "next_fire_at"), task(row)))
                .toList();
    }

    /** Subtasks of many parents in one statement (the DataLoader's batch), ordered by position. */
    public Map<UUID, List<Task>> subtasksOf(UUID userId, Collection<UUID> parentIds) {
        Map<UUID, List<Task>> byParent = new LinkedHashMap<>();
        parentIds.forEach(id -> byParent.put(id, new ArrayList<>()));
        sql.execute().query("SELECT " + COLUMNS + " FROM tasks WHERE user_id = ?::uuid AND parent_id = ANY (?::uuid[]) "
                        + "ORDER BY parent_id, position, created_at", userId, array(parentIds.stream().map(UUID::toString).toList()))
                .forEach(row -> {
                    Task t = task(row);
                    byParent.get(t.parentId()).add(t);
                });
        return byParent;
    }

    /** Reminders of many tasks in one statement (the DataLoader's batch). */
    public Map<UUID, List<Reminder>> remindersOf(UUID userId, Collection<UUID> taskIds) {
        Map<UUID, List<Reminder>> byTask = new LinkedHashMap<>();
        taskIds.forEach(id -> byTask.put(id, new ArrayList<>()));
        sql.execute().query("SELECT " + REMINDER_COLUMNS + " FROM task_reminders WHERE user_id = ?::uuid AND task_id = ANY (?::uuid[]) "
                        + "ORDER BY created_at", userId, array(taskIds.stream().map(UUID::toString).toList()))
                .forEach(row -> {
                    Reminder r = reminder(row);
                    byTask.get(r.taskId()).add(r);
                });
        return byTask;
    }

    /** A missed occurrence to count: an open task whose due has passed, with its owner's zone, language and threshold. */
    public record MissCandidate(Task task, ZoneAndLanguage owner, int breakdownThreshold) {
    }

    /**
     * Open tasks whose due passed before {@code now} in their owner's zone (an all-day due passes at the end of that
     * local day) and whose current occurrence is not counted yet.
     */
    public List<MissCandidate> missCandidates(Instant now, int limit) {
        return sql.execute().query("SELECT " + prefixed("t") + ", u.time_zone, u.locale, u.breakdown_threshold FROM tasks t JOIN users u ON u.id = t.user_id "
                                + "WHERE t.status = 'OPEN' AND ((t.due_at IS NOT NULL AND t.due_at < ?) "
                                + "OR (t.due_date IS NOT NULL AND t.due_date < (? AT TIME ZONE u.time_zone)::date)) "
                                + "AND NOT EXISTS (SELECT 1 FROM task_misses m WHERE m.task_id = t.id AND m.occurrence_due = "
                                + "coalesce(to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), to_char(t.due_date, 'YYYY-MM-DD'))) "
                                + "ORDER BY t.id LIMIT ?",
                        timestamp(now), timestamp(now), limit)
                .map(row -> new MissCandidate(task(row),
                        ZoneAndLanguage.of(row.column("time_zone").get(String.class), row.column("locale").get(String.class)),
                        row.column("breakdown_threshold").get(Integer.class)))
                .toList();
    }

    /**
     * Counts one missed occurrence, once, and moves a recurring task to its next occurrence, in one statement: the
     * increment and the move happen only when this occurrence had no row yet, so reruns and concurrent nodes never
     * count it twice. Returns the new missed count, or empty when it was already counted.
     */
    Optional<Integer> countMissAndMove(Task task, Due next) {
        boolean move = next != null;
        return sql.execute().get("WITH inserted AS (INSERT INTO task_misses (task_id, user_id, occurrence_due) VALUES (?::uuid, ?::uuid, ?) "
                                + "ON CONFLICT DO NOTHING RETURNING task_id) "
                                + "UPDATE tasks SET missed_count = missed_count + 1, updated_at = now(), "
                                + "due_date = CASE WHEN ? THEN ?::date ELSE due_date END, due_at = CASE WHEN ? THEN ?::timestamptz ELSE due_at END, "
                                + "snoozed_until = CASE WHEN ? THEN NULL ELSE snoozed_until END "
                                + "WHERE id IN (SELECT task_id FROM inserted) RETURNING missed_count",
                        task.id(), task.userId(), occurrenceKey(task.due()),
                        move, dueDate(next), move, dueAt(next), move)
                .map(row -> row.column("missed_count").get(Integer.class));
    }

    /** The key of the occurrence a due stands for: the date, or the UTC instant to the second. */
    static String occurrenceKey(Due due) {
        if (due == null) {
            return null;
        }
        return switch (due) {
            case Due.AllDay d -> d.date().toString();
            case Due.Timed t -> t.at().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        };
    }

    private static String prefixed(String alias) {
        return Arrays.stream(COLUMNS.split(", "))
                .map(c -> c.startsWith("to_json(") ? c.replace("to_json(", "to_json(" + alias + ".") : alias + "." + c)
                .collect(Collectors.joining(", "));
    }

    private static Task task(DbRow row) {
        Date dueDate = row.column("due_date").get(Date.class);
        Instant dueAt = instant(row, "due_at");
        Due due = dueDate != null ? new Due.AllDay(dueDate.toLocalDate())
                : dueAt != null ? new Due.Timed(dueAt.atZone(ZoneOffset.UTC)) : null;
        String priority = row.column("priority").get(String.class);
        return new Task(
                row.column("id").get(UUID.class),
                row.column("user_id").get(UUID.class),
                row.column("parent_id").get(UUID.class),
                row.column("position").get(Integer.class),
                row.column("title").get(String.class),
                row.column("notes").get(String.class),
                due,
                priority == null ? null : Priority.valueOf(priority),
                strings(row.column("tags_json").get(String.class)),
                Task.Status.valueOf(row.column("status").get(String.class)),
                row.column("estimate_minutes").get(Integer.class),
                row.column("rrule").get(String.class),
                row.column("repeat_after_completion").get(Boolean.class),
                instant(row, "snoozed_until"),
                row.column("missed_count").get(Integer.class),
                instant(row, "broken_down_at"),
                instant(row, "created_at"),
                instant(row, "completed_at"));
    }

    private static Reminder reminder(DbRow row) {
        return new Reminder(
                row.column("id").get(UUID.class),
                row.column("task_id").get(UUID.class),
                instant(row, "remind_at"),
                row.column("offset_minutes").get(Integer.class),
                strings(row.column("channels_json").get(String.class)).stream().map(Reminder.Channel::valueOf).toList(),
                instant(row, "next_fire_at"));
    }

    private static List<String> strings(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, STRINGS);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable array column", e);
        }
    }

    /** A PostgreSQL array literal; values are tags, channels and UUIDs, which never need quoting. */
    private static String array(Collection<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static Instant instant(DbRow row, String column) {
        Timestamp value = row.column(column).get(Timestamp.class);
        return value == null ? null : value.toInstant();
    }

    private static Date dueDate(Due due) {
        return due instanceof Due.AllDay d ? Date.valueOf(d.date()) : null;
    }

    private static OffsetDateTime dueAt(Due due) {
        return due instanceof Due.Timed t ? t.at().toInstant().atOffset(ZoneOffset.UTC) : null;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
