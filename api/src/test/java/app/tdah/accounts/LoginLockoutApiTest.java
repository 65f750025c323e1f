package app.tdah.accounts;

import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Through the API: ten wrong passwords lock the account, and the lock holds even against the right one. */
class LoginLockoutApiTest {

    // No growing waits here, so ten attempts come quickly; the waits are LoginThrottleTest's.
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.auth.delay.millis", "0"));

    private static final String LOGIN = "mutation L($i: LoginInput!) { login(input: $i) { accessToken userErrors { code message } } }";

    private static GraphQlClient.Response login(String email, String password) {
        return new GraphQlClient(server.baseUrl()).execute(LOGIN, Map.of("i", Map.of("email", email, "password", password)));
    }

    @Test
    void tenWrongPasswordsLockTheAccountWithTheSameGenericAnswer() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        TestAccounts.SignedUp bystander = TestAccounts.signUp(server.baseUrl(), "UTC");
        String generic = login(person.email(), "wrong-password-0").data("login").path("userErrors").toString();
        for (int i = 1; i < 10; i++) {
            assertThat(login(person.email(), "wrong-password-" + i).data("login").path("userErrors").toString()).isEqualTo(generic);
        }
        GraphQlClient.Response locked = login(person.email(), "correct-horse-battery-42");
        assertThat(locked.data("login").path("accessToken").isNull()).isTrue();
        assertThat(locked.data("login").path("userErrors").toString()).isEqualTo(generic);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'sign_in_failed'", id))
                    .isEqualTo(10);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'account_locked'", id))
                    .isEqualTo(1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'sign_in_throttled'", id))
                    .as("the right password during the lock is refused before checking, and recorded").isEqualTo(1);
        }

        assertThat(login(bystander.email(), "correct-horse-battery-42").data("login").path("accessToken").asText()).isNotBlank();
    }
}
