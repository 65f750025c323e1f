package app.tdah.accounts.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.MovableClock;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestMailbox;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A forgotten password, reset by the link in the mail GreenMail received: once, within 30 minutes, ending every session. */
class PasswordResetApiTest {

    @RegisterExtension
    static final TestMailbox mailbox = TestMailbox.start();
    static final MovableClock clock = new MovableClock(Instant.now());
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(mailbox.serverSettings(), clock);

    private static final String OLD_PASSWORD = "correct-horse-battery-42";
    private static final String NEW_PASSWORD = "purple-lantern-orbit-77";
    private static final String SUBJECT = "Reset your password";
    private static final String REQUEST = "mutation Q($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { userErrors { field code message } } }";
    private static final String RESET = "mutation R($i: ResetPasswordInput!) { resetPassword(input: $i) { userErrors { field code message } } }";
    private static final String REFRESH = "mutation { refreshSession { accessToken userErrors { code } } }";

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient otherDevice = signIn(person.email(), OLD_PASSWORD);

        assertThat(request(person.email()).path("userErrors")).isEmpty();
        TestMailbox.Mail mail = mailbox.next(server, person.email(), SUBJECT);
        assertThat(mail.text()).contains(server.settings().publicUrl() + "/reset-password?token=");
        String token = mail.linkToken("/reset-password");
        JsonNode reset = reset(token, NEW_PASSWORD);

