package app.tdah.integrations;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This server as an OAuth 2.0 client of one provider, on the JDK's HTTP client: the authorisation URL (code flow with
 * PKCE S256), the code exchange, refresh, revocation, and who the account is. A few form posts and one JSON read
 * each; a client library would bring far more than it gives here.
 */
final class OAuthClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The provider's error codes are short snake_case words; anything else is not repeated into logs and audit rows. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");
    /** Answers that mean the grant is gone (revoked, expired, password changed, consent withdrawn). */
    private static final Set<String> GRANT_GONE = Set.of("invalid_grant", "interaction_required", "consent_required");
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final ProviderSettings settings;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    OAuthClient(ProviderSettings settings, Duration timeout, Clock clock) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    Provider provider() {
        return settings.provider();
    }

    /** Tokens the provider issued. {@code scopes} is empty when the answer did not list them. */
    record TokenGrant(String accessToken, Instant expiresAt, Optional<String> refreshToken, Optional<Set<String>> scopes,
                      Optional<String> idToken) {
        @Override
        public String toString() {
            return "TokenGrant[expiresAt=" + expiresAt + ", refreshToken=" + refreshToken.isPresent() + ", scopes=" + scopes + "]";
        }
    }

    /** Who the connected account is at the provider. */
    record Account(String id, String email) {
    }

    /** Why a request to the provider did not give what was asked. */
    static final class Failure extends Exception {
        enum Kind {
            /** The grant is gone: only the person, connecting again, can fix it. */
            GRANT_GONE,
            /** The provider refused the request for another reason (this server's client registration, a bad code). */
            REFUSED,
            /** Not reachable, timed out, 5xx or 429, or an answer that makes no sense: may pass. */
            UNAVAILABLE
        }

        private final Kind kind;
        private final String code;

        Failure(Kind kind, String code) {
            super(kind + ": " + code, null, false, false);
            this.kind = kind;
            this.code = code;
        }

        Kind kind() {
            return kind;
        }

        /** A short word for logs and audit rows: the provider's error code, or what went wrong here. */
        String code() {
            return code;
        }
    }

    /**
     * The provider's consent page for these capabilities. Google is asked for offline access with the scopes granted
     * before included, and for the consent screen only when {@code promptConsent} (no refresh token is held: Google
     * issues one only on consent).
     */
    URI authorizationUrl(Set<Capability> capabilities, String state, String codeChallenge, URI redirectUri,
                         boolean promptConsent, Optional<String> loginHint) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", String.join(" ", provider().scopesFor(capabilities)));
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        switch (provider()) {
            case GOOGLE -> {
                query.put("access_type", "offline");
                query.put("include_granted_scopes", "true");
                if (promptConsent) {
                    query.put("prompt", "consent");
                }
            }
            case MICROSOFT -> query.put("response_mode", "query");
        }
        loginHint.ifPresent(hint -> query.put("login_hint", hint));
        String endpoint = settings.authorizationUrl().toString();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query));
    }

    TokenGrant redeem(String code, String codeVerifier, URI redirectUri) throws Failure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        return tokens(form);
    }

    TokenGrant refresh(String refreshToken) throws Failure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokens(form);
    }

    /** Whether the provider has an endpoint that ends a grant (Google does; Microsoft has none for a refresh token). */
    boolean canRevoke() {
        return settings.revokeUrl().isPresent();
    }

    /**
     * Ends the grant at the provider by its refresh token (RFC 7009), which takes its access tokens with it. A token the
     * provider no longer knows counts as revoked.
     */
    void revoke(String refreshToken) throws Failure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", refreshToken);
        form.put("token_type_hint", "refresh_token");
        HttpResponse<String> response = post(settings.revokeUrl().orElseThrow(), form);
        if (response.statusCode() / 100 == 2) {
            return;
        }
        String error = errorCode(response);
        if (response.statusCode() == 400 && (error.equals("invalid_token") || error.equals("invalid_grant"))) {
            return;
        }
        throw failure(response.statusCode(), error);
    }

    /**
     * The connected account: for Google, the ID token the token endpoint returned (received straight from it over TLS,
     * so its issuer needs no signature check, OpenID Connect Core 3.1.3.7; its audience is checked); for Microsoft,
     * Graph's {@code /me}, which {@code User.Read} allows.
     */
    Account account(TokenGrant grant) throws Failure {
        JsonNode claims = switch (provider()) {
            case GOOGLE -> idTokenClaims(grant.idToken().orElseThrow(() -> new Failure(Failure.Kind.UNAVAILABLE, "no_id_token")));
            case MICROSOFT -> me(grant.accessToken());
        };
        String id = claims.path(provider() == Provider.GOOGLE ? "sub" : "id").asText("");
        String email = provider() == Provider.GOOGLE ? claims.path("email").asText("")
                : claims.path("mail").asText(claims.path("userPrincipalName").asText(""));
        if (id.isEmpty()) {
            throw new Failure(Failure.Kind.UNAVAILABLE, "no_account_id");
        }
        return new Account(id, email.isEmpty() ? null : email);
    }

    private JsonNode idTokenClaims(String idToken) throws Failure {
        String[] parts = idToken.split("\\.");
        JsonNode claims;
        try {
            claims = parts.length == 3 ? JSON.readTree(Base64.getUrlDecoder().decode(parts[1])) : null;
        } catch (IOException | IllegalArgumentException e) {
            claims = null;
        }
        if (claims == null || !claims.isObject()) {
            throw new Failure(Failure.Kind.UNAVAILABLE, "id_token_unreadable");
        }
        JsonNode audience = claims.path("aud");
        boolean forThisClient = audience.isArray()
                ? java.util.stream.StreamSupport.stream(audience.spliterator(), false).anyMatch(a -> settings.clientId().equals(a.asText()))
                : settings.clientId().equals(audience.asText());
        if (!forThisClient) {
            throw new Failure(Failure.Kind.REFUSED, "id_token_audience");
        }
        return claims;
    }

    private JsonNode me(String accessToken) throws Failure {
        // For Microsoft the calendar API's root is Graph's.
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.calendarApi() + "/me?$select=id,mail,userPrincipalName"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), "me_" + response.statusCode());
        }
        return json(response.body()).orElseThrow(() -> new Failure(Failure.Kind.UNAVAILABLE, "me_unreadable"));
    }

    private TokenGrant tokens(Map<String, String> parameters) throws Failure {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        // The secret goes in the form body (client_secret_post): both providers accept it, and it needs no encoding rules.
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        Instant asked = clock.instant();
        HttpResponse<String> response = post(settings.tokenUrl(), form);
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), errorCode(response));
        }
        JsonNode body = json(response.body()).orElseThrow(() -> new Failure(Failure.Kind.UNAVAILABLE, "token_unreadable"));
        String accessToken = body.path("access_token").asText("");
        if (accessToken.isEmpty() || !"bearer".equalsIgnoreCase(body.path("token_type").asText("bearer"))) {
            throw new Failure(Failure.Kind.UNAVAILABLE, "token_unusable");
        }
        long expiresIn = body.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
        return new TokenGrant(accessToken,
                asked.plusSeconds(expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME.toSeconds()).truncatedTo(ChronoUnit.SECONDS),
                text(body, "refresh_token"),
                text(body, "scope").map(OAuthClient::scopes),
                text(body, "id_token"));
    }

    static Set<String> scopes(String scope) {
        return Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private HttpResponse<String> post(URI endpoint, Map<String, String> form) throws Failure {
        return send(HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Failure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(Failure.Kind.UNAVAILABLE, e instanceof java.net.http.HttpTimeoutException ? "timeout" : "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Failure.Kind.UNAVAILABLE, "interrupted");
        }
    }

    private static Failure failure(int status, String error) {
        if (status >= 500 || status == 429) {
            return new Failure(Failure.Kind.UNAVAILABLE, "http_" + status);
        }
        return new Failure(GRANT_GONE.contains(error) ? Failure.Kind.GRANT_GONE : Failure.Kind.REFUSED, error);
    }

    /** The {@code error} of an OAuth error answer, or {@code http_STATUS} when there is none to trust. */
    private static String errorCode(HttpResponse<String> response) {
        return json(response.body()).map(b -> b.path("error").asText(""))
                .filter(e -> ERROR_CODE.matcher(e).matches())
                .orElse("http_" + response.statusCode());
    }

    private static Optional<JsonNode> json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        return Optional.of(body.path(field).asText("")).filter(s -> !s.isEmpty());
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
