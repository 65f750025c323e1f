package app.tdah.notifications;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of the notification list; every statement is scoped by the owner. */
public final class NotificationRepository {

    private static final String COLUMNS = "id, user_id, title, body, created_at, read_at";

    private final DbClient db;

    public NotificationRepository(DbClient db) {
        this.db = db;
    }

    Page<Notification> page(UUID userId, boolean unreadOnly, PageRequest<KeysetCursor> request) {
        List<Object> params = new ArrayList<>(List.of(userId));
        String unread = unreadOnly ? " AND read_at IS NULL " : "";
        String keyset = KeysetCursor.continuing(request.after(), "created_at", "id", params);
        params.add(request.fetchSize());
        List<Notification> rows = db.execute().query("SELECT " + COLUMNS + " FROM notifications WHERE user_id = ?::uuid "
                        + unread + keyset + "ORDER BY created_at DESC, id DESC LIMIT ?", params.toArray())
                .map(NotificationRepository::notification)
                .toList();
        long total = db.execute().get("SELECT count(*) AS n FROM notifications WHERE user_id = ?::uuid" + unread, userId)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
        return request.page(rows, total);
    }

    long unreadCount(UUID userId) {
        return db.execute().get("SELECT count(*) AS n FROM notifications WHERE user_id = ?::uuid AND read_at IS NULL", userId)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
    }

    Optional<Notification> find(UUID userId, UUID id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM notifications WHERE id = ?::uuid AND user_id = ?::uuid", id, userId)
                .map(NotificationRepository::notification);
    }

    /** Marks the given notifications read, or all of them when no ids are given; returns the unread count left. */
    long markRead(UUID userId, Optional<Collection<UUID>> only) {
        if (only.isEmpty()) {
            db.execute().update("UPDATE notifications SET read_at = now() WHERE user_id = ?::uuid AND read_at IS NULL", userId);
        } else {
            db.execute().update("UPDATE notifications SET read_at = now() WHERE user_id = ?::uuid AND read_at IS NULL "
                    + "AND id = ANY (?::uuid[])", userId, "{" + String.join(",", only.get().stream().map(UUID::toString).toList()) + "}");
        }
        return unreadCount(userId);
    }

    void insert(DbExecute tx, UUID userId, UUID taskId, String title, String body) {
        tx.insert("INSERT INTO notifications (id, user_id, task_id, title, body) VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?)",
                UUID.randomUUID(), userId, taskId, title, body);
    }

    private static Notification notification(DbRow row) {
        Timestamp read = row.column("read_at").get(Timestamp.class);
        return new Notification(row.column("id").get(UUID.class), row.column("user_id").get(UUID.class),
                row.column("title").get(String.class), row.column("body").get(String.class),
                row.column("created_at").get(Timestamp.class).toInstant(), read == null ? null : read.toInstant());
    }

}
