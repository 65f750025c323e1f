package app.tdah.oidc;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.RedirectingBrowser;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestPorts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with Google and Microsoft end to end: a browser walks the redirects between this server and
 * mock-oauth2-server, which plays both providers (issuers "google" and "microsoft") and issues the ID tokens with the
 * claims each test enqueues.
 */
class ProviderSignInApiTest {

    private static final MockOAuth2Server PROVIDERS = startProviders();
    /** Fixed before start-up: the callback URL the providers redirect to is built from the public URL. */
    private static final int PORT = TestPorts.free();
    private static final URI SITE = URI.create("http://localhost:" + PORT);

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(
            "server.port", Integer.toString(PORT),
            "pa.public.url", SITE.toString(),
            "pa.oidc.google.issuer", PROVIDERS.issuerUrl("google").toString(),
            "pa.oidc.google.client.id", "google-client",
            "pa.oidc.google.client.secret", "google-secret",
            "pa.oidc.microsoft.issuer", PROVIDERS.issuerUrl("microsoft").toString(),
            "pa.oidc.microsoft.client.id", "microsoft-client",
            "pa.oidc.microsoft.client.secret", "microsoft-secret"));

    private static final String REFRESH = "mutation { refreshSession { accessToken user { email timeZone } userErrors { code } } }";
    private static final String IDENTITIES = "{ identities { id provider email linkedAt lastUsedAt } }";
    private static final String START_LINK = """
            mutation Link($input: StartIdentityLinkInput!) { startIdentityLink(input: $input) { url userErrors { field code } } }""";
    private static final String PENDING_LINK = "query P($t: String!) { pendingIdentityLink(token: $t) { provider email } }";
    private static final String CONFIRM_LINK = """
            mutation C($input: ConfirmIdentityLinkInput!) { confirmIdentityLink(input: $input) {
              identity { provider email } userErrors { field code } } }""";
    private static final String REAUTHENTICATE = """
            mutation R($input: ReauthenticateInput!) { reauthenticate(input: $input) { recentUntil userErrors { field code } } }""";
    private static final String UNLINK = """
            mutation Unlink($input: UnlinkIdentityInput!) { unlinkIdentity(input: $input) { unlinkedId userErrors { field code } } }""";
    private static final String LOGIN = """
            mutation Login($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }""";

    private static MockOAuth2Server startProviders() {
        MockOAuth2Server providers = new MockOAuth2Server();
        providers.start();
        return providers;
    }

    @AfterAll
    static void stopProviders() {
        PROVIDERS.shutdown();
    }

    /** The provider's next ID token: for this subject, with these claims on top of the standard ones. */
    private static void providerWillSay(String issuer, String subject, Map<String, Object> claims) {
        PROVIDERS.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", List.of(issuer + "-client"), claims, 3600));
    }

    private static Map<String, Object> verifiedEmail(String email) {
        return Map.of("email", email, "email_verified", true, "name", "Sam Provider");
    }

    private static final Predicate<URI> BACK_ON_THE_SPA = uri -> uri.getPort() == PORT && !uri.getPath().startsWith("/auth/oidc");
    private static final Predicate<URI> AT_THE_CALLBACK = uri -> uri.getPort() == PORT && uri.getPath().endsWith("/callback");

    private static RedirectingBrowser.Walk signIn(RedirectingBrowser browser, String provider) {
        return browser.walk(SITE.resolve("/auth/oidc/" + provider + "/start"), BACK_ON_THE_SPA);
    }

    private static String landing(RedirectingBrowser.Walk walk) {
        URI at = walk.stoppedAt();
        return at.getPath() + (at.getQuery() == null ? "" : "?" + at.getQuery());
    }

    /** A client of the API signed in with the refresh cookie the browser got, as the SPA is after the redirect. */
    private static GraphQlClient apiClientFrom(RedirectingBrowser browser) {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        client.useRefreshCookie(browser.cookie(SITE, "pa_refresh").orElseThrow());
        JsonNode refreshed = client.execute(REFRESH).data("refreshSession");
        assertThat(refreshed.path("accessToken").asText()).as("refreshSession after the callback").isNotEmpty();
        client.useAccessToken(refreshed.path("accessToken").asText());
        return client;
    }

    private static long audited(String action, String reason) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = ? AND details->>'reason' = ?", action, reason);
        }
    }

    private static long audited(String action, String outcome, UUID subject) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = ? AND outcome = ? AND subject_id = ?",
                    action, outcome, subject);
        }
    }

    private static long count(String sqlText, Object... parameters) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(Long.class, sqlText, parameters);
        }
    }

    /** A Set-Cookie header without its value and lifetime: the attributes that make the cookie what it is. */
    private static Set<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(String::trim)
                .filter(a -> !a.regionMatches(true, 0, "Max-Age", 0, 7) && !a.regionMatches(true, 0, "Expires", 0, 7))
                .map(a -> a.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Test
    void theSignInPageListsBothProviders() {
        JsonNode providers = new GraphQlClient(server.baseUrl())
                .execute("{ signInProviders { provider name startUrl } }").data("signInProviders");
        assertThat(providers).extracting(p -> p.path("provider").asText() + " " + p.path("name").asText() + " " + p.path("startUrl").asText())
                .containsExactly("GOOGLE Google /auth/oidc/google/start", "MICROSOFT Microsoft /auth/oidc/microsoft/start");
    }

    @Test
    void aNewPersonWithAVerifiedEmailGetsAnAccountAndSignsInAgainWithIt() {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        String subject = "google-" + UUID.randomUUID();
        providerWillSay("google", subject, verifiedEmail(email));
        RedirectingBrowser browser = new RedirectingBrowser();
        RedirectingBrowser.Walk walk = browser.walk(SITE.resolve("/auth/oidc/google/start?timeZone=Europe/Paris"), BACK_ON_THE_SPA);

        assertThat(landing(walk)).isEqualTo("/today");
        String refreshCookie = walk.setCookiesFrom("/auth/oidc/google/callback").stream()
                .filter(c -> c.startsWith("pa_refresh=")).findFirst().orElseThrow();
        GraphQlClient passwordPerson = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        String loginCookie = passwordPerson.execute(REFRESH).setCookies().stream()
                .filter(c -> c.startsWith("pa_refresh=")).findFirst().orElseThrow();
        assertThat(attributes(refreshCookie)).as("the same cookie as a password sign-in sets")
                .isEqualTo(attributes(loginCookie))
                .contains("httponly", "samesite=strict", "path=/");

        GraphQlClient api = apiClientFrom(browser);
        JsonNode me = api.execute("{ me { email displayName timeZone } }").data("me");
        assertThat(me.path("email").asText()).isEqualTo(email);
        assertThat(me.path("displayName").asText()).isEqualTo("Sam Provider");
        assertThat(me.path("timeZone").asText()).isEqualTo("Europe/Paris");
        UUID userId;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            userId = sql.userId(email);
            assertThat(sql.value(Boolean.class, "SELECT password_hash IS NULL FROM users WHERE id = ?", userId)).isTrue();
        }

        // The second time the same subject signs in, even with another email, it is the same account.
        providerWillSay("google", subject, verifiedEmail("renamed-" + email));
        RedirectingBrowser laptop = new RedirectingBrowser();
        assertThat(landing(signIn(laptop, "google"))).isEqualTo("/today");
        assertThat(apiClientFrom(laptop).execute("{ me { email } }").data("me").path("email").asText()).isEqualTo(email);
        assertThat(count("SELECT count(*) FROM users WHERE email IN (?, ?)", email, "renamed-" + email)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM external_identities WHERE user_id = ? AND provider = 'google' AND subject = ? "
                + "AND last_used_at IS NOT NULL", userId, subject)).isEqualTo(1);

        assertThat(audited("registered", "success", userId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'sign_in' AND outcome = 'success' "
                + "AND subject_id = ? AND details->>'provider' = 'google'", userId)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'sign_in' AND subject_id = ? "
                + "AND details->>'accountCreated' = 'true'", userId)).isEqualTo(1);

        // The account has no password: no password signs in to it.
        JsonNode login = new GraphQlClient(server.baseUrl()).execute(LOGIN,
                Map.of("input", Map.of("email", email, "password", "correct-horse-battery-42"))).data("login");
        assertThat(login.path("accessToken").isNull()).isTrue();
        assertThat(login.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void anExistingAccountIsNotLinkedByTheProvidersEmailClaim() {
        TestAccounts.SignedUp owner = TestAccounts.signUp(server.baseUrl(), "UTC");
        UUID ownerId;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            ownerId = sql.userId(owner.email());
        }
        providerWillSay("google", "google-" + UUID.randomUUID(), verifiedEmail(owner.email()));
        RedirectingBrowser browser = new RedirectingBrowser();

        assertThat(landing(signIn(browser, "google"))).isEqualTo("/signin?error=oidc_account_exists");
        assertThat(browser.cookie(SITE, "pa_refresh")).isEmpty();
        assertThat(count("SELECT count(*) FROM external_identities WHERE user_id = ?", ownerId)).isZero();
        assertThat(audited("oidc_sign_in_failed", "denied", ownerId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'oidc_sign_in_failed' AND subject_id = ? "
                + "AND details->>'reason' = 'account_exists'", ownerId)).isEqualTo(1);
    }

    /** Starts a link from the owner's session; the browser is the one their SPA runs in, with the cookie it set. */
    private record LinkStarted(String url, RedirectingBrowser browser, JsonNode payload) {
    }

    private static LinkStarted startLink(GraphQlClient owner, String provider) {
        GraphQlClient.Response response = owner.execute(START_LINK, Map.of("input", Map.of("provider", provider)));
        RedirectingBrowser browser = new RedirectingBrowser();
        response.setCookies().forEach(cookie -> browser.receive(SITE, cookie));
        JsonNode payload = response.data("startIdentityLink");
        return new LinkStarted(payload.path("url").asText(), browser, payload);
    }

    private static final Predicate<URI> AT_THE_PROVIDER = uri -> uri.getPort() != PORT;

    /**
     * The browser goes from the link URL to the provider, where the person picks the identity to link in the account
     * chooser a link always asks for (mock-oauth2-server's sign-in form: any subject, with these claims); returns
     * where the browser lands back on the SPA.
     */
    private static String linkAs(LinkStarted started, String subject, Map<String, Object> claims) {
        URI chooser = started.browser().walk(URI.create(started.url()), AT_THE_PROVIDER).stoppedAt();
        assertThat(chooser.getPort()).as("at the provider's account chooser").isNotEqualTo(PORT);
        try {
            return landing(started.browser().submit(chooser, Map.of("username", subject,
                    "claims", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claims)), BACK_ON_THE_SPA));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String confirmation(String landing) {
        assertThat(landing).startsWith("/settings?confirmLink=");
        return java.net.URLDecoder.decode(landing.substring("/settings?confirmLink=".length()), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anOwnerLinksAnIdentityFromTheirAccountAndThenSignsInWithIt() {
        TestAccounts.SignedUp owner = TestAccounts.signUpConfirmed(server, "UTC");
        UUID ownerId;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            ownerId = sql.userId(owner.email());
        }
        LinkStarted started = startLink(owner.client(), "MICROSOFT");
        assertThat(started.payload().path("userErrors")).isEmpty();
        assertThat(started.url()).isEqualTo(SITE + "/auth/oidc/microsoft/start?link");

        // Microsoft states no email_verified: linking does not need one, the owner proved who they are.
        String subject = "microsoft-" + UUID.randomUUID();
        String token = confirmation(linkAs(started, subject, Map.of("email", "sam@work.example", "name", "Sam")));
        assertThat(owner.client().execute(IDENTITIES).data("identities")).as("nothing linked before the owner says so").isEmpty();
        JsonNode pending = owner.client().execute(PENDING_LINK, Map.of("t", token)).data("pendingIdentityLink");
        assertThat(pending.path("provider").asText()).isEqualTo("MICROSOFT");
        assertThat(pending.path("email").asText()).isEqualTo("sam@work.example");

        JsonNode confirmed = owner.client().execute(CONFIRM_LINK, Map.of("input", Map.of("token", token))).data("confirmIdentityLink");
        assertThat(confirmed.path("userErrors")).isEmpty();
        assertThat(confirmed.path("identity").path("provider").asText()).isEqualTo("MICROSOFT");
        JsonNode identities = owner.client().execute(IDENTITIES).data("identities");
        assertThat(identities).hasSize(1);
        assertThat(identities.get(0).path("provider").asText()).isEqualTo("MICROSOFT");
        assertThat(identities.get(0).path("email").asText()).isEqualTo("sam@work.example");
        assertThat(audited("identity_linked", "success", ownerId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE user_id = ? AND kind = 'SECURITY_NOTICE' "
                + "AND text_body LIKE '%Microsoft account sam@work.example was linked%'", ownerId)).as("the owner is told").isEqualTo(1);

        // The confirmation and the start URL worked once.
        assertThat(owner.client().execute(CONFIRM_LINK, Map.of("input", Map.of("token", token))).data("confirmIdentityLink")
                .path("userErrors").get(0).path("code").asText()).isEqualTo("EXPIRED");
        assertThat(landing(started.browser().walk(URI.create(started.url()), BACK_ON_THE_SPA)))
                .isEqualTo("/settings?error=oidc_link_expired");
        // Another Microsoft account cannot be linked on top of this one.
        assertThat(owner.client().execute(START_LINK, Map.of("input", Map.of("provider", "MICROSOFT")))
                .data("startIdentityLink").path("userErrors").get(0).path("code").asText()).isEqualTo("ALREADY_EXISTS");

        providerWillSay("microsoft", subject, Map.of("email", "sam@work.example"));
        RedirectingBrowser phone = new RedirectingBrowser();
        assertThat(landing(signIn(phone, "microsoft"))).isEqualTo("/today");
        assertThat(apiClientFrom(phone).execute("{ me { email } }").data("me").path("email").asText()).isEqualTo(owner.email());

        // With a password, the owner may unlink their only identity.
        JsonNode unlinked = owner.client().execute(UNLINK, Map.of("input", Map.of("id", identities.get(0).path("id").asText())))
                .data("unlinkIdentity");
        assertThat(unlinked.path("userErrors")).isEmpty();
        assertThat(unlinked.path("unlinkedId").asText()).isEqualTo(identities.get(0).path("id").asText());
        assertThat(owner.client().execute(IDENTITIES).data("identities")).isEmpty();
        assertThat(audited("identity_unlinked", "success", ownerId)).isEqualTo(1);
    }

    /**
     * Link CSRF: someone starts a link from their own account and gets a victim to open the URL, so that the
     * victim's Google identity (signed in at Google already) lands on the attacker's account. The URL must link nothing
     * outside the browser that started it.
     */
    @Test
    void aLinkUrlOpenedInAnotherBrowserLinksNothing() {
        TestAccounts.SignedUp attacker = TestAccounts.signUpConfirmed(server, "UTC");
        LinkStarted started = startLink(attacker.client(), "GOOGLE");
        assertThat(started.payload().path("userErrors")).isEmpty();
        long refusals = audited("identity_link_failed", "link_intent_invalid");

        // No ID token is enqueued: the victim's browser must not get as far as the provider.
        RedirectingBrowser victim = new RedirectingBrowser();
        assertThat(landing(victim.walk(URI.create(started.url()), BACK_ON_THE_SPA))).isEqualTo("/settings?error=oidc_link_expired");

        assertThat(attacker.client().execute(IDENTITIES).data("identities")).isEmpty();
        assertThat(audited("identity_link_failed", "link_intent_invalid")).isEqualTo(refusals + 1);
    }

    @Test
    void onlyTheSessionThatStartedALinkCanSeeOrConfirmIt() {
        TestAccounts.SignedUp owner = TestAccounts.signUpConfirmed(server, "UTC");
        LinkStarted started = startLink(owner.client(), "GOOGLE");
        String subject = "google-" + UUID.randomUUID();
        String token = confirmation(linkAs(started, subject, verifiedEmail("mine-" + UUID.randomUUID() + "@example.com")));

        GraphQlClient stranger = TestAccounts.signUpConfirmed(server, "UTC").client();
        GraphQlClient ownersOtherSession = new GraphQlClient(server.baseUrl());
        ownersOtherSession.useAccessToken(ownersOtherSession.execute(LOGIN, Map.of("input", Map.of("email", owner.email(),
                "password", "correct-horse-battery-42"))).data("login").path("accessToken").asText());
        for (GraphQlClient other : List.of(stranger, ownersOtherSession)) {
            assertThat(other.execute(PENDING_LINK, Map.of("t", token)).data("pendingIdentityLink").isNull()).isTrue();
            assertThat(other.execute(CONFIRM_LINK, Map.of("input", Map.of("token", token))).data("confirmIdentityLink")
                    .path("userErrors").get(0).path("code").asText()).isEqualTo("EXPIRED");
        }
        assertThat(count("SELECT count(*) FROM external_identities WHERE subject = ?", subject)).isZero();

        assertThat(owner.client().execute(CONFIRM_LINK, Map.of("input", Map.of("token", token))).data("confirmIdentityLink")
                .path("userErrors")).as("the others' tries did not use it up").isEmpty();
        assertThat(count("SELECT count(*) FROM external_identities WHERE subject = ?", subject)).isEqualTo(1);
    }

    @Test
    void theProviderShowsItsAccountChooserForALinkOnly() {
        TestAccounts.SignedUp owner = TestAccounts.signUpConfirmed(server, "UTC");
        LinkStarted started = startLink(owner.client(), "GOOGLE");
        URI linking = started.browser().walk(URI.create(started.url()), AT_THE_PROVIDER).stoppedAt();
        URI signingIn = new RedirectingBrowser().walk(SITE.resolve("/auth/oidc/google/start"), AT_THE_PROVIDER).stoppedAt();

        assertThat(linking.getQuery()).contains("prompt=select_account");
        assertThat(signingIn.getQuery()).doesNotContain("prompt=");
    }

    @Test
    void linkingNeedsAConfirmedEmailAndARecentSignIn() {
        TestAccounts.SignedUp unconfirmed = TestAccounts.signUp(server.baseUrl(), "UTC");
        assertThat(startLink(unconfirmed.client(), "GOOGLE").payload().path("userErrors").get(0).path("code").asText())
                .isEqualTo("EMAIL_NOT_VERIFIED");

        TestAccounts.SignedUp owner = TestAccounts.signUpConfirmed(server, "UTC");
        TestAccounts.signedInMinutesAgo(server, owner, 11);
        LinkStarted refused = startLink(owner.client(), "GOOGLE");
        assertThat(refused.payload().path("userErrors").get(0).path("code").asText()).isEqualTo("REAUTHENTICATION_REQUIRED");
        assertThat(refused.payload().path("url").isNull()).isTrue();
        assertThat(refused.browser().cookie(SITE, OidcHttpService.LINK_COOKIE)).isEmpty();

        JsonNode wrong = owner.client().execute(REAUTHENTICATE, Map.of("input", Map.of("password", "not-my-password-9")))
                .data("reauthenticate");
        assertThat(wrong.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        JsonNode reauthenticated = owner.client().execute(REAUTHENTICATE,
                Map.of("input", Map.of("password", "correct-horse-battery-42"))).data("reauthenticate");
        assertThat(reauthenticated.path("userErrors")).isEmpty();
        assertThat(reauthenticated.path("recentUntil").asText()).isNotEmpty();
        assertThat(startLink(owner.client(), "GOOGLE").payload().path("userErrors")).isEmpty();
    }

    @Test
    void anAccountWithMfaStillAsksForItsCode() throws Exception {
        String email = "mfa-" + UUID.randomUUID() + "@example.com";
        String subject = "google-" + UUID.randomUUID();
        providerWillSay("google", subject, verifiedEmail(email));
        RedirectingBrowser browser = new RedirectingBrowser();
        assertThat(landing(signIn(browser, "google"))).isEqualTo("/today");
        GraphQlClient api = apiClientFrom(browser);
        String otpauth = api.execute("mutation { startMfaEnrolment { otpauthUri } }")
                .data("startMfaEnrolment").path("otpauthUri").asText();
        JsonNode confirmed = api.execute("mutation C($i: ConfirmMfaEnrolmentInput!) { confirmMfaEnrolment(input: $i) "
                + "{ backupCodes userErrors { code } } }", Map.of("i", Map.of("code", totp(otpauth)))).data("confirmMfaEnrolment");
        assertThat(confirmed.path("userErrors")).isEmpty();

        providerWillSay("google", subject, verifiedEmail(email));
        RedirectingBrowser laptop = new RedirectingBrowser();
        String landing = landing(signIn(laptop, "google"));
        assertThat(landing).startsWith("/signin?mfaChallenge=");
        assertThat(laptop.cookie(SITE, "pa_refresh")).as("no session before the code").isEmpty();

        GraphQlClient signingIn = new GraphQlClient(server.baseUrl());
        JsonNode verified = signingIn.execute("mutation V($i: VerifyMfaInput!) { verifyMfa(input: $i) "
                        + "{ accessToken user { email } userErrors { code } } }",
                Map.of("i", Map.of("challenge", java.net.URLDecoder.decode(landing.substring(landing.indexOf('=') + 1),
                        java.nio.charset.StandardCharsets.UTF_8), "code", confirmed.path("backupCodes").get(0).asText())))
                .data("verifyMfa");
        assertThat(verified.path("user").path("email").asText()).isEqualTo(email);
        assertThat(signingIn.refreshCookie()).isPresent();
    }

    /** The code an authenticator app shows now for the otpauth URI (RFC 6238: HMAC-SHA1, 30 s, 6 digits). */
    private static String totp(String otpauthUri) throws Exception {
        String secret = URI.create(otpauthUri).getRawQuery().replaceFirst(".*secret=([A-Z2-7]+).*", "$1");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(org.bouncycastle.util.encoders.Base32.decode(secret), "HmacSHA1"));
        byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(java.time.Instant.now().getEpochSecond() / 30).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = java.nio.ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
        return String.format("%06d", binary % 1_000_000);
    }

    @Test
    void theLastWayToSignInToAnAccountWithoutAPasswordStays() {
        String email = "only-" + UUID.randomUUID() + "@example.com";
        providerWillSay("google", "google-" + UUID.randomUUID(), verifiedEmail(email));
        RedirectingBrowser browser = new RedirectingBrowser();
        assertThat(landing(signIn(browser, "google"))).isEqualTo("/today");
        GraphQlClient api = apiClientFrom(browser);
        String identityId = api.execute(IDENTITIES).data("identities").get(0).path("id").asText();

        // Someone else cannot remove it either: for them it does not exist.
        JsonNode stranger = TestAccounts.signUp(server.baseUrl(), "UTC").client()
                .execute(UNLINK, Map.of("input", Map.of("id", identityId))).data("unlinkIdentity");
        assertThat(stranger.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");

        JsonNode refused = api.execute(UNLINK, Map.of("input", Map.of("id", identityId))).data("unlinkIdentity");
        assertThat(refused.path("unlinkedId").isNull()).isTrue();
        assertThat(refused.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(api.execute(IDENTITIES).data("identities")).hasSize(1);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(audited("identity_unlinked", "denied", sql.userId(email))).isEqualTo(1);
        }
    }

    @Test
    void aWrongOrReplayedStateOrAnotherBrowserIsRefused() {
        long stateRefusals = audited("oidc_sign_in_failed", "state_invalid");
        RedirectingBrowser browser = new RedirectingBrowser();
        String email = "state-" + UUID.randomUUID() + "@example.com";
        // No ID token is enqueued for this flow: none of its callbacks gets as far as redeeming the code.
        URI callback = browser.walk(SITE.resolve("/auth/oidc/google/start"), AT_THE_CALLBACK).stoppedAt();
        assertThat(browser.cookie(SITE, OidcHttpService.BINDING_COOKIE)).as("the flow's cookie, set at the start").isPresent();

        URI wrongState = URI.create(callback.toString().replaceFirst("state=[^&]+", "state=" + "A".repeat(43)));
        assertThat(landing(browser.walk(wrongState, BACK_ON_THE_SPA))).isEqualTo("/signin?error=oidc_state");
        assertThat(audited("oidc_sign_in_failed", "state_invalid")).isEqualTo(stateRefusals + 1);

        // The real callback in another browser (a link planted in someone else's): its state is used up.
        assertThat(landing(new RedirectingBrowser().walk(callback, BACK_ON_THE_SPA))).isEqualTo("/signin?error=oidc_state");
        assertThat(audited("oidc_sign_in_failed", "browser_mismatch")).isPositive();

        // The same callback replayed, even with the flow's cookie: refused, the state worked once.
        providerWillSay("google", "google-" + UUID.randomUUID(), verifiedEmail(email));
        RedirectingBrowser second = new RedirectingBrowser();
        URI secondCallback = second.walk(SITE.resolve("/auth/oidc/google/start"), AT_THE_CALLBACK).stoppedAt();
        String secondBinding = second.cookie(SITE, OidcHttpService.BINDING_COOKIE).orElseThrow();
        assertThat(landing(second.walk(secondCallback, BACK_ON_THE_SPA))).isEqualTo("/today");
        GraphQlClient replay = new GraphQlClient(server.baseUrl());
        var replayed = replay.send(java.net.http.HttpRequest.newBuilder(secondCallback)
                .header("Cookie", OidcHttpService.BINDING_COOKIE + "=" + secondBinding).GET().build());
        assertThat(replayed.headers().firstValue("location")).hasValue("/signin?error=oidc_state");
        assertThat(replayed.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("pa_refresh="));
        assertThat(audited("oidc_sign_in_failed", "state_invalid")).isEqualTo(stateRefusals + 2);
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email)).as("only the honest round trip signed in").isEqualTo(1);
    }

    @Test
    void aTamperedNonceIsRefused() {
        long before = audited("oidc_sign_in_failed", "nonce_mismatch");
        String email = "nonce-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> claims = new HashMap<>(verifiedEmail(email));
        claims.put("nonce", "a-nonce-from-another-flow");
        providerWillSay("google", "google-" + UUID.randomUUID(), claims);

        RedirectingBrowser browser = new RedirectingBrowser();
        assertThat(landing(signIn(browser, "google"))).isEqualTo("/signin?error=oidc_failed");
        assertThat(browser.cookie(SITE, "pa_refresh")).isEmpty();
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();
        assertThat(audited("oidc_sign_in_failed", "nonce_mismatch")).isEqualTo(before + 1);
    }

    @Test
    void anUnverifiedEmailGetsNoAccount() {
        long before = audited("oidc_sign_in_failed", "email_unverified");
        String email = "unverified-" + UUID.randomUUID() + "@example.com";
        providerWillSay("google", "google-" + UUID.randomUUID(), Map.of("email", email, "email_verified", false));
        assertThat(landing(signIn(new RedirectingBrowser(), "google"))).isEqualTo("/signin?error=oidc_email_unverified");

        // Microsoft's email in a work tenant is what its administrator typed: not verified either.
        providerWillSay("microsoft", "microsoft-" + UUID.randomUUID(), Map.of("email", email, "tid", UUID.randomUUID().toString()));
        assertThat(landing(signIn(new RedirectingBrowser(), "microsoft"))).isEqualTo("/signin?error=oidc_email_unverified");

        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();
        assertThat(audited("oidc_sign_in_failed", "email_unverified")).isEqualTo(before + 2);
    }

    @Test
    void anErrorFromTheProviderIsRefused() {
        long before = audited("oidc_sign_in_failed", "provider_error");
        RedirectingBrowser browser = new RedirectingBrowser();
        URI callback = browser.walk(SITE.resolve("/auth/oidc/microsoft/start"), AT_THE_CALLBACK).stoppedAt();
        String state = callback.getQuery().replaceFirst(".*state=([^&]+).*", "$1");

        URI denied = SITE.resolve("/auth/oidc/microsoft/callback?error=access_denied&error_description=cancelled&state=" + state);
        assertThat(landing(browser.walk(denied, BACK_ON_THE_SPA))).isEqualTo("/signin?error=oidc_provider_error");
        assertThat(audited("oidc_sign_in_failed", "provider_error")).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'oidc_sign_in_failed' "
                + "AND details->>'providerError' = 'access_denied' AND details->>'provider' = 'microsoft'")).isPositive();
    }

    @Test
    void anUnknownProviderIsNotFound() {
        assertThat(new GraphQlClient(server.baseUrl()).get("/auth/oidc/facebook/start").statusCode()).isEqualTo(404);
    }
}
