package app.tdah.agenda;

import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.integrations.sync.CalendarEvents;
import app.tdah.scheduling.ScheduledTasks;
import app.tdah.tasks.TaskQueries;
import app.tdah.wiring.Feature;

/** The agenda: connected calendars' events beside the person's timed tasks and reminders. */
public final class AgendaFeature {

    private AgendaFeature() {
    }

    public static Feature create(CalendarEvents calendars, TaskQueries tasks, ScheduledTasks scheduled, Function<UUID, ZoneId> zoneOf) {
        return Feature.builder()
                .graphQl(new AgendaGraphQl(new AgendaService(calendars, tasks, scheduled, zoneOf)))
                .build();
    }
}
