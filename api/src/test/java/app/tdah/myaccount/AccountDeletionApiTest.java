package app.tdah.myaccount;

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

/** deleteMyAccount: the password again, then every row of the person gone in one go, and an audit trail that names no one. */
class AccountDeletionApiTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String DELETE = """
            mutation D($i: DeleteMyAccountInput!) { deleteMyAccount(input: $i) { deleted userErrors { field code message } } }""";
    private static final String PASSWORD = "correct-horse-battery-42";
    private static final String TABLES_WITH_USER_ID = "SELECT table_name FROM information_schema.columns "
            + "WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY table_name";

    @Test
    void aWrongPasswordDeletesNothing() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        JsonNode refused = person.client().execute(DELETE, Map.of("i", Map.of("password", "not-my-password-1"))).data("deleteMyAccount");
        assertThat(refused.path("deleted").asBoolean()).isFalse();
        assertThat(refused.path("userErrors").path(0).path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(refused.path("userErrors").path(0).path("field").asText()).isEqualTo("password");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(id).isNotNull();
            assertThat(sql.value(String.class, "SELECT details->>'reason' FROM audit_events "
                    + "WHERE action = 'password_confirmation_failed' AND subject_id = ?", id)).isEqualTo("wrong_password");
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE details::text LIKE '%not-my-password%'")).isZero();
        }
        assertThat(person.client().execute("{ tasks { totalCount } }").data("tasks").path("totalCount").asInt()).isZero();
    }

    @Test
    void deletingRemovesEveryRowOfThePersonInOneGoAndPseudonymisesTheirAuditTrail() {
        PersonalData data = PersonalData.of(server, TestAccounts.signUp(server.baseUrl(), "UTC"));
        PersonalData bystander = PersonalData.of(server, TestAccounts.signUp(server.baseUrl(), "UTC"));
        GraphQlClient client = data.person().client();
        UUID id = data.userId();
        long auditRows;
        long bystanderMails;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            bystanderMails = sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE recipient = ?", bystander.person().email());
            for (String table : PersonalData.TABLES) {
                assertThat(rowsOf(sql, table, id)).as("the fixture fills " + table).isPositive();
            }
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE recipient = ?", data.person().email())).isPositive();
            auditRows = sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE ? IN (actor_id, subject_id)", id);
            assertThat(auditRows).isPositive();
        }

        GraphQlClient.Response response = client.execute(DELETE, Map.of("i", Map.of("password", PASSWORD)));
        JsonNode deleted = response.data("deleteMyAccount");
        assertThat(deleted.path("userErrors")).isEmpty();
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        assertThat(response.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("pa_refresh=;")
                .contains("Expires=Thu, 1 Jan 1970").contains("Path=/;"));

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            List<String> tables = sql.column(String.class, TABLES_WITH_USER_ID);
            assertThat(tables).containsAll(PersonalData.TABLES.subList(1, PersonalData.TABLES.size()));
            for (String table : tables) {
                assertThat(rowsOf(sql, table, id)).as(table).isZero();
            }
            assertThat(rowsOf(sql, "users", id)).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower(?)",
                    data.person().email())).isZero();

            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE ? IN (actor_id, subject_id)", id)).isZero();
            UUID pseudonym = sql.value(UUID.class, "SELECT actor_id FROM audit_events WHERE action = 'account_deleted' "
                    + "AND outcome = 'success' AND actor_id = subject_id ORDER BY id DESC LIMIT 1");
            assertThat(pseudonym).isNotNull().isNotEqualTo(id);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE ? IN (actor_id, subject_id)", pseudonym))
                    .as("every event of theirs, and the deletion").isEqualTo(auditRows + 1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE ? IN (actor_id, subject_id) "
                    + "AND (ip IS NOT NULL OR user_agent IS NOT NULL OR details->>'email' IS NOT NULL)", pseudonym)).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE details::text ILIKE ?",
                    "%" + data.person().email() + "%")).isZero();

            assertThat(rowsOf(sql, "tasks", bystander.userId())).as("nobody else's data").isEqualTo(3);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE recipient = ?", bystander.person().email()))
                    .as("nobody else's mail").isEqualTo(bystanderMails).isPositive();
        }

        GraphQlClient.Response tasks = client.execute("{ tasks { totalCount } }");
        assertThat(tasks.body().path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(client.execute("mutation { refreshSession { userErrors { code } } }").data("refreshSession")
                .path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
        JsonNode login = new GraphQlClient(server.baseUrl()).execute("mutation L($i: LoginInput!) { login(input: $i) { accessToken } }",
                Map.of("i", Map.of("email", data.person().email(), "password", PASSWORD))).data("login");
        assertThat(login.path("accessToken").isNull()).isTrue();
        assertThat(new GraphQlClient(server.baseUrl()).get(data.icalUrl().substring(data.icalUrl().indexOf("/ical/"))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void everyUserIdColumnCascadesFromUsersSoThatDeletingAnAccountCannotLeaveRowsBehind() {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            List<String> withoutCascade = sql.column(String.class, """
                    SELECT c.table_name FROM information_schema.columns c
                    WHERE c.table_schema = 'public' AND c.column_name = 'user_id' AND NOT EXISTS (
                        SELECT 1 FROM pg_constraint k
                        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                        WHERE k.contype = 'f' AND k.conrelid = format('public.%I', c.table_name)::regclass
                          AND k.confrelid = 'public.users'::regclass AND k.confdeltype = 'c' AND a.attname = 'user_id')""");
            assertThat(withoutCascade).as("user_id columns need REFERENCES users (id) ON DELETE CASCADE").isEmpty();
            assertThat(sql.column(String.class, TABLES_WITH_USER_ID)).hasSizeGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void theLastActiveAdminCannotDeleteTheirAccount() {
        TestAccounts.SignedUp admin = TestAccounts.signUpWithRole(server, "UTC", "admin");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET role = 'user' WHERE role = 'admin' AND email <> ?", admin.email());
        }
        JsonNode refused = admin.client().execute(DELETE, Map.of("i", Map.of("password", PASSWORD))).data("deleteMyAccount");
        assertThat(refused.path("deleted").asBoolean()).isFalse();
        assertThat(refused.path("userErrors").path(0).path("message").asText()).contains("last active admin");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.userId(admin.email())).isNotNull();
            TestAccounts.SignedUp successor = TestAccounts.signUp(server.baseUrl(), "UTC");
            sql.update("UPDATE users SET role = 'admin' WHERE email = ?", successor.email());
        }
        JsonNode deleted = admin.client().execute(DELETE, Map.of("i", Map.of("password", PASSWORD))).data("deleteMyAccount");
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
    }

    private static long rowsOf(TestSql sql, String table, UUID userId) {
        String column = table.equals("users") ? "id" : "user_id";
        // The table name comes from information_schema or the fixture's list, never from input.
        return sql.value(Long.class, "SELECT count(*) FROM " + table + " WHERE " + column + " = ?", userId);
    }
}
