package app.tdah.integrations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import app.tdah.testing.FakeOAuthProvider;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.RedirectingBrowser;
import app.tdah.testing.RunningServer;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestMailbox;
import app.tdah.testing.TestPorts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connecting Google and Microsoft accounts end to end through the running server: the SPA's mutation, a browser
 * walking the redirects through local fakes of the providers' OAuth endpoints, the callback, the sealed tokens, their
 * refresh, and disconnecting.
 */
class IntegrationsApiTest {

    private static final FakeOAuthProvider GOOGLE = FakeOAuthProvider.start(FakeOAuthProvider.Flavour.GOOGLE);
    private static final FakeOAuthProvider MICROSOFT = FakeOAuthProvider.start(FakeOAuthProvider.Flavour.MICROSOFT);
    private static final int PORT = TestPorts.free();
    private static final URI SITE = URI.create("http://localhost:" + PORT);
    private static final String CALENDAR_READONLY = "https://www.googleapis.com/auth/calendar.readonly";
    private static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";

    @RegisterExtension
    static final TestMailbox mailbox = TestMailbox.start();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(settings(Map.of()));

    private static Map<String, String> settings(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("server.port", Integer.toString(PORT), "pa.public.url", SITE.toString()));
        settings.putAll(GOOGLE.serverSettings("google"));
        settings.putAll(MICROSOFT.serverSettings("microsoft"));
        settings.put("pa.integrations.microsoft.tenant", "contoso-tenant");
        settings.putAll(mailbox.serverSettings());
        settings.putAll(more);
        return settings;
    }

    @AfterAll
    static void stopProviders() {
        GOOGLE.close();
        MICROSOFT.close();
    }

    @BeforeEach
    void everyoneConsents() {
        for (FakeOAuthProvider provider : List.of(GOOGLE, MICROSOFT)) {
            provider.consentTo(scope -> true);
            provider.deny(false);
            provider.accessLifetime(Duration.ofSeconds(3599));
            provider.failRefreshesWith(0);
            provider.holdRefreshes(new CountDownLatch(0));
        }
    }

    private record Person(String email, GraphQlClient client, UUID userId) {
    }

    private static Person signUp() {
        TestAccounts.SignedUp signedUp = TestAccounts.signUp(server.baseUrl(), "Europe/Paris");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return new Person(signedUp.email(), signedUp.client(), sql.userId(signedUp.email()));
        }
    }

    /** The person connects the provider with these capabilities, consenting at the fake; returns where they land. */
    private static String connect(Person person, FakeOAuthProvider fake, String provider, List<String> capabilities) {
        fake.signedInAs("account-of-" + person.userId(), "calendar-" + person.email());
        Connecting.Started started = Connecting.start(person.client(), provider, capabilities);
        assertThat(started.payload().path("userErrors")).as(started.payload().toString()).isEmpty();
        return Connecting.roundTrip(Connecting.browserOf(SITE, started), SITE, started);
    }

    private static JsonNode integrations(Person person) {
        return person.client().execute(Connecting.INTEGRATIONS).data("integrations");
    }

    private static UUID integrationId(Person person, String provider) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(UUID.class, "SELECT id FROM integrations WHERE user_id = ? AND provider = ?", person.userId(), provider);
        }
    }

    private static long count(String sqlText, Object... parameters) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(Long.class, sqlText, parameters);
        }
    }

    private static long audited(UUID userId, String action, String outcome) {
        return count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = ? AND outcome = ?", userId, action, outcome);
    }

    private static IntegrationTokens tokens() {
        return server.application().integrations().tokens();
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void connectingGoogleAsksOnlyForTheChosenScopesWithPkceAndStoresTheGrant() {
        Person person = signUp();
        GOOGLE.signedInAs("google-sub-" + person.userId(), "ada@gmail.example");
        Connecting.Started started = Connecting.start(person.client(), "GOOGLE", List.of("CALENDAR_READ", "MAIL_READ"));

        Map<String, String> query = started.query();
        assertThat(started.authorizationUrl().toString()).startsWith(GOOGLE.url() + "/o/oauth2/v2/auth?");
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", FakeOAuthProvider.CLIENT_ID)
                .containsEntry("redirect_uri", SITE + "/oauth/google/callback")
                .containsEntry("scope", "openid email " + CALENDAR_READONLY + " " + GMAIL_READONLY)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("access_type", "offline")
                .containsEntry("include_granted_scopes", "true")
                .containsEntry("prompt", "consent");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("state")).matches("[A-Za-z0-9_-]{43}");
        String binding = started.setCookies().stream().filter(c -> c.startsWith("pa_oauth_google=")).findFirst().orElseThrow();
        assertThat(binding.toLowerCase()).contains("httponly", "samesite=lax", "path=/oauth/google");

        String landing = Connecting.roundTrip(Connecting.browserOf(SITE, started), SITE, started);

        assertThat(landing).isEqualTo("/settings/integrations?provider=google&result=granted");
        FakeOAuthProvider.Received exchange = GOOGLE.tokenRequests("authorization_code").getLast();
        assertThat(exchange.get("code_verifier")).as("the PKCE verifier the fake checked against the challenge").hasSize(43);
        assertThat(exchange.get("redirect_uri")).isEqualTo(SITE + "/oauth/google/callback");
        JsonNode integration = integrations(person).get(0);
        assertThat(integration.path("provider").asText()).isEqualTo("GOOGLE");
        assertThat(integration.path("accountEmail").asText()).isEqualTo("ada@gmail.example");
        assertThat(integration.path("capabilities")).extracting(JsonNode::asText).containsExactly("CALENDAR_READ", "MAIL_READ");
        assertThat(integration.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(Instant.parse(integration.path("connectedAt").asText())).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(person.client().execute("query N($id: ID!) { node(id: $id) { ... on Integration { provider } } }",
                Map.of("id", integration.path("id").asText())).data("node").path("provider").asText()).isEqualTo("GOOGLE");
        assertThat(audited(person.userId(), "integration_connected", "success")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'integration_connected' "
                + "AND details->>'capabilities' = 'CALENDAR_READ,MAIL_READ' AND details->>'partial' = 'false'", person.userId())).isEqualTo(1);
    }

    @Test
    void theAccessTokenIsHandedOutAsIssuedWhileItIsFresh() throws Exception {
        Person person = signUp();
        connect(person, GOOGLE, "GOOGLE", List.of("CALENDAR_READ"));
        int refreshes = GOOGLE.tokenRequests("refresh_token").size();
        IntegrationTokens.AccessToken token = tokens().accessToken(integrationId(person, "google"));
        assertThat(GOOGLE.issuedTokens()).contains(token.value());
        assertThat(token.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(GOOGLE.tokenRequests("refresh_token")).hasSize(refreshes);
    }

    @Test
    void connectingAgainAddsCapabilitiesWithoutForcingTheConsentScreen() {
        Person person = signUp();
        connect(person, GOOGLE, "GOOGLE", List.of("CALENDAR_READ"));
        UUID id = integrationId(person, "google");

        Connecting.Started again = Connecting.start(person.client(), "GOOGLE", List.of("CALENDAR_WRITE"));
        assertThat(again.query()).doesNotContainKey("prompt")
                .containsEntry("scope", "openid email https://www.googleapis.com/auth/calendar.events")
                .containsEntry("login_hint", "calendar-" + person.email());
        GOOGLE.consentTo(scope -> true);
        assertThat(Connecting.roundTrip(Connecting.browserOf(SITE, again), SITE, again))
                .isEqualTo("/settings/integrations?provider=google&result=granted");

        assertThat(integrationId(person, "google")).as("the same integration").isEqualTo(id);
        assertThat(integrations(person).get(0).path("capabilities")).extracting(JsonNode::asText)
                .containsExactly("CALENDAR_READ", "CALENDAR_WRITE");
    }

    @Test
    void grantingFewerScopesThanAskedIsAPartialGrant() {
        Person person = signUp();
        GOOGLE.consentTo(scope -> !scope.equals(GMAIL_READONLY));
        assertThat(connect(person, GOOGLE, "GOOGLE", List.of("CALENDAR_READ", "MAIL_READ")))
                .isEqualTo("/settings/integrations?provider=google&result=partial");
        assertThat(integrations(person).get(0).path("capabilities")).extracting(JsonNode::asText).containsExactly("CALENDAR_READ");
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'integration_connected' "
                + "AND details->>'partial' = 'true'", person.userId())).isEqualTo(1);
    }

    @Test
    void deniedConsentOrNothingGrantedStoresNothing() {
        Person person = signUp();
        GOOGLE.deny(true);
        assertThat(connect(person, GOOGLE, "GOOGLE", List.of("CALENDAR_READ")))
                .isEqualTo("/settings/integrations?provider=google&result=denied");
        GOOGLE.deny(false);
        GOOGLE.consentTo(scope -> false);
        assertThat(connect(person, GOOGLE, "GOOGLE", List.of("MAIL_READ")))
                .isEqualTo("/settings/integrations?provider=google&result=denied");

        assertThat(integrations(person)).isEmpty();
        assertThat(count("SELECT count(*) FROM integrations WHERE user_id = ?", person.userId())).isZero();
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'integration_connect_failed' "
                + "AND outcome = 'denied' AND details->>'reason' IN ('access_denied', 'nothing_granted')", person.userId())).isEqualTo(2);
    }

    @Test
    void aCallbackInAnotherBrowserOrWithAWrongOrMissingStateStoresNothing() {
        Person person = signUp();
        Connecting.Started started = Connecting.start(person.client(), "GOOGLE", List.of("CALENDAR_READ"));
        // The victim's browser is sent the attacker's callback URL: it does not hold the flow's cookie.
        RedirectingBrowser victim = new RedirectingBrowser();
        assertThat(Connecting.roundTrip(victim, SITE, started)).isEqualTo("/settings/integrations?provider=google&result=error");
        assertThat(audited(person.userId(), "integration_connect_failed", "denied")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND details->>'reason' = 'browser_mismatch'",
                person.userId())).isEqualTo(1);

        RedirectingBrowser browser = new RedirectingBrowser();
        for (String query : List.of("code=abc", "code=abc&state=" + "x".repeat(43), "state=&code=abc", "error=access_denied")) {
            RedirectingBrowser.Walk walk = browser.walk(SITE.resolve("/oauth/google/callback?" + query), uri -> Connecting.onSpa(SITE, uri));
            assertThat(Connecting.landing(walk)).as(query).isEqualTo("/settings/integrations?provider=google&result=error");
        }
        assertThat(browser.walk(SITE.resolve("/oauth/yahoo/callback?code=abc"), uri -> false).responses().getLast().statusCode())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM integrations WHERE user_id = ?", person.userId())).isZero();
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'integration_connect_failed' "
                + "AND details->>'reason' = 'state_invalid'")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aReplayedCallbackOrAReplayedCodeStoresNothingMore() {
        Person person = signUp();
        Connecting.Started started = Connecting.start(person.client(), "GOOGLE", List.of("CALENDAR_READ"));
        RedirectingBrowser browser = Connecting.browserOf(SITE, started);
        RedirectingBrowser.Walk walk = browser.walk(started.authorizationUrl(), uri -> Connecting.onSpa(SITE, uri));
        assertThat(Connecting.landing(walk)).isEqualTo("/settings/integrations?provider=google&result=granted");
        URI callback = walk.responses().stream().map(r -> r.uri()).filter(u -> u.getPath().equals("/oauth/google/callback"))
                .findFirst().orElseThrow();
        long exchanges = GOOGLE.tokenRequests("authorization_code").size();
        byte[] sealedBefore = sealedAccessToken(person);

        // The same callback again, with the flow's cookie back in place: the state was spent.
        started.setCookies().forEach(cookie -> browser.receive(SITE, cookie));
        assertThat(Connecting.landing(browser.walk(callback, uri -> Connecting.onSpa(SITE, uri))))
                .isEqualTo("/settings/integrations?provider=google&result=error");
        // A fresh flow (new state, its own cookie) carrying the spent code: the provider refuses it.
        Connecting.Started fresh = Connecting.start(person.client(), "GOOGLE", List.of("CALENDAR_READ"));
        RedirectingBrowser freshBrowser = Connecting.browserOf(SITE, fresh);
        URI replayed = SITE.resolve("/oauth/google/callback?state=" + fresh.query().get("state") + "&code="
                + Connecting.query(callback).get("code"));
        assertThat(Connecting.landing(freshBrowser.walk(replayed, uri -> Connecting.onSpa(SITE, uri))))
                .isEqualTo("/settings/integrations?provider=google&result=error");

        assertThat(GOOGLE.tokenRequests("authorization_code")).hasSize((int) exchanges + 1);
        assertThat(count("SELECT count(*) FROM integrations WHERE user_id = ?", person.userId())).isEqualTo(1);
        assertThat(sealedAccessToken(person)).as("the stored tokens did not change").isEqualTo(sealedBefore);
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'integration_connect_failed' "
                + "AND details->>'reason' = 'token_exchange_failed' AND details->>'error' = 'invalid_grant'", person.userId())).isEqualTo(1);
    }

    private static byte[] sealedAccessToken(Person person) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(byte[].class, "SELECT access_token_sealed FROM integrations WHERE user_id = ?", person.userId());
        }
    }

    @Test
    void microsoftConnectsWithItsTenantAndItsRotatedRefreshTokensAreKept() throws Exception {
        Person person = signUp();
        MICROSOFT.accessLifetime(Duration.ofSeconds(60)); // less than the refresh margin: every use refreshes
        Connecting.Started started = Connecting.start(person.client(), "MICROSOFT", List.of("CALENDAR_READ"));
        assertThat(started.authorizationUrl().getPath()).isEqualTo("/contoso-tenant/oauth2/v2.0/authorize");
        assertThat(started.query()).containsEntry("scope", "offline_access User.Read Calendars.Read")
                .containsEntry("redirect_uri", SITE + "/oauth/microsoft/callback")
                .containsEntry("code_challenge_method", "S256")
                .doesNotContainKeys("access_type", "prompt", "include_granted_scopes");
        MICROSOFT.signedInAs("graph-user-" + person.userId(), "ada@contoso.example");
        assertThat(Connecting.roundTrip(Connecting.browserOf(SITE, started), SITE, started))
                .isEqualTo("/settings/integrations?provider=microsoft&result=granted");
        JsonNode integration = integrations(person).get(0);
        assertThat(integration.path("accountEmail").asText()).isEqualTo("ada@contoso.example");
        assertThat(integration.path("capabilities")).extracting(JsonNode::asText).containsExactly("CALENDAR_READ");
        assertThat(MICROSOFT.requests("/token").getLast().path()).isEqualTo("/contoso-tenant/oauth2/v2.0/token");

        UUID id = integrationId(person, "microsoft");
        String first = tokens().accessToken(id).value();
        String second = tokens().accessToken(id).value();
        String third = tokens().accessToken(id).value();
        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        List<FakeOAuthProvider.Received> refreshes = MICROSOFT.tokenRequests("refresh_token");
        // Each refresh presented the token the one before rotated in: had one been lost, the fake would have refused.
        assertThat(refreshes.subList(refreshes.size() - 3, refreshes.size())).extracting(r -> r.get("refresh_token"))
                .doesNotHaveDuplicates();
        assertThat(integrations(person).get(0).path("status").asText()).isEqualTo("CONNECTED");
    }

    @Test
    void aRevokedGrantNeedsReconnectingAndThePersonIsToldOnce() {
        Person person = signUp();
        connect(person, GOOGLE, "GOOGLE", List.of("CALENDAR_READ"));
        UUID id = integrationId(person, "google");
        GOOGLE.accessLifetime(Duration.ofSeconds(60));
        GOOGLE.revokeEverything();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE integrations SET access_token_expires_at = now() WHERE id = ?", id);
        }

        assertThatThrownBy(() -> tokens().accessToken(id)).isInstanceOfSatisfying(IntegrationTokens.Unavailable.class,
                e -> assertThat(e.reason()).isEqualTo(IntegrationTokens.Unavailable.Reason.NEEDS_RECONNECT));
        int refreshes = GOOGLE.tokenRequests("refresh_token").size();
        assertThatThrownBy(() -> tokens().accessToken(id)).isInstanceOfSatisfying(IntegrationTokens.Unavailable.class,
                e -> assertThat(e.reason()).isEqualTo(IntegrationTokens.Unavailable.Reason.NEEDS_RECONNECT));
        assertThat(GOOGLE.tokenRequests("refresh_token")).as("no second request for a dead grant").hasSize(refreshes);

        JsonNode integration = integrations(person).get(0);
        assertThat(integration.path("status").asText()).isEqualTo("NEEDS_RECONNECT");
        assertThat(count("SELECT count(*) FROM integrations WHERE id = ? AND access_token_sealed IS NULL "
                + "AND refresh_token_sealed IS NULL", id)).isEqualTo(1);
        JsonNode notifications = person.client().execute("{ notifications { edges { node { title body } } unreadCount } }")
                .data("notifications");
        assertThat(notifications.path("edges")).extracting(e -> e.path("node").path("title").asText())
                .containsExactly("Reconnect your Google account");
        TestMailbox.Mail mail = mailbox.next(server, person.email(), "Reconnect your Google account");
        assertThat(mail.text()).contains(SITE + "/settings/integrations");
        assertThat(audited(person.userId(), "integration_needs_reconnect", "failure")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'integration_needs_reconnect' "
                + "AND details->>'error' = 'invalid_grant'", person.userId())).isEqualTo(1);

        // Reconnecting asks for consent again (no refresh token is held) and brings the same integration back.
        Connecting.Started again = Connecting.start(person.client(), "GOOGLE", List.of("CALENDAR_READ"));
        assertThat(again.query()).containsEntry("prompt", "consent");
        GOOGLE.signedInAs("account-of-" + person.userId(), "calendar-" + person.email());
        GOOGLE.accessLifetime(Duration.ofSeconds(3599));
        assertThat(Connecting.roundTrip(Connecting.browserOf(SITE, again), SITE, again))
                .isEqualTo("/settings/integrations?provider=google&result=granted");
        assertThat(integrationId(person, "google")).isEqualTo(id);
        assertThat(integrations(person).get(0).path("status").asText()).isEqualTo("CONNECTED");
    }

    @Test
    void theReconnectNoticeInTheAppIsInThePersonsLanguage() {
        Person person = signUp();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET locale = 'fr' WHERE id = ?", person.userId());
        }
        connect(person, MICROSOFT, "MICROSOFT", List.of("CALENDAR_READ"));
        UUID id = integrationId(person, "microsoft");
        MICROSOFT.revokeEverything();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE integrations SET access_token_expires_at = now() WHERE id = ?", id);
        }

        assertThatThrownBy(() -> tokens().accessToken(id)).isInstanceOfSatisfying(IntegrationTokens.Unavailable.class,
                e -> assertThat(e.reason()).isEqualTo(IntegrationTokens.Unavailable.Reason.NEEDS_RECONNECT));
        JsonNode notice = person.client().execute("{ notifications { edges { node { title body } } } }")
                .data("notifications").path("edges").get(0).path("node");
        assertThat(notice.path("title").asText()).isEqualTo("Reconnectez votre compte Microsoft");
        assertThat(notice.path("body").asText()).startsWith("Microsoft n’accepte plus").contains("Réglages");
        assertThat(mailbox.next(server, person.email(), "Reconnectez votre compte Microsoft").text()).contains("Microsoft");
    }

    @Test
    void aProviderAnswering503IsAPassingFailureAuditedOnce() throws Exception {
        Person person = signUp();
        connect(person, MICROSOFT, "MICROSOFT", List.of("MAIL_READ"));
        UUID id = integrationId(person, "microsoft");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE integrations SET access_token_expires_at = now() WHERE id = ?", id);
        }
        MICROSOFT.failRefreshesWith(503);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens().accessToken(id)).isInstanceOfSatisfying(IntegrationTokens.Unavailable.class,
                    e -> assertThat(e.reason()).isEqualTo(IntegrationTokens.Unavailable.Reason.PROVIDER_UNAVAILABLE));
        }
        assertThat(integrations(person).get(0).path("status").asText()).isEqualTo("CONNECTED");
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'integration_token_refresh_failed' "
                + "AND details->>'error' = 'http_503'", person.userId())).isEqualTo(1);
        MICROSOFT.failRefreshesWith(0);
        String recovered = tokens().accessToken(id).value();
        assertThat(MICROSOFT.issuedTokens()).contains(recovered);
    }

    @Test
    void concurrentCallersOnTwoNodesRefreshOnce() throws Exception {
        Person person = signUp();
        GOOGLE.accessLifetime(Duration.ofSeconds(60));
        connect(person, GOOGLE, "GOOGLE", List.of("CALENDAR_READ"));
        UUID id = integrationId(person, "google");
        GOOGLE.accessLifetime(Duration.ofSeconds(3599));
        int refreshesBefore = GOOGLE.tokenRequests("refresh_token").size();
        CountDownLatch release = new CountDownLatch(1);
        GOOGLE.holdRefreshes(release);
        try (RunningServer secondNode = RunningServer.start(settings(Map.of("server.port", "0",
                "pa.db.url", server.jdbcUrl(), "pa.redis.prefix", server.settings().redisKeyPrefix(), "pa.roles", "web")))) {
            IntegrationTokens otherNode = secondNode.application().integrations().tokens();
            List<Thread> callers = new ArrayList<>();
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (IntegrationTokens node : List.of(tokens(), tokens(), otherNode)) {
                CompletableFuture<String> result = new CompletableFuture<>();
                results.add(result);
                Thread caller = Thread.ofPlatform().start(() -> {
                    try {
                        result.complete(node.accessToken(id).value());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                });
                callers.add(caller);
                if (callers.size() == 1) {
                    await("the first refresh to reach the provider",
                            () -> GOOGLE.tokenRequests("refresh_token").size() == refreshesBefore + 1);
                }
            }
            await("the other callers to wait for the lock", () -> callers.stream().skip(1)
                    .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
            release.countDown();
            Set<String> handedOut = results.stream().map(CompletableFuture::join).collect(Collectors.toSet());

            assertThat(GOOGLE.tokenRequests("refresh_token")).hasSize(refreshesBefore + 1);
            assertThat(handedOut).hasSize(1);
            assertThat(GOOGLE.issuedTokens()).containsAll(handedOut);
        }
    }

    @Test
    void disconnectingRevokesAtGoogleAndDeletesEveryCopy() {
        Person person = signUp();
        connect(person, GOOGLE, "GOOGLE", List.of("CALENDAR_READ"));
        connect(person, MICROSOFT, "MICROSOFT", List.of("CALENDAR_READ"));
        UUID google = integrationId(person, "google");
        String refreshToken = GOOGLE.issuedTokens().stream().filter(t -> t.startsWith("1//")).toList().getLast();
        JsonNode list = integrations(person);
        String googleId = list.get(0).path("provider").asText().equals("GOOGLE") ? list.get(0).path("id").asText() : list.get(1).path("id").asText();
        String microsoftId = list.get(0).path("provider").asText().equals("GOOGLE") ? list.get(1).path("id").asText() : list.get(0).path("id").asText();

        Person stranger = signUp();
        JsonNode refused = stranger.client().execute(Connecting.DISCONNECT, Map.of("input", Map.of("id", googleId)))
                .data("disconnectIntegration");
        assertThat(refused.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");

        JsonNode disconnected = person.client().execute(Connecting.DISCONNECT, Map.of("input", Map.of("id", googleId)))
                .data("disconnectIntegration");
        assertThat(disconnected.path("disconnectedId").asText()).isEqualTo(googleId);
        assertThat(disconnected.path("revokedAtProvider").asBoolean()).isTrue();
        assertThat(GOOGLE.requests("/revoke").getLast().get("token")).isEqualTo(refreshToken);
        assertThat(GOOGLE.isRevoked(refreshToken)).isTrue();
        assertThat(count("SELECT count(*) FROM integrations WHERE id = ?", google)).isZero();
        assertThatThrownBy(() -> tokens().accessToken(google)).isInstanceOfSatisfying(IntegrationTokens.Unavailable.class,
                e -> assertThat(e.reason()).isEqualTo(IntegrationTokens.Unavailable.Reason.NOT_FOUND));
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'integration_disconnected' "
                + "AND details->>'provider' = 'google' AND details->>'revocation' = 'revoked'", person.userId())).isEqualTo(1);

        JsonNode microsoft = person.client().execute(Connecting.DISCONNECT, Map.of("input", Map.of("id", microsoftId)))
                .data("disconnectIntegration");
        assertThat(microsoft.path("disconnectedId").asText()).isEqualTo(microsoftId);
        assertThat(microsoft.path("revokedAtProvider").asBoolean()).as("Microsoft has no revocation endpoint").isFalse();
        assertThat(integrations(person)).isEmpty();
        assertThat(count("SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'integration_disconnected' "
                + "AND details->>'revocation' = 'unsupported'", person.userId())).isEqualTo(1);
    }

    @Test
    void noTokenIsStoredInTheClearAnywhereInTheDatabase() throws Exception {
        Person person = signUp();
        GOOGLE.accessLifetime(Duration.ofSeconds(60));
        MICROSOFT.accessLifetime(Duration.ofSeconds(60));
        connect(person, GOOGLE, "GOOGLE", List.of("CALENDAR_READ", "MAIL_READ"));
        connect(person, MICROSOFT, "MICROSOFT", List.of("CALENDAR_WRITE"));
        tokens().accessToken(integrationId(person, "google"));
        tokens().accessToken(integrationId(person, "microsoft"));

        StringBuilder dump = new StringBuilder();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            List<String> tables = sql.column(String.class, "SELECT quote_ident(table_name) FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
            assertThat(tables).contains("integrations", "audit_events", "mail_outbox");
            for (String table : tables) {
                sql.column(String.class, "SELECT t::text FROM " + table + " t").forEach(row -> dump.append(row).append('\n'));
            }
        }
        List<String> tokens = new ArrayList<>(GOOGLE.issuedTokens());
        tokens.addAll(MICROSOFT.issuedTokens());
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(6);
        String everything = dump.toString();
        assertThat(everything).contains("calendar-" + person.email());
        for (String token : tokens) {
            assertThat(everything).doesNotContain(token)
                    .doesNotContain(HexFormat.of().formatHex(token.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void everyFieldWantsASignedInPersonAndUnconfiguredChoicesAreRefused() {
        GraphQlClient anonymous = new GraphQlClient(server.baseUrl());
        JsonNode list = anonymous.execute(Connecting.INTEGRATIONS).body();
        assertThat(list.path("data").path("integrations").isNull()).isTrue();
        assertThat(list.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        for (String mutation : List.of(Connecting.CONNECT, Connecting.DISCONNECT)) {
            Map<String, Object> input = mutation.equals(Connecting.CONNECT)
                    ? Map.of("provider", "GOOGLE", "capabilities", List.of("CALENDAR_READ")) : Map.of("id", "x");
            GraphQlClient.Response response = anonymous.execute(mutation, Map.of("input", input));
            JsonNode payload = response.body().path("data").elements().next();
            assertThat(payload.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
            assertThat(response.setCookies()).noneMatch(c -> c.startsWith("pa_oauth_"));
        }
        assertThat(anonymous.execute("{ integrationProviders }").data("integrationProviders"))
                .extracting(JsonNode::asText).containsExactly("GOOGLE", "MICROSOFT");

        Person person = signUp();
        Connecting.Started nothing = Connecting.start(person.client(), "GOOGLE", List.of());
        assertThat(nothing.authorizationUrl()).isNull();
        assertThat(nothing.payload().path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(nothing.setCookies()).noneMatch(c -> c.startsWith("pa_oauth_"));
    }
}
