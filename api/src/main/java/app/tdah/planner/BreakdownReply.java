package app.tdah.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

import app.tdah.llm.UnusableAnswer;

/** Reads the steps out of a chat-completions response, refusing any that break the breakdown's rules. */
final class BreakdownReply {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_STEPS = 3;
    private static final int MAX_STEPS = 6;
    private static final int MAX_TITLE_LENGTH = 120;

    private BreakdownReply() {
    }

    /** A step as the model suggests it, before it gets a due date; minutes already clamped to 5–30. */
    record SuggestedStep(String title, int estimateMinutes) {
    }

    static List<SuggestedStep> steps(String responseBody) throws JsonProcessingException, UnusableAnswer {
        JsonNode content = JSON.readTree(responseBody).path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new UnusableAnswer("no message content");
        }
        JsonNode steps = JSON.readTree(content.asText()).path("steps");
        if (!steps.isArray() || steps.size() < MIN_STEPS || steps.size() > MAX_STEPS) {
            throw new UnusableAnswer(steps.size() + " steps where 3 to 6 are needed");
        }
        List<SuggestedStep> suggested = new ArrayList<>(steps.size());
        for (JsonNode step : steps) {
            suggested.add(new SuggestedStep(title(step, suggested.size() + 1), minutes(step, suggested.size() + 1)));
        }
        return suggested;
    }

    private static String title(JsonNode step, int number) throws UnusableAnswer {
        JsonNode title = step.path("title");
        String text = title.isTextual() ? title.asText().strip() : "";
        if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_TITLE_LENGTH) {
            throw new UnusableAnswer("step " + number + " has no title of 1 to 120 characters");
        }
        return text;
    }

    private static int minutes(JsonNode step, int number) throws UnusableAnswer {
        JsonNode minutes = step.path("estimateMinutes");
        if (!minutes.isNumber() || !minutes.canConvertToInt()) {
            throw new UnusableAnswer("step " + number + " has no estimateMinutes");
        }
        return TimeBoxes.clamp(minutes.asInt());
    }
}
