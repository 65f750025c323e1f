package app.tdah.sms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.MovableClock;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The SMS log and its analytics over a small known set of texts, written straight into the log as the outbox, the
 * sender, the status callback and the inbound webhook leave them; "now" is 2026-11-25 12:00 UTC.
 */
class SmsLogApiTest {

    private static final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.sms.price.per.segment", "0.01", "pa.sms.price.currency", "EUR"), clock);

    private static final String ANALYTICS = "query A($days: Int) { smsAnalytics(days: $days) { from until currency pricePerSegment "
            + "totals { ...stats } days { date stats { ...stats } } } } "
            + "fragment stats on SmsStats { inbound outbound segments estimatedCost failed failureRate sendLatencyP50Ms sendLatencyP95Ms "
            + "deliveryLatencyP50Ms deliveryLatencyP95Ms }";
    private static final String MESSAGES = "query M($first: Int, $after: String) { smsMessages(first: $first, after: $after) { totalCount "
            + "pageInfo { hasNextPage endCursor } edges { cursor node { id direction phone body encoding segments kind status error "
            + "createdAt sentAt statusAt sendLatencyMs deliveryLatencyMs estimatedCost } } } }";

    private static TestAccounts.SignedUp ada;
    private static TestAccounts.SignedUp bob;

    @BeforeAll
    static void knownTexts() {
        ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        bob = TestAccounts.signUp(server.baseUrl(), "UTC");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID a = sql.userId(ada.email());
            UUID b = sql.userId(bob.email());
            // 24 November: Ada's.
            text(sql, a, "INBOUND", 1, "RECEIVED", "2026-11-24T09:00:00Z", null, null, null);
            text(sql, a, "OUTBOUND", 1, "DELIVERED", "2026-11-24T10:00:00Z", "2026-11-24T10:00:01Z", "2026-11-24T10:00:05Z", null);
            text(sql, a, "OUTBOUND", 2, "UNDELIVERED", "2026-11-24T11:00:00Z", "2026-11-24T11:00:03Z", "2026-11-24T11:00:10Z", "Twilio error 30003");
            text(sql, a, "OUTBOUND", 1, "FAILED", "2026-11-24T11:30:00Z", "2026-11-24T11:30:00.500Z", "2026-11-24T11:30:02Z", "Twilio error 30006");
            // 25 November: Bob's and a stranger's.
            text(sql, b, "OUTBOUND", 1, "DELIVERED", "2026-11-25T08:00:00Z", "2026-11-25T08:00:02Z", "2026-11-25T08:00:12Z", null);
            text(sql, b, "OUTBOUND", 3, "DEAD", "2026-11-25T09:00:00Z", null, null, "Twilio 400 error 21211: invalid");
            text(sql, b, "OUTBOUND", 1, "SKIPPED", "2026-11-25T09:30:00Z", null, null, "opted out");
            text(sql, null, "OUTBOUND", 1, "PENDING", "2026-11-25T10:00:00Z", null, null, null);
            text(sql, null, "INBOUND", 1, "RECEIVED", "2026-11-25T10:30:00Z", null, null, null);
            // Long before the window.
            text(sql, a, "OUTBOUND", 5, "DELIVERED", "2026-10-01T10:00:00Z", "2026-10-01T10:00:01Z", "2026-10-01T10:00:02Z", null);
        }
    }

    @Test
    void analyticsCountEveryTextOfTheWindowExactly() {
        GraphQlClient admin = TestAccounts.signUpWithRole(server, "UTC", "admin").client();

        JsonNode analytics = admin.execute(ANALYTICS, Map.of("days", 2)).data("smsAnalytics");

        assertThat(analytics.path("from").asText()).isEqualTo("2026-11-24T00:00:00Z");
        assertThat(analytics.path("until").asText()).isEqualTo("2026-11-26T00:00:00Z");
        assertThat(analytics.path("currency").asText()).isEqualTo("EUR");
        assertThat(analytics.path("pricePerSegment").asDouble()).isEqualTo(0.01);
        // Billed: both inbound (1 + 1), the delivered (1 + 1) and the undelivered (2); not the failed, dead, skipped or pending.
        assertStats(analytics.path("totals"), 2, 7, 12, 0.06, 3, 0.6, 1500, 2850, 8500, 11650);
        assertThat(analytics.path("days")).hasSize(2);
        assertThat(analytics.path("days").path(0).path("date").asText()).isEqualTo("2026-11-24");
        assertStats(analytics.path("days").path(0).path("stats"), 1, 3, 5, 0.04, 2, 2.0 / 3, 1000, 2800, 5000, 5000);
        assertThat(analytics.path("days").path(1).path("date").asText()).isEqualTo("2026-11-25");
        assertStats(analytics.path("days").path(1).path("stats"), 1, 4, 7, 0.02, 1, 0.5, 2000, 2000, 12000, 12000);
    }

    @Test
    void daysWithoutTextsAreListedWithZeros() {
        GraphQlClient admin = TestAccounts.signUpWithRole(server, "UTC", "admin").client();

        JsonNode days = admin.execute(ANALYTICS, Map.of("days", 3)).data("smsAnalytics").path("days");

        assertThat(days).hasSize(3);
        assertThat(days.path(0).path("date").asText()).isEqualTo("2026-11-23");
        JsonNode empty = days.path(0).path("stats");
        assertThat(empty.path("outbound").asInt()).isZero();
        assertThat(empty.path("estimatedCost").asDouble()).isZero();
        assertThat(empty.path("failureRate").isNull()).isTrue();
        assertThat(empty.path("sendLatencyP50Ms").isNull()).isTrue();
    }

    @Test
    void analyticsAreForAdminsOnlyAndTheWindowIsBounded() {
        GraphQlClient.Response refused = ada.client().execute(ANALYTICS, Map.of("days", 2));
        assertThat(refused.data("smsAnalytics").isNull()).isTrue();
        assertThat(refused.body().path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");

        GraphQlClient admin = TestAccounts.signUpWithRole(server, "UTC", "admin").client();
        for (int days : new int[] {0, 367}) {
            GraphQlClient.Response bad = admin.execute(ANALYTICS, Map.of("days", days));
            assertThat(bad.data("smsAnalytics").isNull()).isTrue();
            assertThat(bad.body().path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("BAD_ARGUMENT");
        }
    }

    @Test
    void aPersonSeesOnlyTheirOwnTextsNewestFirstPageByPage() {
        JsonNode first = ada.client().execute(MESSAGES, Map.of("first", 2)).data("smsMessages");

        assertThat(first.path("totalCount").asInt()).isEqualTo(5);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode failed = first.path("edges").path(0).path("node");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).isEqualTo("Twilio error 30006");
        assertThat(failed.path("estimatedCost").asDouble()).isZero();
        assertThat(failed.path("sendLatencyMs").asDouble()).isEqualTo(500.0);
        assertThat(failed.path("deliveryLatencyMs").isNull()).isTrue();
        JsonNode undelivered = first.path("edges").path(1).path("node");
        assertThat(undelivered.path("segments").asInt()).isEqualTo(2);
        assertThat(undelivered.path("estimatedCost").asDouble()).isEqualTo(0.02);

        JsonNode rest = ada.client().execute(MESSAGES, Map.of("first", 10, "after", first.path("pageInfo").path("endCursor").asText()))
                .data("smsMessages");

        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(rest.path("edges")).hasSize(3);
        JsonNode delivered = rest.path("edges").path(0).path("node");
        assertThat(delivered.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(delivered.path("sendLatencyMs").asDouble()).isEqualTo(1000.0);
        assertThat(delivered.path("deliveryLatencyMs").asDouble()).isEqualTo(5000.0);
        assertThat(delivered.path("sentAt").asText()).isEqualTo("2026-11-24T10:00:01Z");
        assertThat(rest.path("edges").path(1).path("node").path("direction").asText()).isEqualTo("INBOUND");
        assertThat(rest.path("edges").path(2).path("node").path("createdAt").asText()).isEqualTo("2026-10-01T10:00:00Z");
    }

    @Test
    void anotherPersonsTextIsNotANodeOfMine() {
        JsonNode bobsNewest = bob.client().execute(MESSAGES, Map.of("first", 1)).data("smsMessages").path("edges").path(0).path("node");
        String bobsId = bobsNewest.path("id").asText();
        String query = "query N($id: ID!) { node(id: $id) { id ... on SmsMessage { body } } }";

        assertThat(bobsNewest.path("status").asText()).isEqualTo("SKIPPED");
        assertThat(bob.client().execute(query, Map.of("id", bobsId)).data("node").path("body").asText()).isEqualTo(bobsNewest.path("body").asText());
        assertThat(ada.client().execute(query, Map.of("id", bobsId)).data("node").isNull()).isTrue();
    }

    private static void assertStats(JsonNode stats, int inbound, int outbound, int segments, double cost, int failed, double failureRate,
                                    double sendP50, double sendP95, double deliveryP50, double deliveryP95) {
        assertThat(stats.path("inbound").asInt()).as("inbound").isEqualTo(inbound);
        assertThat(stats.path("outbound").asInt()).as("outbound").isEqualTo(outbound);
        assertThat(stats.path("segments").asInt()).as("segments").isEqualTo(segments);
        assertThat(stats.path("estimatedCost").asDouble()).as("estimatedCost").isEqualTo(cost);
        assertThat(stats.path("failed").asInt()).as("failed").isEqualTo(failed);
        assertThat(stats.path("failureRate").asDouble()).as("failureRate").isCloseTo(failureRate, within(1e-9));
        assertThat(stats.path("sendLatencyP50Ms").asDouble()).as("sendLatencyP50Ms").isCloseTo(sendP50, within(1e-6));
        assertThat(stats.path("sendLatencyP95Ms").asDouble()).as("sendLatencyP95Ms").isCloseTo(sendP95, within(1e-6));
        assertThat(stats.path("deliveryLatencyP50Ms").asDouble()).as("deliveryLatencyP50Ms").isCloseTo(deliveryP50, within(1e-6));
        assertThat(stats.path("deliveryLatencyP95Ms").asDouble()).as("deliveryLatencyP95Ms").isCloseTo(deliveryP95, within(1e-6));
    }

    /** One row of the log as the SMS code leaves it; the body names the row, so a test can tell rows apart. */
    private static void text(TestSql sql, UUID userId, String direction, int segments, String status, String createdAt,
                             String sentAt, String statusAt, String error) {
        UUID id = UUID.randomUUID();
        boolean outbound = "OUTBOUND".equals(direction);
        sql.update("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status, attempts, "
                        + "twilio_sid, last_error, created_at, sent_at, status_at) VALUES (?, ?, ?, ?, ?, 'GSM7', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, direction, userId, "+14155550100", "text " + id, segments, outbound ? "REPLY" : "INBOUND", status,
                outbound && !"PENDING".equals(status) && !"SKIPPED".equals(status) ? 1 : 0,
                sentAt != null || !outbound ? "SM" + id.toString().replace("-", "") : null, error,
                at(createdAt), at(sentAt), at(statusAt));
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }
}
