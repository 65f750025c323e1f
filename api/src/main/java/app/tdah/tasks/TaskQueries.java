package app.tdah.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.capture.Capture;
import app.tdah.capture.CaptureParser;
import app.tdah.capture.Due;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;
import app.tdah.platform.Statements;

/** What reads tasks: one task, the task list, Today, a day's list, what comes next, subtasks and reminders. */
public final class TaskQueries {

    private final TaskRepository repository;
    private final Clock clock;

    public TaskQueries(TaskRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The same reads, run where {@code statements} says: inside a caller's transaction, they see its changes. */
    public TaskQueries in(Statements statements) {
        return new TaskQueries(new TaskRepository(statements), clock);
    }

    /** Today for a person: what is due today and what is overdue, in their zone. */
    public record Today(LocalDate date, ZoneId zone, List<Task> dueToday, List<Task> overdue) {
    }

    public Optional<Task> find(UUID userId, UUID taskId) {
        return repository.find(userId, taskId);
    }

    /** Today for a person in their zone, which the caller has read once for its whole request or text. */
    public Today today(UUID userId, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        Instant endOfToday = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<Task> dueToday = new ArrayList<>();
        List<Task> overdue = new ArrayList<>();
        for (Task task : repository.dueByEndOf(userId, today, endOfToday, now)) {
            boolean late = switch (task.due()) {
                case Due.AllDay d -> d.date().isBefore(today);
                case Due.Timed t -> t.at().toInstant().isBefore(startOfToday);
            };
            (late ? overdue : dueToday).add(task);
        }
        Comparator<Task> order = dayOrder(zone);
        dueToday.sort(order);
        overdue.sort(order);
        return new Today(today, zone, dueToday, overdue);
    }

    /** Open top-level tasks due on {@code day} in the person's zone, in the order of a day's list. */
    public List<Task> dueOn(UUID userId, LocalDate day, ZoneId zone) {
        List<Task> tasks = new ArrayList<>(repository.dueOn(userId, day, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant()));
        tasks.sort(dayOrder(zone));
        return tasks;
    }

    /** Open top-level tasks due from now on and not snoozed, soonest first. */
    public List<Task> upcoming(UUID userId, int limit, ZoneId zone) {
        Instant now = clock.instant();
        return repository.upcoming(userId, now.atZone(zone).toLocalDate(), now, zone.getId(), limit);
    }

    /**
     * The order of a day's list: by local day, all-day tasks before timed ones on the same day, timed ones by time,
     * then the most urgent first, then the oldest first.
     */
    private static Comparator<Task> dayOrder(ZoneId zone) {
        return Comparator.<Task, LocalDate>comparing(t -> localDay(t.due(), zone))
                .thenComparing(t -> t.due() instanceof Due.Timed)
                .thenComparing(t -> t.due() instanceof Due.Timed timed ? timed.at().toInstant() : Instant.MIN)
                .thenComparing(t -> t.priority() == null ? Integer.MAX_VALUE : t.priority().ordinal())
                .thenComparing(Task::createdAt);
    }

    private static LocalDate localDay(Due due, ZoneId zone) {
        return due instanceof Due.Timed timed ? timed.at().withZoneSameInstant(zone).toLocalDate() : due.date();
    }

    /** What capturing the text would create, without saving: the SPA shows it as a preview. */
    public Capture parse(String text, ZoneAndLanguage person) {
        return CaptureParser.parse(text, person.zone(), clock.instant().atZone(person.zone()), person.language());
    }

    /** The person's top-level tasks of one status that match the filter, in the order of {@link Task#listedAt()}, latest first. */
    public Page<Task> page(UUID userId, Task.Status status, TaskFilter filter, PageRequest<KeysetCursor> request) {
        return repository.page(userId, status, filter, request);
    }

    /** The task's subtasks, in their order. */
    public List<Task> subtasks(UUID userId, UUID taskId) {
        return repository.subtasksOf(userId, List.of(taskId)).get(taskId);
    }

    /** Subtasks of many tasks in one statement, for a batch loader. */
    public Map<UUID, List<Task>> subtasksOf(UUID userId, Collection<UUID> taskIds) {
        return repository.subtasksOf(userId, taskIds);
    }

    /** Reminders of many tasks in one statement, for a batch loader. */
    public Map<UUID, List<Reminder>> remindersOf(UUID userId, Collection<UUID> taskIds) {
        return repository.remindersOf(userId, taskIds);
    }

    /** What is on a person's timeline within [from, to): open tasks due at a time then, and reminders firing then. */
    public record Timeline(List<Task> timedTasks, List<TaskRepository.ScheduledReminder> reminders) {
    }

    public Timeline timeline(UUID userId, Instant from, Instant to) {
        return new Timeline(repository.timedBetween(userId, from, to), repository.remindersBetween(userId, from, to));
    }
}
