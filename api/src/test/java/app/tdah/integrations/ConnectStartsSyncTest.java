package app.tdah.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GoogleOnLoopback;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real connect starts the sync, with nothing wired by the test: the OAuth round trip through the callback stores
 * the grant, the sync is told of it (one stream per capability granted), syncs with the access token the code
 * exchange gave, and a disconnect forgets the streams and what they brought in.
 */
class ConnectStartsSyncTest {

    private static final GoogleOnLoopback GOOGLE = new GoogleOnLoopback();
    private static final URI SITE = GOOGLE.site();
    private static final String SYNCS = "{ integrationSyncs { integrationId streams { data state lastSuccessAt lastError } } }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(GOOGLE.serverSettings());

    @AfterAll
    static void stop() {
        GOOGLE.close();
    }

    @Test
    void connectingThroughTheCallbackStartsItsStreamsWithTheGrantedTokenAndDisconnectingForgetsThem() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GOOGLE.oauth().consentTo(scope -> true);
        GOOGLE.oauth().signedInAs("account-" + UUID.randomUUID(), "sam@gmail.example");
        Connecting.Started started = Connecting.start(person.client(), "GOOGLE", List.of("CALENDAR_READ", "MAIL_READ"));
        assertThat(Connecting.roundTrip(Connecting.browserOf(SITE, started), SITE, started))
                .isEqualTo("/settings/integrations?provider=google&result=granted");
        String integrationId = person.client().execute(Connecting.INTEGRATIONS).data("integrations").get(0).path("id").asText();

        JsonNode syncs = person.client().execute(SYNCS).data("integrationSyncs");
        assertThat(syncs).singleElement().satisfies(s -> {
            assertThat(s.path("integrationId").asText()).isEqualTo(integrationId);
            assertThat(s.path("streams").findValuesAsText("data")).containsExactlyInAnyOrder("CALENDAR", "MAIL");
        });

        // The provider's API knows the account by the access token the code exchange handed out.
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        GOOGLE.lastConnected().putTimed("planning", "Planning", start, start.plus(Duration.ofHours(1)));
        JsonNode asked = person.client().execute("mutation S($input: SyncNowInput!) { syncNow(input: $input) { userErrors { code } } }",
                Map.of("input", Map.of("integrationId", integrationId))).data("syncNow");
        assertThat(asked.path("userErrors")).isEmpty();
        LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (person.client().execute("query A($d: Date!) { agenda(from: $d, to: $d) { items { title } } }", Map.of("d", day.toString()))
                .data("agenda").path("items").findValuesAsText("title").isEmpty()) {
            assertThat(System.nanoTime()).as("the event was synced within 30 s: " + person.client().execute(SYNCS).data("integrationSyncs"))
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(GOOGLE.api().requests()).allSatisfy(r -> assertThat(r.token()).isEqualTo(GOOGLE.oauth().issuedTokens().getLast()));

        JsonNode disconnected = person.client().execute(Connecting.DISCONNECT, Map.of("input", Map.of("id", integrationId)))
                .data("disconnectIntegration");
        assertThat(disconnected.path("userErrors")).isEmpty();
        assertThat(person.client().execute(SYNCS).data("integrationSyncs")).isEmpty();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID userId = sql.userId(person.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM calendar_events WHERE user_id = ?", userId)).isZero();
        }
    }
}
