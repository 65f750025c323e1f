package app.tdah.oidc;

import java.time.Instant;
import java.util.UUID;

/** A provider identity linked to an account: the person signs in as {@code subject} at {@code provider}. */
public record ExternalIdentity(UUID id, UUID userId, IdentityProvider provider, String subject, String email,
                               Instant linkedAt, Instant lastUsedAt) {
}
