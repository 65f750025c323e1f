package app.tdah.accounts;

import java.time.Instant;
import java.util.UUID;

/** A person with an account. */
public record User(UUID id, String email, String displayName, String timeZone, String role, Instant createdAt) {
}
