package app.tdah.tasks;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestServices;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks through the GraphQL API, on the real server and database, at a fixed "now" (today 10:00 UTC). */
class TasksApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Instant NOW = TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC);
    static final String TASK_FIELDS = "id title dueDate dueAt allDay priority tags status recurrence missedCount "
            + "subtasks { id title dueDate estimateMinutes status } reminders { id remindAt offsetMinutes channels }";
    static final String CAPTURE = "mutation C($i: CaptureTaskInput!) { captureTask(input: $i) { task { " + TASK_FIELDS + " } userErrors { field code message } } }";
    static final String CREATE = "mutation C($i: CreateTaskInput!) { createTask(input: $i) { task { " + TASK_FIELDS + " } userErrors { field code message } } }";
    static final String COMPLETE = "mutation C($i: CompleteTaskInput!) { completeTask(input: $i) { task { " + TASK_FIELDS + " } userErrors { field code } } }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC));

    static GraphQlClient signedIn(String zone) {
        return TestAccounts.signUp(server.baseUrl(), zone).client();
    }

    static JsonNode capture(GraphQlClient client, String text) {
        return client.execute(CAPTURE, Map.of("i", Map.of("text", text))).data("captureTask");
    }

    static JsonNode create(GraphQlClient client, Map<String, Object> input) {
        return client.execute(CREATE, Map.of("i", input)).data("createTask");
    }

    static List<String> codes(JsonNode payload) {
        return payload.path("userErrors").findValuesAsText("code");
    }

    @Test
    void oneLineCaptureBecomesATaskInThePersonsTimeZone() {
        GraphQlClient client = signedIn("Europe/Paris");
        JsonNode task = capture(client, "call mom tomorrow 5pm !high #family").path("task");
        assertThat(task.path("title").asText()).isEqualTo("call mom");
        assertThat(task.path("priority").asText()).isEqualTo("HIGH");
        assertThat(task.path("tags")).extracting(JsonNode::asText).containsExactly("family");
        assertThat(task.path("allDay").asBoolean()).isFalse();
        // 17:00 in Paris (UTC+1 in winter, +2 in summer) tomorrow.
        Instant dueAt = Instant.parse(task.path("dueAt").asText());
        assertThat(dueAt.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDateTime())
                .isEqualTo(TODAY.plusDays(1).atTime(17, 0));
        assertThat(task.path("dueDate").asText()).isEqualTo(TODAY.plusDays(1).toString());
    }

    @Test
    void anUpdateGivingNullClearsTheFieldAndOneLeavingItOutKeepsIt() {
        GraphQlClient client = signedIn("UTC");
        JsonNode created = create(client, Map.of("title", "dentist", "dueAt", NOW.plus(Duration.ofDays(1)).toString(),
                "priority", "HIGH", "estimateMinutes", 30, "notes", "bring the card")).path("task");
        String update = "mutation U($i: UpdateTaskInput!) { updateTask(input: $i) { task { dueAt dueDate priority notes } userErrors { code } } }";
        Map<String, Object> cleared = new java.util.HashMap<>();
        cleared.put("id", created.path("id").asText());
        cleared.put("dueAt", null);
        cleared.put("priority", null);

        JsonNode task = client.execute(update, Map.of("i", cleared)).data("updateTask").path("task");

        assertThat(task.path("dueAt").isNull()).as(task.toString()).isTrue();
        assertThat(task.path("dueDate").isNull()).isTrue();
        assertThat(task.path("priority").isNull()).isTrue();
        assertThat(task.path("notes").asText()).isEqualTo("bring the card");
    }

    @Test
    void parseCapturePreviewsWithoutSaving() {
        GraphQlClient client = signedIn("UTC");
        JsonNode preview = client.execute("query { parseCapture(text: \"water plants every monday #home\") { title dueDate allDay tags recurrence userErrors { code } } }")
                .data("parseCapture");
        assertThat(preview.path("title").asText()).isEqualTo("water plants");
        assertThat(preview.path("recurrence").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        assertThat(preview.path("allDay").asBoolean()).isTrue();
        assertThat(client.execute("{ tasks { totalCount } }").data("tasks").path("totalCount").asInt()).isZero();
    }

    @Test
    void emptyAndOverlongCapturesAreUserErrors() {
        GraphQlClient client = signedIn("UTC");
        assertThat(codes(capture(client, "   "))).containsExactly("TOO_SHORT");
        assertThat(codes(capture(client, "x".repeat(1_001)))).containsExactly("TOO_LONG");
        assertThat(client.execute("{ tasks { totalCount } }").data("tasks").path("totalCount").asInt()).isZero();
    }

    @Test
    void invalidFieldsAreUserErrorsNamingTheField() {
        GraphQlClient client = signedIn("UTC");
        assertThat(create(client, Map.of("title", "x", "recurrence", "FREQ=SOMETIMES")).path("userErrors").get(0).path("field").asText())
                .isEqualTo("recurrence");
        JsonNode farFuture = create(client, Map.of("title", "x", "dueDate", "99999-01-01"));
        assertThat(farFuture.path("userErrors").get(0).path("field").asText()).isEqualTo("dueDate");
        assertThat(codes(create(client, Map.of("title", "x", "tags", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList()))))
                .containsExactly("TOO_LONG");
        assertThat(codes(create(client, Map.of("title", "x", "tags", List.of("a".repeat(41)))))).containsExactly("TOO_LONG");
        assertThat(codes(create(client, Map.of("title", " ")))).containsExactly("TOO_SHORT");
    }

    @Test
    void someoneElsesTaskIsNotFound() {
        GraphQlClient owner = signedIn("UTC");
        String id = capture(owner, "private thing tomorrow").path("task").path("id").asText();
        GraphQlClient stranger = signedIn("UTC");

        assertThat(codes(stranger.execute(COMPLETE, Map.of("i", Map.of("id", id))).data("completeTask"))).containsExactly("NOT_FOUND");
        assertThat(stranger.execute("query N($id: ID!) { node(id: $id) { id } }", Map.of("id", id)).data("node").isNull()).isTrue();
        assertThat(owner.execute("query N($id: ID!) { node(id: $id) { ... on Task { title } } }", Map.of("id", id))
                .data("node").path("title").asText()).isEqualTo("private thing");
        assertThat(owner.execute("{ tasks { edges { node { status } } } }").data("tasks").path("edges").get(0).path("node")
                .path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void completingARecurringTaskMovesItToTheNextOccurrenceAndReopensItsSubtasks() {
        GraphQlClient client = signedIn("UTC");
        JsonNode task = create(client, Map.of("title", "water plants", "dueDate", TODAY.toString(), "recurrence", "FREQ=DAILY")).path("task");
        String id = task.path("id").asText();
        JsonNode sub = create(client, Map.of("title", "fill the can", "parentId", id)).path("task");
        client.execute(COMPLETE, Map.of("i", Map.of("id", sub.path("id").asText())));

        JsonNode completed = client.execute(COMPLETE, Map.of("i", Map.of("id", id))).data("completeTask").path("task");
        assertThat(completed.path("status").asText()).isEqualTo("OPEN");
        assertThat(completed.path("dueDate").asText()).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(completed.path("subtasks").get(0).path("status").asText()).isEqualTo("OPEN");
        assertThat(client.execute("{ tasks { totalCount } }").data("tasks").path("totalCount").asInt()).isEqualTo(1);
    }

    @Test
    void repeatAfterCompletionCountsFromTheDayItWasDone() {
        GraphQlClient client = signedIn("UTC");
        JsonNode task = create(client, Map.of("title", "haircut", "dueDate", TODAY.minusDays(10).toString(),
                "recurrence", "FREQ=WEEKLY;INTERVAL=6", "repeatAfterCompletion", true)).path("task");
        JsonNode completed = client.execute(COMPLETE, Map.of("i", Map.of("id", task.path("id").asText()))).data("completeTask").path("task");
        assertThat(completed.path("dueDate").asText()).isEqualTo(TODAY.plusWeeks(6).toString());
    }

    @Test
    void aOneOffTaskIsDoneForGood() {
        GraphQlClient client = signedIn("UTC");
        String id = capture(client, "buy milk today").path("task").path("id").asText();
        JsonNode done = client.execute(COMPLETE, Map.of("i", Map.of("id", id))).data("completeTask").path("task");
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(client.execute("{ today { dueToday { id } } }").data("today").path("dueToday")).isEmpty();
    }

    @Test
    void reopeningADoneTaskTakesItsCompletionOutOfTheInsights() {
        GraphQlClient client = signedIn("UTC");
        String kept = capture(client, "water plants today").path("task").path("id").asText();
        String mistaken = capture(client, "file taxes today").path("task").path("id").asText();
        client.execute(COMPLETE, Map.of("i", Map.of("id", kept)));
        client.execute(COMPLETE, Map.of("i", Map.of("id", mistaken)));
        assertThat(completedThisWeek(client)).isEqualTo(2);

        JsonNode reopened = client.execute("mutation R($i: ReopenTaskInput!) { reopenTask(input: $i) { task { status } userErrors { code } } }",
                Map.of("i", Map.of("id", mistaken))).data("reopenTask");

        assertThat(reopened.path("userErrors")).isEmpty();
        assertThat(reopened.path("task").path("status").asText()).isEqualTo("OPEN");
        assertThat(completedThisWeek(client)).as("the completion taken back is no longer counted").isEqualTo(1);
    }

    private static int completedThisWeek(GraphQlClient client) {
        return client.execute("{ insights { last7Days { completed } } }").data("insights").path("last7Days").path("completed").asInt();
    }

    @Test
    void todayShowsWhatIsDueTodayAndOverdueSeparatelyAndHidesSnoozed() {
        GraphQlClient client = signedIn("UTC");
        capture(client, "pay rent today");
        create(client, Map.of("title", "send the form", "dueDate", TODAY.minusDays(2).toString()));
        capture(client, "plan trip next month");
        String snoozed = capture(client, "stretch today").path("task").path("id").asText();
        JsonNode payload = client.execute("mutation S($i: SnoozeTaskInput!) { snoozeTask(input: $i) { task { snoozedUntil } userErrors { code } } }",
                Map.of("i", Map.of("id", snoozed, "minutes", 120))).data("snoozeTask");
        assertThat(payload.path("userErrors")).isEmpty();

        JsonNode today = client.execute("{ today { date timeZone dueToday { title } overdue { title } } }").data("today");
        assertThat(today.path("date").asText()).isEqualTo(TODAY.toString());
        assertThat(today.path("dueToday").findValuesAsText("title")).containsExactly("pay rent");
        assertThat(today.path("overdue").findValuesAsText("title")).containsExactly("send the form");
    }

    @Test
    void breakingDownMakesThreeToSixStepsDueBeforeTheTask() {
        GraphQlClient client = signedIn("UTC");
        String id = create(client, Map.of("title", "file taxes", "dueDate", TODAY.plusDays(6).toString(), "estimateMinutes", 90))
                .path("task").path("id").asText();
        JsonNode task = client.execute("mutation B($i: BreakDownTaskInput!) { breakDownTask(input: $i) { task { " + TASK_FIELDS + " } userErrors { code } } }",
                Map.of("i", Map.of("id", id))).data("breakDownTask").path("task");
        JsonNode steps = task.path("subtasks");
        assertThat(steps.size()).isBetween(3, 6);
        for (JsonNode step : steps) {
            assertThat(LocalDate.parse(step.path("dueDate").asText())).isBetween(TODAY, TODAY.plusDays(6));
            assertThat(step.path("estimateMinutes").asInt()).isBetween(5, 30);
        }
        JsonNode again = client.execute("mutation B($i: BreakDownTaskInput!) { breakDownTask(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("id", id))).data("breakDownTask");
        assertThat(codes(again)).containsExactly("ALREADY_EXISTS");
    }

    @Test
    void remindersAreKeptWithTheTask() {
        GraphQlClient client = signedIn("UTC");
        JsonNode task = capture(client, "remind me to call the bank tomorrow at 9am").path("task");
        assertThat(task.path("reminders")).hasSize(1);
        assertThat(Instant.parse(task.path("reminders").get(0).path("remindAt").asText()))
                .isEqualTo(TODAY.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
        JsonNode added = client.execute("mutation A($i: AddReminderInput!) { addReminder(input: $i) { task { reminders { offsetMinutes channels } } userErrors { code } } }",
                Map.of("i", Map.of("taskId", task.path("id").asText(), "reminder", Map.of("offsetMinutes", 30, "channels", List.of("EMAIL")))))
                .data("addReminder");
        assertThat(added.path("task").path("reminders").findValuesAsText("offsetMinutes")).contains("30");
    }

    @Test
    void tasksArePagedWithCursorsAndATotal() {
        GraphQlClient client = signedIn("UTC");
        for (int i = 0; i < 5; i++) {
            create(client, Map.of("title", "task " + i));
        }
        String page = "query P($after: String) { tasks(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }";
        JsonNode first = client.execute(page, new java.util.HashMap<>(java.util.Collections.singletonMap("after", null))).data("tasks");
        assertThat(first.path("totalCount").asInt()).isEqualTo(5);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode second = client.execute(page, Map.of("after", first.path("pageInfo").path("endCursor").asText())).data("tasks");
        assertThat(second.path("edges").findValuesAsText("title")).doesNotContainAnyElementsOf(first.path("edges").findValuesAsText("title"));
        assertThat(second.path("edges")).hasSize(2);

        JsonNode tooMany = client.execute("{ tasks(first: 101) { totalCount } }").body();
        assertThat(tooMany.path("errors").get(0).path("message").asText()).contains("between 0 and 100");
    }

    @Test
    void missedOccurrencesAreCountedOnceAndRecurringTasksMoveOn() throws Exception {
        GraphQlClient client = signedIn("UTC");
        String oneOff = create(client, Map.of("title", "return library book", "dueDate", TODAY.minusDays(1).toString()))
                .path("task").path("id").asText();
        String daily = create(client, Map.of("title", "meditate", "dueDate", TODAY.minusDays(1).toString(), "recurrence", "FREQ=DAILY"))
                .path("task").path("id").asText();

        server.application().scheduler().triggerNow("count-missed-tasks");
        waitUntil(() -> node(client, oneOff).path("missedCount").asInt() == 1 && node(client, daily).path("missedCount").asInt() == 1);

        // Reruns, even two at once as on two nodes, count nothing twice.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = pool.submit(() -> server.application().missedTasks().countMissed(500));
        var second = pool.submit(() -> server.application().missedTasks().countMissed(500));
        first.get();
        second.get();
        pool.shutdown();

        JsonNode oneOffTask = node(client, oneOff);
        JsonNode dailyTask = node(client, daily);
        assertThat(oneOffTask.path("missedCount").asInt()).isEqualTo(1);
        assertThat(oneOffTask.path("dueDate").asText()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(dailyTask.path("missedCount").asInt()).isEqualTo(1);
        assertThat(dailyTask.path("dueDate").asText()).isEqualTo(TODAY.toString());
    }

    @Test
    void aTaskMissedAsOftenAsTheThresholdIsBrokenDown() throws Exception {
        GraphQlClient client = signedIn("UTC");
        String id = create(client, Map.of("title", "clean the garage", "dueDate", TODAY.minusDays(3).toString()))
                .path("task").path("id").asText();
        try (Connection c = TestServices.connect(server.jdbcUrl()); Statement s = c.createStatement()) {
            // Two misses were already counted on earlier days; this one reaches the default threshold of 3.
            s.execute("UPDATE tasks SET missed_count = 2 WHERE title = 'clean the garage'");
        }
        server.application().scheduler().triggerNow("count-missed-tasks");
        // The miss is counted, then the breakdown follows in its own transaction: wait for both.
        waitUntil(() -> node(client, id).path("subtasks").size() > 0);
        assertThat(node(client, id).path("missedCount").asInt()).isEqualTo(3);
        assertThat(node(client, id).path("subtasks").size()).isBetween(3, 6);
    }

    @Test
    void thePersonChoosesHowManyMissesTriggerABreakdown() throws Exception {
        GraphQlClient client = signedIn("UTC");
        JsonNode refused = client.execute("mutation { updatePreferences(input: {breakdownThreshold: 0}) { userErrors { field } } }")
                .data("updatePreferences");
        assertThat(refused.path("userErrors").findValuesAsText("field")).containsExactly("breakdownThreshold");
        JsonNode updated = client.execute("mutation { updatePreferences(input: {breakdownThreshold: 1}) { preferences { breakdownThreshold quietStart } } }")
                .data("updatePreferences");
        assertThat(updated.path("preferences").path("breakdownThreshold").asInt()).isEqualTo(1);
        assertThat(updated.path("preferences").path("quietStart").asText()).isEqualTo("22:00");

        String id = create(client, Map.of("title", "phone the insurer", "dueDate", TODAY.minusDays(1).toString())).path("task").path("id").asText();
        server.application().scheduler().triggerNow("count-missed-tasks");
        waitUntil(() -> node(client, id).path("subtasks").size() > 0);
        assertThat(node(client, id).path("missedCount").asInt()).isEqualTo(1);
        assertThat(node(client, id).path("subtasks").size()).isBetween(3, 6);
    }

    @Test
    void todayListsAllDayTasksFirstThenByTimeAndUrgency() {
        GraphQlClient client = signedIn("UTC");
        create(client, Map.of("title", "late timed", "dueAt", TODAY.atTime(18, 0).toInstant(ZoneOffset.UTC).toString()));
        create(client, Map.of("title", "low all-day", "dueDate", TODAY.toString(), "priority", "LOW"));
        create(client, Map.of("title", "early timed", "dueAt", TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC).toString()));
        create(client, Map.of("title", "urgent all-day", "dueDate", TODAY.toString(), "priority", "URGENT"));
        assertThat(client.execute("{ today { dueToday { title } } }").data("today").path("dueToday").findValuesAsText("title"))
                .containsExactly("urgent all-day", "low all-day", "early timed", "late timed");
    }

    private static JsonNode node(GraphQlClient client, String id) {
        return client.execute("query N($id: ID!) { node(id: $id) { ... on Task { " + TASK_FIELDS + " } } }", Map.of("id", id)).data("node");
    }

    /** Polls a condition until it holds, failing after 20 s. */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition still false after 20 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    static GraphQlClient signedIn(String zone, String locale) {
        GraphQlClient client = signedIn(zone);
        JsonNode updated = client.execute("mutation U($i: UpdateProfileInput!) { updateProfile(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("locale", locale))).data("updateProfile");
        assertThat(updated.path("userErrors")).isEmpty();
        return client;
    }

    static final String PREVIEW = "query P($t: String!) { parseCapture(text: $t) { title dueDate dueAt flags userErrors { code } } }";

    static JsonNode preview(GraphQlClient client, String text) {
        return client.execute(PREVIEW, Map.of("t", text)).data("parseCapture");
    }

    @Test
    void aCaptureWithNoWordsLeftForTheTitleIsRefusedAndNothingIsSaved() {
        GraphQlClient client = signedIn("UTC");

        JsonNode refused = capture(client, "tomorrow 5pm !high #x");

        assertThat(refused.path("task").isNull()).isTrue();
        assertThat(refused.path("userErrors")).hasSize(1);
        assertThat(refused.path("userErrors").get(0).path("field").asText()).isEqualTo("text");
        assertThat(refused.path("userErrors").get(0).path("code").asText()).isEqualTo("TOO_SHORT");
        assertThat(refused.path("userErrors").get(0).path("message").asText()).isEqualTo("Add a few words for the title.");
        assertThat(client.execute("{ tasks { totalCount } }").data("tasks").path("totalCount").asInt()).isZero();
        // The preview still shows what was understood, flagged, so the person sees why.
        JsonNode preview = preview(client, "tomorrow 5pm !high #x");
        assertThat(preview.path("title").asText()).isEmpty();
        assertThat(preview.path("dueDate").asText()).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(preview.path("flags")).extracting(JsonNode::asText).containsExactly("TITLE_MISSING");
        assertThat(preview.path("userErrors")).isEmpty();
    }

    @Test
    void thePreviewAsksAboutADateReadAsAlmostAYearAway() {
        GraphQlClient client = signedIn("UTC");
        LocalDate lastWeek = TODAY.minusDays(7);
        if (lastWeek.getMonthValue() == 2 && lastWeek.getDayOfMonth() == 29) {
            lastWeek = lastWeek.minusDays(1);
        }
        String monthDay = lastWeek.format(java.time.format.DateTimeFormatter.ofPattern("MMM d", java.util.Locale.ENGLISH));

        JsonNode farAhead = preview(client, "pay bills " + monthDay);
        JsonNode soon = preview(client, "pay bills tomorrow");

        assertThat(farAhead.path("dueDate").asText()).isEqualTo(lastWeek.plusYears(1).toString());
        assertThat(farAhead.path("flags")).extracting(JsonNode::asText).containsExactly("DUE_FAR_AHEAD");
        assertThat(soon.path("flags")).isEmpty();
        assertThat(capture(client, "pay bills " + monthDay).path("task").path("title").asText())
                .as("only asked about, never refused").isEqualTo("pay bills");
    }

    @Test
    void theProfileLanguageChoosesTheGrammarAndEnglishIsStillUnderstood() {
        GraphQlClient french = signedIn("Europe/Paris", "fr");
        GraphQlClient spanish = signedIn("Europe/Madrid", "es");
        GraphQlClient english = signedIn("Europe/Paris", "en");

        JsonNode mom = capture(french, "appeler maman demain 17h").path("task");
        assertThat(mom.path("title").asText()).isEqualTo("appeler maman");
        assertThat(Instant.parse(mom.path("dueAt").asText()).atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDateTime())
                .isEqualTo(TODAY.plusDays(1).atTime(17, 0));
        assertThat(preview(french, "acheter du pain tomorrow").path("dueDate").asText()).isEqualTo(TODAY.plusDays(1).toString());
        JsonNode mama = preview(spanish, "llamar a mamá mañana a las 5");
        assertThat(mama.path("title").asText()).isEqualTo("llamar a mamá");
        assertThat(Instant.parse(mama.path("dueAt").asText()).atZone(java.time.ZoneId.of("Europe/Madrid")).toLocalDateTime())
                .isEqualTo(TODAY.plusDays(1).atTime(17, 0));
        JsonNode notFrench = preview(english, "appeler maman demain");
        assertThat(notFrench.path("title").asText()).isEqualTo("appeler maman demain");
        assertThat(notFrench.path("dueDate").isNull()).isTrue();
        assertThat(codes(capture(french, "demain 17h"))).containsExactly("TOO_SHORT");
    }

    @Test
    void stepsAreWrittenInTheProfileLanguage() {
        GraphQlClient french = signedIn("Europe/Paris", "fr");
        String id = capture(french, "appeler le dentiste pour la facture").path("task").path("id").asText();

        JsonNode task = french.execute("mutation B($i: BreakDownTaskInput!) { breakDownTask(input: $i) { task { "
                + TASK_FIELDS + " } userErrors { code } } }", Map.of("i", Map.of("id", id))).data("breakDownTask").path("task");

        assertThat(task.path("subtasks").findValuesAsText("title")).startsWith("Trouver le numéro du dentiste",
                "Noter ce qu'il faut demander au dentiste pour la facture");
    }
}
