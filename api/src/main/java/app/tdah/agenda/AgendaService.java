package app.tdah.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.errors.BadArgument;
import app.tdah.integrations.sync.CalendarEvents;
import app.tdah.integrations.sync.EventOccurrence;
import app.tdah.scheduling.ScheduledTasks;
import app.tdah.tasks.Task;
import app.tdah.tasks.TaskRepository;
import app.tdah.tasks.TaskQueries;

/**
 * A person's days as one list: the events of every connected calendar (series expanded) beside their tasks due at a
 * time and their reminders, in their time zone. A task scheduled into a calendar shows once, as its event carrying
 * the task: the event is where its time lives (moved in the calendar, the task follows) and what the person sees in
 * their calendar app, and the task on it keeps it actionable (done, snooze) from the agenda.
 */
public final class AgendaService {

    /** The longest agenda asked at once, in days: a month and a half covers any month view. */
    static final int MAX_DAYS = 42;

    private final CalendarEvents calendars;
    private final TaskQueries tasks;
    private final ScheduledTasks scheduled;
    private final Function<UUID, ZoneId> zoneOf;

    public AgendaService(CalendarEvents calendars, TaskQueries tasks, ScheduledTasks scheduled, Function<UUID, ZoneId> zoneOf) {
        this.calendars = calendars;
        this.tasks = tasks;
        this.scheduled = scheduled;
        this.zoneOf = zoneOf;
    }

    /** The days {@code from} to {@code to} (both included), in the person's zone. */
    public record Agenda(LocalDate from, LocalDate to, String timeZone, List<AgendaItem> items) {
    }

    public Agenda agenda(UUID userId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BadArgument("to must be on or after from, and at most " + MAX_DAYS + " days in all");
        }
        ZoneId zone = zoneOf.apply(userId);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<AgendaItem> items = new ArrayList<>();
        TaskQueries.Timeline timeline = tasks.timeline(userId, start, end);
        Map<UUID, Task> timed = new HashMap<>();
        timeline.timedTasks().forEach(task -> timed.put(task.id(), task));
        Map<ScheduledTasks.EventRef, UUID> scheduledInto = scheduled.eventsOf(userId, timed.keySet());
        Set<UUID> shownAsEvents = new HashSet<>();
        for (EventOccurrence e : calendars.between(userId, start, end, from, to)) {
            Task task = timed.get(scheduledInto.get(new ScheduledTasks.EventRef(e.integrationId(), e.eventId())));
            if (task != null) {
                shownAsEvents.add(task.id());
            }
            items.add(new AgendaItem(AgendaItem.Kind.EVENT, e.title() == null ? "(no title)" : e.title(),
                    e.allDay() ? e.startDate() : e.startsAt().atZone(zone).toLocalDate(), e.allDay(), e.startsAt(), e.endsAt(),
                    e.location(), e.busy(), e.provider(), e.link(), task));
        }
        for (Task task : timeline.timedTasks()) {
            if (shownAsEvents.contains(task.id())) {
                continue;
            }
            Instant due = ((app.tdah.capture.Due.Timed) task.due()).at().toInstant();
            Instant endsAt = task.estimateMinutes() == null ? null : due.plus(Duration.ofMinutes(task.estimateMinutes()));
            items.add(new AgendaItem(AgendaItem.Kind.TASK, task.title(), due.atZone(zone).toLocalDate(), false, due, endsAt,
                    null, false, null, null, task));
        }
        for (TaskRepository.ScheduledReminder r : timeline.reminders()) {
            items.add(new AgendaItem(AgendaItem.Kind.REMINDER, r.task().title(), r.fireAt().atZone(zone).toLocalDate(), false,
                    r.fireAt(), null, null, false, null, null, r.task()));
        }
        items.sort(Comparator.comparing(AgendaItem::date)
                .thenComparing(i -> !i.allDay())
                .thenComparing(i -> i.startsAt() == null ? Instant.MIN : i.startsAt())
                .thenComparing(AgendaItem::kind)
                .thenComparing(AgendaItem::title));
        return new Agenda(from, to, zone.getId(), items);
    }
}
