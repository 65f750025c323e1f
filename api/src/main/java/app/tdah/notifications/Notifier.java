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
        repository.insert(tx, userId, title, body);
    }
}
