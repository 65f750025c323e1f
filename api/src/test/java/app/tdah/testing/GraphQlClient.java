package app.tdah.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A GraphQL client over real HTTP that behaves like the SPA: it keeps the refresh cookie the server sets (only that
 * one, as the SPA's requests carry it) and sends the access token as a bearer header.
 */
public final class GraphQlClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String refreshCookieName;
    private String accessToken;
    private String refreshCookie;
    private String forwardedFor;

    public GraphQlClient(String baseUrl) {
        this(baseUrl, "pa_refresh");
    }

    /** For a server whose refresh cookie has another name (over https: {@code __Host-pa_refresh}). */
    public GraphQlClient(String baseUrl, String refreshCookieName) {
        this.baseUrl = baseUrl;
        this.refreshCookieName = refreshCookieName;
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public JsonNode data(String field) {
            return body.path("data").path(field);
        }

        public List<String> setCookies() {
            return raw.headers().allValues("set-cookie");
        }
    }

    public Response execute(String query) {
        return execute(query, Map.of());
    }

    public Response execute(String query, Map<String, Object> variables) {
        try {
            return post(JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (refreshCookie != null) {
            request.header("Cookie", refreshCookieName + "=" + refreshCookie);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> response = send(request.build());
        response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(refreshCookieName + "="))
                .findFirst()
                .ifPresent(c -> {
                    String value = c.substring(refreshCookieName.length() + 1, c.indexOf(';'));
                    refreshCookie = value.isEmpty() ? null : value;
                });
        return new Response(response.statusCode(), parse(response.body()), response);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void useAccessToken(String token) {
        this.accessToken = token;
    }

    public Optional<String> accessToken() {
        return Optional.ofNullable(accessToken);
    }

    /** Requests from now on come through this machine's proxy on behalf of {@code clientAddress} (X-Forwarded-For). */
    public void actFrom(String clientAddress) {
        this.forwardedFor = clientAddress;
    }

    public void useRefreshCookie(String cookie) {
        this.refreshCookie = cookie;
    }

    public Optional<String> refreshCookie() {
        return Optional.ofNullable(refreshCookie);
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unparsed", body);
        }
    }
}
