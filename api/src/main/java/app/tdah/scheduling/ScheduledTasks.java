package app.tdah.scheduling;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Which of a person's tasks were written into which calendar events: the agenda shows such a task once, as its event. */
public final class ScheduledTasks {

    /** An event of a connected calendar. */
    public record EventRef(UUID integrationId, String eventId) {
    }

    private final SchedulingRepository repository;

    ScheduledTasks(SchedulingRepository repository) {
        this.repository = repository;
    }

    /** The events that those of {@code taskIds} the person scheduled were written into, by event. */
    public Map<EventRef, UUID> eventsOf(UUID userId, Collection<UUID> taskIds) {
        return taskIds.isEmpty() ? Map.of() : repository.eventsOf(userId, taskIds);
    }
}
