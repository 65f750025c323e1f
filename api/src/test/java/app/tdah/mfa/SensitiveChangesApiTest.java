package app.tdah.mfa;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stolen access token alone cannot set up a second factor: it takes a session that signed in, or re-authenticated,
 * within the last minutes. The owner is mailed of every change to their second factor, and an admin can turn it off
 * for someone who lost it, on the record.
 */
class SensitiveChangesApiTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String PASSWORD = "correct-horse-battery-42";
    private static final String REAUTHENTICATE = """
            mutation R($i: ReauthenticateInput!) { reauthenticate(input: $i) { recentUntil userErrors { field code } } }""";
    private static final String REGENERATE = """
            mutation G($i: RegenerateBackupCodesInput!) { regenerateBackupCodes(input: $i) { backupCodes userErrors { code } } }""";
    private static final String RESET = """
            mutation X($i: ResetUserMfaInput!) { resetUserMfa(input: $i) { userId userErrors { field code } } }""";

    @Test
    void settingUpMfaFromASessionThatSignedInLongAgoNeedsThePasswordFirst() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        TestAccounts.signedInMinutesAgo(server, person, 11);

        JsonNode refused = person.client().execute(AuthenticatorApp.START).data("startMfaEnrolment");
        assertThat(refused.path("userErrors").get(0).path("code").asText()).isEqualTo("REAUTHENTICATION_REQUIRED");
        assertThat(refused.path("otpauthUri").isNull()).as("no secret for a session that may be stolen").isTrue();

        assertThat(reauthenticate(person.client(), Map.of()).path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        JsonNode wrong = reauthenticate(person.client(), Map.of("password", "not-the-password-7"));
        assertThat(wrong.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(person.client().execute(AuthenticatorApp.START).data("startMfaEnrolment").path("userErrors").get(0)
                .path("code").asText()).isEqualTo("REAUTHENTICATION_REQUIRED");

        JsonNode right = reauthenticate(person.client(), Map.of("password", PASSWORD));
        assertThat(right.path("userErrors")).isEmpty();
        assertThat(Instant.parse(right.path("recentUntil").asText())).isAfter(Instant.now().plusSeconds(9 * 60));
        AuthenticatorApp app = AuthenticatorApp.enrol(person.client(), Instant.now());

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(sql.value(String.class, "SELECT string_agg(details->>'during', ',') FROM audit_events "
                    + "WHERE subject_id = ? AND action = 'password_confirmation_failed'", id)).isEqualTo("reauthenticate");
            assertThat(notices(sql, id)).singleElement().asString().contains("Two-step sign-in was turned on");
        }
        assertThat(app.backupCodes()).hasSize(MfaService.BACKUP_CODES);
    }

    @Test
    void aCodeFromTheAppReauthenticatesAndEveryChangeToTheSecondFactorIsMailed() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        AuthenticatorApp app = AuthenticatorApp.enrol(person.client(), Instant.now());
        TestAccounts.signedInMinutesAgo(server, person, 30);

        assertThat(reauthenticate(person.client(), Map.of("code", app.backupCodes().get(0))).path("userErrors")).isEmpty();
        JsonNode regenerated = person.client().execute(REGENERATE, Map.of("i", Map.of("password", PASSWORD)))
                .data("regenerateBackupCodes");
        assertThat(regenerated.path("userErrors")).isEmpty();

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(notices(sql, id)).hasSize(2).last().asString().contains("New backup codes were made");
            assertThat(sql.value(String.class, "SELECT details->>'proof' FROM audit_events WHERE subject_id = ? "
                    + "AND action = 'reauthenticated'", id)).isEqualTo("backup_code");
        }
    }

    @Test
    void anAdminTurnsOffSomeonesMfaOnTheRecordAndTheyAreTold() {
        TestAccounts.SignedUp admin = TestAccounts.signUpWithRole(server, "UTC", "admin");
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        AuthenticatorApp.enrol(person.client(), Instant.now());
        UUID personId;
        UUID adminId;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            personId = sql.userId(person.email());
            adminId = sql.userId(admin.email());
        }
        String personNode = admin.client().execute("{ users(search: \"" + person.email() + "\") { edges { node { id } } } }")
                .data("users").path("edges").get(0).path("node").path("id").asText();

        JsonNode byThemselves = person.client().execute(RESET, Map.of("i", Map.of("userId", personNode))).data("resetUserMfa");
        assertThat(byThemselves.path("userErrors").get(0).path("code").asText()).isEqualTo("FORBIDDEN");
        JsonNode ownAccount = admin.client().execute(RESET, Map.of("i", Map.of("userId",
                admin.client().execute("{ me { id } }").data("me").path("id").asText()))).data("resetUserMfa");
        assertThat(ownAccount.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");

        JsonNode reset = admin.client().execute(RESET, Map.of("i", Map.of("userId", personNode))).data("resetUserMfa");
        assertThat(reset.path("userErrors")).isEmpty();
        assertThat(reset.path("userId").asText()).isEqualTo(personNode);
        assertThat(person.client().execute("{ me { mfaEnabled } }").data("me").path("mfaEnabled").asBoolean()).isFalse();
        JsonNode again = admin.client().execute(RESET, Map.of("i", Map.of("userId", personNode))).data("resetUserMfa");
        assertThat(again.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'mfa_reset' AND outcome = 'success' "
                    + "AND actor_id = ? AND subject_id = ?", adminId, personId)).isEqualTo(1);
            assertThat(notices(sql, personId)).last().asString().contains("An administrator turned off two-step sign-in");
        }
    }

    private static JsonNode reauthenticate(GraphQlClient client, Map<String, Object> input) {
        return client.execute(REAUTHENTICATE, Map.of("i", input)).data("reauthenticate");
    }

    private static List<String> notices(TestSql sql, UUID userId) {
        return sql.column(String.class, "SELECT text_body FROM mail_outbox WHERE user_id = ? AND kind = 'SECURITY_NOTICE' "
                + "ORDER BY created_at, id", userId);
    }
}
