package app.tdah.reminders;

import java.time.Clock;

import app.tdah.jobs.DispatchRemindersJob;
import app.tdah.jobs.ScheduledJob;
import app.tdah.mail.MailService;
import app.tdah.notifications.NotificationsFeature;
import app.tdah.sms.SmsOutbox;
import app.tdah.tasks.TasksFeature;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.dbclient.DbClient;
import org.quartz.SimpleScheduleBuilder;

/** Reminders: the {@code dispatch-reminders} job delivers each due reminder once, in the app, by mail or by text. */
public final class RemindersFeature {

    private RemindersFeature() {
    }

    /** {@code calendars}: the person's busy times, which non-urgent reminders wait out. */
    public static Feature create(Foundation foundation, MailService mail, SmsOutbox sms, BusyCalendars calendars) {
        ReminderDispatcher dispatcher = dispatcher(foundation.db(), mail, sms, calendars, foundation.clock());
        return Feature.builder()
                .job(new ScheduledJob("dispatch-reminders", DispatchRemindersJob.class,
                        () -> new DispatchRemindersJob(dispatcher),
                        SimpleScheduleBuilder.repeatSecondlyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        true))
                .build();
    }

    /** The dispatcher the job runs; tests build their own on a clock of theirs. */
    public static ReminderDispatcher dispatcher(DbClient db, MailService mail, SmsOutbox sms, BusyCalendars calendars,
                                                Clock clock) {
        return new ReminderDispatcher(new ReminderRepository(db), TasksFeature.reminderTimes(db),
                NotificationsFeature.notifier(db), mail, sms, calendars, clock);
    }
}
