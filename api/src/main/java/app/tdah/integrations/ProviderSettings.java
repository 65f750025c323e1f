package app.tdah.integrations;

import java.net.URI;
import java.util.Optional;

/**
 * How this server reaches one provider ({@code pa.integrations.google|microsoft}): its OAuth client registration,
 * the authorisation, token and (Google) revocation endpoints, and the roots of the APIs that sync reads.
 *
 * @param calendarApi where the calendar API is: Google's {@code https://www.googleapis.com} (calendar/v3 below it),
 *                    Microsoft Graph's {@code https://graph.microsoft.com/v1.0}
 * @param mailApi     Gmail's {@code https://gmail.googleapis.com}, or Microsoft Graph's root
 */
public record ProviderSettings(Provider provider, String clientId, String clientSecret, URI authorizationUrl,
                               URI tokenUrl, Optional<URI> revokeUrl, URI calendarApi, URI mailApi) {

    @Override
    public String toString() {
        return "ProviderSettings[" + provider.code() + ", clientId=" + clientId + ", token=" + tokenUrl + "]";
    }
}
