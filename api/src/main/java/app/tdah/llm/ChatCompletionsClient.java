package app.tdah.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, llama.cpp, Ollama…): posts a request body and hands
 * back the body of a successful answer. Features build their own requests and read their own answers.
 *
 * <p>The API key is sent in a header and appears in no exception message or {@link #reason} text.
 */
public final class ChatCompletionsClient {

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl the API's base, such as {@code http://127.0.0.1:8000/v1}
     * @param apiKey  sent as a bearer token; null or blank for a server that needs none
     * @param timeout the longest one exchange waits for the model, connecting included
     */
    public ChatCompletionsClient(URI baseUrl, String model, String apiKey, Duration timeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        this.model = model;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    public String model() {
        return model;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Posts {@code requestBody} and returns the answer's body, waiting at most the configured timeout. */
    public String complete(String requestBody) throws Exception {
        return complete(requestBody, timeout);
    }

    /**
     * Posts {@code requestBody} and returns the answer's body, waiting at most {@code deadline} (capped at the
     * configured timeout); a non-2xx answer is an {@link UnusableAnswer}.
     */
    public String complete(String requestBody, Duration deadline) throws Exception {
        Duration wait = deadline.compareTo(timeout) < 0 ? deadline : timeout;
        if (wait.isNegative() || wait.isZero()) {
            throw new TimeoutException("no time left");
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(endpoint)
                .timeout(wait)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody));
        if (apiKey != null) {
            post.header("Authorization", "Bearer " + apiKey);
        }
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            // The request timeout stops at the response headers; this deadline also covers a body that trickles.
            response = pending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pending.cancel(true); // aborts an exchange still running; does nothing once it is done
        }
        if (response.statusCode() / 100 != 2) {
            throw new UnusableAnswer("HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** Why an exchange failed, in words of our own: responses and exception texts are not echoed verbatim. */
    public String reason(Exception e) {
        String reason = switch (e) {
            case TimeoutException timedOut -> "no answer within " + timeout.toMillis() + " ms";
            case HttpTimeoutException timedOut -> "no answer within " + timeout.toMillis() + " ms";
            case ConnectException refused -> "cannot connect";
            case UnusableAnswer unusable -> unusable.getMessage();
            case JsonProcessingException malformed -> "malformed JSON";
            default -> e.getClass().getSimpleName() + ": " + e.getMessage();
        };
        return apiKey == null ? reason : reason.replace(apiKey, "[api key]");
    }
}
