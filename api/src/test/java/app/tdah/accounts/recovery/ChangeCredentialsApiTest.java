package app.tdah.accounts.recovery;

import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestMailbox;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing one's password or email while signed in: the current password first, sessions and mailboxes told. */
class ChangeCredentialsApiTest {

    @RegisterExtension
    static final TestMailbox mailbox = TestMailbox.start();
    // No growing waits between failures, so the lockout comes after ten quick attempts.
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(withoutThrottleWaits(mailbox.serverSettings()));

    private static final String PASSWORD = "correct-horse-battery-42";
    private static final String NEW_PASSWORD = "purple-lantern-orbit-77";
    private static final String CHANGE_PASSWORD = "mutation C($i: ChangePasswordInput!) { changePassword(input: $i) { userErrors { field code message } } }";
    private static final String CHANGE_EMAIL = "mutation E($i: ChangeEmailInput!) { changeEmail(input: $i) { pendingEmail userErrors { field code message } } }";
    private static final String REFRESH = "mutation { refreshSession { accessToken userErrors { code } } }";

    private static Map<String, String> withoutThrottleWaits(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("pa.auth.delay.millis", "0");
        return all;
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient otherDevice = signIn(person.email(), PASSWORD);

        JsonNode wrong = changePassword(person.client(), "not-my-password", NEW_PASSWORD);
        JsonNode weak = changePassword(person.client(), PASSWORD, "short");
        JsonNode changed = changePassword(person.client(), PASSWORD, NEW_PASSWORD);

        assertThat(wrong.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrong.path("userErrors").get(0).path("field").asText()).isEqualTo("currentPassword");
        assertThat(weak.path("userErrors").get(0).path("field").asText()).isEqualTo("newPassword");
        assertThat(changed.path("userErrors")).isEmpty();
        assertThat(otherDevice.execute(REFRESH).data("refreshSession").path("accessToken").isNull()).isTrue();
        assertThat(person.client().execute(REFRESH).data("refreshSession").path("accessToken").asText())
                .as("this session goes on").isNotBlank();
        assertThat(login(person.email(), PASSWORD).path("accessToken").isNull()).isTrue();
        assertThat(login(person.email(), NEW_PASSWORD).path("accessToken").asText()).isNotBlank();
        mailbox.next(server, person.email(), "Your password was changed");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(sql.value(String.class, "SELECT details->>'revokedSessions' FROM audit_events WHERE action = 'password_changed' "
                    + "AND actor_id = ? AND subject_id = ?", id, id)).isEqualTo("1");
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'password_confirmation_failed' AND subject_id = ? "
                    + "AND details->>'during' = 'change_password' AND details->>'reason' = 'wrong_password'", id)).isEqualTo(1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events a WHERE a::text LIKE '%' || ? || '%' "
                    + "OR a::text LIKE '%not-my-password%'", NEW_PASSWORD)).isZero();
        }
    }

    @Test
    void wrongCurrentPasswordsCountTowardTheSignInLock() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        for (int i = 0; i < 10; i++) {
            assertThat(changePassword(person.client(), "guess-" + i + "-wrong", NEW_PASSWORD).path("userErrors").get(0)
                    .path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        }

        JsonNode rightButLocked = changePassword(person.client(), PASSWORD, NEW_PASSWORD);

        assertThat(rightButLocked.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(login(person.email(), PASSWORD).path("accessToken").isNull()).as("sign-in is locked too").isTrue();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'account_locked' AND subject_id = ?", id))
                    .isEqualTo(1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'password_changed' AND subject_id = ?", id))
                    .isZero();
        }
    }

    @Test
    void theEmailChangesOnlyOnceTheNewAddressConfirmsIt() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String signUpLink = mailbox.next(server, person.email(), "Confirm your email address").linkToken("/verify-email");
        String newEmail = "moved-" + UUID.randomUUID() + "@example.com";

        JsonNode wrong = changeEmail(person.client(), newEmail, "not-my-password");
        JsonNode requested = changeEmail(person.client(), "  " + newEmail.toUpperCase() + " ", PASSWORD);

        assertThat(wrong.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(requested.path("userErrors")).isEmpty();
        assertThat(requested.path("pendingEmail").asText()).isEqualTo(newEmail);
        assertThat(me(person.client()).path("email").asText()).as("not before the new address confirms").isEqualTo(person.email());
        assertThat(mailbox.next(server, person.email(), "Your email address is about to change").text()).contains(newEmail);
        String token = mailbox.next(server, newEmail, "Confirm your new email address").linkToken("/verify-email");
        JsonNode confirmed = new GraphQlClient(server.baseUrl()).execute(
                "mutation V($i: VerifyEmailInput!) { verifyEmail(input: $i) { email userErrors { code message } } }",
                Map.of("i", Map.of("token", token))).data("verifyEmail");

        assertThat(confirmed.path("userErrors")).isEmpty();
        assertThat(confirmed.path("email").asText()).isEqualTo(newEmail);
        JsonNode me = me(person.client());
        assertThat(me.path("email").asText()).isEqualTo(newEmail);
        assertThat(me.path("emailVerified").asBoolean()).isTrue();
        assertThat(login(newEmail, PASSWORD).path("accessToken").asText()).isNotBlank();
        assertThat(login(person.email(), PASSWORD).path("accessToken").isNull()).isTrue();
        JsonNode staleLink = new GraphQlClient(server.baseUrl()).execute(
                "mutation V($i: VerifyEmailInput!) { verifyEmail(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("token", signUpLink))).data("verifyEmail");
        assertThat(staleLink.path("userErrors").get(0).path("code").asText()).as("the old address's link no longer acts")
                .isEqualTo("INVALID");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(newEmail);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'email_change_requested' "
                    + "AND subject_id = ? AND details->>'email' = ?", id, newEmail)).isEqualTo(1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'email_changed' AND subject_id = ?", id))
                    .isEqualTo(1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events a WHERE a::text LIKE '%' || ? || '%'", token)).isZero();
        }
    }

    @Test
    void anAddressInUseOrMalformedIsRefused() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        TestAccounts.SignedUp other = TestAccounts.signUp(server.baseUrl(), "UTC");

        assertThat(changeEmail(person.client(), other.email(), PASSWORD).path("userErrors").get(0).path("code").asText())
                .isEqualTo("ALREADY_EXISTS");
        assertThat(changeEmail(person.client(), "not an address", PASSWORD).path("userErrors").get(0).path("field").asText())
                .isEqualTo("newEmail");
        assertThat(changeEmail(person.client(), person.email(), PASSWORD).path("userErrors").get(0).path("code").asText())
                .isEqualTo("INVALID");
        assertThat(me(person.client()).path("email").asText()).isEqualTo(person.email());
    }

    private static JsonNode changePassword(GraphQlClient client, String current, String next) {
        return client.execute(CHANGE_PASSWORD, Map.of("i", Map.of("currentPassword", current, "newPassword", next)))
                .data("changePassword");
    }

    private static JsonNode changeEmail(GraphQlClient client, String newEmail, String currentPassword) {
        return client.execute(CHANGE_EMAIL, Map.of("i", Map.of("newEmail", newEmail, "currentPassword", currentPassword)))
                .data("changeEmail");
    }

    private static JsonNode me(GraphQlClient client) {
        return client.execute("{ me { email emailVerified } }").data("me");
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
