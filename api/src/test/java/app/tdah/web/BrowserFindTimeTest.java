package app.tdah.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.GoogleOnLoopback;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Find time" in real headless Chromium (ui/e2e/find-time.mjs) through the real server, with Google's OAuth endpoints
 * and Calendar API as local fakes: a person connects Google with calendar writing, their calendar holds a busy event
 * over the next hour, and "Find time" on a 45-minute task proposes only slots clear of it; the first one chosen
 * becomes an event in the calendar and the task's time.
 */
class BrowserFindTimeTest {

    private static final GoogleOnLoopback GOOGLE = new GoogleOnLoopback();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ESTIMATE = Duration.ofMinutes(45);

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(GOOGLE.serverSettings());

    @AfterAll
    static void stop() {
        GOOGLE.close();
    }

    @Test
    void findTimeAvoidsTheBusyEventAndSchedulesTheChosenSlotInChromium() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        UUID userId;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            userId = sql.userId(person.email());
            // Working all day every day, so that whenever the test runs the next free time is within working hours.
            sql.update("INSERT INTO scheduling_preferences (user_id, work_start, work_end, work_days) "
                    + "VALUES (?, TIME '00:00', TIME '23:59', '{1,2,3,4,5,6,7}')", userId);
        }
        JsonNode created = person.client().execute("mutation C($input: CreateTaskInput!) { createTask(input: $input) { "
                        + "task { id } userErrors { code } } }",
                Map.of("input", Map.of("title", "Write the report", "estimateMinutes", (int) ESTIMATE.toMinutes()))).data("createTask");
        assertThat(created.path("userErrors")).isEmpty();
        GOOGLE.oauth().signedInAs("account-" + UUID.randomUUID(), "lin@gmail.example");
        GOOGLE.oauth().consentTo(scope -> true);
        // From the last quarter hour (already begun) to at least an hour from now: a slot ignoring it would start now.
        Instant busyStart = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 900 * 900).minus(Duration.ofMinutes(15));
        Instant busyEnd = busyStart.plus(Duration.ofMinutes(90));
        AtomicReference<List<Instant>> proposed = new AtomicReference<>(List.of());

        BrowserScript.run("find-time.mjs", server.baseUrl(),
                Map.of("PA_E2E_EMAIL", person.email(), "PA_E2E_PASSWORD", TestAccounts.PASSWORD),
                question -> {
                    if (question.equals("busy event")) {
                        GOOGLE.lastConnected().putTimed("standup", "Stand-up", busyStart, busyEnd);
                        return "ok";
                    }
                    assertThat(question).startsWith("slots ");
                    return judge(question.substring("slots ".length()), busyStart, busyEnd, proposed);
                });

        Instant chosen = proposed.get().getFirst();
        assertThat(chosen).isAfterOrEqualTo(busyEnd);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT extract(epoch FROM due_at)::bigint FROM tasks WHERE user_id = ? "
                    + "AND title = 'Write the report'", userId)).isEqualTo(chosen.getEpochSecond());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM task_calendar_events l JOIN tasks t ON t.id = l.task_id "
                    + "WHERE t.user_id = ?", userId)).isEqualTo(1);
        }
        assertThat(GOOGLE.lastConnected().liveEvents())
                .filteredOn(e -> e.path("summary").asText().equals("Write the report"))
                .singleElement().satisfies(e -> {
                    assertThat(Instant.parse(e.path("start").path("dateTime").asText())).isEqualTo(chosen);
                    assertThat(Instant.parse(e.path("end").path("dateTime").asText())).isEqualTo(chosen.plus(ESTIMATE));
                });
    }

    /** "ok" when every slot lasts the estimate and keeps clear of the busy event; otherwise what is wrong. */
    private static String judge(String json, Instant busyStart, Instant busyEnd, AtomicReference<List<Instant>> proposed) {
        List<Instant> starts = new ArrayList<>();
        try {
            for (JsonNode slot : JSON.readTree(json)) {
                Instant start = Instant.parse(slot.path("startsAt").asText());
                Instant end = Instant.parse(slot.path("endsAt").asText());
                if (!Duration.between(start, end).equals(ESTIMATE)) {
                    return "slot " + start + " lasts " + Duration.between(start, end);
                }
                if (start.isBefore(busyEnd) && end.isAfter(busyStart)) {
                    return "slot " + start + "-" + end + " overlaps the busy event " + busyStart + "-" + busyEnd;
                }
                starts.add(start);
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable slots " + json + ": " + e;
        }
        proposed.set(starts);
        return starts.isEmpty() ? "no slot" : "ok";
    }

}
