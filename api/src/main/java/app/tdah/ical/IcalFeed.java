package app.tdah.ical;

import java.time.Instant;

/** A person's live calendar feed. Its URL is not here: only its token's hash is kept, so the URL is shown once. */
public record IcalFeed(Instant createdAt) {
}
