package app.tdah.notifications;

import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.dbclient.DbClient;

/** In-app notifications (reminders delivered in the app), read and marked read over GraphQL. */
public final class NotificationsFeature {

    private NotificationsFeature() {
    }

    /** Posting notifications from other features. */
    public static Notifier notifier(DbClient db) {
        return new Notifier(new NotificationRepository(db));
    }

    public static Feature create(Foundation foundation) {
        return Feature.builder()
                .graphQl(new NotificationsGraphQl(new NotificationService(new NotificationRepository(foundation.db()))))
                .build();
    }
}
