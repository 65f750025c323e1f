package app.tdah.integrations.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The mail headers the sync keeps, as the rest of the product reads them: what needs an answer, one message. */
public final class SyncedMail {

    /** Someone the person wrote to this recently is someone whose mail likely needs an answer. */
    public static final Duration CORRESPONDENTS = Duration.ofDays(90);

    private final SyncRepository repository;

    SyncedMail(SyncRepository repository) {
        this.repository = repository;
    }

    /** Unread inbox mail from people the person wrote to in the last 90 days, newest first, {@code limit} at most. */
    public List<SyncedMessage> needingAction(UUID userId, Instant now, int limit) {
        return repository.unreadFromCorrespondents(userId, now.minus(CORRESPONDENTS), limit);
    }

    /** One of the person's synced messages; empty when it is someone else's or no longer synced. */
    public Optional<SyncedMessage> message(UUID userId, UUID integrationId, String messageId) {
        return repository.mail(userId, integrationId, messageId);
    }
}
