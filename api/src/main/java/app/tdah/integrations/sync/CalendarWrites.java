package app.tdah.integrations.sync;

import java.util.Map;
import java.util.UUID;

import app.tdah.integrations.Provider;

/** Writing into a connected calendar, with the integration's current access token. */
public final class CalendarWrites {

    private final Map<Provider, EventWriter> writers;
    private final AccessTokenSource tokens;

    CalendarWrites(Map<Provider, EventWriter> writers, AccessTokenSource tokens) {
        this.writers = Map.copyOf(writers);
        this.tokens = tokens;
    }

    /**
     * Creates the event in the integration's main calendar. The caller checked that the grant allows writing.
     *
     * @throws ReconnectNeeded   when the provider no longer honours the grant
     * @throws ProviderException when the provider refused, failed or could not be reached
     */
    public EventWriter.WrittenEvent insert(UUID integrationId, Provider provider, EventWriter.NewEvent event)
            throws ReconnectNeeded, ProviderException {
        return writers.get(provider).insert(tokens.accessToken(integrationId), event);
    }
}
