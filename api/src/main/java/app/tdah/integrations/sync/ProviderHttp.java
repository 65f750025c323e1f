package app.tdah.integrations.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Typed JSON over the JDK's HTTP client for one provider's REST APIs: each request waits for the provider's
 * cluster-wide rate limit, carries the bearer token, and its outcome becomes a page or a {@link ProviderException}
 * (429 and 503 with their Retry-After, 410 for an expired cursor). It never retries by itself: a failed sync resumes
 * from its last stored page at its next turn, with backoff.
 */
public final class ProviderHttp {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final int MAX_DETAIL = 300;

    private final URI baseUrl;
    private final HttpClient http;
    private final RequestLimit limit;
    private final Duration timeout;
    private final Clock clock;

    public ProviderHttp(URI baseUrl, RequestLimit limit, Duration timeout, Clock clock) {
        this.baseUrl = baseUrl;
        this.limit = limit;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The API base URL with {@code pathAndQuery} appended. */
    public URI url(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    /**
     * A next or delta link the provider gave: followed only when it points into the configured API, so that a token
     * is never sent anywhere else.
     */
    public URI link(String link) throws ProviderException.Malformed {
        if (link == null || !link.startsWith(baseUrl + "/")) {
            throw new ProviderException.Malformed("a link outside " + baseUrl + ": " + abbreviate(String.valueOf(link)), null);
        }
        try {
            return URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new ProviderException.Malformed("an unusable link", e);
        }
    }

    /** GETs {@code uri} and reads the answer as {@code type}; {@code headers} are name, value pairs. */
    public <T> T get(String accessToken, URI uri, Class<T> type, String... headers) throws ProviderException {
        return send(accessToken, HttpRequest.newBuilder(uri).GET(), type, headers);
    }

    /** POSTs {@code body} as JSON to {@code uri} (creating something) and reads the answer as {@code type}. */
    public <T> T post(String accessToken, URI uri, Object body, Class<T> type) throws ProviderException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + body.getClass(), e);
        }
        return send(accessToken, HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), type);
    }

    private <T> T send(String accessToken, HttpRequest.Builder request, Class<T> type, String... headers) throws ProviderException {
        limit.acquire();
        request.timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderException.Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException.Unreachable("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            try {
                T value = JSON.readValue(response.body(), type);
                if (value == null) {
                    throw new ProviderException.Malformed("an empty answer", null);
                }
                return value;
            } catch (JacksonException e) {
                throw new ProviderException.Malformed("unreadable JSON: " + abbreviate(e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw new ProviderException.Unreachable(e.getMessage(), e);
            }
        }
        String detail = status + " " + abbreviate(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        Duration retryAfter = response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
        if (status == 410) {
            throw new ProviderException.CursorExpired(detail);
        }
        // Google answers some rate limits as 403 with reason rateLimitExceeded or userRateLimitExceeded.
        if (status == 429 || (status == 403 && detail.contains("ateLimitExceeded"))) {
            throw new ProviderException.RateLimited(detail, retryAfter);
        }
        if (status >= 500) {
            throw new ProviderException.Unavailable(status, detail, retryAfter);
        }
        throw new ProviderException.Refused(status, detail);
    }

    /** Retry-After in seconds or as an HTTP date; null when unreadable. */
    private Duration retryAfter(String value) {
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }
}
