package app.tdah.integrations;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.RedirectingBrowser;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestPorts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting Google against mock-oauth2-server, a real OAuth 2.0 server that checks the PKCE verifier against the
 * challenge, issues signed ID tokens and refresh tokens, and revokes: the flow works with an implementation other
 * than this project's own fake.
 */
class ConnectAgainstMockOAuth2ServerTest {

    private static final String CLIENT_ID = "google-client";
    private static final MockOAuth2Server PROVIDER = start();
    private static final int PORT = TestPorts.free();
    private static final URI SITE = URI.create("http://localhost:" + PORT);

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(
            "server.port", Integer.toString(PORT),
            "pa.public.url", SITE.toString(),
            // The sign-in client's registration serves for connecting too when none of its own is configured.
            "pa.oidc.google.issuer", PROVIDER.issuerUrl("google").toString(),
            "pa.oidc.google.client.id", CLIENT_ID,
            "pa.oidc.google.client.secret", "google-secret",
            "pa.integrations.google.authorization.url", PROVIDER.authorizationEndpointUrl("google").toString(),
            "pa.integrations.google.token.url", PROVIDER.tokenEndpointUrl("google").toString(),
            "pa.integrations.google.revoke.url", PROVIDER.url("google/revoke").toString()));

    private static MockOAuth2Server start() {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start();
        return provider;
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @Test
    void connectRefreshAndDisconnectEndToEnd() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String subject = "google-" + UUID.randomUUID();
        Connecting.Started started = Connecting.start(person.client(), "GOOGLE", List.of("CALENDAR_READ", "CALENDAR_WRITE"));
        assertThat(started.authorizationUrl().toString()).startsWith(PROVIDER.authorizationEndpointUrl("google").toString());
        assertThat(started.query()).containsEntry("prompt", "consent");

        // prompt=consent: the provider shows its sign-in page, and the person signs in there.
        RedirectingBrowser browser = Connecting.browserOf(SITE, started);
        RedirectingBrowser.Walk atProvider = browser.walk(started.authorizationUrl(), uri -> false);
        assertThat(atProvider.responses().getLast().statusCode()).isEqualTo(200);
        assertThat(atProvider.responses().getLast().body()).contains("name=\"username\"");
        HttpResponse<String> signedIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(started.authorizationUrl())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + subject + "&claims="
                                + URLEncoder.encode("{\"email\":\"sam@gmail.example\"}", StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(signedIn.headers().firstValue("location").orElseThrow());
        assertThat(callback.toString()).startsWith(SITE + "/oauth/google/callback?code=");
        assertThat(Connecting.landing(browser.walk(callback, uri -> Connecting.onSpa(SITE, uri))))
                .isEqualTo("/settings/integrations?provider=google&result=granted");

        JsonNode integration = person.client().execute(Connecting.INTEGRATIONS).data("integrations").get(0);
        assertThat(integration.path("accountEmail").asText()).isEqualTo("sam@gmail.example");
        assertThat(integration.path("capabilities")).extracting(JsonNode::asText).containsExactly("CALENDAR_READ", "CALENDAR_WRITE");

        UUID id;
        byte[] exchanged;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            id = sql.value(UUID.class, "SELECT id FROM integrations WHERE account_id = ?", subject);
            exchanged = sql.value(byte[].class, "SELECT access_token_sealed FROM integrations WHERE id = ?", id);
            // The token is about to expire: its next use refreshes it with the refresh token the code exchange gave.
            sql.update("UPDATE integrations SET access_token_expires_at = now() + interval '1 minute' WHERE id = ?", id);
        }
        IntegrationTokens tokens = server.application().integrations().tokens();
        IntegrationTokens.AccessToken refreshed = tokens.accessToken(id);
        assertThat(refreshed.value()).isNotBlank();
        assertThat(refreshed.expiresAt()).as("the refreshed token's lifetime, not the 60 s one").isAfter(java.time.Instant.now().plusSeconds(600));
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(byte[].class, "SELECT access_token_sealed FROM integrations WHERE id = ?", id)).isNotEqualTo(exchanged);
        }
        assertThat(tokens.accessToken(id)).as("fresh now: handed out again as it is").isEqualTo(refreshed);

        JsonNode disconnected = person.client().execute(Connecting.DISCONNECT,
                Map.of("input", Map.of("id", integration.path("id").asText()))).data("disconnectIntegration");
        assertThat(disconnected.path("revokedAtProvider").asBoolean()).isTrue();
        assertThat(person.client().execute(Connecting.INTEGRATIONS).data("integrations")).isEmpty();
    }
}
