package app.tdah.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

import app.tdah.i18n.ProfileLanguage;

/** The body of a chat-completions request asking a language model to break a task down. */
final class BreakdownPrompt {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Low but not zero: the steps should follow the task closely, with some freedom of wording. */
    private static final double TEMPERATURE = 0.2;
    /** Small local models have small context windows; the start of the notes says what matters. */
    private static final int MAX_NOTES_LENGTH = 2000;

    private static final String INSTRUCTIONS = """
            You help a person with ADHD start a task that keeps slipping, by breaking it into small concrete steps.
            Reply with 3 to 6 steps, in the order to do them.
            Each title is a short concrete action that starts with a verb, such as "Find last year's tax return"; \
            never "Step 1" or a vague title. Use the task's own words so that each step is clearly about this task.
            Write the titles in the person's language, named in the request, at most 80 characters each.
            Each estimateMinutes is between 5 and 30: short time boxes are easier to start. When the task has an \
            estimate, the steps add up to about that.""";

    /** {"steps": [{"title": "...", "estimateMinutes": 10}, ...]} with 3 to 6 steps. */
    private static final JsonNode SCHEMA = schema();

    private BreakdownPrompt() {
    }

    static String body(String model, PlanRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", INSTRUCTIONS);
        messages.addObject().put("role", "user").put("content", describe(request));
        body.put("temperature", TEMPERATURE);
        ObjectNode format = body.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema")
                .put("name", "task_breakdown")
                .put("strict", true)
                .set("schema", SCHEMA);
        return body.toString();
    }

    private static String describe(PlanRequest request) {
        List<String> lines = new ArrayList<>();
        lines.add("Language: " + name(request.language()));
        lines.add("Task: " + request.title());
        if (request.notes() != null && !request.notes().isBlank()) {
            lines.add("Notes: " + startOf(request.notes().strip(), MAX_NOTES_LENGTH));
        }
        if (!request.tags().isEmpty()) {
            lines.add("Tags: " + String.join(", ", request.tags()));
        }
        if (request.estimateMinutes() != null) {
            lines.add("Estimate for the whole task: " + request.estimateMinutes() + " minutes");
        }
        lines.add("Today: " + request.today());
        lines.add("Due: " + (request.due() == null ? "no due date" : request.due()));
        return String.join("\n", lines);
    }

    /** How the request names the person's language: a model follows a name more surely than a code. */
    private static String name(ProfileLanguage language) {
        return switch (language) {
            case EN -> "English";
            case FR -> "French";
            case ES -> "Spanish";
        };
    }

    private static String startOf(String text, int length) {
        return text.codePointCount(0, text.length()) <= length
                ? text
                : text.substring(0, text.offsetByCodePoints(0, length));
    }

    private static JsonNode schema() {
        try {
            return JSON.readTree("""
                    {
                      "type": "object",
                      "properties": {
                        "steps": {
                          "type": "array",
                          "minItems": 3,
                          "maxItems": 6,
                          "items": {
                            "type": "object",
                            "properties": {
                              "title": {"type": "string"},
                              "estimateMinutes": {"type": "integer"}
                            },
                            "required": ["title", "estimateMinutes"],
                            "additionalProperties": false
                          }
                        }
                      },
                      "required": ["steps"],
                      "additionalProperties": false
                    }""");
        } catch (JsonProcessingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
