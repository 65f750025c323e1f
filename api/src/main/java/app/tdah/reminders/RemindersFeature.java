package app.tdah.reminders;

import app.tdah.jobs.DispatchRemindersJob;
import app.tdah.jobs.ScheduledJob;
import app.tdah.mail.MailService;
import app.tdah.sms.SmsOutbox;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import org.quartz.SimpleScheduleBuilder;

/** Reminders: the {@code dispatch-reminders} job delivers each due reminder once, in the app, by mail or by text. */
public final class RemindersFeature {

    private RemindersFeature() {
    }

    /** {@code calendars}: the person's busy times, which non-urgent reminders wait out. */
    public static Feature create(Foundation foundation, MailService mail, SmsOutbox sms, BusyCalendars calendars) {
        ReminderDispatcher dispatcher = new ReminderDispatcher(new ReminderRepository(foundation.db()), mail, sms,
                calendars, foundation.clock());
        return Feature.builder()
                .job(new ScheduledJob("dispatch-reminders", DispatchRemindersJob.class,
                        () -> new DispatchRemindersJob(dispatcher),
                        SimpleScheduleBuilder.repeatSecondlyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        true))
                .build();
    }
}
