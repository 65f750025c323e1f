package app.tdah.planner;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import app.tdah.llm.ChatCompletionsClient;

/**
 * Breaks a task down with a language model behind an OpenAI-compatible chat-completions endpoint (OpenAI, vLLM,
 * llama.cpp, Ollama…), asking for JSON that follows a schema.
 *
 * <p>The model may be slow, down or wrong: whatever goes wrong, one line is logged and the fallback planner answers,
 * so a breakdown never fails because of it. The API key is sent in a header and appears in no log line or exception.
 */
public final class LlmTaskPlanner implements TaskPlanner {

    private static final System.Logger LOG = System.getLogger(LlmTaskPlanner.class.getName());

    private final ChatCompletionsClient client;
    private final TaskPlanner fallback;

    /**
     * @param baseUrl  the API's base, such as {@code http://127.0.0.1:8000/v1}
     * @param apiKey   sent as a bearer token; null or blank for a server that needs none
     * @param timeout  the longest a breakdown waits for the model, connecting included
     * @param fallback answers whenever the model does not
     */
    public LlmTaskPlanner(URI baseUrl, String model, String apiKey, Duration timeout, TaskPlanner fallback) {
        this(new ChatCompletionsClient(baseUrl, model, apiKey, timeout), fallback);
    }

    public LlmTaskPlanner(ChatCompletionsClient client, TaskPlanner fallback) {
        this.client = Objects.requireNonNull(client, "client");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public List<PlannedStep> breakDown(PlanRequest request) {
        try {
            return withDueDates(BreakdownReply.steps(client.complete(BreakdownPrompt.body(client.model(), request))), request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallBack(request, "interrupted");
        } catch (Exception e) {
            return fallBack(request, client.reason(e));
        }
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
                + "using the built-in steps instead", client.model(), reason);
        return fallback.breakDown(request);
    }
}
