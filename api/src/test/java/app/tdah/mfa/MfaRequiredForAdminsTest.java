package app.tdah.mfa;

import java.time.Instant;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's setting pa.auth.mfa.required.for.admins: an admin without MFA is a plain user until they enrol. */
class MfaRequiredForAdminsTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.auth.mfa.required.for.admins", "true"));

    private static final String SCHEDULER = "{ scheduler { nodes { instanceId } } }";
    private static final String PREFERENCES = """
            mutation P($i: UpdatePreferencesInput!) { updatePreferences(input: $i) { preferences { digestTime } userErrors { code } } }""";

    @Test
    void anAdminWithoutMfaGetsOnlyAUsersPermissionsUntilTheyEnrol() {
        TestAccounts.SignedUp admin = TestAccounts.signUpWithRole(server, "UTC", "admin");
        GraphQlClient.Response refused = admin.client().execute(SCHEDULER);
        assertThat(refused.data("scheduler").isNull()).isTrue();
        assertThat(refused.body().path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(admin.client().execute(PREFERENCES, Map.of("i", Map.of("digestTime", "08:00")))
                .data("updatePreferences").path("preferences").path("digestTime").asText())
                .as("a user's permissions remain").isEqualTo("08:00");

        AuthenticatorApp.enrol(admin.client(), Instant.now());

        assertThat(admin.client().execute(SCHEDULER).data("scheduler").path("nodes")).hasSize(1);
    }

    @Test
    void turningMfaOffTakesTheAdminPermissionsAwayAgain() {
        TestAccounts.SignedUp admin = TestAccounts.signUpWithRole(server, "UTC", "admin");
        AuthenticatorApp app = AuthenticatorApp.enrol(admin.client(), Instant.now());
        assertThat(admin.client().execute(SCHEDULER).data("scheduler").path("nodes")).hasSize(1);

        assertThat(admin.client().execute("mutation D($i: DisableMfaInput!) { disableMfa(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("password", "correct-horse-battery-42", "code", app.backupCodes().get(0))))
                .data("disableMfa").path("userErrors")).isEmpty();
        assertThat(admin.client().execute(SCHEDULER).data("scheduler").isNull()).isTrue();
    }
}
