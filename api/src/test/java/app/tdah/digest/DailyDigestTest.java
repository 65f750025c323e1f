package app.tdah.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily digest, through the clustered scheduler, at a fixed "now" of 10:00 UTC. */
class DailyDigestTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Instant NOW = TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC);

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachPersonGetsOneDigestAtTheirLocalTimeAndOnlyWithSomethingInIt() throws Exception {
        TestAccounts.SignedUp paris = TestAccounts.signUpConfirmed(server, "Europe/Paris");          // 11:00 there
        TestAccounts.SignedUp losAngeles = TestAccounts.signUpConfirmed(server, "America/Los_Angeles"); // 02:00 there
        TestAccounts.SignedUp idle = TestAccounts.signUpConfirmed(server, "Europe/Paris");
        TestAccounts.SignedUp lateRiser = TestAccounts.signUpConfirmed(server, "Europe/Paris");
        // Nobody proved this address is theirs: task titles must not go to it.
        TestAccounts.SignedUp unconfirmed = TestAccounts.signUp(server.baseUrl(), "Europe/Paris");
        JsonNode chosen = lateRiser.client().execute("mutation { updatePreferences(input: {digestTime: \"11:30\"}) { preferences { digestTime } } }")
                .data("updatePreferences");
        assertThat(chosen.path("preferences").path("digestTime").asText()).isEqualTo("11:30");
        // Hold the scheduler off these people until their tasks exist.
        sql("UPDATE users SET last_digest_on = '" + TODAY.plusDays(1) + "'");
        create(paris.client(), "buy bread", TODAY);
        create(paris.client(), "call the bank", TODAY.minusDays(2));
        create(losAngeles.client(), "water plants", TODAY);
        create(lateRiser.client(), "stretch", TODAY);
        create(unconfirmed.client(), "meet the bank", TODAY);
        sql("UPDATE users SET last_digest_on = NULL");

        server.application().scheduler().triggerNow("send-daily-digests");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (count("SELECT count(*) FROM users WHERE email = '" + idle.email() + "' AND last_digest_on IS NOT NULL") == 0) {
            assertThat(Instant.now()).as("the digest job ran within 20 s").isBefore(deadline);
            Thread.sleep(50);
        }

        assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'DAILY_DIGEST' AND recipient = '" + paris.email() + "' "
                + "AND text_body LIKE '%buy bread%' AND text_body LIKE '%call the bank%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'DAILY_DIGEST' AND recipient = '" + losAngeles.email() + "'")).isZero();
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'DAILY_DIGEST' AND recipient = '" + idle.email() + "'")).isZero();
        // 11:00 in Paris, before the 11:30 this person chose.
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'DAILY_DIGEST' AND recipient = '" + lateRiser.email() + "'")).isZero();
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + losAngeles.email() + "' AND last_digest_on IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'DAILY_DIGEST' AND recipient = '" + unconfirmed.email() + "'")).isZero();
    }

    private static void create(GraphQlClient client, String title, LocalDate due) {
        client.execute("mutation C($i: CreateTaskInput!) { createTask(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("title", title, "dueDate", due.toString())));
    }

    private static void sql(String statement) {
        try (TestSql db = TestSql.connect(server.jdbcUrl())) {
            db.update(statement);
        }
    }

    private static long count(String query) {
        try (TestSql db = TestSql.connect(server.jdbcUrl())) {
            return db.value(Long.class, query);
        }
    }
}
