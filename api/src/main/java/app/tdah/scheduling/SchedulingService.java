package app.tdah.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.capture.Due;
import app.tdah.errors.UserError;
import app.tdah.integrations.Capability;
import app.tdah.integrations.Integration;
import app.tdah.integrations.IntegrationService;
import app.tdah.integrations.sync.CalendarEvents;
import app.tdah.integrations.sync.CalendarWrites;
import app.tdah.integrations.sync.EventOccurrence;
import app.tdah.integrations.sync.EventWriter;
import app.tdah.integrations.sync.ProviderException;
import app.tdah.integrations.sync.ReconnectNeeded;
import app.tdah.integrations.sync.SyncedData;
import app.tdah.platform.Statements;
import app.tdah.tasks.Task;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskQueries;

/**
 * Time for tasks in a person's day: free slots within their working hours around their calendars' busy events and
 * their timed tasks, and a task written into their calendar as an event in the slot they chose.
 */
public final class SchedulingService {

    /** How long a task without an estimate is given. */
    static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);
    static final int DEFAULT_DAYS = 3;
    static final int MAX_DAYS = 14;
    static final Duration FURTHEST_SLOT = Duration.ofDays(366);

    private static final UserError TASK_NOT_FOUND = new UserError("taskId", "That task doesn't exist.", UserError.Code.NOT_FOUND);

    private final SchedulingRepository repository;
    private final TaskQueries tasks;
    private final TaskCommands commands;
    private final IntegrationService integrations;
    private final CalendarEvents calendars;
    private final CalendarWrites writes;
    private final Function<UUID, ZoneId> zoneOf;
    private final Clock clock;

    SchedulingService(SchedulingRepository repository, TaskQueries tasks, TaskCommands commands, IntegrationService integrations,
                      CalendarEvents calendars, CalendarWrites writes, Function<UUID, ZoneId> zoneOf, Clock clock) {
        this.repository = repository;
        this.tasks = tasks;
        this.commands = commands;
        this.integrations = integrations;
        this.calendars = calendars;
        this.writes = writes;
        this.zoneOf = zoneOf;
        this.clock = clock;
    }

    public SchedulingPreferences preferences(UUID userId) {
        return repository.preferences(userId);
    }

    /** The fields a person changes; a field left out keeps its value, {@code leaveNowMinutes} empty turns nudges off. */
    public record PreferenceChanges(Optional<LocalTime> workStart, Optional<LocalTime> workEnd, Optional<Set<DayOfWeek>> workDays,
                                    Optional<Optional<Integer>> leaveNowMinutes) {
    }

    public record PreferencesResult(Optional<SchedulingPreferences> preferences, List<UserError> errors) {
    }

    public PreferencesResult updatePreferences(UUID userId, PreferenceChanges changes) {
        SchedulingPreferences now = repository.preferences(userId);
        SchedulingPreferences next = new SchedulingPreferences(changes.workStart().orElse(now.workStart()),
                changes.workEnd().orElse(now.workEnd()), changes.workDays().orElse(now.workDays()),
                changes.leaveNowMinutes().map(m -> m.orElse(null)).orElse(now.leaveNowMinutes()));
        List<UserError> errors = new ArrayList<>();
        if (!next.workStart().isBefore(next.workEnd())) {
            errors.add(new UserError("workEnd", "The working day must end after it starts.", UserError.Code.INVALID));
        }
        if (next.workDays().isEmpty()) {
            errors.add(new UserError("workDays", "Choose at least one working day.", UserError.Code.INVALID));
        }
        Integer minutes = next.leaveNowMinutes();
        if (minutes != null && (minutes < SchedulingPreferences.MIN_LEAVE_NOW || minutes > SchedulingPreferences.MAX_LEAVE_NOW)) {
            errors.add(new UserError("leaveNowMinutes", "Between " + SchedulingPreferences.MIN_LEAVE_NOW + " and "
                    + SchedulingPreferences.MAX_LEAVE_NOW + " minutes before, or none.", UserError.Code.INVALID));
        }
        if (!errors.isEmpty()) {
            return new PreferencesResult(Optional.empty(), errors);
        }
        repository.savePreferences(userId, next);
        return new PreferencesResult(Optional.of(next), List.of());
    }

    /** A free slot. */
    public record Slot(Instant startsAt, Instant endsAt) {
    }

    /** Slots for a task, how long each is, and the zone the working hours were read in; or why there are none. */
    public record FreeSlots(List<Slot> slots, Duration length, String timeZone, List<UserError> errors) {
        static FreeSlots refused(UserError error) {
            return new FreeSlots(List.of(), Duration.ZERO, null, List.of(error));
        }
    }

    /**
     * Free slots for the task today and the next {@code days - 1} days, as long as its estimate (30 minutes without
     * one), within working hours, not overlapping a busy event (all-day busy ones take the day) or another timed task.
     */
    public FreeSlots findTimeFor(UUID userId, UUID taskId, Integer days) {
        int span = days == null ? DEFAULT_DAYS : days;
        if (span < 1 || span > MAX_DAYS) {
            return FreeSlots.refused(new UserError("days", "Look between 1 and " + MAX_DAYS + " days ahead.", UserError.Code.INVALID));
        }
        Optional<Task> task = tasks.find(userId, taskId).filter(t -> t.status() == Task.Status.OPEN);
        if (task.isEmpty()) {
            return FreeSlots.refused(TASK_NOT_FOUND);
        }
        ZoneId zone = zoneOf.apply(userId);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate last = today.plusDays(span - 1);
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<FreeTime.Interval> busy = new ArrayList<>();
        for (EventOccurrence e : calendars.between(userId, from, to, today, last)) {
            if (!e.busy()) {
                continue;
            }
            busy.add(e.allDay()
                    ? new FreeTime.Interval(e.startDate().atStartOfDay(zone).toInstant(), e.endDate().atStartOfDay(zone).toInstant())
                    : new FreeTime.Interval(e.startsAt(), e.endsAt()));
        }
        for (Task timed : tasks.timeline(userId, from, to).timedTasks()) {
            if (!timed.id().equals(taskId)) {
                Instant at = ((Due.Timed) timed.due()).at().toInstant();
                busy.add(new FreeTime.Interval(at, at.plus(lengthOf(timed))));
            }
        }
        Duration length = lengthOf(task.get());
        List<Slot> slots = FreeTime.slots(now, zone, repository.preferences(userId), span, length, busy).stream()
                .map(i -> new Slot(i.start(), i.end())).toList();
        return new FreeSlots(slots, length, zone.getId(), List.of());
    }

    /** The task as it now stands and the event it became; or why it was not scheduled. */
    public record Scheduled(Optional<Task> task, Optional<String> eventLink, List<UserError> errors) {
        static Scheduled refused(UserError error) {
            return new Scheduled(Optional.empty(), Optional.empty(), List.of(error));
        }
    }

    /**
     * Writes the task into the integration's calendar at {@code startsAt}, as long as its estimate, and makes that its
     * time; from then on the sync moves the task with the event, and clears its time if the event is deleted.
     */
    public Scheduled schedule(UUID userId, UUID taskId, Instant startsAt, UUID integrationId) {
        Optional<Task> task = tasks.find(userId, taskId).filter(t -> t.status() == Task.Status.OPEN);
        if (task.isEmpty()) {
            return Scheduled.refused(TASK_NOT_FOUND);
        }
        Optional<Integration> integration = integrations.integration(userId, integrationId);
        if (integration.isEmpty()) {
            return Scheduled.refused(new UserError("integrationId", "No such connection.", UserError.Code.NOT_FOUND));
        }
        if (!integration.get().allows(Capability.CALENDAR_WRITE)) {
            return Scheduled.refused(new UserError("integrationId", integration.get().provider().displayName()
                    + " lets us read your calendar but not add events to it: connect it again with \"add events\" allowed.",
                    UserError.Code.FORBIDDEN));
        }
        if (startsAt.isBefore(clock.instant().minus(Duration.ofMinutes(1)))) {
            return Scheduled.refused(new UserError("slot", "That time has passed; pick another.", UserError.Code.INVALID));
        }
        // Checked before anything is written at the provider: the task then always accepts the slot as its time.
        if (startsAt.isAfter(clock.instant().plus(FURTHEST_SLOT))) {
            return Scheduled.refused(new UserError("slot", "Pick a time within the next year.", UserError.Code.INVALID));
        }
        if (repository.linkOf(taskId).isPresent()) {
            return Scheduled.refused(new UserError("taskId", "This task is in your calendar already: move the event there.",
                    UserError.Code.ALREADY_EXISTS));
        }
        Task t = task.get();
        Instant start = startsAt.truncatedTo(ChronoUnit.SECONDS);
        EventWriter.WrittenEvent event;
        try {
            event = writes.insert(integrationId, integration.get().provider(),
                    new EventWriter.NewEvent(t.title(), t.notes(), start, start.plus(lengthOf(t))));
        } catch (ReconnectNeeded e) {
            return Scheduled.refused(new UserError("integrationId", integration.get().provider().displayName()
                    + " no longer lets us in: reconnect it on the Integrations page.", UserError.Code.UNAVAILABLE));
        } catch (ProviderException e) {
            return Scheduled.refused(new UserError("integrationId", e.describe(integration.get().provider(), SyncedData.CALENDAR),
                    UserError.Code.UNAVAILABLE));
        }
        ZoneId zone = zoneOf.apply(userId);
        TaskCommands.Result moved = repository.inTransaction(tx -> {
            repository.insertLink(tx, taskId, integrationId, event.eventId(), event.link(), clock.instant());
            return commands.in(Statements.within(tx)).update(userId, taskId, dueChange(Optional.of(new Due.Timed(start.atZone(zone)))), zone);
        });
        return new Scheduled(moved.task(), Optional.ofNullable(event.link()), moved.errors());
    }

    /** A task change that only sets (or, empty, clears) its due. */
    static TaskCommands.Changes dueChange(Optional<Due> due) {
        return new TaskCommands.Changes(Optional.empty(), Optional.empty(), Optional.of(due), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Duration lengthOf(Task task) {
        return task.estimateMinutes() == null ? DEFAULT_LENGTH : Duration.ofMinutes(task.estimateMinutes());
    }
}
