package app.tdah.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.GoogleOnLoopback;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Integrations page in real headless Chromium (ui/e2e/integrations.mjs) through the real server, with Google's
 * OAuth endpoints and Calendar API as local fakes: connect with calendar and mail asked and only the calendar
 * allowed (the page says so), an event synced on "Sync now" and shown on Today, disconnect after a confirmation. The database then holds
 * no connection and no event, and the grant was revoked at the provider.
 */
class BrowserIntegrationsTest {

    private static final GoogleOnLoopback GOOGLE = new GoogleOnLoopback();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(GOOGLE.serverSettings());

    @AfterAll
    static void stop() {
        GOOGLE.close();
    }

    @Test
    void aPersonConnectsGoogleSyncsAndDisconnectsInChromium() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GOOGLE.oauth().signedInAs("account-" + UUID.randomUUID(), "lin@gmail.example");
        GOOGLE.oauth().consentTo(scope -> !scope.contains("gmail"));

        BrowserScript.run("integrations.mjs", server.baseUrl(),
                Map.of("PA_E2E_EMAIL", person.email(), "PA_E2E_PASSWORD", TestAccounts.PASSWORD),
                question -> {
                    assertThat(question).isEqualTo("calendar event");
                    // Within today in the person's zone (UTC), so that Today shows it.
                    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
                    GOOGLE.lastConnected().putTimed("review", "Review", start, start.plus(Duration.ofHours(1)));
                    return "ok";
                });

        assertThat(GOOGLE.oauth().requests("/revoke")).as("the grant was revoked at Google").hasSize(1);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID userId = sql.userId(person.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM integrations WHERE user_id = ?", userId)).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM calendar_events WHERE user_id = ?", userId)).isZero();
        }
    }

}
