package app.tdah.focus;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import app.tdah.graphql.GlobalId;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestAccounts.SignedUp;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Focus sessions through real HTTP, on a server whose clock stands at Wednesday 2026-03-18 12:00 in New York (16:00
 * UTC): recorded on the person's own task only, 5 to 50 minutes, and counted in insights by the local day they ended.
 */
class FocusApiTest {

    private static final Instant NOW = Instant.parse("2026-03-18T16:00:00Z");
    private static final String RECORD = """
            mutation RecordFocusSession($input: RecordFocusSessionInput!) {
              recordFocusSession(input: $input) { focusSession { minutes endedAt } userErrors { field code message } }
            }""";
    private static final String FOCUS_INSIGHTS = """
            query Insights { insights { focusLast7Days { sessions minutes } focusLast30Days { sessions minutes } } }""";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC));
    private static TestSql sql;

    @BeforeAll
    static void connect() {
        sql = TestSql.connect(server.jdbcUrl());
    }

    @AfterAll
    static void disconnect() {
        sql.close();
    }

    @Test
    void aSessionOnTheirOwnTaskIsRecordedNowAndCountedInInsightsByTheLocalDayItEnded() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "America/New_York");
        UUID adaId = sql.userId(ada.email());
        UUID report = task(adaId, "Write report");

        JsonNode recorded = record(ada.client(), GlobalId.encode("Task", report), 25);
        assertThat(recorded.path("userErrors")).isEmpty();
        assertThat(recorded.path("focusSession").path("minutes").asInt()).isEqualTo(25);
        assertThat(Instant.parse(recorded.path("focusSession").path("endedAt").asText())).isEqualTo(NOW);

        //                                        UTC                       New York
        session(adaId, report, 10, "2026-03-12T04:30:00Z"); // Thu 03-12 00:30: the first of the 7 days
        session(adaId, report, 15, "2026-03-12T03:30:00Z"); // Wed 03-11 23:30: just before them, within 30
        session(adaId, report, 50, "2026-02-17T04:30:00Z"); // Mon 02-16 23:30: before the 30 days
        session(adaId, report, 20, "2026-03-18T17:00:00Z"); // after now
        SignedUp bob = TestAccounts.signUp(server.baseUrl(), "America/New_York");
        UUID bobId = sql.userId(bob.email());
        session(bobId, task(bobId, "Chores"), 30, "2026-03-18T15:00:00Z");

        JsonNode insights = ada.client().execute(FOCUS_INSIGHTS).data("insights");
        assertThat(insights.path("focusLast7Days").toString()).isEqualTo("{\"sessions\":2,\"minutes\":35}");
        assertThat(insights.path("focusLast30Days").toString()).isEqualTo("{\"sessions\":3,\"minutes\":50}");
    }

    @Test
    void refusesTimersOutsideFiveToFiftyMinutesAndTasksThatAreNotTheirs() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        UUID adaId = sql.userId(ada.email());
        String own = GlobalId.encode("Task", task(adaId, "Read"));
        SignedUp bob = TestAccounts.signUp(server.baseUrl(), "UTC");
        String bobs = GlobalId.encode("Task", task(sql.userId(bob.email()), "Bob's"));

        assertThat(record(ada.client(), own, 4).path("userErrors").path(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(record(ada.client(), own, 51).path("userErrors").path(0).path("field").asText()).isEqualTo("minutes");
        JsonNode notTheirs = record(ada.client(), bobs, 25);
        assertThat(notTheirs.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(notTheirs.path("focusSession").isNull()).isTrue();
        assertThat(record(ada.client(), "not-an-id", 25).path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(sql.value(Long.class, "SELECT count(*) FROM focus_sessions WHERE user_id = ?", adaId)).isZero();
        assertThat(record(ada.client(), own, 5).path("userErrors")).isEmpty();
        assertThat(record(ada.client(), own, 50).path("userErrors")).isEmpty();
    }

    @Test
    void anonymousCallersAreToldToSignIn() {
        JsonNode payload = new GraphQlClient(server.baseUrl())
                .execute(RECORD, Map.of("input", Map.of("taskId", GlobalId.encode("Task", UUID.randomUUID()), "minutes", 25)))
                .data("recordFocusSession");
        assertThat(payload.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
    }

    private static JsonNode record(GraphQlClient client, String taskId, int minutes) {
        GraphQlClient.Response response = client.execute(RECORD, Map.of("input", Map.of("taskId", taskId, "minutes", minutes)));
        assertThat(response.body().has("errors")).as(response.body().toString()).isFalse();
        return response.data("recordFocusSession");
    }

    private static UUID task(UUID userId, String title) {
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO tasks (id, user_id, title) VALUES (?, ?, ?)", id, userId, title);
        return id;
    }

    private static void session(UUID userId, UUID taskId, int minutes, String endedAt) {
        sql.update("INSERT INTO focus_sessions (id, user_id, task_id, minutes, ended_at) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID(), userId, taskId, minutes, OffsetDateTime.parse(endedAt));
    }
}
