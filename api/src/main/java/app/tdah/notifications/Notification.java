package app.tdah.notifications;

import java.time.Instant;
import java.util.UUID;

/** One in-app notification, written by reminder dispatch. */
public record Notification(UUID id, UUID userId, String title, String body, Instant createdAt, Instant readAt) {
}
