package app.tdah.sms.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.tdah.llm.ChatCompletionsClient;
import app.tdah.llm.UnusableAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers a question by text with a language model that may call the assistant's tools, in a bounded loop: at most
 * {@link #MAX_STEPS} exchanges with the model, all within the client's timeout. When the model is slow, down, wrong
 * or still calling tools at the last step, the person gets a plain reply that says what was done so far.
 */
final class LlmAssistant {

    static final int MAX_STEPS = 4;
    /** About two segments: a model asked for one still wanders off sometimes. */
    private static final int MAX_REPLY_LENGTH = 300;

    private static final System.Logger LOG = System.getLogger(LlmAssistant.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArrayNode TOOLS = AssistantTools.definitions();
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final String INSTRUCTIONS = """
            You are a personal assistant for a person with ADHD, answering their text messages. Use the tools to read \
            and change their tasks; never invent tasks or ids. Reply in one short plain-text SMS of at most 160 \
            characters, in the language of their message, without emoji or markdown. Be warm and concrete: say what \
            you did or the one next thing to do.""";

    private final ChatCompletionsClient client;
    private final AssistantTools tools;
    private final Clock clock;

    LlmAssistant(ChatCompletionsClient client, AssistantTools tools, Clock clock) {
        this.client = client;
        this.tools = tools;
        this.clock = clock;
    }

    String answer(SmsAssistant.Texter person, String question) {
        long deadline = System.nanoTime() + client.timeout().toNanos();
        List<String> done = new ArrayList<>();
        ArrayNode messages = JSON.createArrayNode();
        ZonedDateTime now = clock.instant().atZone(person.zone());
        messages.addObject().put("role", "system").put("content", INSTRUCTIONS + "\nNow: " + NOW.format(now)
                + " (" + now.getZone().getId() + "). Their profile language: " + person.language().code() + ".");
        messages.addObject().put("role", "user").put("content", question);
        try {
            for (int step = 1; step <= MAX_STEPS; step++) {
                JsonNode message = JSON.readTree(client.complete(request(messages), Duration.ofNanos(deadline - System.nanoTime())))
                        .path("choices").path(0).path("message");
                JsonNode calls = message.path("tool_calls");
                if (!calls.isArray() || calls.isEmpty()) {
                    String content = message.path("content").asText("").strip();
                    if (content.isEmpty()) {
                        throw new UnusableAnswer("no message content");
                    }
                    return SmsReplies.shorten(GsmFriendly.of(content), MAX_REPLY_LENGTH);
                }
                if (step == MAX_STEPS) {
                    throw new UnusableAnswer("still calling tools after " + MAX_STEPS + " steps");
                }
                messages.add(assistantTurn(calls));
                for (JsonNode call : calls) {
                    AssistantTools.Outcome outcome = tools.call(person, call.path("function").path("name").asText(""),
                            call.path("function").path("arguments").asText("{}"));
                    outcome.done().ifPresent(done::add);
                    messages.addObject().put("role", "tool").put("tool_call_id", call.path("id").asText(""))
                            .put("content", outcome.resultJson());
                }
            }
            throw new UnusableAnswer("no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallBack(person, done, "interrupted");
        } catch (Exception e) {
            return fallBack(person, done, client.reason(e));
        }
    }

    private String request(ArrayNode messages) {
        ObjectNode body = JSON.createObjectNode().put("model", client.model());
        body.set("messages", messages);
        body.set("tools", TOOLS);
        body.put("tool_choice", "auto");
        body.put("temperature", 0.2);
        return body.toString();
    }

    /** The model's turn as the next request repeats it: only the calls, which is all the API needs back. */
    private static ObjectNode assistantTurn(JsonNode calls) {
        ObjectNode turn = JSON.createObjectNode().put("role", "assistant");
        turn.putNull("content");
        turn.set("tool_calls", calls);
        return turn;
    }

    private String fallBack(SmsAssistant.Texter person, List<String> done, String reason) {
        LOG.log(System.Logger.Level.WARNING, "The SMS assistant''s language model {0} gave no answer ({1}); "
                + "replying without it", client.model(), reason);
        return SmsReplies.shorten(person.replies().couldNotAnswer(done), MAX_REPLY_LENGTH);
    }
}
