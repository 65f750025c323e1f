package app.tdah.accounts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestServices;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, sign-in, sessions and their failure modes, through real HTTP against real PostgreSQL and Redis. */
class AccountsApiTest {

    private static final String REGISTER = """
            mutation Register($input: RegisterInput!) {
              register(input: $input) { userErrors { field message code } }
            }""";
    private static final String LOGIN = """
            mutation Login($input: LoginInput!) {
              login(input: $input) { accessToken user { id email } userErrors { field message code } }
            }""";
    private static final String REFRESH = "mutation Refresh { refreshSession { accessToken user { email } userErrors { code } } }";
    private static final String ME = "query Me { me { id email displayName timeZone } }";
    private static final String PASSWORD = "correct-horse-battery-42";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static String newEmail() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    private static GraphQlClient.Response register(GraphQlClient client, String email, String password, String name, String zone) {
        return client.execute(REGISTER, Map.of("input",
                Map.of("email", email, "password", password, "displayName", name, "timeZone", zone)));
    }

    /** Signs up, then signs in with {@code client}, as the SPA does: the client holds the session. */
    private static GraphQlClient.Response signUp(GraphQlClient client, String email) {
        assertThat(errors(register(client, email, PASSWORD, "Ada", "UTC"), "register")).isEmpty();
        return client.execute(LOGIN, Map.of("input", Map.of("email", email, "password", PASSWORD)));
    }

    private static JsonNode errors(GraphQlClient.Response response, String field) {
        return response.data(field).path("userErrors");
    }

