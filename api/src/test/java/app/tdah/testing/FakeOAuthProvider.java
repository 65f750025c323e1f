package app.tdah.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Google's or Microsoft's OAuth endpoints, speaking their wire formats: {@code .../authorize}
 * redirects straight back with a code (or {@code error=access_denied}), granting what the test chose; {@code .../token}
 * redeems a code once, with its PKCE verifier and the client's secret in the form, and refreshes: Google keeps its
 * refresh token, Microsoft rotates it (the old one then fails), and a grant the test revoked answers
 * {@code 400 {"error":"invalid_grant"}} as both do. Google's {@code /revoke} ends a grant (RFC 7009); Graph's
 * {@code /v1.0/me} says who the account is. Every request is recorded.
 */
public final class FakeOAuthProvider implements AutoCloseable {

    public enum Flavour { GOOGLE, MICROSOFT }

    public static final String CLIENT_ID = "fake-client-id";
    public static final String CLIENT_SECRET = "fake-client-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

    /** A request as it arrived: method, path, query or form parameters. */
    public record Received(String method, String path, Map<String, String> parameters) {
        public String get(String name) {
            return parameters.get(name);
        }
    }

    /** What one grant is: the account, its scopes, and its live refresh token. */
    private static final class Grant {
        final String subject;
        final String email;
        final Set<String> scopes;
        volatile String refreshToken;
        volatile boolean revoked;

        Grant(String subject, String email, Set<String> scopes) {
            this.subject = subject;
            this.email = email;
            this.scopes = scopes;
        }
    }

    private record PendingCode(Grant grant, String redirectUri, String challenge) {
    }

    private final Flavour flavour;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> byRefreshToken = new ConcurrentHashMap<>();
    private final Map<String, Grant> byAccessToken = new ConcurrentHashMap<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final AtomicReference<Predicate<String>> consent = new AtomicReference<>(scope -> true);
    private final AtomicReference<Boolean> denying = new AtomicReference<>(false);
    private final AtomicReference<Duration> accessLifetime = new AtomicReference<>(Duration.ofSeconds(3599));
    private final AtomicReference<CountDownLatch> refreshHold = new AtomicReference<>(new CountDownLatch(0));
    private final AtomicReference<Integer> failRefreshesWith = new AtomicReference<>(0);
    private volatile String subject = "subject-" + UUID.randomUUID();
    private volatile String email = "someone@example.com";

    private FakeOAuthProvider(Flavour flavour, HttpServer server) {
        this.flavour = flavour;
        this.server = server;
    }

