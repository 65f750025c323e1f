package app.tdah.notifications;

import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/** Where other features post an in-app notification, in the transaction of the change it tells about. */
public final class Notifier {

    private final NotificationRepository repository;

    Notifier(NotificationRepository repository) {
        this.repository = repository;
    }

    public void notify(DbExecute tx, UUID userId, String title, String body) {
        repository.insert(tx, userId, null, title, body);
    }

    /** A reminder of a task, delivered in the app. */
    public void remind(DbExecute tx, UUID userId, UUID taskId, String taskTitle) {
        repository.insert(tx, userId, taskId, taskTitle, null);
    }
}
