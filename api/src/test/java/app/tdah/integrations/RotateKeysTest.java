package app.tdah.integrations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.Application;
import app.tdah.mfa.AuthenticatorApp;
import app.tdah.platform.AppConfig;
import app.tdah.testing.FakeOAuthProvider;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.RunningServer;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestPorts;
import app.tdah.testing.TestServices;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rotate-keys}: with a new primary key configured, every integration token and authenticator secret is re-sealed
 * under it, so that a node holding only the new key still refreshes every integration and checks every second factor.
 */
class RotateKeysTest {

    private static final FakeOAuthProvider GOOGLE = FakeOAuthProvider.start(FakeOAuthProvider.Flavour.GOOGLE);
    private static final FakeOAuthProvider MICROSOFT = FakeOAuthProvider.start(FakeOAuthProvider.Flavour.MICROSOFT);
    private static final int PORT = TestPorts.free();
    private static final URI SITE = URI.create("http://localhost:" + PORT);
    /** The key the test servers start with (RunningServer's), known as k1. */
    private static final String K1 = "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzISE=";
    private static final String K2 = "c2Vjb25kLXRlc3QtZW5jcnlwdGlvbi1rZXktMzItYnl0ZXMh";
    private static final String PASSWORD = "correct-horse-battery-42";

    /**
     * A web node only: a worker would start syncing the new connections and refresh their stale tokens itself, racing
     * the refresh this test counts on the node that holds only the new key.
     */
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(providers(Map.of("server.port", Integer.toString(PORT),
            "pa.public.url", SITE.toString(), "pa.roles", "web")));

    private static Map<String, String> providers(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.putAll(GOOGLE.serverSettings("google"));
        settings.putAll(MICROSOFT.serverSettings("microsoft"));
        return settings;
    }

    @AfterAll
    static void stopProviders() {
        GOOGLE.close();
        MICROSOFT.close();
    }

    /** The settings {@code java -jar personal-assistant.jar rotate-keys} reads, for this server's database. */
    private static AppConfig rotationSettings(Map<String, String> keys) {
        Map<String, String> values = new HashMap<>(keys);
        values.put("pa.db.url", server.jdbcUrl());
        values.put("pa.db.user", TestServices.pgUser());
        values.put("pa.db.password", TestServices.pgPassword());
        values.put("pa.jwt.secret", "dGVzdC1vbmx5LWp3dC1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXM=");
        values.put("pa.data.dir", TestServices.tempDataDir().toString());
        return AppConfig.from(Config.builder()
                .sources(ConfigSources.create(values), ConfigSources.classpath("application.yaml"))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build());
    }

    /** The key id of every sealed value in the database. */
    private static List<String> keyIds() {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            List<byte[]> values = new java.util.ArrayList<>(sql.column(byte[].class,
                    "SELECT access_token_sealed FROM integrations UNION ALL SELECT refresh_token_sealed FROM integrations "
                            + "UNION ALL SELECT secret_sealed FROM mfa_authenticators"));
            return values.stream().map(v -> v[0] == 2 ? new String(v, 2, v[1], StandardCharsets.US_ASCII) : "legacy").toList();
        }
    }

    private static long resealedInLastRotation(String column) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return Long.parseLong(sql.value(String.class, "SELECT details->>? FROM audit_events WHERE action = 'encryption_keys_rotated' "
                    + "ORDER BY id DESC LIMIT 1", column).split(" ")[0]);
        }
    }

    @Test
    void rotationReSealsEveryTokenAndSecretAndANodeWithOnlyTheNewKeyUsesThemAll() throws Exception {
        // The confirming code spent the current step: the sign-in below uses the next one, within the tolerance.
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GOOGLE.accessLifetime(Duration.ofSeconds(60)); // stale at once: using it means opening the refresh token
        MICROSOFT.accessLifetime(Duration.ofSeconds(60));
        GOOGLE.signedInAs("google-" + UUID.randomUUID(), "g@example.com");
        MICROSOFT.signedInAs("graph-" + UUID.randomUUID(), "m@example.com");
        for (String provider : List.of("GOOGLE", "MICROSOFT")) {
            Connecting.Started started = Connecting.start(person.client(), provider, List.of("CALENDAR_READ"));
            assertThat(Connecting.roundTrip(Connecting.browserOf(SITE, started), SITE, started)).endsWith("result=granted");
        }
        AuthenticatorApp app = AuthenticatorApp.enrol(person.client(), Instant.now());
        assertThat(keyIds()).hasSize(5).containsOnly("k1");

        assertThat(Application.rotateKeys(rotationSettings(Map.of("pa.encryption.key", K1, "pa.encryption.keys", "k2:" + K2,
                "pa.encryption.primary", "k2")))).isTrue();
        assertThat(keyIds()).hasSize(5).containsOnly("k2");
        assertThat(resealedInLastRotation("integrations.refresh_token_sealed")).isEqualTo(2);
        assertThat(resealedInLastRotation("mfa_authenticators.secret_sealed")).isEqualTo(1);
        assertThat(Application.rotateKeys(rotationSettings(Map.of("pa.encryption.keys", "k2:" + K2)))).as("again").isTrue();
        assertThat(resealedInLastRotation("integrations.access_token_sealed")).as("nothing left to re-seal").isZero();

        GOOGLE.accessLifetime(Duration.ofSeconds(3599));
        MICROSOFT.accessLifetime(Duration.ofSeconds(3599));
        try (RunningServer newKeyOnly = RunningServer.start(providers(Map.of("pa.db.url", server.jdbcUrl(),
                "pa.encryption.key", "", "pa.encryption.keys", "k2:" + K2, "pa.roles", "web")))) {
            IntegrationTokens tokens = newKeyOnly.application().integrations().tokens();
            try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
                for (UUID id : sql.column(UUID.class, "SELECT id FROM integrations")) {
                    IntegrationTokens.AccessToken token = tokens.accessToken(id);
                    assertThat(List.of(GOOGLE.issuedTokens(), MICROSOFT.issuedTokens()))
                            .anySatisfy(issued -> assertThat(issued).contains(token.value()));
                }
            }
            assertThat(GOOGLE.tokenRequests("refresh_token")).hasSize(1);
            assertThat(MICROSOFT.tokenRequests("refresh_token")).hasSize(1);

            GraphQlClient browser = new GraphQlClient(newKeyOnly.baseUrl());
            JsonNode login = browser.execute("mutation L($i: LoginInput!) { login(input: $i) { mfaChallenge userErrors { code } } }",
                    Map.of("i", Map.of("email", person.email(), "password", PASSWORD))).data("login");
            JsonNode verified = browser.execute("""
                    mutation V($i: VerifyMfaInput!) { verifyMfa(input: $i) { accessToken userErrors { code message } } }""",
                    Map.of("i", Map.of("challenge", login.path("mfaChallenge").asText(), "code", app.code(Instant.now(), 1))))
                    .data("verifyMfa");
            assertThat(verified.path("userErrors")).isEmpty();
            assertThat(verified.path("accessToken").asText()).isNotEmpty();
        }
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'encryption_keys_rotated' "
                    + "AND outcome = 'success' AND details->>'primary' = 'k2'")).isEqualTo(2);
        }
    }
}
