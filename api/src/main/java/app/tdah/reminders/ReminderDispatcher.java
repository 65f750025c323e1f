package app.tdah.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.tdah.jobs.DueReminders;

import io.helidon.dbclient.DbTransaction;

/**
 * Hands due reminders to their channels, exactly once per occurrence and channel: the claim (row locks, skipped by
 * other nodes), the delivery rows (unique per occurrence and channel) and the channel outbox rows commit together,
 * so a node dying mid-batch leaves its reminders for the next claim and nothing half-sent.
 */
public final class ReminderDispatcher implements DueReminders {

    private final ReminderRepository repository;
    private final Clock clock;

    public ReminderDispatcher(ReminderRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public int dispatchDue(int batchSize) {
        Instant now = clock.instant();
        DbTransaction tx = repository.transaction();
        try {
            List<ReminderRepository.DueReminder> due = repository.claimDue(tx, now, batchSize);
            for (ReminderRepository.DueReminder reminder : due) {
                Optional<Instant> deferred = "URGENT".equals(reminder.priority()) ? Optional.empty()
                        : reminder.quietHours().deferral(reminder.fireAt());
                if (deferred.isPresent()) {
                    repository.reschedule(tx, reminder.id(), deferred.get());
                    continue;
                }
                for (String channel : reminder.channels()) {
                    if (repository.recordDelivery(tx, reminder, channel) && channel.equals("IN_APP")) {
                        repository.insertNotification(tx, reminder);
                    }
                }
                repository.reschedule(tx, reminder.id(), null);
            }
            tx.commit();
            return due.size();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }
}