    public static FakeOAuthProvider start(Flavour flavour) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeOAuthProvider fake = new FakeOAuthProvider(flavour, server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The server settings that point provider {@code name} ({@code google} or {@code microsoft}) here. */
    public Map<String, String> serverSettings(String name) {
        String base = url().toString();
        Map<String, String> settings = new LinkedHashMap<>();
        String prefix = "pa.integrations." + name + ".";
        settings.put(prefix + "client.id", CLIENT_ID);
        settings.put(prefix + "client.secret", CLIENT_SECRET);
        if (flavour == Flavour.GOOGLE) {
            settings.put(prefix + "authorization.url", base + "/o/oauth2/v2/auth");
            settings.put(prefix + "token.url", base + "/token");
            settings.put(prefix + "revoke.url", base + "/revoke");
            settings.put(prefix + "calendar.url", base);
            settings.put(prefix + "gmail.url", base);
        } else {
            settings.put(prefix + "authorization.url", base + "/{tenant}/oauth2/v2.0/authorize");
            settings.put(prefix + "token.url", base + "/{tenant}/oauth2/v2.0/token");
            settings.put(prefix + "graph.url", base + "/v1.0");
        }
        return settings;
    }

    // ---- What the test scripts ----------------------------------------------------------------------------------

    /** The account the next consent is given by. */
    public void signedInAs(String subject, String email) {
        this.subject = subject;
        this.email = email;
    }

    /** The person ticks only the scopes this accepts on the consent screen (the base scopes always pass). */
    public void consentTo(Predicate<String> scopes) {
        consent.set(scopes);
    }

    /** The person clicks "Cancel" (or not) on the consent screen. */
    public void deny(boolean deny) {
        denying.set(deny);
    }

    /** How long access tokens issued from now on live. */
    public void accessLifetime(Duration lifetime) {
        accessLifetime.set(lifetime);
    }

    /** Holds every refresh request until the latch opens (at most 30 s). */
    public void holdRefreshes(CountDownLatch latch) {
        refreshHold.set(latch);
    }

    /** Answers refresh requests with this HTTP status and no JSON (0: answer normally). */
    public void failRefreshesWith(int status) {
        failRefreshesWith.set(status);
    }

    /** The person removes the app's access (or changes their password): every grant so far stops working. */
    public void revokeEverything() {
        byRefreshToken.values().forEach(grant -> grant.revoked = true);
    }

    // ---- What the test reads ------------------------------------------------------------------------------------

    public List<Received> requests(String pathSuffix) {
        return received.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    public List<Received> tokenRequests(String grantType) {
        return requests("/token").stream().filter(r -> grantType.equals(r.get("grant_type"))).toList();
    }

    /** Every access and refresh token this fake ever issued. */
    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    public boolean isRevoked(String refreshToken) {
        Grant grant = byRefreshToken.get(refreshToken);
        return grant == null || grant.revoked;
    }

    // ---- The endpoints ------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> parameters = exchange.getRequestMethod().equals("POST")
                    ? parse(new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8))
                    : parse(exchange.getRequestURI().getRawQuery());
            received.add(new Received(exchange.getRequestMethod(), path, parameters));
            if (path.endsWith("/authorize") || path.endsWith("/auth")) {
                authorize(exchange, parameters);
            } else if (path.endsWith("/token")) {
                token(exchange, parameters);
            } else if (path.equals("/revoke") && flavour == Flavour.GOOGLE) {
                revoke(exchange, parameters);
            } else if (path.equals("/v1.0/me") && flavour == Flavour.MICROSOFT) {
                me(exchange);
            } else {
                send(exchange, 404, Map.of("error", "not_found"));
            }
        }
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirect = query.get("redirect_uri");
        String state = URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        if (!CLIENT_ID.equals(query.get("client_id")) || redirect == null || !"S256".equals(query.get("code_challenge_method"))) {
            send(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        if (denying.get()) {
            redirect(exchange, redirect + "?error=access_denied&state=" + state);
            return;
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : query.getOrDefault("scope", "").split(" ")) {
            if (isBase(scope) || consent.get().test(scope)) {
                granted.add(flavour == Flavour.GOOGLE && scope.equals("email") ? "https://www.googleapis.com/auth/userinfo.email" : scope);
            }
        }
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new PendingCode(new Grant(subject, email, granted), redirect, query.get("code_challenge")));
        redirect(exchange, redirect + "?code=" + code + "&state=" + state
                + (flavour == Flavour.GOOGLE ? "&scope=" + URLEncoder.encode(String.join(" ", granted), StandardCharsets.UTF_8) : ""));
    }

    private static boolean isBase(String scope) {
        return List.of("openid", "email", "offline_access", "User.Read").contains(scope);
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            send(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> redeem(exchange, form);
            case "refresh_token" -> refresh(exchange, form);
            default -> send(exchange, 400, Map.of("error", "unsupported_grant_type"));
        }
    }

