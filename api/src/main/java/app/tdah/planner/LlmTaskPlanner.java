package app.tdah.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Breaks a task down with a language model behind an OpenAI-compatible chat-completions endpoint (OpenAI, vLLM,
 * llama.cpp, Ollama…), asking for JSON that follows a schema.
 *
 * <p>The model may be slow, down or wrong: whatever goes wrong, one line is logged and the fallback planner answers,
 * so a breakdown never fails because of it. The API key is sent in a header and appears in no log line or exception.
 */
public final class LlmTaskPlanner implements TaskPlanner {

    private static final System.Logger LOG = System.getLogger(LlmTaskPlanner.class.getName());

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final TaskPlanner fallback;
    private final HttpClient http;

    /**
     * @param baseUrl  the API's base, such as {@code http://127.0.0.1:8000/v1}
     * @param apiKey   sent as a bearer token; null or blank for a server that needs none
     * @param timeout  the longest a breakdown waits for the model, connecting included
     * @param fallback answers whenever the model does not
     */
    public LlmTaskPlanner(URI baseUrl, String model, String apiKey, Duration timeout, TaskPlanner fallback) {
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
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public List<PlannedStep> breakDown(PlanRequest request) {
        try {
            return withDueDates(BreakdownReply.steps(exchange(request)), request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallBack(request, "interrupted");
        } catch (Exception e) {
            return fallBack(request, reason(e));
        }
    }

    private String exchange(PlanRequest request) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BreakdownPrompt.body(model, request)));
        if (apiKey != null) {
            post.header("Authorization", "Bearer " + apiKey);
        }
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            // The request timeout stops at the response headers; this deadline also covers a body that trickles.
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pending.cancel(true); // aborts an exchange still running; does nothing once it is done
        }
        if (response.statusCode() / 100 != 2) {
            throw new BreakdownReply.Unusable("HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static List<PlannedStep> withDueDates(List<BreakdownReply.SuggestedStep> suggested, PlanRequest request) {
        List<LocalDate> dues = DueDateSpreader.spread(suggested.size(), request.today(), request.due());
        List<PlannedStep> steps = new ArrayList<>(suggested.size());
        for (int i = 0; i < suggested.size(); i++) {
            steps.add(new PlannedStep(suggested.get(i).title(), suggested.get(i).estimateMinutes(), dues.get(i)));
        }
        return List.copyOf(steps);
    }

    private List<PlannedStep> fallBack(PlanRequest request, String reason) {
        LOG.log(System.Logger.Level.WARNING, "Task breakdown by the language model {0} failed ({1}); "
                + "using the built-in steps instead", model, withoutKey(reason));
        return fallback.breakDown(request);
    }

    /** Why the exchange failed, in words of our own: responses and exception texts are not echoed verbatim. */
    private String reason(Exception e) {
        return switch (e) {
            case TimeoutException timedOut -> "no answer within " + timeout.toMillis() + " ms";
            case HttpTimeoutException timedOut -> "no answer within " + timeout.toMillis() + " ms";
            case ConnectException refused -> "cannot connect";
            case BreakdownReply.Unusable unusable -> unusable.getMessage();
            case JsonProcessingException malformed -> "malformed JSON";
            default -> e.getClass().getSimpleName() + ": " + e.getMessage();
        };
    }

    private String withoutKey(String text) {
        return apiKey == null ? text : text.replace(apiKey, "[api key]");
    }
}
