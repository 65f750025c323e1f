package app.tdah.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

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
 * Insights through real HTTP, on a server whose clock stands at Wednesday 2026-03-18 12:00 in New York (16:00 UTC,
 * daylight time since March 8). The history has completions and misses near local midnight, where the UTC day, weekday
 * or ISO week differs from the person's, and at the edges of every window, so each number below holds only when it is
 * counted in the person's zone, relative to now.
 */
class InsightsApiTest {

    private static final Instant NOW = Instant.parse("2026-03-18T16:00:00Z");
    private static final String INSIGHTS = """
            query {
              insights {
                last7Days { completed missed rate }
                last30Days { completed missed rate }
                completionsByHour { hour count }
                completionsByWeekday { weekday count }
                tags { tag outcomes { completed missed rate } }
                currentStreakDays
                misses { byWeekday { weekday count } byHour { hour count } worstWeekday }
                breakdown { tasks before { completed missed rate } after { completed missed rate } }
                weeklyCompletions { week completions }
              }
            }""";

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
    void everyInsightIsCountedInThePersonsZoneRelativeToNow() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "America/New_York");
        UUID adaId = sql.userId(ada.email());
        UUID rent = task(adaId, "Pay rent", new String[] {"home", "money"}, null);
        UUID gym = task(adaId, "Gym", new String[] {"health"}, null);
        UUID report = task(adaId, "Write report", new String[] {"work"}, "2026-03-05T15:00:00Z");
        task(adaId, "Do taxes", new String[] {}, "2026-03-01T12:00:00Z");
        //                                             UTC                     New York
        completion(rent, adaId, "2026-03-18T14:00:00Z", "home", "money"); // Wed 03-18 10:00
        completion(gym, adaId, "2026-03-18T03:45:00Z", "health");         // Tue 03-17 23:45
        completion(report, adaId, "2026-03-17T03:30:00Z", "work");        // Mon 03-16 23:30, after breakdown
        completion(gym, adaId, "2026-03-16T03:15:00Z", "health");         // Sun 03-15 23:15, ISO week 11
        completion(rent, adaId, "2026-03-13T18:00:00Z", "home", "money"); // Fri 03-13 14:00
        completion(gym, adaId, "2026-03-12T04:30:00Z", "health");         // Thu 03-12 00:30, first of the 7 days
        completion(gym, adaId, "2026-03-12T03:30:00Z", "health");         // Wed 03-11 23:30, just before them
        completion(report, adaId, "2026-03-02T15:00:00Z", "work");        // Mon 03-02 10:00, before breakdown
        completion(rent, adaId, "2026-01-20T15:00:00Z", "home");          // Tue 01-20 10:00, tagged before "money"
        completion(gym, adaId, "2026-01-26T04:30:00Z", "health");         // Sun 01-25 23:30, ISO week 4
        completion(rent, adaId, "2025-11-01T15:00:00Z", "home", "money"); // beyond 90 days
        completion(gym, adaId, "2026-03-19T15:00:00Z", "health");         // after now
        miss(gym, adaId, "2026-03-17T01:00:00Z");                         // Mon 03-16 21:00
        miss(gym, adaId, "2026-03-10T01:00:00Z");                         // Mon 03-09 21:00
        miss(report, adaId, "2026-03-04T14:00:00Z");                      // Wed 03-04 09:00, before breakdown
        miss(report, adaId, "2026-02-20T14:00:00Z");                      // Fri 02-20 09:00
        miss(rent, adaId, "2026-01-05T15:00:00Z");                        // Mon 01-05 10:00
        miss(rent, adaId, "2025-12-01T15:00:00Z");                        // beyond 90 days
        miss(report, adaId, "2026-03-11T14:00:00Z");                      // Wed 03-11 10:00, after breakdown
        someoneElsesHistory();

        JsonNode insights = insightsOf(ada.client());

        assertOutcomes(insights.path("last7Days"), 6, 1, 6.0 / 7);
        assertOutcomes(insights.path("last30Days"), 8, 5, 8.0 / 13);
        assertThat(hourCounts(insights.path("completionsByHour"))).isEqualTo(hours(Map.of(0, 1, 10, 3, 14, 1, 23, 5)));
        assertThat(weekdayCounts(insights.path("completionsByWeekday"))).containsExactly(
                "MONDAY=2", "TUESDAY=2", "WEDNESDAY=2", "THURSDAY=1", "FRIDAY=1", "SATURDAY=0", "SUNDAY=2");
        assertThat(insights.path("tags")).extracting(tag -> tag.path("tag").asText() + " "
                        + tag.path("outcomes").path("completed").asInt() + "/" + tag.path("outcomes").path("missed").asInt())
                .containsExactly("health 5/2", "home 3/1", "money 2/1", "work 2/3");
        assertThat(insights.path("currentStreakDays").asInt()).isEqualTo(4);
        JsonNode misses = insights.path("misses");
        assertThat(weekdayCounts(misses.path("byWeekday"))).containsExactly(
                "MONDAY=3", "TUESDAY=0", "WEDNESDAY=2", "THURSDAY=0", "FRIDAY=1", "SATURDAY=0", "SUNDAY=0");
        assertThat(hourCounts(misses.path("byHour"))).isEqualTo(hours(Map.of(9, 2, 10, 2, 21, 2)));
        assertThat(misses.path("worstWeekday").asText()).isEqualTo("MONDAY");
        JsonNode breakdown = insights.path("breakdown");
        assertThat(breakdown.path("tasks").asInt()).isEqualTo(2);
        assertOutcomes(breakdown.path("before"), 1, 2, 1.0 / 3);
        assertOutcomes(breakdown.path("after"), 1, 1, 0.5);
        assertThat(insights.path("weeklyCompletions"))
                .extracting(week -> week.path("week").asText() + "=" + week.path("completions").asInt())
                .containsExactly("2026-W05=0", "2026-W06=0", "2026-W07=0", "2026-W08=0", "2026-W09=0", "2026-W10=1",
                        "2026-W11=4", "2026-W12=3");
    }

    @Test
    void withNoHistoryRatesAreNullAndEveryCountIsZero() {
        SignedUp newcomer = TestAccounts.signUp(server.baseUrl(), "Asia/Tokyo");
        someoneElsesHistory();

        JsonNode insights = insightsOf(newcomer.client());

        assertThat(insights.path("last7Days").path("rate").isNull()).isTrue();
        assertThat(insights.path("last30Days").path("rate").isNull()).isTrue();
        assertThat(hourCounts(insights.path("completionsByHour"))).containsOnly(0).hasSize(24);
        assertThat(weekdayCounts(insights.path("completionsByWeekday"))).hasSize(7).allSatisfy(day -> assertThat(day).endsWith("=0"));
        assertThat(insights.path("tags")).isEmpty();
        assertThat(insights.path("currentStreakDays").asInt()).isZero();
        assertThat(insights.path("misses").path("worstWeekday").isNull()).isTrue();
        assertThat(insights.path("breakdown").path("tasks").asInt()).isZero();
        assertThat(insights.path("breakdown").path("before").path("rate").isNull()).isTrue();
        assertThat(insights.path("weeklyCompletions")).hasSize(8)
                .allSatisfy(week -> assertThat(week.path("completions").asInt()).isZero());
    }

    @Test
    void theStreakRunsUpToYesterdayWhileTodayHasNoCompletionYet() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "America/New_York");
        UUID adaId = sql.userId(ada.email());
        UUID walk = task(adaId, "Walk", new String[] {}, null);
        completion(walk, adaId, "2026-03-17T15:00:00Z");
        completion(walk, adaId, "2026-03-16T15:00:00Z");
        completion(walk, adaId, "2026-03-14T15:00:00Z");
        SignedUp bea = TestAccounts.signUp(server.baseUrl(), "America/New_York");
        UUID beaId = sql.userId(bea.email());
        completion(task(beaId, "Read", new String[] {}, null), beaId, "2026-03-16T15:00:00Z");

        assertThat(insightsOf(ada.client()).path("currentStreakDays").asInt()).isEqualTo(2);
        assertThat(insightsOf(bea.client()).path("currentStreakDays").asInt()).as("last completion two days ago").isZero();
    }

    @Test
    void weekdaysThatTieForTheMostMissesNameNoWorstDay() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        UUID adaId = sql.userId(ada.email());
        UUID gym = task(adaId, "Gym", new String[] {}, null);
        miss(gym, adaId, "2026-03-16T10:00:00Z");
        miss(gym, adaId, "2026-03-17T10:00:00Z");

        JsonNode misses = insightsOf(ada.client()).path("misses");
        assertThat(weekdayCounts(misses.path("byWeekday"))).startsWith("MONDAY=1", "TUESDAY=1");
        assertThat(misses.path("worstWeekday").isNull()).isTrue();
    }

    @Test
    void anonymousCallersGetNoInsightsAndAreToldToSignIn() {
        GraphQlClient.Response response = new GraphQlClient(server.baseUrl()).execute(INSIGHTS);
        assertThat(response.body().path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.data("insights").isNull()).isTrue();
    }

    /** Another person, busy on the same days and tags with broken-down tasks: none of it may show in anyone else's. */
    private static void someoneElsesHistory() {
        SignedUp bob = TestAccounts.signUp(server.baseUrl(), "UTC");
        UUID bobId = sql.userId(bob.email());
        UUID chores = task(bobId, "Chores", new String[] {"health", "home"}, "2026-03-10T00:00:00Z");
        for (String at : List.of("2026-03-18T10:00:00Z", "2026-03-17T10:00:00Z", "2026-03-09T10:00:00Z", "2026-02-01T10:00:00Z")) {
            completion(chores, bobId, at, "health", "home");
            miss(chores, bobId, at);
        }
    }

    private static JsonNode insightsOf(GraphQlClient client) {
        GraphQlClient.Response response = client.execute(INSIGHTS);
        assertThat(response.body().has("errors")).as(response.body().toString()).isFalse();
        return response.data("insights");
    }

    private static UUID task(UUID userId, String title, String[] tags, String brokenDownAt) {
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO tasks (id, user_id, title, tags, broken_down_at) VALUES (?, ?, ?, ?, ?)",
                id, userId, title, tags, brokenDownAt == null ? null : OffsetDateTime.parse(brokenDownAt));
        return id;
    }

    private static void completion(UUID taskId, UUID userId, String completedAt, String... tags) {
        sql.update("INSERT INTO task_completions (id, task_id, user_id, completed_at, tags) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID(), taskId, userId, OffsetDateTime.parse(completedAt), tags);
    }

    private static void miss(UUID taskId, UUID userId, String countedAt) {
        sql.update("INSERT INTO task_misses (task_id, user_id, occurrence_due, counted_at) VALUES (?, ?, ?, ?)",
                taskId, userId, countedAt, OffsetDateTime.parse(countedAt));
    }

    private static void assertOutcomes(JsonNode outcomes, int completed, int missed, double rate) {
        assertThat(outcomes.path("completed").asInt()).isEqualTo(completed);
        assertThat(outcomes.path("missed").asInt()).isEqualTo(missed);
        assertThat(outcomes.path("rate").asDouble()).isEqualTo(rate);
    }

    /** The counts of a 24-entry by-hour list, after checking it runs from hour 0 to 23. */
    private static List<Integer> hourCounts(JsonNode byHour) {
        List<JsonNode> entries = StreamSupport.stream(byHour.spliterator(), false).toList();
        assertThat(entries).extracting(entry -> entry.path("hour").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 24).boxed().toList());
        return entries.stream().map(entry -> entry.path("count").asInt()).toList();
    }

    private static List<Integer> hours(Map<Integer, Integer> countsByHour) {
        List<Integer> counts = new ArrayList<>();
        IntStream.range(0, 24).forEach(hour -> counts.add(countsByHour.getOrDefault(hour, 0)));
        return counts;
    }

    private static List<String> weekdayCounts(JsonNode byWeekday) {
        return StreamSupport.stream(byWeekday.spliterator(), false)
                .map(entry -> entry.path("weekday").asText() + "=" + entry.path("count").asInt())
                .toList();
    }
}