        assertThat(reset.path("userErrors")).isEmpty();
        assertThat(reset(token, "another-fine-password-9").path("userErrors").get(0).path("message").asText()).contains("already used");
        assertThat(person.client().execute(REFRESH).data("refreshSession").path("accessToken").isNull())
                .as("the sign-up session's refresh cookie no longer refreshes").isTrue();
        assertThat(otherDevice.execute(REFRESH).data("refreshSession").path("accessToken").isNull()).isTrue();
        assertThat(person.client().execute("query Me { me { email } }").data("me").isNull())
                .as("the sign-up session's access token stops at once").isTrue();
        assertThat(login(person.email(), OLD_PASSWORD).path("accessToken").isNull()).isTrue();
        assertThat(login(person.email(), NEW_PASSWORD).path("accessToken").asText()).isNotBlank();
        assertThat(mailbox.next(server, person.email(), "Your password was reset").text()).contains("password");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(sql.value(String.class, "SELECT details->>'revokedSessions' FROM audit_events WHERE action = 'password_reset' "
                    + "AND outcome = 'success' AND actor_id = ? AND subject_id = ?", id, id)).isEqualTo("2");
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'password_reset_requested' "
                    + "AND outcome = 'success' AND subject_id = ?", id)).isEqualTo(1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'password_reset' "
                    + "AND outcome = 'failure' AND subject_id = ? AND details->>'reason' = 'used'", id)).isEqualTo(1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events a WHERE a::text LIKE '%' || ? || '%'", token)).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events a WHERE a::text LIKE '%' || ? || '%'", NEW_PASSWORD)).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM account_tokens t WHERE t::text LIKE '%' || ? || '%'", token)).isZero();
        }
    }

    /**
     * Whoever knew the old password may have left a way back in: the calendar feed's secret address stops working,
     * and the reset's mail lists the linked identities and the phone for the person to check.
     */
    @Test
    void aResetEndsTheCalendarFeedAndAsksThePersonToReviewTheirIdentitiesAndPhone() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String feedUrl = person.client().execute("mutation { rotateIcalFeed { url } }").data("rotateIcalFeed").path("url").asText();
        String feedPath = feedUrl.substring(feedUrl.indexOf("/ical/"));
        assertThat(person.client().get(feedPath).statusCode()).isEqualTo(200);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            sql.update("INSERT INTO external_identities (id, user_id, provider, subject, email, linked_at) "
                    + "VALUES (?, ?, 'google', ?, 'someone@gmail.example', now())", UUID.randomUUID(), id, "google-" + id);
            sql.update("INSERT INTO phones (user_id, e164, verified_at) VALUES (?, '+33612345678', now())", id);
        }

        request(person.email());
        reset(mailbox.next(server, person.email(), SUBJECT).linkToken("/reset-password"), NEW_PASSWORD);

        assertThat(person.client().get(feedPath).statusCode()).isEqualTo(404);
        String notice = mailbox.next(server, person.email(), "Your password was reset").text();
        assertThat(notice).contains("Google sign-in: someone@gmail.example").contains("Phone for texts: +33*******78")
                .contains("Calendar feed: its address no longer works");
    }

    @Test
    void aRefusedPasswordLeavesTheLinkUsable() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        request(person.email());
        String token = mailbox.next(server, person.email(), SUBJECT).linkToken("/reset-password");

        JsonNode weak = reset(token, "short");
        JsonNode common = reset(token, "password123");

        assertThat(weak.path("userErrors").get(0).path("code").asText()).isEqualTo("TOO_SHORT");
        assertThat(weak.path("userErrors").get(0).path("field").asText()).isEqualTo("newPassword");
        assertThat(common.path("userErrors").get(0).path("code").asText()).isEqualTo("TOO_COMMON");
        assertThat(reset(token, NEW_PASSWORD).path("userErrors")).isEmpty();
        assertThat(login(person.email(), NEW_PASSWORD).path("accessToken").asText()).isNotBlank();
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotAnActiveAccountHasTheAddress() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        TestAccounts.SignedUp deactivated = TestAccounts.signUp(server.baseUrl(), "UTC");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET deactivated_at = now() WHERE email = ?", deactivated.email());
        }

        GraphQlClient.Response known = requestRaw(person.email());
        GraphQlClient.Response nobody = requestRaw(unknown);
        GraphQlClient.Response inactive = requestRaw(deactivated.email());

        assertThat(nobody.status()).isEqualTo(known.status());
        assertThat(nobody.body()).isEqualTo(known.body());
        assertThat(inactive.body()).isEqualTo(known.body());
        mailbox.next(server, person.email(), SUBJECT);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE recipient IN (?, ?)", unknown, deactivated.email()))
                    .as("no mail to an unknown or deactivated account (the sign-up verification aside)")
                    .isEqualTo(sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE recipient = ? AND kind = 'VERIFICATION'",
                            deactivated.email()));
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE kind = 'PASSWORD_RESET' AND recipient IN (?, ?)",
                    unknown, deactivated.email())).isZero();
        }
    }

    @Test
    void aLinkExpiresAfterThirtyMinutes() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        request(person.email());
        String token = mailbox.next(server, person.email(), SUBJECT).linkToken("/reset-password");

        clock.advance(Duration.ofMinutes(31));
        JsonNode late = reset(token, NEW_PASSWORD);

        assertThat(late.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(late.path("userErrors").get(0).path("message").asText()).contains("expired");
        assertThat(login(person.email(), OLD_PASSWORD).path("accessToken").asText()).as("the password is unchanged").isNotBlank();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'password_reset' AND outcome = 'failure' "
                    + "AND subject_id = ? AND details->>'reason' = 'expired'", sql.userId(person.email()))).isEqualTo(1);
        }
    }

    @Test
    void aNewerLinkReplacesTheOlderOne() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        request(person.email());
        String older = mailbox.next(server, person.email(), SUBJECT).linkToken("/reset-password");
        request(person.email());
        String newer = mailbox.next(server, person.email(), SUBJECT).linkToken("/reset-password");

        assertThat(reset(older, NEW_PASSWORD).path("userErrors").get(0).path("message").asText()).contains("not valid");
        assertThat(reset(newer, NEW_PASSWORD).path("userErrors")).isEmpty();
    }

    private static JsonNode request(String email) {
        return requestRaw(email).data("requestPasswordReset");
    }

    private static GraphQlClient.Response requestRaw(String email) {
        return new GraphQlClient(server.baseUrl()).execute(REQUEST, Map.of("i", Map.of("email", email)));
    }

    private static JsonNode reset(String token, String newPassword) {
        return new GraphQlClient(server.baseUrl()).execute(RESET, Map.of("i", Map.of("token", token, "newPassword", newPassword)))
                .data("resetPassword");
    }

    private static JsonNode login(String email, String password) {
        return new GraphQlClient(server.baseUrl()).execute("mutation L($i: LoginInput!) { login(input: $i) { accessToken } }",
                Map.of("i", Map.of("email", email, "password", password))).data("login");
    }

    private static GraphQlClient signIn(String email, String password) {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        client.execute("mutation L($i: LoginInput!) { login(input: $i) { accessToken } }",
                Map.of("i", Map.of("email", email, "password", password)));
        return client;
    }
}
