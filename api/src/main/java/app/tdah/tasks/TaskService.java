package app.tdah.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.capture.Capture;
import app.tdah.capture.CaptureParser;
import app.tdah.capture.Due;
import app.tdah.errors.UserError;
import app.tdah.planner.PlanRequest;
import app.tdah.planner.PlannedStep;
import app.tdah.planner.TaskPlanner;


/** Tasks: capture, create, edit, complete (recurring ones move to their next occurrence), snooze, break down. */
public final class TaskService {

    public static final int MAX_CAPTURE_LENGTH = 1_000;
    private static final UserError NOT_FOUND = new UserError("id", "That task doesn't exist.", UserError.Code.NOT_FOUND);
    static final UserError REMINDER_NOT_FOUND = new UserError("id", "That reminder doesn't exist.", UserError.Code.NOT_FOUND);

    private final TaskRepository repository;
    private final TaskPlanner planner;
    private final Function<UUID, ZoneId> zoneOf;
    private final Clock clock;

    public TaskService(TaskRepository repository, TaskPlanner planner, Function<UUID, ZoneId> zoneOf, Clock clock) {
        this.repository = repository;
        this.planner = planner;
        this.zoneOf = zoneOf;
        this.clock = clock;
    }

    /** A task, or the reasons the request was refused. */
    public record Result(Optional<Task> task, List<UserError> errors) {
        static Result of(Task task) {
            return new Result(Optional.of(task), List.of());
        }

        static Result refused(List<UserError> errors) {
            return new Result(Optional.empty(), List.copyOf(errors));
        }

        static Result refused(UserError error) {
            return refused(List.of(error));
        }
    }

    /** Today for a person: what is due today and what is overdue, in their zone. */
    public record Today(LocalDate date, ZoneId zone, List<Task> dueToday, List<Task> overdue) {
    }

    public Optional<Task> find(UUID userId, UUID taskId) {
        return repository.find(userId, taskId);
    }

