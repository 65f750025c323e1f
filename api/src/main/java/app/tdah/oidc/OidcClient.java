package app.tdah.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;


import io.helidon.common.Errors;
import io.helidon.http.HeaderValues;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.JwtValidator;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.providers.oidc.common.OidcConfig;
import io.helidon.security.providers.oidc.common.Tenant;
import io.helidon.webclient.api.HttpClientResponse;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * This server as an OpenID Connect client of one provider. Helidon's OIDC support finds the provider's endpoints and
 * signing keys (discovery) and gives the HTTP client; the authorization code flow itself is here, because Helidon
 * 4.1's OIDC provider has no PKCE and ends a sign-in in a cookie session of its own rather than in ours.
 *
 * <p>The discovery document and keys are fetched on first use, not at start-up (a provider that is down must not stop
 * the server), and again when a token names a key this client has not seen: providers rotate their keys.
 */
final class OidcClient {

    private static final System.Logger LOG = System.getLogger(OidcClient.class.getName());
    private static final String SCOPES = "openid email profile";
    /** Tolerated clock difference with the provider. */
    private static final Duration SKEW = Duration.ofSeconds(60);
    /** A token signed by an unknown key reloads the keys at most this often, so forged tokens cannot hammer the provider. */
    private static final Duration KEY_RELOAD_INTERVAL = Duration.ofMinutes(1);
    private static final int DISCOVERY_ATTEMPTS = 2;
    /** Microsoft's multi-tenant discovery document names its issuer with this placeholder for the tenant id. */
    private static final String TENANT_PLACEHOLDER = "{tenantid}";

    private final IdentityProvider provider;
    private final OidcConfig config;
    private final Clock clock;
    private volatile Tenant tenant;
    private volatile Instant loadedAt = Instant.MIN;

    OidcClient(IdentityProvider provider, OidcProviderSettings settings, Clock clock) {
        this.provider = provider;
        this.clock = clock;
        this.config = OidcConfig.builder()
                .identityUri(settings.issuer())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                // The secret goes in the form body: Google and Microsoft accept it there, and it needs no encoding rules.
                .tokenEndpointAuthentication(OidcConfig.ClientAuthentication.CLIENT_SECRET_POST)
                .clientTimeout(Duration.ofSeconds(10))
                // Helidon's own OIDC session cookies are not used here; left on, their encryption would write a
                // generated key file into the working directory.
                .useCookie(false)
                .cookieEncryptionEnabled(false)
                .cookieEncryptionEnabledIdToken(false)
                .cookieEncryptionEnabledTenantName(false)
                .cookieEncryptionEnabledRefreshToken(false)
                .cookieEncryptionEnabledState(false)
                .build();
    }

    IdentityProvider provider() {
        return provider;
    }

    /** Thrown when the provider cannot be reached or its discovery document is unusable. */
    static final class ProviderUnavailable extends RuntimeException {
        ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Why a code or an ID token was not accepted. */
    static final class Rejected extends Exception {
        private final Refusal refusal;

        Rejected(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    /** What a verified ID token says about the person. */
    record VerifiedIdentity(String subject, Optional<String> email, boolean emailVerified, Optional<String> name) {
    }

    /** The provider's sign-in page for this flow: code flow with PKCE (S256), state and nonce. */
    /**
     * Where the browser signs in. {@code chooseAccount} asks the provider to show its account chooser instead of
     * going on silently with whoever is signed in there: a link must be to the identity the person picks.
     */
    URI authorizationUri(String state, String nonce, String codeChallenge, URI redirectUri, boolean chooseAccount) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", SCOPES);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        if (chooseAccount) {
            query.put("prompt", "select_account");
        }
        String endpoint = tenant().authorizationEndpointUri();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + urlEncoded(query));
    }