    private void redeem(HttpExchange exchange, Map<String, String> form) throws IOException {
        PendingCode pending = codes.remove(form.getOrDefault("code", ""));
        if (pending == null || !pending.redirectUri().equals(form.get("redirect_uri"))
                || !pending.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            send(exchange, 400, Map.of("error", "invalid_grant", "error_description", "Bad Request"));
            return;
        }
        Grant grant = pending.grant();
        String refreshToken = newRefreshToken();
        grant.refreshToken = refreshToken;
        byRefreshToken.put(refreshToken, grant);
        Map<String, Object> answer = tokens(grant);
        answer.put("refresh_token", refreshToken);
        if (flavour == Flavour.GOOGLE) {
            answer.put("id_token", idToken(grant));
        }
        send(exchange, 200, answer);
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        try {
            if (!refreshHold.get().await(LONGEST_HOLD.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("refresh held too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failRefreshesWith.get() != 0) {
            byte[] body = "<html>Service Unavailable</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(failRefreshesWith.get(), body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        String presented = form.getOrDefault("refresh_token", "");
        Grant grant = byRefreshToken.get(presented);
        if (grant == null || grant.revoked || !presented.equals(grant.refreshToken)) {
            send(exchange, 400, flavour == Flavour.GOOGLE
                    ? Map.of("error", "invalid_grant", "error_description", "Token has been expired or revoked.")
                    : Map.of("error", "invalid_grant", "error_description", "AADSTS70000: The provided grant has expired due to "
                            + "it being revoked.", "error_codes", List.of(70000)));
            return;
        }
        Map<String, Object> answer = tokens(grant);
        if (flavour == Flavour.MICROSOFT) {
            String rotated = newRefreshToken();
            grant.refreshToken = rotated;
            byRefreshToken.put(rotated, grant);
            answer.put("refresh_token", rotated);
        }
        send(exchange, 200, answer);
    }

    private Map<String, Object> tokens(Grant grant) {
        String accessToken = (flavour == Flavour.GOOGLE ? "ya29." : "EwB") + UUID.randomUUID().toString().replace("-", "");
        issued.add(accessToken);
        byAccessToken.put(accessToken, grant);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", accessLifetime.get().toSeconds());
        // Microsoft names Graph's permissions with the resource in front, and leaves offline_access out.
        answer.put("scope", String.join(" ", flavour == Flavour.GOOGLE ? grant.scopes : grant.scopes.stream()
                .filter(s -> !s.equals("offline_access")).map(s -> "https://graph.microsoft.com/" + s).toList()));
        if (flavour == Flavour.MICROSOFT) {
            answer.put("ext_expires_in", accessLifetime.get().toSeconds());
        }
        return answer;
    }

    private String newRefreshToken() {
        String token = (flavour == Flavour.GOOGLE ? "1//0g" : "M.C5") + UUID.randomUUID().toString().replace("-", "");
        issued.add(token);
        return token;
    }

    private String idToken(Grant grant) throws IOException {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(JSON.writeValueAsBytes(Map.of("iss", "https://accounts.google.com",
                "aud", CLIENT_ID, "sub", grant.subject, "email", grant.email, "email_verified", true)));
        return header + "." + payload + "." + base64.encodeToString("not-checked".getBytes(StandardCharsets.UTF_8));
    }

    private void revoke(HttpExchange exchange, Map<String, String> form) throws IOException {
        Grant grant = byRefreshToken.get(form.getOrDefault("token", ""));
        if (grant == null) {
            grant = byAccessToken.get(form.getOrDefault("token", ""));
        }
        if (grant == null) {
            send(exchange, 400, Map.of("error", "invalid_token", "error_description", "Token expired or revoked"));
            return;
        }
        grant.revoked = true;
        send(exchange, 200, Map.of());
    }

    private void me(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Grant grant = authorization == null ? null : byAccessToken.get(authorization.replaceFirst("^Bearer ", ""));
        if (grant == null) {
            send(exchange, 401, Map.of("error", Map.of("code", "InvalidAuthenticationToken", "message", "Access token is empty.")));
            return;
        }
        send(exchange, 200, Map.of("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
                "id", grant.subject, "mail", grant.email, "userPrincipalName", grant.email));
    }

    // ---- Plumbing -----------------------------------------------------------------------------------------------

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        refreshHold.get().countDown();
        server.stop(0);
    }

    /** All requests so far, for messages of failed assertions. */
    @Override
    public String toString() {
        return new ArrayList<>(received).toString();
    }
}
