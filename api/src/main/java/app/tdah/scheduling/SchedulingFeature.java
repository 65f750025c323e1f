package app.tdah.scheduling;

import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.integrations.IntegrationsFeature;
import app.tdah.integrations.sync.IntegrationSyncFeature;
import app.tdah.jobs.ScheduledJob;
import app.tdah.jobs.SendLeaveNowNudgesJob;
import app.tdah.notifications.NotificationsFeature;
import app.tdah.tasks.TasksFeature;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import org.quartz.SimpleScheduleBuilder;

/**
 * Scheduling: working hours, {@code findTimeFor} and {@code scheduleTask} over GraphQL, scheduled tasks kept with their
 * events as the sync brings changes in, and the {@code send-leave-now-nudges} job.
 */
public final class SchedulingFeature {

    private SchedulingFeature() {
    }

    /** Which tasks were written into which events, for the agenda. */
    public static ScheduledTasks scheduledTasks(Foundation foundation) {
        return new ScheduledTasks(new SchedulingRepository(foundation.db()));
    }

    public static Feature create(Foundation foundation, TasksFeature tasks, IntegrationsFeature integrations,
                                 IntegrationSyncFeature sync, Function<UUID, ZoneAndLanguage> zoneAndLanguageOf) {
        Function<UUID, ZoneId> zoneOf = userId -> zoneAndLanguageOf.apply(userId).zone();
        SchedulingRepository repository = new SchedulingRepository(foundation.db());
        SchedulingService service = new SchedulingService(repository, tasks.queries(), tasks.commands(), integrations.integrations(),
                sync.calendarEvents(), sync.calendarWrites(), zoneOf, foundation.clock());
        sync.onCalendarChanges(new LinkedTasks(repository, tasks.commands(), tasks.queries(), zoneOf));
        LeaveNowNudger nudger = new LeaveNowNudger(repository, sync.calendarEvents(), NotificationsFeature.notifier(foundation.db()),
                zoneAndLanguageOf, foundation.clock());
        return Feature.builder()
                .graphQl(new SchedulingGraphQl(service))
                .job(new ScheduledJob("send-leave-now-nudges", SendLeaveNowNudgesJob.class, () -> new SendLeaveNowNudgesJob(nudger),
                        SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        false))
                .build();
    }
}
