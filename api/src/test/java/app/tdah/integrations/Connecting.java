package app.tdah.integrations;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.RedirectingBrowser;

import com.fasterxml.jackson.databind.JsonNode;

/** A person connecting an account as the SPA and their browser do it: the mutation, then the round trip. */
final class Connecting {

    static final String CONNECT = """
            mutation Connect($input: ConnectIntegrationInput!) {
              connectIntegration(input: $input) { authorizationUrl userErrors { field code message } }
            }""";
    static final String INTEGRATIONS = "{ integrations { id provider accountEmail capabilities status connectedAt statusChangedAt } }";
    static final String DISCONNECT = """
            mutation Disconnect($input: DisconnectIntegrationInput!) {
              disconnectIntegration(input: $input) { disconnectedId revokedAtProvider userErrors { field code } }
            }""";

    private Connecting() {
    }

    /** What {@code connectIntegration} answered: the URL, its query, and the cookies set on the response. */
    record Started(JsonNode payload, URI authorizationUrl, Map<String, String> query, List<String> setCookies) {
    }

    static Started start(GraphQlClient client, String provider, List<String> capabilities) {
        GraphQlClient.Response response = client.execute(CONNECT,
                Map.of("input", Map.of("provider", provider, "capabilities", capabilities)));
        JsonNode payload = response.data("connectIntegration");
        String url = payload.path("authorizationUrl").asText(null);
        return new Started(payload, url == null ? null : URI.create(url), url == null ? Map.of() : query(URI.create(url)),
                response.setCookies());
    }

    /** The browser the SPA runs in: it keeps the cookies the mutation's response set. */
    static RedirectingBrowser browserOf(URI site, Started started) {
        RedirectingBrowser browser = new RedirectingBrowser();
        started.setCookies().forEach(cookie -> browser.receive(site, cookie));
        return browser;
    }

    /** Goes to the provider and follows the redirects back to the SPA; returns the SPA path and query it lands on. */
    static String roundTrip(RedirectingBrowser browser, URI site, Started started) {
        RedirectingBrowser.Walk walk = browser.walk(started.authorizationUrl(), uri -> onSpa(site, uri));
        return landing(walk);
    }

    static boolean onSpa(URI site, URI uri) {
        return uri.getPort() == site.getPort() && !uri.getPath().startsWith("/oauth/");
    }

    static String landing(RedirectingBrowser.Walk walk) {
        URI at = walk.stoppedAt();
        return at.getPath() + (at.getQuery() == null ? "" : "?" + at.getQuery());
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return values;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

}
