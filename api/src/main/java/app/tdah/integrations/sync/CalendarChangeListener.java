package app.tdah.integrations.sync;

import java.util.List;
import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/**
 * Told of each page of calendar changes a sync applies, inside the transaction that applies it: what it changes
 * commits (or not) with the page, so a change is followed exactly once.
 */
@FunctionalInterface
public interface CalendarChangeListener {

    /** {@code changed}: events new or changed; {@code removedIds}: events deleted, cancelled or swept by a full sync. */
    void applied(DbExecute tx, UUID integrationId, List<SyncedEvent> changed, List<String> removedIds);
}
