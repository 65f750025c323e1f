package app.tdah.accounts.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password-reset requests are limited per address and per client address, with answers that are the same for an
 * address with an account and one without. Low limits here (2 mails an address, 6 requests an IP) keep it quick.
 */
class PasswordResetRateLimitTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(
            "pa.recovery.mails.per.hour", "2", "pa.recovery.ip.requests.per.hour", "6"));

    private static final String REQUEST = "mutation Q($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { userErrors { field code message } } }";

    @Test
    void requestsBeyondTheLimitsAreRefusedAlikeForEveryAddress() throws InterruptedException {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";

        List<String> forKnown = answers(person.email(), 3);
        List<String> forUnknown = answers(unknown, 3);
        String fromThisNetworkNow = answers("someone-" + UUID.randomUUID() + "@example.com", 1).getFirst();

        assertThat(forKnown).isEqualTo(forUnknown);
        assertThat(forKnown.subList(0, 2)).containsOnly("[]");
        assertThat(forKnown.get(2)).contains("RATE_LIMITED");
        assertThat(fromThisNetworkNow).as("the seventh request from one IP").contains("RATE_LIMITED");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            // The links are queued just after the answers, off the request.
            String resetMails = "SELECT count(*) FROM mail_outbox WHERE kind = 'PASSWORD_RESET' AND recipient = ?";
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (sql.value(Long.class, resetMails, person.email()) < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20); // polling a condition with a deadline
            }
            assertThat(sql.value(Long.class, resetMails, person.email())).isEqualTo(2);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE recipient <> ?", person.email())).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'password_reset_throttled' "
                    + "AND outcome = 'denied'")).isEqualTo(3);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'password_reset_throttled' "
                    + "AND subject_id = ?", sql.userId(person.email()))).isEqualTo(1);
        }
    }

    /** The userErrors of {@code times} requests for the address, as JSON text. */
    private static List<String> answers(String email, int times) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Map<String, Object> variables = new HashMap<>(Map.of("i", Map.of("email", email)));
            answers.add(new GraphQlClient(server.baseUrl()).execute(REQUEST, variables)
                    .data("requestPasswordReset").path("userErrors").toString());
        }
        return answers;
    }
}
