package app.tdah.integrations.sync;

import java.util.UUID;

/**
 * Where a sync gets a current access token for a connected integration: the integrations feature, which holds the
 * tokens encrypted and refreshes them (single-flight across nodes) before they expire.
 */
public interface AccessTokenSource {

    /**
     * A bearer token valid for at least the next minute.
     *
     * @throws ReconnectNeeded when the provider no longer honours the grant (revoked, {@code invalid_grant})
     */
    String accessToken(UUID integrationId) throws ReconnectNeeded;
}
