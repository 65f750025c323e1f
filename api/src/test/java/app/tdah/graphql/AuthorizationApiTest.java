package app.tdah.graphql;

import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The one authorisation layer: who may call what, decided by the schema's directives and the account's current role. */
class AuthorizationApiTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String SCHEDULER = "{ scheduler { nodes { instanceId } } }";
    private static final String CAPTURE = "mutation C($i: CaptureTaskInput!) { captureTask(input: $i) { task { id } userErrors { code message } } }";

    @Test
    void aPersonWithoutThePermissionIsRefusedAndTheRefusalIsAudited() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient.Response response = person.client().execute(SCHEDULER);
        assertThat(response.data("scheduler").isNull()).isTrue();
        assertThat(errorCode(response)).isEqualTo("FORBIDDEN");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT details->>'field' FROM audit_events WHERE action = 'access_denied' "
                    + "AND outcome = 'denied' AND subject_id = ?", sql.userId(person.email()))).isEqualTo("Query.scheduler");
        }
    }

    @Test
    void aRoleChangeAppliesToTheNextRequestWithTheSameAccessToken() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET role = 'admin' WHERE email = ?", person.email());
            assertThat(person.client().execute(SCHEDULER).data("scheduler").path("nodes")).hasSize(1);
            sql.update("UPDATE users SET role = 'premium' WHERE email = ?", person.email());
            assertThat(errorCode(person.client().execute(SCHEDULER))).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void aDeactivatedAccountsTokenStopsWorkingAndItCannotSignIn() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET deactivated_at = now() WHERE email = ?", person.email());
        }
        JsonNode payload = person.client().execute(CAPTURE, Map.of("i", Map.of("text", "buy milk"))).data("captureTask");
        assertThat(payload.path("task").isNull()).isTrue();
        assertThat(payload.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(person.client().execute("{ me { id } }").data("me").isNull()).isTrue();
        JsonNode login = new GraphQlClient(server.baseUrl()).execute(
                "mutation L($i: LoginInput!) { login(input: $i) { accessToken userErrors { code } } }",
                Map.of("i", Map.of("email", person.email(), "password", "correct-horse-battery-42"))).data("login");
        assertThat(login.path("accessToken").isNull()).isTrue();
        assertThat(login.path("userErrors").path(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void aMutationWithoutSignInAnswersAUserErrorAndAQueryAnErrorCode() {
        GraphQlClient anonymous = new GraphQlClient(server.baseUrl());
        JsonNode payload = anonymous.execute(CAPTURE, Map.of("i", Map.of("text", "buy milk"))).data("captureTask");
        assertThat(payload.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
        GraphQlClient.Response today = anonymous.execute("{ today { overdue { id } } }");
        assertThat(today.data("today").isNull()).isTrue();
        assertThat(errorCode(today)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void signInsAndTheirFailuresAreAuditedWithoutTheSecret() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        String login = "mutation L($i: LoginInput!) { login(input: $i) { accessToken } }";
        client.execute(login, Map.of("i", Map.of("email", person.email(), "password", "wrong-password-123")));
        client.execute(login, Map.of("i", Map.of("email", person.email(), "password", "correct-horse-battery-42")));
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            var id = sql.userId(person.email());
            assertThat(sql.value(String.class, "SELECT string_agg(action || ':' || outcome, ',' ORDER BY id) FROM audit_events "
                    + "WHERE subject_id = ?", id)).as("sign-up, the sign-in after it, then the two here")
                    .isEqualTo("registered:success,sign_in:success,sign_in_failed:failure,sign_in:success");
            assertThat(sql.value(String.class, "SELECT details->>'reason' FROM audit_events WHERE subject_id = ? "
                    + "AND action = 'sign_in_failed'", id)).isEqualTo("wrong_password");
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE details::text LIKE '%correct-horse%' "
                    + "OR details::text LIKE '%wrong-password%'")).isZero();
        }
    }

    private static String errorCode(GraphQlClient.Response response) {
        return response.body().path("errors").path(0).path("extensions").path("code").asText();
    }
}
