package app.tdah.admin;

import java.util.ArrayList;
import java.util.HashMap;
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

/** Account administration through the running server: who may do it, what it does at once, and its audit trail. */
class UserAdminApiTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String PASSWORD = "correct-horse-battery-42";
    private static final String USERS = """
            query Users($search: String, $role: Role, $first: Int, $after: String) {
              users(search: $search, role: $role, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { id email displayName role createdAt deactivatedAt } }
              }
            }""";
    private static final String CHANGE_ROLE = """
            mutation C($i: ChangeRoleInput!) { changeRole(input: $i) { user { id role } userErrors { field code message } } }""";
    private static final String DEACTIVATE = """
            mutation D($i: DeactivateUserInput!) { deactivateUser(input: $i) { user { id deactivatedAt } userErrors { code message } } }""";
    private static final String REACTIVATE = """
            mutation R($i: ReactivateUserInput!) { reactivateUser(input: $i) { user { id deactivatedAt } userErrors { code } } }""";
    private static final String AUDIT = """
            query A($first: Int, $after: String, $action: AuditAction, $person: ID, $outcome: AuditOutcome,
                    $from: DateTime, $until: DateTime) {
              auditLog(first: $first, after: $after, action: $action, person: $person, outcome: $outcome, from: $from, until: $until) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { occurredAt action outcome actorId subjectId subject { email } ip userAgent
                                      details { name value } } }
              }
            }""";
    private static final String ME = "{ me { id role } }";
    private static final String TASKS = "{ tasks { totalCount } }";
    private static final String LOGIN = "mutation L($i: LoginInput!) { login(input: $i) { accessToken userErrors { code } } }";
    private static final String REFRESH = "mutation { refreshSession { accessToken userErrors { code } } }";

    @Test
    void onlyAdminsManageUsersAndReadTheAuditLog() {
        GraphQlClient anonymous = new GraphQlClient(server.baseUrl());
        GraphQlClient user = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        GraphQlClient premium = TestAccounts.signUpWithRole(server, "UTC", "premium").client();
        String someone = id(user);

        assertThat(errorCode(anonymous.execute(USERS))).isEqualTo("UNAUTHENTICATED");
        assertThat(payloadError(anonymous.execute(CHANGE_ROLE, input("userId", someone, "role", "ADMIN")), "changeRole"))
                .isEqualTo("NOT_AUTHENTICATED");
        for (GraphQlClient notAdmin : List.of(user, premium)) {
            GraphQlClient.Response users = notAdmin.execute(USERS);
            assertThat(users.data("users").isNull()).isTrue();
            assertThat(errorCode(users)).isEqualTo("FORBIDDEN");
            assertThat(errorCode(notAdmin.execute(AUDIT))).isEqualTo("FORBIDDEN");
            assertThat(payloadError(notAdmin.execute(CHANGE_ROLE, input("userId", id(notAdmin), "role", "ADMIN")), "changeRole"))
                    .isEqualTo("FORBIDDEN");
            assertThat(payloadError(notAdmin.execute(DEACTIVATE, input("userId", someone)), "deactivateUser")).isEqualTo("FORBIDDEN");
            assertThat(payloadError(notAdmin.execute(REACTIVATE, input("userId", someone)), "reactivateUser")).isEqualTo("FORBIDDEN");
        }
        assertThat(user.execute(ME).data("me").path("role").asText()).as("nobody promoted themselves").isEqualTo("USER");
        assertThat(premium.execute(ME).data("me").path("role").asText()).isEqualTo("PREMIUM");
    }

    @Test
    void adminsFindPeopleByAnyPartOfTheirEmailOrNameInAnyCaseNewestFirst() {
        GraphQlClient admin = TestAccounts.signUpWithRole(server, "UTC", "admin").client();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<TestAccounts.SignedUp> people = new ArrayList<>();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            for (int i = 0; i < 3; i++) {
                TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
                sql.update("UPDATE users SET display_name = ?, created_at = now() - make_interval(mins => ?) WHERE email = ?",
                        "Zoë Marchetti-" + tag + "-" + i, 10 - i, person.email());
                people.add(person);
            }
            sql.update("UPDATE users SET role = 'premium' WHERE email = ?", people.get(1).email());
        }

        JsonNode byName = admin.execute(USERS, Map.of("search", "zoË MARCHETTI-" + tag.toUpperCase(), "first", 2)).data("users");
        assertThat(byName.path("totalCount").asInt()).isEqualTo(3);
        assertThat(byName.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(emails(byName)).containsExactly(people.get(2).email(), people.get(1).email());
        JsonNode rest = admin.execute(USERS, Map.of("search", "marchetti-" + tag, "first", 2,
                "after", byName.path("pageInfo").path("endCursor").asText())).data("users");
        assertThat(emails(rest)).containsExactly(people.get(0).email());
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

        String emailPart = people.get(0).email().substring(7, 20).toUpperCase();
        assertThat(emails(admin.execute(USERS, Map.of("search", emailPart)).data("users"))).containsExactly(people.get(0).email());
        JsonNode premiumOnly = admin.execute(USERS, Map.of("search", tag, "role", "PREMIUM")).data("users");
        assertThat(emails(premiumOnly)).containsExactly(people.get(1).email());
        assertThat(premiumOnly.path("edges").path(0).path("node").path("role").asText()).isEqualTo("PREMIUM");
        assertThat(premiumOnly.path("edges").path(0).path("node").path("id").asText()).isEqualTo(id(people.get(1).client()));

        GraphQlClient.Response tooMany = admin.execute(USERS, Map.of("first", 101));
        assertThat(tooMany.body().path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("BAD_ARGUMENT");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'users_searched' AND actor_id = ? "
                    + "AND details->>'role' = 'premium' AND details->>'search' = 'yes'", adminId(admin))).isEqualTo(1L);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE details::text ILIKE ?", "%" + tag + "%"))
                    .as("the search text, possibly someone's email, is not kept").isZero();
        }
    }

    @Test
    void aRoleChangeAppliesToThePersonsNextRequestAndIsAudited() {
        GraphQlClient admin = TestAccounts.signUpWithRole(server, "UTC", "admin").client();
        GraphQlClient person = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        String personId = id(person);

        JsonNode premium = admin.execute(CHANGE_ROLE, input("userId", personId, "role", "PREMIUM")).data("changeRole");
        assertThat(premium.path("userErrors")).isEmpty();
        assertThat(premium.path("user").path("role").asText()).isEqualTo("PREMIUM");
        assertThat(person.execute(ME).data("me").path("role").asText()).isEqualTo("PREMIUM");
        assertThat(errorCode(person.execute(USERS))).isEqualTo("FORBIDDEN");

        admin.execute(CHANGE_ROLE, input("userId", personId, "role", "ADMIN"));
        assertThat(person.execute(USERS).data("users").path("totalCount").asInt()).as("same access token, new role").isPositive();

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID subject = adminId(person);
            assertThat(sql.value(String.class, "SELECT string_agg(details->>'from' || '>' || (details->>'to'), ',' ORDER BY id) "
                    + "FROM audit_events WHERE action = 'role_changed' AND outcome = 'success' AND actor_id = ? AND subject_id = ?",
                    adminId(admin), subject)).isEqualTo("user>premium,premium>admin");
        }
        JsonNode unknown = admin.execute(CHANGE_ROLE, input("userId", encodeUser(UUID.randomUUID()), "role", "ADMIN")).data("changeRole");
        assertThat(unknown.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_FOUND");
        JsonNode malformed = admin.execute(CHANGE_ROLE, input("userId", "not-an-id", "role", "ADMIN")).data("changeRole");
        assertThat(malformed.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theLastActiveAdminCannotDemoteThemselvesButCanOnceThereIsAnother() {
        TestAccounts.SignedUp only = TestAccounts.signUpWithRole(server, "UTC", "admin");
        TestAccounts.SignedUp formerAdmin = TestAccounts.signUpWithRole(server, "UTC", "admin");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            // Other tests' admins step down, and a deactivated admin does not count as one.
            sql.update("UPDATE users SET role = 'user' WHERE role = 'admin' AND email NOT IN (?, ?)", only.email(), formerAdmin.email());
            sql.update("UPDATE users SET deactivated_at = now() WHERE email = ?", formerAdmin.email());
        }
        GraphQlClient admin = only.client();
        String self = id(admin);

        JsonNode refused = admin.execute(CHANGE_ROLE, input("userId", self, "role", "USER")).data("changeRole");
        assertThat(refused.path("user").isNull()).isTrue();
        assertThat(refused.path("userErrors").path(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(refused.path("userErrors").path(0).path("message").asText()).contains("last active admin");
        assertThat(admin.execute(ME).data("me").path("role").asText()).isEqualTo("ADMIN");
        JsonNode stillAdmin = admin.execute(CHANGE_ROLE, input("userId", self, "role", "ADMIN")).data("changeRole");
        assertThat(stillAdmin.path("userErrors")).as("keeping the role is no demotion").isEmpty();

        GraphQlClient successor = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        admin.execute(CHANGE_ROLE, input("userId", id(successor), "role", "ADMIN"));
        JsonNode demoted = admin.execute(CHANGE_ROLE, input("userId", self, "role", "PREMIUM")).data("changeRole");
        assertThat(demoted.path("userErrors")).isEmpty();
        assertThat(admin.execute(ME).data("me").path("role").asText()).isEqualTo("PREMIUM");
        assertThat(errorCode(admin.execute(USERS))).isEqualTo("FORBIDDEN");

        JsonNode lastOne = successor.execute(CHANGE_ROLE, input("userId", id(successor), "role", "USER")).data("changeRole");
        assertThat(lastOne.path("userErrors").path(0).path("code").asText()).isEqualTo("INVALID");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'role_changed' AND outcome = 'failure' "
                    + "AND details->>'reason' = 'last_active_admin' AND subject_id IN (?, ?)", adminId(admin), adminId(successor)))
                    .isEqualTo(2L);
        }
    }

    @Test
    void deactivationEndsTheAccessTokenAndEverySessionAtOnceAndReactivationLetsThePersonSignInAgain() {
        GraphQlClient admin = TestAccounts.signUpWithRole(server, "UTC", "admin").client();
        TestAccounts.SignedUp signedUp = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient person = signedUp.client();
        GraphQlClient otherDevice = new GraphQlClient(server.baseUrl());
        otherDevice.execute(LOGIN, input("email", signedUp.email(), "password", PASSWORD));
        assertThat(person.execute(TASKS).data("tasks").path("totalCount").asInt()).isZero();
        String spentCookie = person.refreshCookie().orElseThrow();

        JsonNode deactivated = admin.execute(DEACTIVATE, input("userId", id(person))).data("deactivateUser");
        assertThat(deactivated.path("userErrors")).isEmpty();
        assertThat(deactivated.path("user").path("deactivatedAt").asText()).isNotEmpty();

        GraphQlClient.Response tasks = person.execute(TASKS);
        assertThat(tasks.data("tasks").isNull()).isTrue();
        assertThat(errorCode(tasks)).as("the unexpired access token stops working").isEqualTo("UNAUTHENTICATED");
        assertThat(payloadError(person.execute(REFRESH), "refreshSession")).isEqualTo("NOT_AUTHENTICATED");
        assertThat(payloadError(otherDevice.execute(REFRESH), "refreshSession")).isEqualTo("NOT_AUTHENTICATED");
        JsonNode login = new GraphQlClient(server.baseUrl()).execute(LOGIN, input("email", signedUp.email(), "password", PASSWORD))
                .data("login");
        assertThat(login.path("accessToken").isNull()).isTrue();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID personId = sql.userId(signedUp.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", personId))
                    .isZero();
            assertThat(sql.value(String.class, "SELECT details->>'revokedTokens' FROM audit_events WHERE action = 'account_deactivated' "
                    + "AND outcome = 'success' AND actor_id = ? AND subject_id = ?", adminId(admin), personId)).isEqualTo("2");
        }

        JsonNode reactivated = admin.execute(REACTIVATE, input("userId", id(admin, signedUp.email()))).data("reactivateUser");
        assertThat(reactivated.path("userErrors")).isEmpty();
        assertThat(reactivated.path("user").path("deactivatedAt").isNull()).isTrue();
        GraphQlClient thief = new GraphQlClient(server.baseUrl());
        thief.useRefreshCookie(spentCookie);
        assertThat(payloadError(thief.execute(REFRESH), "refreshSession")).as("old sessions stay ended").isEqualTo("NOT_AUTHENTICATED");
        JsonNode again = new GraphQlClient(server.baseUrl()).execute(LOGIN, input("email", signedUp.email(), "password", PASSWORD))
                .data("login");
        assertThat(again.path("accessToken").asText()).isNotEmpty();
    }

    @Test
    void anAdminCannotDeactivateThemselvesNorSomeoneWhoDoesNotExist() {
        GraphQlClient admin = TestAccounts.signUpWithRole(server, "UTC", "admin").client();
        JsonNode self = admin.execute(DEACTIVATE, input("userId", id(admin))).data("deactivateUser");
        assertThat(self.path("userErrors").path(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(admin.execute(USERS, Map.of("first", 1)).data("users").isNull()).as("still an active admin").isFalse();
        JsonNode nobody = admin.execute(DEACTIVATE, input("userId", encodeUser(UUID.randomUUID()))).data("deactivateUser");
        assertThat(nobody.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_FOUND");
        JsonNode nobodyBack = admin.execute(REACTIVATE, input("userId", encodeUser(UUID.randomUUID()))).data("reactivateUser");
        assertThat(nobodyBack.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theAuditLogPagesNewestFirstAndFiltersByActionPersonOutcomeAndTime() {
        GraphQlClient admin = TestAccounts.signUpWithRole(server, "UTC", "admin").client();
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient stranger = new GraphQlClient(server.baseUrl());
        for (int i = 0; i < 3; i++) {
            stranger.execute(LOGIN, input("email", person.email(), "password", "wrong-password-" + i));
        }
        stranger.execute(LOGIN, input("email", person.email(), "password", PASSWORD));
        String personId = id(person.client());

        Map<String, Object> failures = Map.of("person", personId, "action", "SIGN_IN_FAILED");
        JsonNode first = audit(admin, failures, 2);
        assertThat(first.path("totalCount").asInt()).isEqualTo(3);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode second = audit(admin, with(failures, "after", first.path("pageInfo").path("endCursor").asText()), 2);
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        List<String> attempts = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            for (JsonNode edge : page.path("edges")) {
                JsonNode event = edge.path("node");
                assertThat(event.path("action").asText()).isEqualTo("SIGN_IN_FAILED");
                assertThat(event.path("outcome").asText()).isEqualTo("FAILURE");
                assertThat(event.path("subjectId").asText()).isEqualTo(personId);
                assertThat(event.path("subject").path("email").asText()).isEqualTo(person.email());
                assertThat(event.path("actorId").isNull()).isTrue();
                assertThat(event.path("ip").asText()).isNotEmpty();
                attempts.add(detail(event, "attempt"));
            }
        }
        assertThat(attempts).as("newest first, each event once").containsExactly("3", "2", "1");

        JsonNode successes = audit(admin, Map.of("person", personId, "outcome", "SUCCESS", "action", "SIGN_IN"), 10);
        assertThat(successes.path("totalCount").asInt()).as("the sign-in after sign-up, and the one after the failures").isEqualTo(2);
        JsonNode all = audit(admin, Map.of("person", personId), 100);
        assertThat(actions(all)).containsSubsequence("SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN",
                "REGISTERED");

        List<JsonNode> failed = new ArrayList<>();
        first.path("edges").forEach(e -> failed.add(e.path("node")));
        second.path("edges").forEach(e -> failed.add(e.path("node")));
        JsonNode window = audit(admin, with(failures, "from", failed.get(2).path("occurredAt").asText(),
                "until", failed.get(0).path("occurredAt").asText()), 10);
        assertThat(window.path("edges")).allSatisfy(e -> assertThat(detail(e.path("node"), "attempt")).isIn("1", "2"));
        assertThat(window.path("totalCount").asInt()).as("from inclusive, until exclusive").isEqualTo(2);
        assertThat(audit(admin, with(failures, "from", failed.get(0).path("occurredAt").asText()), 10).path("edges"))
                .anySatisfy(e -> assertThat(detail(e.path("node"), "attempt")).isEqualTo("3"));

        assertThat(audit(admin, Map.of("person", "bm90LWEtcGVyc29u"), 10).path("totalCount").asInt()).isZero();
        GraphQlClient.Response badCursor = admin.execute(AUDIT, Map.of("after", "garbage"));
        assertThat(badCursor.body().path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("BAD_ARGUMENT");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'audit_log_read' AND actor_id = ? "
                    + "AND subject_id = ?", adminId(admin), sql.userId(person.email()))).as("each read of the person's trail")
                    .isGreaterThanOrEqualTo(5L);
        }
    }

    private static JsonNode audit(GraphQlClient admin, Map<String, Object> variables, int first) {
        GraphQlClient.Response response = admin.execute(AUDIT, with(variables, "first", first));
        assertThat(response.body().path("errors").isMissingNode()).as(response.body().toString()).isTrue();
        return response.data("auditLog");
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> all = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            all.put((String) more[i], more[i + 1]);
        }
        return all;
    }

    private static String detail(JsonNode event, String name) {
        for (JsonNode d : event.path("details")) {
            if (d.path("name").asText().equals(name)) {
                return d.path("value").asText();
            }
        }
        return null;
    }

    private static List<String> actions(JsonNode connection) {
        List<String> actions = new ArrayList<>();
        connection.path("edges").forEach(e -> actions.add(e.path("node").path("action").asText()));
        return actions;
    }

    private static List<String> emails(JsonNode connection) {
        List<String> emails = new ArrayList<>();
        connection.path("edges").forEach(e -> emails.add(e.path("node").path("email").asText()));
        return emails;
    }

    private static Map<String, Object> input(Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return Map.of("i", input);
    }

    private static String id(GraphQlClient client) {
        return client.execute(ME).data("me").path("id").asText();
    }

    /** A person's id as an admin finds it by email. */
    private static String id(GraphQlClient admin, String email) {
        return admin.execute(USERS, Map.of("search", email)).data("users").path("edges").path(0).path("node").path("id").asText();
    }

    private static UUID adminId(GraphQlClient client) {
        return app.tdah.graphql.GlobalId.decode("User", id(client)).orElseThrow();
    }

    private static String encodeUser(UUID id) {
        return app.tdah.graphql.GlobalId.encode("User", id);
    }

    private static String errorCode(GraphQlClient.Response response) {
        return response.body().path("errors").path(0).path("extensions").path("code").asText();
    }

    private static String payloadError(GraphQlClient.Response response, String field) {
        return response.data(field).path("userErrors").path(0).path("code").asText();
    }
}
