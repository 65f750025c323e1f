package app.tdah.accounts.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A live session: one family of refresh tokens (a sign-in and its rotations) with a token still usable. Where it was
 * started and when, and the device and address of its latest rotation, which is when it was last seen.
 */
public record Session(UUID id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String userAgent, String ip) {
}
