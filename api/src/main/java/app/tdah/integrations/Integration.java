package app.tdah.integrations;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person's connection to their account at a provider (one per provider): which account, what it was granted, and
 * whether it works. Its tokens are not part of it: {@link IntegrationTokens} hands out access tokens.
 *
 * @param accountId     the provider's stable id of the account (Google's {@code sub}, the Graph user id)
 * @param grantedScopes the scopes the provider last said it granted
 */
public record Integration(UUID id, UUID userId, Provider provider, String accountId, String accountEmail,
                          Set<String> grantedScopes, IntegrationStatus status, Instant connectedAt, Instant statusChangedAt) {

    public Integration {
        grantedScopes = Set.copyOf(grantedScopes);
    }

    /** What the grant allows. */
    public Set<Capability> capabilities() {
        return provider.capabilitiesOf(grantedScopes);
    }

    public boolean allows(Capability capability) {
        return status == IntegrationStatus.CONNECTED && capabilities().contains(capability);
    }
}
