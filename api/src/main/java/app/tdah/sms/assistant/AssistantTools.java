package app.tdah.sms.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.capture.Due;
import app.tdah.tasks.Task;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskQueries;
import app.tdah.tasks.TaskRules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tools the language model may call, in the chat-completions "function" format, and their execution for one
 * person: the same task service and undoable actions as the SMS commands, scoped to that person's own tasks.
 * Every result is a JSON object; a mistake is {"error": "..."} for the model to read, never an exception.
 */
final class AssistantTools {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LISTED = 20;

    private final TaskQueries tasks;
    private final TaskActions actions;
    private final Clock clock;

    AssistantTools(TaskQueries tasks, TaskActions actions, Clock clock) {
        this.tasks = tasks;
        this.actions = actions;
        this.clock = clock;
    }

    /** What one call did, in a few words of the person's language, for the fallback reply when the model never finishes. */
    record Outcome(String resultJson, Optional<String> done) {
    }

    static ArrayNode definitions() {
        ArrayNode tools = JSON.createArrayNode();
        ObjectNode create = function(tools, "create_task",
                "Add a task from one line in the person's words, with its due if any, e.g. 'call mom tomorrow 5pm'.");
        property(create, "text", "string", "The task as one line, due date and time included.");
        ObjectNode list = function(tools, "list_tasks", "List the person's open tasks.");
        property(list, "which", "string", "today (due today or overdue), tomorrow, overdue or upcoming.")
                .putArray("enum").add("today").add("tomorrow").add("overdue").add("upcoming");
        ObjectNode complete = function(tools, "complete_task", "Mark a task as done.");
        property(complete, "task_id", "string", "The id of a task from list_tasks or agenda.");
        ObjectNode snooze = function(tools, "snooze_task", "Hide a task from today's list for some minutes.");
        property(snooze, "task_id", "string", "The id of a task from list_tasks or agenda.");
        property(snooze, "minutes", "integer", "How long, 1 to " + TaskRules.MAX_SNOOZE_MINUTES + ".");
        ObjectNode agenda = function(tools, "agenda", "The person's open tasks due on one day.");
        property(agenda, "date", "string", "The day, YYYY-MM-DD.");
        return tools;
    }

