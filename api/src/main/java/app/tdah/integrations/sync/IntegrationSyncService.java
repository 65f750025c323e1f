package app.tdah.integrations.sync;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.integrations.Provider;

/**
 * What the rest of the product asks of calendar and mail sync: the integrations feature tells it when an account is
 * connected, reconnected (capabilities may change) or disconnected; people read its status and ask for a sync now.
 */
public final class IntegrationSyncService {

    private final SyncRepository repository;
    private final Clock clock;

    public IntegrationSyncService(SyncRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** An integration's sync streams, as a person sees them. */
    public record IntegrationSync(UUID integrationId, Provider provider, List<SyncState> streams) {
    }

    /**
     * After a connect or reconnect: syncs what the granted capabilities allow, starting now; streams no longer
     * granted stop and their data goes. A stream that needed reconnecting is active again.
     */
    public void track(ConnectedIntegration integration) {
        repository.dropStreamsExcept(integration.id(), integration.syncedData());
        for (SyncedData data : integration.syncedData()) {
            repository.upsertStream(integration, data, clock.instant());
        }
    }

    /** At disconnect: the sync state, the events and the mail headers of the integration are deleted. */
    public void forget(UUID integrationId) {
        repository.deleteIntegration(integrationId);
    }

    public List<IntegrationSync> syncs(UUID userId) {
        Map<UUID, IntegrationSync> byIntegration = new LinkedHashMap<>();
        for (SyncState stream : repository.streamsOf(userId)) {
            byIntegration.computeIfAbsent(stream.integrationId(),
                    id -> new IntegrationSync(id, stream.provider(), new java.util.ArrayList<>())).streams().add(stream);
        }
        return byIntegration.values().stream()
                .map(s -> new IntegrationSync(s.integrationId(), s.provider(), List.copyOf(s.streams())))
                .toList();
    }

    /** Makes the integration's streams due at once (a worker takes them within a tick); empty when not this person's. */
    public Optional<IntegrationSync> syncNow(UUID userId, UUID integrationId) {
        if (!repository.makeDue(userId, integrationId, clock.instant())) {
            return Optional.empty();
        }
        return syncs(userId).stream().filter(s -> s.integrationId().equals(integrationId)).findFirst();
    }
}
