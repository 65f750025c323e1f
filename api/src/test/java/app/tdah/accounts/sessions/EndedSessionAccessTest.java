package app.tdah.accounts.sessions;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ending a session ends its access tokens' use at once, not when they expire minutes later: a stolen device's token
 * stops reading and writing the moment its session is signed out or revoked.
 */
class EndedSessionAccessTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String PASSWORD = "correct-horse-battery-42";
    private static final String ME = "query Me { me { email } }";
    private static final String UPDATE = "mutation U($i: UpdatePreferencesInput!) { updatePreferences(input: $i) { userErrors { code } } }";
    private static final String SESSIONS = "{ sessions(first: 100) { edges { node { id current } } } }";

    @Test
    void afterLogoutTheAccessTokenNoLongerReadsOrWrites() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient client = person.client();
        assertThat(client.execute(ME).data("me").path("email").asText()).isEqualTo(person.email());

        client.execute("mutation { logout { userErrors { code } } }");

        assertSignedOut(client);
        assertThat(export(client)).isEqualTo(401);
    }

    @Test
    void aRevokedSessionsAccessTokenStopsAtOnceAndTheOthersCarryOn() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient stolenPhone = signIn(person.email());
        assertThat(export(stolenPhone)).isEqualTo(200);

        JsonNode revoked = person.client().execute("mutation R($i: RevokeSessionInput!) { revokeSession(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("id", currentSession(stolenPhone)))).data("revokeSession");

        assertThat(revoked.path("userErrors")).isEmpty();
        assertSignedOut(stolenPhone);
        assertThat(export(stolenPhone)).isEqualTo(401);
        assertThat(person.client().execute(ME).data("me").path("email").asText()).isEqualTo(person.email());
    }

    @Test
    void revokingTheOtherSessionsStopsTheirAccessTokensButNotThisOne() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient tablet = signIn(person.email());
        // Without its refresh cookie, the request is still known to come from the tablet's session: its token says so.
        GraphQlClient tabletWithoutCookie = new GraphQlClient(server.baseUrl());
        tabletWithoutCookie.useAccessToken(tablet.accessToken().orElseThrow());

        JsonNode answer = tabletWithoutCookie.execute("mutation { revokeOtherSessions { revokedCount userErrors { code } } }")
                .data("revokeOtherSessions");

        assertThat(answer.path("revokedCount").asInt()).isEqualTo(1);
        assertSignedOut(person.client());
        assertThat(tablet.execute(ME).data("me").path("email").asText()).isEqualTo(person.email());
    }

    private static void assertSignedOut(GraphQlClient client) {
        assertThat(client.execute(ME).data("me").isNull()).isTrue();
        assertThat(client.execute(UPDATE, Map.of("i", Map.of("breakdownThreshold", 4))).data("updatePreferences")
                .path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(client.execute(SESSIONS).body().path("errors").path(0).path("extensions").path("code").asText())
                .isEqualTo("UNAUTHENTICATED");
    }

    private static GraphQlClient signIn(String email) {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        JsonNode login = client.execute("mutation L($i: LoginInput!) { login(input: $i) { accessToken } }",
                Map.of("i", Map.of("email", email, "password", PASSWORD))).data("login");
        client.useAccessToken(login.path("accessToken").asText());
        return client;
    }

    private static String currentSession(GraphQlClient client) {
        for (JsonNode edge : client.execute(SESSIONS).data("sessions").path("edges")) {
            if (edge.path("node").path("current").asBoolean()) {
                return edge.path("node").path("id").asText();
            }
        }
        throw new AssertionError("no current session");
    }

    private static int export(GraphQlClient client) {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/account/export"))
                .header("Authorization", "Bearer " + client.accessToken().orElseThrow()).GET().build()).statusCode();
    }
}
