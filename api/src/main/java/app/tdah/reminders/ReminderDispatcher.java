package app.tdah.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.tdah.jobs.DueReminders;
import app.tdah.mail.MailService;
import app.tdah.notifications.Notifier;
import app.tdah.sms.SmsOutbox;
import app.tdah.sms.SmsTemplates;
import app.tdah.tasks.ReminderTimes;

import io.helidon.dbclient.DbExecute;

/**
 * Hands due reminders to their channels, exactly once per occurrence and channel: the claim (row locks, skipped by
 * other nodes), the delivery rows (unique per occurrence and channel) and the channel outbox rows commit together,
 * so a node dying mid-batch leaves its reminders for the next claim and nothing half-sent. A reminder that is not
 * pressing waits out the night (quiet hours) and the person's busy calendar events: it is moved to when they end, and
 * claimed again then like any other.
 */
public final class ReminderDispatcher implements DueReminders {

    private static final System.Logger LOG = System.getLogger(ReminderDispatcher.class.getName());

    private final ReminderRepository repository;
    private final ReminderTimes reminderTimes;
    private final Notifier notifier;
    private final MailService mail;
    private final SmsOutbox sms;
    private final BusyCalendars calendars;
    private final Clock clock;

    ReminderDispatcher(ReminderRepository repository, ReminderTimes reminderTimes, Notifier notifier, MailService mail,
                       SmsOutbox sms, BusyCalendars calendars, Clock clock) {
        this.repository = repository;
        this.reminderTimes = reminderTimes;
        this.notifier = notifier;
        this.mail = mail;
        this.sms = sms;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Into the channel's outbox, in the same transaction as the delivery row. */
    private void handOver(DbExecute tx, ReminderRepository.DueReminder reminder, String channel) {
        switch (channel) {
            case "IN_APP" -> notifier.remind(tx, reminder.userId(), reminder.taskId(), reminder.taskTitle());
            case "EMAIL" -> email(tx, reminder);
            case "SMS" -> text(tx, reminder);
            default -> LOG.log(System.Logger.Level.DEBUG, "No sender for channel {0} yet", channel);
        }
    }

    /** To the person's address once they have confirmed it; before that, the reminder reaches them on other channels. */
    private void email(DbExecute tx, ReminderRepository.DueReminder reminder) {
        if (reminder.email() == null) {
            LOG.log(System.Logger.Level.DEBUG, "Reminder {0}: email address not confirmed yet, mail skipped", reminder.id());
            return;
        }
        mail.enqueueReminder(tx, reminder.userId(), reminder.email(), reminder.displayName(), reminder.taskTitle(),
                reminder.due(), occurrenceKey(reminder));
    }

    /**
     * To the person's verified phone, naming the task so that a "done" or "snooze" reply right after acts on it. A
     * person without a verified phone, or whose number opted out, gets the reminder on their other channels only.
     */
    private void text(DbExecute tx, ReminderRepository.DueReminder reminder) {
        if (reminder.phone() == null || reminder.phoneOptedOut()) {
            LOG.log(System.Logger.Level.DEBUG, "Reminder {0}: no verified phone that accepts texts, SMS skipped", reminder.id());
            return;
        }
        sms.enqueue(tx, new SmsOutbox.OutboundSms(reminder.userId(), reminder.phone(),
                SmsTemplates.reminder(reminder.taskTitle(), reminder.due(), reminder.language()), "REMINDER", occurrenceKey(reminder), null,
                reminder.taskId()), clock.instant());
    }

    /** One name per reminder occurrence: queueing it again, on any channel's outbox, is a no-op. */
    private static String occurrenceKey(ReminderRepository.DueReminder reminder) {
        return "reminder:" + reminder.id() + ":" + reminder.fireAt();
    }

    /**
     * When a reminder should go instead of now: urgent ones never wait; others wait for the end of quiet hours, and
     * all but high-priority ones for the end of a busy calendar event they fall in.
     */
    private Optional<Instant> deferral(ReminderRepository.DueReminder reminder) {
        if ("URGENT".equals(reminder.priority())) {
            return Optional.empty();
        }
        Optional<Instant> quiet = reminder.quietHours().deferral(reminder.fireAt());
        if (quiet.isPresent() || "HIGH".equals(reminder.priority())) {
            return quiet;
        }
        return calendars.busyUntil(reminder.userId(), reminder.fireAt());
    }

    @Override
    public int dispatchDue(int batchSize) {
        Instant now = clock.instant();
        return repository.inTransaction(tx -> {
            List<ReminderRepository.DueReminder> due = repository.claimDue(tx, now, batchSize);
            for (ReminderRepository.DueReminder reminder : due) {
                Optional<Instant> deferred = deferral(reminder);
                if (deferred.isPresent()) {
                    reminderTimes.fireNextAt(tx, reminder.userId(), reminder.id(), deferred.get());
                    continue;
                }
                for (String channel : reminder.channels()) {
                    if (repository.recordDelivery(tx, reminder, channel)) {
                        handOver(tx, reminder, channel);
                    }
                }
                reminderTimes.fireNextAt(tx, reminder.userId(), reminder.id(), null);
            }
            return due.size();
        });
    }
}