    private static ObjectNode function(ArrayNode tools, String name, String description) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function")
                .put("name", name).put("description", description);
        ObjectNode parameters = function.putObject("parameters").put("type", "object");
        parameters.putObject("properties");
        parameters.putArray("required");
        parameters.put("additionalProperties", false);
        return parameters;
    }

    private static ObjectNode property(ObjectNode parameters, String name, String type, String description) {
        ((ArrayNode) parameters.get("required")).add(name);
        return ((ObjectNode) parameters.get("properties")).putObject(name).put("type", type).put("description", description);
    }

    /** Runs one call; unknown tools and bad arguments come back as errors the model can read. */
    Outcome call(SmsAssistant.Texter person, String name, String argumentsJson) {
        UUID userId = person.id();
        JsonNode arguments;
        try {
            arguments = JSON.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
        } catch (JsonProcessingException e) {
            return error("arguments are not valid JSON");
        }
        return switch (name) {
            case "create_task" -> create(person, arguments.path("text").asText(""));
            case "list_tasks" -> list(person, arguments.path("which").asText("today"));
            case "complete_task" -> withTask(userId, arguments, task -> complete(person, task));
            case "snooze_task" -> withTask(userId, arguments, task -> snooze(person, task, arguments.path("minutes")));
            case "agenda" -> agenda(person, arguments.path("date").asText(""));
            default -> error("no tool named " + name);
        };
    }

    private Outcome create(SmsAssistant.Texter person, String text) {
        TaskCommands.Result result = actions.capture(person, text);
        if (result.task().isEmpty()) {
            return error(result.errors().getFirst().message());
        }
        Task task = result.task().get();
        ObjectNode json = JSON.createObjectNode();
        json.set("created", describe(task, person.zone()));
        return new Outcome(json.toString(), Optional.of(person.replies().didSoFar(Conversation.UndoKind.CREATED, task)));
    }

    private Outcome list(SmsAssistant.Texter person, String which) {
        UUID userId = person.id();
        ZoneId zone = person.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<Task> found = switch (which) {
            case "today" -> {
                TaskQueries.Today t = tasks.today(userId, zone);
                List<Task> all = new ArrayList<>(t.overdue());
                all.addAll(t.dueToday());
                yield all;
            }
            case "tomorrow" -> tasks.dueOn(userId, today.plusDays(1), zone);
            case "overdue" -> tasks.today(userId, zone).overdue();
            case "upcoming" -> tasks.upcoming(userId, MAX_LISTED, zone);
            default -> null;
        };
        return found == null ? error("which must be today, tomorrow, overdue or upcoming") : tasks(found, zone);
    }

    private Outcome agenda(SmsAssistant.Texter person, String date) {
        try {
            return tasks(tasks.dueOn(person.id(), LocalDate.parse(date), person.zone()), person.zone());
        } catch (DateTimeParseException e) {
            return error("date must be YYYY-MM-DD");
        }
    }

    private Outcome complete(SmsAssistant.Texter person, Task task) {
        TaskCommands.Result result = actions.complete(person, task);
        if (result.task().isEmpty()) {
            return error(result.errors().getFirst().message());
        }
        ObjectNode json = JSON.createObjectNode();
        json.set("completed", describe(result.task().get(), person.zone()));
        return new Outcome(json.toString(), Optional.of(person.replies().didSoFar(Conversation.UndoKind.COMPLETED, task)));
    }

    private Outcome snooze(SmsAssistant.Texter person, Task task, JsonNode minutes) {
        if (!minutes.canConvertToInt() || !TaskRules.snoozable(minutes.asInt())) {
            return error("minutes must be a whole number from 1 to " + TaskRules.MAX_SNOOZE_MINUTES);
        }
        TaskCommands.Result result = actions.snooze(person.id(), task, clock.instant().plus(Duration.ofMinutes(minutes.asInt())));
        if (result.task().isEmpty()) {
            return error(result.errors().getFirst().message());
        }
        ObjectNode json = JSON.createObjectNode().put("snoozed_until",
                result.task().get().snoozedUntil().atZone(person.zone()).toLocalDateTime().toString());
        return new Outcome(json.toString(), Optional.of(person.replies().didSoFar(Conversation.UndoKind.SNOOZED, task)));
    }

    private Outcome withTask(UUID userId, JsonNode arguments, Function<Task, Outcome> action) {
        try {
            return tasks.find(userId, UUID.fromString(arguments.path("task_id").asText("")))
                    .map(action)
                    .orElseGet(() -> error("no such task"));
        } catch (IllegalArgumentException e) {
            return error("task_id must be an id from list_tasks or agenda");
        }
    }

    private Outcome tasks(List<Task> found, ZoneId zone) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode list = json.putArray("tasks");
        found.stream().limit(MAX_LISTED).forEach(task -> list.add(describe(task, zone)));
        json.put("total", found.size());
        return new Outcome(json.toString(), Optional.empty());
    }

    /** A task as the model sees it; a timed due in the person's own zone, as they would say it. */
    private ObjectNode describe(Task task, ZoneId zone) {
        ObjectNode json = JSON.createObjectNode()
                .put("id", task.id().toString())
                .put("title", task.title())
                .put("status", task.status().name());
        if (task.due() != null) {
            json.put("due", task.due() instanceof Due.Timed timed
                    ? new Due.Timed(timed.at().withZoneSameInstant(zone)).text()
                    : task.due().text());
        }
        return json;
    }

    private static Outcome error(String message) {
        return new Outcome(JSON.createObjectNode().put("error", message).toString(), Optional.empty());
    }
}