    private static String urlEncoded(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Exchanges the code (with the PKCE verifier) for tokens and verifies the ID token: signature against the
     * provider's keys, issuer, audience, times and nonce.
     */
    VerifiedIdentity redeem(String code, String codeVerifier, URI redirectUri, String expectedNonce) throws Rejected {
        Tenant current = tenant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        String idToken;
        try (HttpClientResponse response = current.appWebClient().post()
                .uri(current.tokenEndpointUri())
                .header(HeaderValues.ACCEPT_JSON)
                .contentType(MediaTypes.APPLICATION_FORM_URLENCODED)
                // Encoded here so the body goes with a Content-Length, not chunked behind "Expect: 100-continue".
                .submit(urlEncoded(form).getBytes(StandardCharsets.US_ASCII))) {
            if (response.status().family() != Status.Family.SUCCESSFUL) {
                throw new Rejected(Refusal.TOKEN_EXCHANGE_FAILED, "token endpoint answered " + response.status().code());
            }
            idToken = response.as(JsonObject.class).getString("id_token", null);
        } catch (RuntimeException e) {
            throw new Rejected(Refusal.TOKEN_EXCHANGE_FAILED, "token request failed: " + e.getClass().getSimpleName());
        }
        if (idToken == null) {
            throw new Rejected(Refusal.TOKEN_EXCHANGE_FAILED, "no id_token in the token response");
        }
        return verify(idToken, expectedNonce);
    }

    VerifiedIdentity verify(String idToken, String expectedNonce) throws Rejected {
        SignedJwt signed;
        try {
            signed = SignedJwt.parseToken(idToken);
        } catch (RuntimeException e) {
            throw new Rejected(Refusal.ID_TOKEN_INVALID, "unparseable ID token");
        }
        Jwt jwt = signed.getJwt();
        // Both providers sign with RS256; anything else (none, HS256 with a public key as secret) is refused outright.
        if (!"RS256".equals(jwt.algorithm().orElse(""))) {
            throw new Rejected(Refusal.ID_TOKEN_INVALID, "ID token algorithm " + jwt.algorithm().orElse("none"));
        }
        Tenant known = tenant();
        Tenant keys = jwt.keyId().flatMap(kid -> known.signJwk().forKeyId(kid)).isEmpty() && keysMayBeReloaded()
                ? reload()
                : known;
        Errors signature = signed.verifySignature(keys.signJwk());
        if (!signature.isValid()) {
            throw new Rejected(Refusal.ID_TOKEN_INVALID, "ID token signature: " + messages(signature));
        }
        Instant now = clock.instant();
        Errors claims = JwtValidator.builder()
                .addIssuerValidator(expectedIssuer(keys, jwt), true)
                .addAudienceValidator(config.clientId())
                .addExpirationValidator(v -> v.now(now).allowedTimeSkew(SKEW).mandatory(true))
                .addIssueTimeValidator(v -> v.now(now).allowedTimeSkew(SKEW).mandatory(true))
                .addNotBeforeValidator(v -> v.now(now).allowedTimeSkew(SKEW).mandatory(false))
                .build()
                .validate(jwt);
        if (!claims.isValid()) {
            throw new Rejected(Refusal.ID_TOKEN_INVALID, "ID token claims: " + messages(claims));
        }
        // With several audiences, the token must have been issued to this client (OpenID Connect Core 3.1.3.7).
        List<String> audience = jwt.audience().orElse(List.of());
        if (audience.size() > 1 && !config.clientId().equals(text(jwt, "azp").orElse(null))) {
            throw new Rejected(Refusal.ID_TOKEN_INVALID, "ID token authorised party is not this client");
        }
        String nonce = text(jwt, "nonce").orElse("");
        if (!MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw new Rejected(Refusal.NONCE_MISMATCH, "ID token nonce differs from the one sent");
        }
        String subject = jwt.subject().filter(s -> !s.isBlank())
                .orElseThrow(() -> new Rejected(Refusal.ID_TOKEN_INVALID, "ID token without a subject"));
        return new VerifiedIdentity(subject, jwt.email().filter(e -> !e.isBlank()), provider.emailVerified(jwt),
                jwt.fullName().filter(n -> !n.isBlank()));
    }

    /** The discovery document's issuer; Microsoft's multi-tenant one names the token's own tenant ({@code tid}). */
    private static String expectedIssuer(Tenant tenant, Jwt jwt) {
        String issuer = tenant.issuer();
        if (issuer == null) {
            return tenant.tenantConfig().identityUri().toString();
        }
        return issuer.contains(TENANT_PLACEHOLDER)
                ? issuer.replace(TENANT_PLACEHOLDER, text(jwt, "tid").orElse(TENANT_PLACEHOLDER))
                : issuer;
    }

    /** The validation messages alone: the errors' sources would print the token's claims, personal data, into logs. */
    private static String messages(Errors errors) {
        return errors.stream().map(Errors.ErrorMessage::getMessage).collect(Collectors.joining("; "));
    }

    private static Optional<String> text(Jwt jwt, String claim) {
        return jwt.payloadClaim(claim).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString());
    }

    private Tenant tenant() {
        Tenant loaded = tenant;
        return loaded != null ? loaded : reload();
    }

    private boolean keysMayBeReloaded() {
        return loadedAt.plus(KEY_RELOAD_INTERVAL).isBefore(clock.instant());
    }

    /**
     * Loads discovery, twice if need be: Helidon's HTTP client may hand out a pooled keep-alive connection that the
     * provider (or a proxy on the way) has already closed, and only notices when the read fails; the second attempt
     * goes out on a fresh connection. Without it, such a stale connection turned a sign-in away as "unavailable".
     */
    private synchronized Tenant reload() {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= DISCOVERY_ATTEMPTS; attempt++) {
            try {
                Tenant fresh = Tenant.create(config, config);
                tenant = fresh;
                loadedAt = clock.instant();
                return fresh;
            } catch (RuntimeException e) {
                failure = e;
                LOG.log(System.Logger.Level.WARNING, "Cannot load the OpenID configuration of {0} (attempt {1} of {2}): {3}",
                        provider.code(), attempt, DISCOVERY_ATTEMPTS, e.getMessage());
            }
        }
        throw new ProviderUnavailable(provider.code() + " discovery failed", failure);
    }
}
