package app.tdah.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import app.tdah.platform.ConfigValues;

import io.helidon.config.Config;

/** An OpenAI-compatible chat-completions endpoint for the optional LLM planner and assistant. */
public record LlmSettings(URI baseUrl, String model, Optional<String> apiKey, Duration timeout) {

    /** The endpoint configured under {@code pa.llm}, or empty when no base URL is set (the built-in planner then). */
    public static Optional<LlmSettings> from(Config llm) {
        return ConfigValues.nonBlank(llm.get("base.url")).map(url -> new LlmSettings(
                ConfigValues.url(url),
                llm.get("model").asString().get(),
                ConfigValues.nonBlank(llm.get("api.key")),
                Duration.ofSeconds(llm.get("timeout.seconds").asInt().get())));
    }

    /** The client for this endpoint, shared by the planner and the SMS assistant. */
    public ChatCompletionsClient client() {
        return new ChatCompletionsClient(baseUrl, model, apiKey.orElse(null), timeout);
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + "]";
    }
}
