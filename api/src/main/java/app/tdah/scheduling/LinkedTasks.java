package app.tdah.scheduling;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.capture.Due;
import app.tdah.integrations.sync.CalendarChangeListener;
import app.tdah.integrations.sync.SyncedEvent;
import app.tdah.platform.Statements;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskQueries;

import io.helidon.dbclient.DbExecute;

/**
 * Keeps scheduled tasks with their events: when a sync brings in an event a task was written into, moved, the task's
 * time follows (its reminders with it); deleted, the task's time is cleared and the link goes. It runs in the
 * transaction that applies the page, so a change is followed exactly when it is stored.
 */
final class LinkedTasks implements CalendarChangeListener {

    private final SchedulingRepository repository;
    private final TaskCommands commands;
    private final TaskQueries tasks;
    private final Function<UUID, ZoneId> zoneOf;

    LinkedTasks(SchedulingRepository repository, TaskCommands commands, TaskQueries tasks, Function<UUID, ZoneId> zoneOf) {
        this.repository = repository;
        this.commands = commands;
        this.tasks = tasks;
        this.zoneOf = zoneOf;
    }

    @Override
    public void applied(DbExecute tx, UUID integrationId, List<SyncedEvent> changed, List<String> removedIds) {
        Map<String, SyncedEvent> byId = new HashMap<>();
        changed.stream().filter(e -> !e.cancelled() && e.recurrence() == null).forEach(e -> byId.put(e.id(), e));
        Set<String> ids = new HashSet<>(byId.keySet());
        ids.addAll(removedIds);
        if (ids.isEmpty()) {
            return;
        }
        Statements inPage = Statements.within(tx);
        for (SchedulingRepository.Link link : repository.linksTo(tx, integrationId, ids)) {
            ZoneId zone = zoneOf.apply(link.userId());
            SyncedEvent event = removedIds.contains(link.eventId()) ? null : byId.get(link.eventId());
            if (event == null) {
                repository.deleteLink(tx, link.taskId());
                commands.in(inPage).update(link.userId(), link.taskId(), SchedulingService.dueChange(Optional.empty()), zone);
                continue;
            }
            Due due = event.startsAt() != null ? new Due.Timed(event.startsAt().atZone(zone)) : new Due.AllDay(event.startDate());
            boolean moved = tasks.in(inPage).find(link.userId(), link.taskId()).map(t -> !sameTime(t.due(), due)).orElse(false);
            if (moved) {
                commands.in(inPage).update(link.userId(), link.taskId(), SchedulingService.dueChange(Optional.of(due)), zone);
            }
        }
    }

    private static boolean sameTime(Due a, Due b) {
        if (a instanceof Due.Timed ta && b instanceof Due.Timed tb) {
            return ta.at().toInstant().equals(tb.at().toInstant());
        }
        return a != null && a.equals(b);
    }
}
