package app.tdah.notifications;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;

/** A person's in-app notifications: listing them, how many are unread, and marking them read. */
public final class NotificationService {

    private final NotificationRepository repository;

    public NotificationService(NotificationRepository repository) {
        this.repository = repository;
    }

    /** Newest first; only the unread ones when {@code unreadOnly}. */
    public Page<Notification> page(UUID userId, boolean unreadOnly, PageRequest<KeysetCursor> request) {
        return repository.page(userId, unreadOnly, request);
    }

    public Optional<Notification> find(UUID userId, UUID id) {
        return repository.find(userId, id);
    }

    public long unreadCount(UUID userId) {
        return repository.unreadCount(userId);
    }

    /** Marks the given notifications read (ids not the person's match nothing), or all when none are given; returns the unread count left. */
    public long markRead(UUID userId, Optional<Collection<UUID>> only) {
        return repository.markRead(userId, only);
    }
}