    public Today today(UUID userId) {
        ZoneId zone = zoneOf.apply(userId);
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
    public List<Task> dueOn(UUID userId, LocalDate day) {
        ZoneId zone = zoneOf.apply(userId);
        List<Task> tasks = new ArrayList<>(repository.dueOn(userId, day, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant()));
        tasks.sort(dayOrder(zone));
        return tasks;
    }

    /** What is on a person's timeline within [from, to): open tasks due at a time then, and reminders firing then. */
    public record Timeline(List<Task> timedTasks, List<TaskRepository.ScheduledReminder> reminders) {
    }

    public Timeline timeline(UUID userId, Instant from, Instant to) {
        return new Timeline(repository.timedBetween(userId, from, to), repository.remindersBetween(userId, from, to));
    }

    /** Open top-level tasks due from now on and not snoozed, soonest first. */
    public List<Task> upcoming(UUID userId, int limit) {
        ZoneId zone = zoneOf.apply(userId);
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

    /** What {@link #capture} would create, without saving: the SPA shows it as a preview. */
    public Capture parse(UUID userId, String text) {
        ZoneId zone = zoneOf.apply(userId);
        return CaptureParser.parse(text, zone, clock.instant().atZone(zone));
    }

    public Optional<UserError> checkCaptureText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new UserError("text", "Type something to capture.", UserError.Code.TOO_SHORT));
        }
        if (text.length() > MAX_CAPTURE_LENGTH) {
            return Optional.of(new UserError("text", "Keep a capture under " + MAX_CAPTURE_LENGTH + " characters.", UserError.Code.TOO_LONG));
        }
        return Optional.empty();
    }

    public Result capture(UUID userId, String text) {
        Optional<UserError> invalid = checkCaptureText(text);
        if (invalid.isPresent()) {
            return Result.refused(invalid.get());
        }
        Capture c = parse(userId, text);
        List<TaskDraft.ReminderDraft> reminders = c.remindAt() == null ? List.of()
                : List.of(new TaskDraft.ReminderDraft(c.remindAt().toInstant(), null, List.of(Reminder.Channel.IN_APP)));
        return create(userId, new TaskDraft(c.title(), null, c.due(), c.priority(), List.copyOf(c.tags()), null,
                c.rrule(), false, null, reminders));
    }

    public Result create(UUID userId, TaskDraft draft) {
        List<UserError> errors = new ArrayList<>();
        TaskRules.title(draft.title(), errors);
        TaskRules.notes(draft.notes(), errors);
        TaskRules.due(draft.due(), draft.due() instanceof Due.Timed ? "dueAt" : "dueDate", errors);
        TaskRules.estimate(draft.estimateMinutes(), errors);
        TaskRules.recurrence(draft.rrule(), errors);
        List<String> tags = TaskRules.tags(draft.tags(), errors);
        TaskRules.reminders(draft.reminders(), draft.due(), errors);
        int position = 0;
        if (draft.parentId() != null) {
            Optional<Task> parent = repository.find(userId, draft.parentId());
            if (parent.isEmpty()) {
                errors.add(new UserError("parentId", "That parent task doesn't exist.", UserError.Code.NOT_FOUND));
            } else if (parent.get().parentId() != null) {
                errors.add(new UserError("parentId", "Subtasks can't have subtasks of their own.", UserError.Code.INVALID));
            } else {
                position = repository.countSubtasks(userId, draft.parentId());
            }
        }
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        Due due = draft.rrule() != null && draft.due() == null ? firstOccurrence(userId, draft.rrule()) : draft.due();
        Task task = new Task(UUID.randomUUID(), userId, draft.parentId(), position, draft.title().strip(), blankToNull(draft.notes()),
                due, draft.priority(), tags, Task.Status.OPEN, draft.estimateMinutes(), normalise(draft.rrule()),
                draft.repeatAfterCompletion(), null, 0, null, clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        repository.inTransaction(tx -> {
            repository.insert(tx, task);
            for (TaskDraft.ReminderDraft r : draft.reminders() == null ? List.<TaskDraft.ReminderDraft>of() : draft.reminders()) {
                repository.insertReminder(tx, userId, reminder(task.id(), r));
            }
            repository.refreshReminderTimes(tx, task.id(), clock.instant());
        });
        return Result.of(task);
    }

    /** The fields a person changes; a field left out stays as it was. */
    public record Changes(Optional<String> title, Optional<Optional<String>> notes, Optional<Optional<Due>> due,
                          Optional<Optional<app.tdah.capture.Priority>> priority, Optional<List<String>> tags,
                          Optional<Optional<Integer>> estimateMinutes, Optional<Optional<String>> rrule,
                          Optional<Boolean> repeatAfterCompletion) {
    }

    public Result update(UUID userId, UUID taskId, Changes changes) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        Task t = found.get();
        List<UserError> errors = new ArrayList<>();
        changes.title().ifPresent(title -> TaskRules.title(title, errors));
        changes.notes().ifPresent(notes -> TaskRules.notes(notes.orElse(null), errors));
        changes.due().ifPresent(due -> TaskRules.due(due.orElse(null), due.orElse(null) instanceof Due.Timed ? "dueAt" : "dueDate", errors));
        changes.estimateMinutes().ifPresent(e -> TaskRules.estimate(e.orElse(null), errors));
        changes.rrule().ifPresent(r -> TaskRules.recurrence(r.orElse(null), errors));
        List<String> tags = changes.tags().map(tg -> TaskRules.tags(tg, errors)).orElse(t.tags());
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        Task updated = new Task(t.id(), t.userId(), t.parentId(), t.position(),
                changes.title().map(String::strip).orElse(t.title()),
                changes.notes().map(n -> blankToNull(n.orElse(null))).orElse(t.notes()),
                changes.due().map(d -> d.orElse(null)).orElse(t.due()),
                changes.priority().map(p -> p.orElse(null)).orElse(t.priority()),
                tags, t.status(),
                changes.estimateMinutes().map(e -> e.orElse(null)).orElse(t.estimateMinutes()),
                changes.rrule().map(r -> normalise(r.orElse(null))).orElse(t.rrule()),
                changes.repeatAfterCompletion().orElse(t.repeatAfterCompletion()),
                t.snoozedUntil(), t.missedCount(), t.brokenDownAt(), t.createdAt(), t.completedAt());
        if (updated.rrule() != null && updated.due() == null) {
            updated = updated.withDue(firstOccurrence(userId, updated.rrule()));
        }
        Task toSave = updated;
        repository.inTransaction(tx -> {
            repository.update(tx, toSave);
            repository.refreshReminderTimes(tx, toSave.id(), clock.instant());
        });
        return Result.of(toSave);
    }

    /**
     * Marks the task done. A recurring task records the completed occurrence, moves to its next one and reopens its
     * subtasks, so it never piles up copies; when its rule has no further occurrence it is done for good.
     */
    public Result complete(UUID userId, UUID taskId) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        Task t = found.get();
        if (t.status() != Task.Status.OPEN) {
            return Result.of(t);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Due> next = t.isRecurring() && t.due() != null ? nextOccurrence(t, now) : Optional.empty();
        Task updated = next.map(t::movedTo).orElseGet(() -> t.withStatus(Task.Status.DONE, now));
        repository.inTransaction(tx -> {
            repository.recordCompletion(tx, t, now);
            repository.update(tx, updated);
            if (next.isPresent()) {
                repository.reopenSubtasks(tx, userId, t.id());
            }
            repository.refreshReminderTimes(tx, t.id(), now);
        });
        return Result.of(updated);
    }

    public Result reopen(UUID userId, UUID taskId) {
        return changeStatus(userId, taskId, Task.Status.OPEN);
    }

    public Result cancel(UUID userId, UUID taskId) {
        return changeStatus(userId, taskId, Task.Status.CANCELLED);
    }

    public boolean delete(UUID userId, UUID taskId) {
        return repository.delete(userId, taskId) > 0;
    }

    /** Hides the task from Today for some minutes from now. */
    public Result snoozeFor(UUID userId, UUID taskId, int minutes) {
        return snooze(userId, taskId, clock.instant().plus(Duration.ofMinutes(minutes)));
    }

    /** Hides the task from Today until {@code until}; its due stays (snoozing is not rescheduling). */
    public Result snooze(UUID userId, UUID taskId, Instant requestedUntil) {
        Instant until = requestedUntil.truncatedTo(ChronoUnit.MICROS);
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        List<UserError> errors = new ArrayList<>();
        if (!until.isAfter(clock.instant())) {
            errors.add(new UserError("until", "Snooze to a time in the future.", UserError.Code.INVALID));
        }
        TaskRules.instant(until, "until", errors);
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        Task snoozed = found.get().withSnoozedUntil(until);
        save(snoozed);
        return Result.of(snoozed);
    }

    /** The task's subtasks, in their order. */
    public List<Task> subtasks(UUID userId, UUID taskId) {
        return repository.subtasksOf(userId, List.of(taskId)).get(taskId);
    }

    /** Shows a snoozed task in Today again at once. */
    public Result unsnooze(UUID userId, UUID taskId) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        Task shown = found.get().withSnoozedUntil(null);
        save(shown);
        return Result.of(shown);
    }

    public Result addReminder(UUID userId, UUID taskId, TaskDraft.ReminderDraft draft) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        List<UserError> errors = new ArrayList<>();
        TaskRules.reminder(draft, found.get().due(), errors);
        if (!errors.isEmpty()) {
            return Result.refused(errors);
        }
        repository.inTransaction(tx -> {
            repository.insertReminder(tx, userId, reminder(taskId, draft));
            repository.refreshReminderTimes(tx, taskId, clock.instant());
        });
        return Result.of(found.get());
    }

    public Result removeReminder(UUID userId, UUID reminderId) {
        Optional<UUID> taskId = repository.taskOfReminder(userId, reminderId);
        if (taskId.isEmpty()) {
            return Result.refused(REMINDER_NOT_FOUND);
        }
        repository.deleteReminder(userId, reminderId);
        return repository.find(userId, taskId.get()).map(Result::of).orElseGet(() -> Result.refused(NOT_FOUND));
    }

    /**
     * Breaks the task into 3-6 small subtasks from the planner, due before the task's own due. A task that already
     * has subtasks is left as it is: the person's own steps are never replaced.
     */
    public Result breakDown(UUID userId, UUID taskId) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        Task t = found.get();
        if (t.parentId() != null) {
            return Result.refused(new UserError("id", "Subtasks can't be broken down further.", UserError.Code.INVALID));
        }
        if (repository.countSubtasks(userId, taskId) > 0) {
            return Result.refused(new UserError("id", "This task already has steps.", UserError.Code.ALREADY_EXISTS));
        }
        ZoneId zone = zoneOf.apply(userId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate due = t.due() == null ? null : t.due() instanceof Due.Timed timed
                ? timed.at().withZoneSameInstant(zone).toLocalDate() : t.due().date();
        List<PlannedStep> steps = planner.breakDown(new PlanRequest(t.title(), t.notes(), t.estimateMinutes(), t.tags(), today, due));
        Task brokenDown = t.withBrokenDownAt(now);
        repository.inTransaction(tx -> {
            for (int i = 0; i < steps.size(); i++) {
                PlannedStep step = steps.get(i);
                repository.insert(tx, new Task(UUID.randomUUID(), userId, t.id(), i, step.title(), null,
                        step.due() == null ? null : new Due.AllDay(step.due()), null, List.of(), Task.Status.OPEN,
                        step.estimateMinutes(), null, false, null, 0, null, now, null));
            }
            repository.update(tx, brokenDown);
        });
        return Result.of(brokenDown);
    }

    /**
     * Counts each due occurrence that passed without completion, once (a unique row per occurrence makes reruns and
     * concurrent nodes harmless). A recurring task then moves on to its next occurrence; a task missed as often as
     * its owner's threshold gets broken into small steps. Returns how many occurrences were counted.
     */
    public int countMissed(int batchSize) {
        Instant now = clock.instant();
        int counted = 0;
        for (TaskRepository.MissCandidate candidate : repository.missCandidates(now, batchSize)) {
            Task task = candidate.task();
            ZoneId zone = ZoneId.of(candidate.timeZone());
            // A task that repeats after completion has no next occurrence until it is done: it stays where it is.
            Optional<Due> next = task.isRecurring() && !task.repeatAfterCompletion() ? nextOccurrence(task, now, zone) : Optional.empty();
            Optional<Integer> missedCount = repository.countMissAndMove(task, next.orElse(null));
            if (missedCount.isEmpty()) {
                continue;
            }
            if (next.isPresent()) {
                repository.inTransaction(tx -> repository.refreshReminderTimes(tx, task.id(), now));
            }
            counted++;
            if (missedCount.get() >= candidate.breakdownThreshold() && task.parentId() == null && task.brokenDownAt() == null
                    && repository.countSubtasks(task.userId(), task.id()) == 0) {
                breakDown(task.userId(), task.id());
            }
        }
        return counted;
    }

    private Result changeStatus(UUID userId, UUID taskId, Task.Status status) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        Task changed = found.get().withStatus(status, null);
        save(changed);
        return Result.of(changed);
    }

    private void save(Task task) {
        repository.inTransaction(tx -> {
            repository.update(tx, task);
            repository.refreshReminderTimes(tx, task.id(), clock.instant());
        });
    }

    /** The next occurrence after this one, and not in the past: a late completion does not leave stale copies due. */
    Optional<Due> nextOccurrence(Task t, Instant completedAt) {
        return nextOccurrence(t, completedAt, zoneOf.apply(t.userId()));
    }

    private Optional<Due> nextOccurrence(Task t, Instant completedAt, ZoneId zone) {
        LocalDate today = completedAt.atZone(zone).toLocalDate();
        if (t.repeatAfterCompletion()) {
            return Optional.of(switch (t.due()) {
                case Due.AllDay d -> new Due.AllDay(Recurrences.afterCompletion(t.rrule(), today));
                case Due.Timed timed -> new Due.Timed(Recurrences.afterCompletion(t.rrule(), timed.at(), completedAt, zone));
            });
        }
        return switch (t.due()) {
            case Due.AllDay d -> Recurrences.nextDate(t.rrule(), d.date(),
                    d.date().isBefore(today) ? today.minusDays(1) : d.date()).map(Due.AllDay::new);
            case Due.Timed timed -> {
                ZonedDateTime start = timed.at().withZoneSameInstant(zone);
                Instant after = start.toInstant().isBefore(completedAt) && start.toLocalDate().isBefore(today)
                        ? completedAt : start.toInstant();
                yield Recurrences.nextTime(t.rrule(), start, after).map(Due.Timed::new);
            }
        };
    }

    private Due firstOccurrence(UUID userId, String rrule) {
        LocalDate today = clock.instant().atZone(zoneOf.apply(userId)).toLocalDate();
        return Recurrences.nextDate(rrule, today, today.minusDays(1)).map(d -> (Due) new Due.AllDay(d)).orElse(null);
    }

    public Result snoozeReminder(UUID userId, UUID reminderId, int minutes) {
        if (minutes < 1 || minutes > 60 * 24 * 7) {
            return Result.refused(new UserError("minutes", "Snooze between 1 minute and a week.", UserError.Code.INVALID));
        }
        Optional<UUID> taskId = repository.taskOfReminder(userId, reminderId);
        if (taskId.isEmpty()) {
            return Result.refused(REMINDER_NOT_FOUND);
        }
        repository.snoozeReminder(userId, reminderId, clock.instant().plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MICROS));
        return repository.find(userId, taskId.get()).map(Result::of).orElseGet(() -> Result.refused(NOT_FOUND));
    }

    private static Reminder reminder(UUID taskId, TaskDraft.ReminderDraft r) {
        List<Reminder.Channel> channels = r.channels() == null || r.channels().isEmpty()
                ? List.of(Reminder.Channel.IN_APP) : List.copyOf(new java.util.LinkedHashSet<>(r.channels()));
        return new Reminder(UUID.randomUUID(), taskId, r.remindAt(), r.offsetMinutes(), channels, null);
    }

    private static String normalise(String rrule) {
        return rrule == null ? null : rrule.trim().replaceFirst("(?i)^RRULE:", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
