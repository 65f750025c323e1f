package app.tdah.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.tdah.jobs.DueReminders;
import app.tdah.mail.MailService;

import io.helidon.dbclient.DbExecute;

/**
 * Hands due reminders to their channels, exactly once per occurrence and channel: the claim (row locks, skipped by
 * other nodes), the delivery rows (unique per occurrence and channel) and the channel outbox rows commit together,
 * so a node dying mid-batch leaves its reminders for the next claim and nothing half-sent.
 */
public final class ReminderDispatcher implements DueReminders {

    private static final System.Logger LOG = System.getLogger(ReminderDispatcher.class.getName());

    private final ReminderRepository repository;
    private final MailService mail;
    private final Clock clock;

    public ReminderDispatcher(ReminderRepository repository, MailService mail, Clock clock) {
        this.repository = repository;
        this.mail = mail;
        this.clock = clock;
    }

    /** Into the channel's outbox, in the same transaction as the delivery row. SMS joins with the SMS issue. */
    private void handOver(DbExecute tx, ReminderRepository.DueReminder reminder, String channel) {
        switch (channel) {
            case "IN_APP" -> repository.insertNotification(tx, reminder);
            case "EMAIL" -> mail.enqueueReminder(tx, reminder.email(), reminder.displayName(), reminder.taskTitle(),
                    reminder.due(), "reminder:" + reminder.id() + ":" + reminder.fireAt());
            default -> LOG.log(System.Logger.Level.DEBUG, "No sender for channel {0} yet", channel);
        }
    }

    @Override
    public int dispatchDue(int batchSize) {
        Instant now = clock.instant();
        return repository.inTransaction(tx -> {
            List<ReminderRepository.DueReminder> due = repository.claimDue(tx, now, batchSize);
            for (ReminderRepository.DueReminder reminder : due) {
                Optional<Instant> deferred = "URGENT".equals(reminder.priority()) ? Optional.empty()
                        : reminder.quietHours().deferral(reminder.fireAt());
                if (deferred.isPresent()) {
                    repository.reschedule(tx, reminder.id(), deferred.get());
                    continue;
                }
                for (String channel : reminder.channels()) {
                    if (repository.recordDelivery(tx, reminder, channel)) {
                        handOver(tx, reminder, channel);
                    }
                }
                repository.reschedule(tx, reminder.id(), null);
            }
            return due.size();
        });
    }
}