    @Test
    void aNewPersonSignsUpThenSignsInAndMeReturnsThem() {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        String email = newEmail();
        GraphQlClient.Response registered = register(client, email, PASSWORD, "Ada", "Europe/Paris");
        assertThat(registered.data("register").path("userErrors")).isEmpty();
        assertThat(registered.setCookies()).as("signing up signs nobody in").isEmpty();

        GraphQlClient.Response signedIn = client.execute(LOGIN, Map.of("input", Map.of("email", email, "password", PASSWORD)));
        JsonNode payload = signedIn.data("login");
        assertThat(payload.path("user").path("email").asText()).isEqualTo(email);
        assertThat(payload.path("accessToken").asText()).isNotBlank();
        assertThat(signedIn.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("pa_refresh=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/;")
                .as("served over plain http (local development): not Secure, which not every browser would keep")
                .doesNotContain("Secure"));

        client.useAccessToken(payload.path("accessToken").asText());
        JsonNode me = client.execute(ME).data("me");
        assertThat(me.path("displayName").asText()).isEqualTo("Ada");
        assertThat(me.path("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(me.path("id").asText()).isEqualTo(payload.path("user").path("id").asText());
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesOnly() throws Exception {
        String email = newEmail();
        register(new GraphQlClient(server.baseUrl()), email, PASSWORD, "Ada", "UTC");
        try (Connection c = TestServices.connect(server.jdbcUrl());
             var s = c.prepareStatement("SELECT password_hash FROM users WHERE email = ?")) {
            s.setString(1, email);
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$argon2id$v=19$").doesNotContain(PASSWORD);
        }
    }

    @Test
    void loginWithTheRightPasswordWorksWhateverTheEmailCase() {
        String email = newEmail();
        register(new GraphQlClient(server.baseUrl()), email, PASSWORD, "Ada", "UTC");
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        GraphQlClient.Response login = client.execute(LOGIN,
                Map.of("input", Map.of("email", email.toUpperCase(), "password", PASSWORD)));
        assertThat(login.data("login").path("userErrors")).isEmpty();
        assertThat(login.data("login").path("user").path("email").asText()).isEqualTo(email);
        assertThat(client.refreshCookie()).isPresent();
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameGenericError() {
        String email = newEmail();
        register(new GraphQlClient(server.baseUrl()), email, PASSWORD, "Ada", "UTC");
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        JsonNode wrongPassword = client.execute(LOGIN, Map.of("input", Map.of("email", email, "password", "not-the-password"))).data("login");
        JsonNode unknownEmail = client.execute(LOGIN, Map.of("input", Map.of("email", newEmail(), "password", PASSWORD))).data("login");

        assertThat(wrongPassword.path("accessToken").isNull()).isTrue();
        assertThat(wrongPassword.path("userErrors")).isEqualTo(unknownEmail.path("userErrors"));
        assertThat(wrongPassword.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(client.refreshCookie()).isEmpty();
    }

    @Test
    void invalidRegistrationsAreUserErrorsNamingEachField() {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        assertThat(errors(register(client, newEmail(), "short", "Ada", "UTC"), "register"))
                .extracting(e -> e.path("field").asText() + ":" + e.path("code").asText()).containsExactly("password:TOO_SHORT");
        assertThat(errors(register(client, newEmail(), "x".repeat(129), "Ada", "UTC"), "register"))
                .extracting(e -> e.path("code").asText()).containsExactly("TOO_LONG");
        assertThat(errors(register(client, newEmail(), "password123", "Ada", "UTC"), "register"))
                .extracting(e -> e.path("code").asText()).containsExactly("TOO_COMMON");
        assertThat(errors(register(client, newEmail(), PASSWORD, "Ada", "Mars/Olympus_Mons"), "register"))
                .extracting(e -> e.path("field").asText() + ":" + e.path("code").asText()).containsExactly("timeZone:UNKNOWN_TIME_ZONE");
        assertThat(errors(register(client, "not-an-email", PASSWORD, " ", "UTC"), "register"))
                .extracting(e -> e.path("field").asText()).containsExactly("email", "displayName");
    }

    @Test
    void signingUpWithATakenAddressAnswersAsANewOneChangesNothingAndMailsTheOwnerOnceAnHour() {
        String email = newEmail();
        GraphQlClient.Response first = register(new GraphQlClient(server.baseUrl()), email, PASSWORD, "Ada", "UTC");
        String otherPassword = "another-fine-password-7";
        GraphQlClient.Response again = register(new GraphQlClient(server.baseUrl()), email.toUpperCase(), otherPassword, "Eve", "UTC");
        GraphQlClient.Response thrice = register(new GraphQlClient(server.baseUrl()), email, otherPassword, "Eve", "UTC");

        assertThat(again.body()).as("the same answer as a new address").isEqualTo(first.body());
        assertThat(again.setCookies()).isEqualTo(first.setCookies()).isEmpty();
        GraphQlClient owner = new GraphQlClient(server.baseUrl());
        assertThat(owner.execute(LOGIN, Map.of("input", Map.of("email", email, "password", PASSWORD)))
                .data("login").path("accessToken").asText()).as("the owner's password still works").isNotBlank();
        assertThat(owner.execute(LOGIN, Map.of("input", Map.of("email", email, "password", otherPassword)))
                .data("login").path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM users WHERE email = ?", email)).isEqualTo(1);
            assertThat(sql.value(String.class, "SELECT display_name FROM users WHERE email = ?", email)).isEqualTo("Ada");
            assertThat(sql.column(String.class, "SELECT subject FROM mail_outbox WHERE recipient = ? ORDER BY created_at", email))
                    .as("the verification of the sign-up, then one notice for two attempts")
                    .containsExactly("Confirm your email address", "Someone tried to sign up with your address");
            assertThat(sql.value(String.class, "SELECT text_body FROM mail_outbox WHERE recipient = ? AND subject LIKE 'Someone%'",
                    email)).contains(server.settings().publicUrl() + "/signin", server.settings().publicUrl() + "/forgot-password");
        }
    }

    @Test
    void refreshRotatesTheCookie() {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        signUp(client, newEmail());
        String first = client.refreshCookie().orElseThrow();

        JsonNode refreshed = client.execute(REFRESH).data("refreshSession");
        assertThat(refreshed.path("userErrors")).isEmpty();
        assertThat(refreshed.path("accessToken").asText()).isNotBlank();
        assertThat(client.refreshCookie()).isPresent().get().isNotEqualTo(first);
    }

    @Test
    void aBrowserRetryingARefreshWhoseAnswerItLostStaysSignedIn() {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        signUp(client, newEmail());
        String spent = client.refreshCookie().orElseThrow();
        client.execute(REFRESH);

        GraphQlClient reloaded = new GraphQlClient(server.baseUrl());
        reloaded.useRefreshCookie(spent);
        JsonNode retried = reloaded.execute(REFRESH).data("refreshSession");
        assertThat(retried.path("userErrors")).isEmpty();
        assertThat(retried.path("accessToken").asText()).isNotBlank();
        // The retry replaced the rotated cookie it never received: the session keeps a single live token.
        assertThat(reloaded.execute(REFRESH).data("refreshSession").path("userErrors")).isEmpty();
        assertThat(client.execute(REFRESH).data("refreshSession").path("userErrors").path(0).path("code").asText())
                .isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void refreshWithoutACookieIsAUserErrorNotAFailure() {
        GraphQlClient.Response response = new GraphQlClient(server.baseUrl()).execute(REFRESH);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().has("errors")).isFalse();
        assertThat(response.data("refreshSession").path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        signUp(client, newEmail());
        String cookie = client.refreshCookie().orElseThrow();

        GraphQlClient.Response logout = client.execute("mutation { logout { userErrors { code } } }");
        assertThat(logout.data("logout").path("userErrors")).isEmpty();
        assertThat(logout.setCookies()).anySatisfy(c -> assertThat(c).startsWith("pa_refresh=;").contains("Expires=Thu, 1 Jan 1970"));

        GraphQlClient stale = new GraphQlClient(server.baseUrl());
        stale.useRefreshCookie(cookie);
        assertThat(stale.execute(REFRESH).data("refreshSession").path("userErrors").get(0).path("code").asText())
                .isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void meIsNullWithoutATokenAndATamperedTokenIs401() {
        GraphQlClient anonymous = new GraphQlClient(server.baseUrl());
        assertThat(anonymous.execute(ME).data("me").isNull()).isTrue();

        GraphQlClient client = new GraphQlClient(server.baseUrl());
        String token = signUp(client, newEmail()).data("login").path("accessToken").asText();
        String[] parts = token.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + UUID.randomUUID() + "\",\"role\":\"admin\"}").getBytes());
        GraphQlClient forger = new GraphQlClient(server.baseUrl());
        forger.useAccessToken(parts[0] + "." + forgedPayload + "." + parts[2]);
        GraphQlClient.Response forged = forger.execute(ME);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.raw().headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }
}
