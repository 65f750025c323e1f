package app.tdah.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.MovableClock;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The task list the web app's Tasks page reads: filters, the done history in the order things were done, un-snoozing. */
class TaskListApiTest {

    static final Instant START = LocalDate.now(ZoneOffset.UTC).atTime(10, 0).toInstant(ZoneOffset.UTC);
    static final MovableClock CLOCK = new MovableClock(START);
    static final String LIST = "query L($status: TaskStatus, $filter: TaskFilter, $after: String) { tasks(first: 2, status: $status, "
            + "filter: $filter, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(), CLOCK);

    static String create(GraphQlClient client, Map<String, Object> input) {
        JsonNode payload = client.execute("mutation C($i: CreateTaskInput!) { createTask(input: $i) { task { id } userErrors { code } } }",
                Map.of("i", input)).data("createTask");
        assertThat(payload.path("task").path("id").isTextual()).as("created: %s", payload).isTrue();
        return payload.path("task").path("id").asText();
    }

    static JsonNode list(GraphQlClient client, String status, Map<String, Object> filter, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("status", status);
        variables.put("filter", filter);
        variables.put("after", after);
        return client.execute(LIST, variables).data("tasks");
    }

    static List<String> titles(JsonNode page) {
        return page.path("edges").findValuesAsText("title");
    }

    @Test
    void theListIsNarrowedByTagPriorityAndWordsInTheTitleOrNotes() {
        GraphQlClient client = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        create(client, Map.of("title", "call the plumber", "tags", List.of("home"), "priority", "HIGH"));
        create(client, Map.of("title", "water plants", "tags", List.of("home")));
        create(client, Map.of("title", "send invoice", "notes", "the Plumber's invoice, 100% paid", "priority", "HIGH"));
        create(client, Map.of("title", "read_me later"));

        assertThat(list(client, "OPEN", Map.of("tag", "#Home"), null).path("totalCount").asInt()).isEqualTo(2);
        assertThat(titles(list(client, "OPEN", Map.of("tag", "home", "priority", "HIGH"), null))).containsExactly("call the plumber");
        assertThat(titles(list(client, "OPEN", Map.of("text", "PLUMBER"), null))).containsExactlyInAnyOrder("call the plumber", "send invoice");
        // % and _ are plain characters, not patterns.
        assertThat(titles(list(client, "OPEN", Map.of("text", "100%"), null))).containsExactly("send invoice");
        assertThat(titles(list(client, "OPEN", Map.of("text", "d_m"), null))).containsExactly("read_me later");
        assertThat(list(client, "OPEN", Map.of("text", "  "), null).path("totalCount").asInt()).isEqualTo(4);
    }

    @Test
    void doneTasksComeMostRecentlyDoneFirstAcrossPages() {
        GraphQlClient client = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        List<String> ids = List.of(create(client, Map.of("title", "first made")), create(client, Map.of("title", "second made")),
                create(client, Map.of("title", "third made")));
        // Done in the order third, first, second, a minute apart (the access token lives 15 minutes of this clock).
        for (int i : List.of(2, 0, 1)) {
            CLOCK.advance(Duration.ofMinutes(1));
            JsonNode done = client.execute("mutation D($i: CompleteTaskInput!) { completeTask(input: $i) { task { status } } }",
                    Map.of("i", Map.of("id", ids.get(i)))).data("completeTask");
            assertThat(done.path("task").path("status").asText()).isEqualTo("DONE");
        }

        JsonNode first = list(client, "DONE", null, null);
        assertThat(list(client, "OPEN", null, null).path("totalCount").asInt()).isZero();
        assertThat(first.path("totalCount").asInt()).isEqualTo(3);
        assertThat(titles(first)).containsExactly("second made", "first made");
        JsonNode second = list(client, "DONE", null, first.path("pageInfo").path("endCursor").asText());
        assertThat(titles(second)).containsExactly("third made");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void aSnoozedTaskIsShownAgainAtOnce() {
        GraphQlClient client = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        String id = create(client, Map.of("title", "stretch", "dueDate", LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC).toString()));
        client.execute("mutation S($i: SnoozeTaskInput!) { snoozeTask(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("id", id, "minutes", 120)));
        assertThat(client.execute("{ today { dueToday { title } } }").data("today").path("dueToday")).isEmpty();

        JsonNode woken = client.execute("mutation U($i: UnsnoozeTaskInput!) { unsnoozeTask(input: $i) { task { snoozedUntil } userErrors { code } } }",
                Map.of("i", Map.of("id", id))).data("unsnoozeTask");
        assertThat(woken.path("userErrors")).isEmpty();
        assertThat(woken.path("task").path("snoozedUntil").isNull()).isTrue();
        assertThat(client.execute("{ today { dueToday { title } } }").data("today").path("dueToday").findValuesAsText("title"))
                .containsExactly("stretch");

        JsonNode stranger = TestAccounts.signUp(server.baseUrl(), "UTC").client()
                .execute("mutation U($i: UnsnoozeTaskInput!) { unsnoozeTask(input: $i) { task { id } userErrors { code } } }",
                        Map.of("i", Map.of("id", id))).data("unsnoozeTask");
        assertThat(stranger.path("userErrors").findValuesAsText("code")).containsExactly("NOT_FOUND");
    }
}
