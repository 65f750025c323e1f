package app.tdah.jobs.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's transport, sending each request to a configured base URL instead of {@code https://api.twilio.com}
 * (the path and query are the SDK's), over the JDK's HTTP client with one timeout per request.
 *
 * <p>It makes exactly one attempt: the SDK's own transport repeats a request that met a 5xx, which for a POST that
 * Twilio may have acted on risks a second message. Retrying, with backoff and a record of what was accepted, is the
 * outbox's job.
 */
final class BaseUrlHttpClient extends HttpClient {

    private static final String USER_AGENT = "personal-assistant-tdah twilio-java/11";

    private final String baseUrl;
    private final Duration timeout;
    private final java.net.http.HttpClient http;

    BaseUrlHttpClient(URI baseUrl, Duration timeout) {
        String url = baseUrl.toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = timeout;
        // HTTP/1.1 with kept-alive connections, as the SDK's own transport speaks it.
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URL sdkUrl = request.constructURL();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + sdkUrl.getFile()))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        builder.method(request.getMethod().toString(), body(request, builder));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.body(), response.statusCode());
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio did not answer: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while waiting for Twilio", e);
        }
    }

    private static HttpRequest.BodyPublisher body(Request request, HttpRequest.Builder builder) {
        if (request.getContentType() == EnumConstants.ContentType.JSON && request.getBody() != null) {
            builder.header("Content-Type", "application/json");
            return HttpRequest.BodyPublishers.ofString(request.getBody(), StandardCharsets.UTF_8);
        }
        if (request.getPostParams().isEmpty()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        builder.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
