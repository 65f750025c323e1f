package app.tdah.tasks;

import java.time.Instant;
import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * Where reminder dispatch records when a reminder fires next, in the transaction that delivered or deferred it: the
 * tasks feature owns {@code task_reminders}.
 */
public final class ReminderTimes {

    private final TaskRepository repository;

    ReminderTimes(TaskRepository repository) {
        this.repository = repository;
    }

    /** {@code fireAt} null: the reminder was delivered and does not fire again until its task changes. */
    public void fireNextAt(DbExecute tx, UUID userId, UUID reminderId, Instant fireAt) {
        repository.setReminderNextFire(tx, userId, reminderId, fireAt);
    }
}
