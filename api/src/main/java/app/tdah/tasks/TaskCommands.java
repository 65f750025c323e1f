package app.tdah.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tdah.capture.Capture;
import app.tdah.capture.Due;
import app.tdah.errors.UserError;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.planner.PlanRequest;
import app.tdah.planner.PlannedStep;
import app.tdah.platform.Statements;

import io.helidon.dbclient.DbExecute;


/** What changes tasks: capture, create, edit, complete (recurring ones move to their next occurrence), snooze, reminders, break down. */
public final class TaskCommands {

    private static final UserError NOT_FOUND = new UserError("id", "That task doesn't exist.", UserError.Code.NOT_FOUND);
    static final UserError REMINDER_NOT_FOUND = new UserError("id", "That reminder doesn't exist.", UserError.Code.NOT_FOUND);

    private final TaskRepository repository;
    private final TaskQueries queries;
    private final BreakdownPlanners planners;
    private final Clock clock;

    /** The methods that read a day or a time of day take the person's zone, read once by the caller. */
    public TaskCommands(TaskRepository repository, TaskQueries queries, BreakdownPlanners planners, Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.planners = planners;
        this.clock = clock;
    }

    /**
     * The same commands, run where {@code statements} says: in a caller's open transaction, each change is part of it
     * and commits with it (a text, with everything else it changed).
     */
    public TaskCommands in(Statements statements) {
        return new TaskCommands(new TaskRepository(statements), queries.in(statements), planners, clock);
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

    /** A task from one line, read in the person's zone and language; refused when no words are left for its title. */
    public Result capture(UUID userId, String text, ZoneAndLanguage person) {
        Optional<UserError> invalid = TaskRules.captureText(text);
        if (invalid.isPresent()) {
            return Result.refused(invalid.get());
        }
        Capture c = queries.parse(text, person);
        if (c.flags().contains(Capture.Flag.TITLE_MISSING)) {
            return Result.refused(TaskRules.TITLE_MISSING);
        }
        List<TaskDraft.ReminderDraft> reminders = c.remindAt() == null ? List.of()
                : List.of(new TaskDraft.ReminderDraft(c.remindAt().toInstant(), null, List.of(Reminder.Channel.IN_APP)));
        return create(userId, new TaskDraft(c.title(), null, c.due(), c.priority(), List.copyOf(c.tags()), null,
                c.rrule(), false, null, reminders), person.zone());
    }

    public Result create(UUID userId, TaskDraft draft, ZoneId zone) {
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
        Due due = draft.rrule() != null && draft.due() == null ? Occurrences.first(draft.rrule(), today(zone)) : draft.due();
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

    public Result update(UUID userId, UUID taskId, Changes changes, ZoneId zone) {
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
                changes.notes().isPresent() ? blankToNull(changes.notes().get().orElse(null)) : t.notes(),
                changed(changes.due(), t.due()),
                changed(changes.priority(), t.priority()),
                tags, t.status(),
                changed(changes.estimateMinutes(), t.estimateMinutes()),
                changes.rrule().isPresent() ? normalise(changes.rrule().get().orElse(null)) : t.rrule(),
                changes.repeatAfterCompletion().orElse(t.repeatAfterCompletion()),
                t.snoozedUntil(), t.missedCount(), t.brokenDownAt(), t.createdAt(), t.completedAt());
        if (updated.rrule() != null && updated.due() == null) {
            updated = updated.withDue(Occurrences.first(updated.rrule(), today(zone)));
        }
        Task toSave = updated;
        repository.inTransaction(tx -> {
            repository.update(tx, toSave);
            repository.refreshReminderTimes(tx, toSave.id(), clock.instant());
        });
        return Result.of(toSave);
    }

    /** A field's new value: the one given (null when given as null), or the current one when left out. */
    private static <T> T changed(Optional<Optional<T>> change, T current) {
        return change.isPresent() ? change.get().orElse(null) : current;
    }

    /**
     * Marks the task done. A recurring task records the completed occurrence, moves to its next one and reopens its
     * subtasks, so it never piles up copies; when its rule has no further occurrence it is done for good.
     */
    public Result complete(UUID userId, UUID taskId, ZoneId zone) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        Task t = found.get();
        if (t.status() != Task.Status.OPEN) {
            return Result.of(t);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Due> next = t.isRecurring() && t.due() != null ? Occurrences.next(t, now, zone) : Optional.empty();
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

    /**
     * Opens a done or cancelled task again. Reopening a done task takes its completion back: the record of it goes,
     * so insights stop counting it.
     */
    public Result reopen(UUID userId, UUID taskId) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        Task reopened = found.get().withStatus(Task.Status.OPEN, null);
        repository.inTransaction(tx -> {
            if (found.get().status() == Task.Status.DONE) {
                repository.deleteLatestCompletion(tx, userId, taskId, null);
            }
            repository.update(tx, reopened);
            repository.refreshReminderTimes(tx, taskId, clock.instant());
        });
        return Result.of(reopened);
    }

    /**
     * Takes back the completion of a recurring task's occurrence: the task is due at that occurrence again, and the
     * record of completing it goes, so insights stop counting it.
     */
    public Result undoCompletion(UUID userId, UUID taskId, Due occurrence) {
        Optional<Task> found = repository.find(userId, taskId);
        if (found.isEmpty()) {
            return Result.refused(NOT_FOUND);
        }
        Task back = found.get().withDue(occurrence);
        repository.inTransaction(tx -> {
            repository.deleteLatestCompletion(tx, userId, taskId, occurrence);
            repository.update(tx, back);
            repository.refreshReminderTimes(tx, taskId, clock.instant());
        });
        return Result.of(back);
    }

    public Result cancel(UUID userId, UUID taskId) {
        return changeStatus(userId, taskId, Task.Status.CANCELLED);
    }

    public boolean delete(UUID userId, UUID taskId) {
        return repository.delete(userId, taskId) > 0;
    }

    /** Hides the task from Today for some minutes from now. */
    public Result snoozeFor(UUID userId, UUID taskId, int minutes) {
        Optional<UserError> outOfRange = TaskRules.snoozeMinutes(minutes);
        if (outOfRange.isPresent()) {
            return Result.refused(outOfRange.get());
        }
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
     * Breaks the task into 3-6 small subtasks from the planner, in the person's language, due before the task's own
     * due. A task that already has subtasks is left as it is: the person's own steps are never replaced.
     */
    public Result breakDown(UUID userId, UUID taskId, ZoneAndLanguage person) {
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ZoneId zone = person.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate due = t.due() == null ? null : t.due() instanceof Due.Timed timed
                ? timed.at().withZoneSameInstant(zone).toLocalDate() : t.due().date();
        List<PlannedStep> steps = planners.forPerson(userId).breakDown(new PlanRequest(t.title(), t.notes(), t.estimateMinutes(), t.tags(),
                today, due, person.language()));
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

    /** Reminds again in some minutes: a new occurrence of the reminder, delivered once like any other. */
    public Result snoozeReminder(UUID userId, UUID reminderId, int minutes) {
        Optional<UserError> outOfRange = TaskRules.snoozeMinutes(minutes);
        if (outOfRange.isPresent()) {
            return Result.refused(outOfRange.get());
        }
        Optional<UUID> taskId = repository.taskOfReminder(userId, reminderId);
        if (taskId.isEmpty()) {
            return Result.refused(REMINDER_NOT_FOUND);
        }
        Instant fireAt = clock.instant().plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MICROS);
        repository.inTransaction(tx -> repository.setReminderNextFire(tx, userId, reminderId, fireAt));
        return repository.find(userId, taskId.get()).map(Result::of).orElseGet(() -> Result.refused(NOT_FOUND));
    }

    /**
     * After a person's time zone changed, inside the caller's transaction: their reminders relative to an all-day due,
     * the only ones timed by the zone (09:00 local), fire at their new time.
     */
    public void zoneChanged(DbExecute tx, UUID userId) {
        repository.refreshZoneDependentReminderTimes(tx, userId, clock.instant());
    }

    private LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
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
