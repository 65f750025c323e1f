package app.tdah.integrations.sync;

import java.util.Set;
import java.util.UUID;

import app.tdah.integrations.Capability;
import app.tdah.integrations.Provider;

/** A connected Google or Microsoft account as the sync sees it: whose it is and what it may read. */
public record ConnectedIntegration(UUID id, UUID userId, Provider provider, Set<Capability> capabilities) {

    public ConnectedIntegration {
        capabilities = Set.copyOf(capabilities);
    }

    /** The streams the granted capabilities let the sync read. */
    public Set<SyncedData> syncedData() {
        java.util.EnumSet<SyncedData> streams = java.util.EnumSet.noneOf(SyncedData.class);
        if (capabilities.contains(Capability.CALENDAR_READ) || capabilities.contains(Capability.CALENDAR_WRITE)) {
            streams.add(SyncedData.CALENDAR);
        }
        if (capabilities.contains(Capability.MAIL_READ)) {
            streams.add(SyncedData.MAIL);
        }
        return streams;
    }
}
