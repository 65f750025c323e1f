package app.tdah.integrations.sync;

import java.time.Instant;
import java.util.UUID;

import app.tdah.integrations.Provider;

/** One stream of one integration as its sync stands, read from {@code integration_syncs}. */
public record SyncState(UUID integrationId, SyncedData data, UUID userId, Provider provider, State state,
                        Position position, Instant nextRunAt, Instant lastSuccessAt, String lastError,
                        Instant lastErrorAt, int failures, int items) {

    public enum State { ACTIVE, NEEDS_RECONNECT }

    /** The name of the lock that keeps this stream from being synced twice at once, cluster-wide. */
    String lockName() {
        return "integration-sync:" + integrationId + ":" + data.name();
    }
}
