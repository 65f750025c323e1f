package app.tdah.ical;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tdah.mail.MailText;
import app.tdah.platform.BearerSecrets;

import io.helidon.dbclient.DbExecute;

/** Each person's secret calendar feed: making, replacing and ending it, and the calendar it serves. */
public final class IcalFeedService {

    private final IcalFeedRepository repository;
    private final URI publicUrl;
    private final Clock clock;

    public IcalFeedService(IcalFeedRepository repository, URI publicUrl, Clock clock) {
        this.repository = repository;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A new feed and its URL, which holds the token in clear: this is the only time it exists outside the caller. */
    record RotatedFeed(String url, IcalFeed feed) {
    }

    RotatedFeed rotate(UUID userId) {
        String token = BearerSecrets.generate();
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        repository.replaceFeed(userId, BearerSecrets.sha256(token), createdAt);
        return new RotatedFeed(publicUrl + IcalFeedHttpService.feedPath(token), new IcalFeed(createdAt));
    }

    void revoke(UUID userId) {
        repository.deleteFeed(userId);
    }

    /**
     * A password reset ends the feed, in the reset's transaction: its address was visible to whoever held the
     * account. The person makes a new one if they use it; the reset's mail says so.
     */
    public List<MailText> afterPasswordReset(DbExecute tx, UUID userId) {
        return repository.deleteFeed(tx, userId)
                ? List.of(MailText.of("passwordWasReset.calendarFeed"))
                : List.of();
    }

    Optional<IcalFeed> feed(UUID userId) {
        return repository.findFeed(userId);
    }

    /**
     * The iCalendar text of the feed with this token; empty alike for a malformed, unknown, replaced or revoked one,
     * and for a deactivated account's.
     */
    Optional<String> calendar(String token) {
        if (!BearerSecrets.isWellFormed(token)) {
            return Optional.empty();
        }
        return repository.findFeedOwner(BearerSecrets.sha256(token))
                .map(owner -> TaskCalendar.write(repository.openTasksWithDue(owner)));
    }
}
