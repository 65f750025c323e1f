package app.tdah.sms.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The events of a person's connected calendars on one of their days, as the SMS assistant lists them. */
@FunctionalInterface
public interface DayEvents {

    /** An event on the day: its local start (null: all day) and title. */
    record DayEvent(LocalTime startsAt, String title) {
    }

    /**
     * The day's events in order, all-day ones first, leaving out those one of {@code listedTasks} was scheduled into:
     * the task's own numbered line already says its time, and is the one "done 2" can answer.
     */
    List<DayEvent> on(UUID userId, LocalDate day, ZoneId zone, Collection<UUID> listedTasks);

    /** For a server without calendars: none. */
    DayEvents NONE = (userId, day, zone, listedTasks) -> List.of();
}
