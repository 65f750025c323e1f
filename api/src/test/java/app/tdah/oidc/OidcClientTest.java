package app.tdah.oidc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import io.helidon.security.jwt.Jwt;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ID token checks, against keys and discovery served by mock-oauth2-server: a token passes only when signed by the
 * provider's key (RS256) for this client, from this issuer, in date, with the flow's nonce.
 */
class OidcClientTest {

    private static final MockOAuth2Server PROVIDERS = start();
    private static final String CLIENT_ID = "google-client";
    private static final String NONCE = "nonce-of-this-flow";
    private static final OidcClient GOOGLE = new OidcClient(IdentityProvider.GOOGLE, new OidcProviderSettings("google",
            URI.create(PROVIDERS.issuerUrl("google").toString()), CLIENT_ID, "secret"), Clock.systemUTC());

    private static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        PROVIDERS.shutdown();
    }

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", PROVIDERS.issuerUrl("google").toString());
        claims.put("aud", List.of(CLIENT_ID));
        claims.put("sub", "subject-1");
        claims.put("nonce", NONCE);
        claims.put("email", "sam@example.com");
        claims.put("email_verified", true);
        return claims;
    }

    /** Signed with the key of the given issuer id at the mock server, which also sets the token's issuer. */
    private static String token(String signedBy, Map<String, Object> claims, Duration expiry) {
        return PROVIDERS.anyToken(PROVIDERS.issuerUrl(signedBy), claims, expiry).serialize();
    }

    private static Refusal refusalOf(String idToken) {
        try {
            GOOGLE.verify(idToken, NONCE);
        } catch (OidcClient.Rejected e) {
            return e.refusal();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aTokenSignedByTheProviderForThisClientAndFlowIsAccepted() throws Exception {
        OidcClient.VerifiedIdentity identity = GOOGLE.verify(token("google", claims(), Duration.ofMinutes(5)), NONCE);
        assertThat(identity.subject()).isEqualTo("subject-1");
        assertThat(identity.email()).hasValue("sam@example.com");
        assertThat(identity.emailVerified()).isTrue();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertThat(refusalOf(token("microsoft", claims(), Duration.ofMinutes(5)))).isEqualTo(Refusal.ID_TOKEN_INVALID);
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsRefused() {
        String[] parts = token("google", claims(), Duration.ofMinutes(5)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("subject-1", "subject-2");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(refusalOf(tampered)).isEqualTo(Refusal.ID_TOKEN_INVALID);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String payload = token("google", claims(), Duration.ofMinutes(5)).split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(refusalOf(header + "." + payload + ".")).isEqualTo(Refusal.ID_TOKEN_INVALID);
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        Map<String, Object> claims = claims();
        claims.put("aud", List.of("someone-elses-client"));
        assertThat(refusalOf(token("google", claims, Duration.ofMinutes(5)))).isEqualTo(Refusal.ID_TOKEN_INVALID);
    }

    @Test
    void aTokenAlsoForAnotherClientMustNameThisOneAsItsAuthorisedParty() {
        Map<String, Object> claims = claims();
        claims.put("aud", List.of(CLIENT_ID, "another-client"));
        claims.put("azp", "another-client");
        assertThat(refusalOf(token("google", claims, Duration.ofMinutes(5)))).isEqualTo(Refusal.ID_TOKEN_INVALID);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        // Signed with the key of Google's tokens (the mock keys by issuer id), by an issuer with another URL.
        String otherIssuer = PROVIDERS.anyToken(PROVIDERS.issuerUrl("google").newBuilder().host("127.0.0.1").build(),
                claims(), Duration.ofMinutes(5)).serialize();
        assertThatThrownBy(() -> GOOGLE.verify(otherIssuer, NONCE))
                .isInstanceOfSatisfying(OidcClient.Rejected.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.ID_TOKEN_INVALID))
                .hasMessageContaining("Issuer");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThat(refusalOf(token("google", claims(), Duration.ofMinutes(-5)))).isEqualTo(Refusal.ID_TOKEN_INVALID);
    }

    @Test
    void aTokenWithAnotherFlowsNonceIsRefused() {
        Map<String, Object> claims = claims();
        claims.put("nonce", "nonce-of-another-flow");
        assertThat(refusalOf(token("google", claims, Duration.ofMinutes(5)))).isEqualTo(Refusal.NONCE_MISMATCH);
        claims.remove("nonce");
        assertThat(refusalOf(token("google", claims, Duration.ofMinutes(5)))).isEqualTo(Refusal.NONCE_MISMATCH);
    }

    @Test
    void microsoftEmailsCountAsVerifiedOnlyForPersonalAccountsOrVerifiedDomains() {
        assertThat(IdentityProvider.MICROSOFT.emailVerified(Jwt.builder()
                .addPayloadClaim("tid", "9188040d-6c67-4c5b-b112-36a304b66dad").build())).as("personal account").isTrue();
        assertThat(IdentityProvider.MICROSOFT.emailVerified(Jwt.builder()
                .addPayloadClaim("tid", "0b1f0c8e-5d0a-4c1e-9d57-3f2d7d1e2a11").addPayloadClaim("xms_edov", true).build()))
                .as("work account, domain owner verified").isTrue();
        assertThat(IdentityProvider.MICROSOFT.emailVerified(Jwt.builder()
                .addPayloadClaim("tid", "0b1f0c8e-5d0a-4c1e-9d57-3f2d7d1e2a11").build())).as("work account").isFalse();
        assertThat(IdentityProvider.GOOGLE.emailVerified(Jwt.builder().addPayloadClaim("email_verified", false).build())).isFalse();
    }
}
