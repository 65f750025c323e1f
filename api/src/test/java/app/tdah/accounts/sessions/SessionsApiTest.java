package app.tdah.accounts.sessions;

import java.util.ArrayList;
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

/** A person's sessions through the API: listed with the current one marked, ended one by one or all but this one. */
class SessionsApiTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String PASSWORD = "correct-horse-battery-42";
    private static final String SESSIONS = """
            query S($first: Int, $after: String) {
              sessions(first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { id userAgent ip createdAt lastSeenAt expiresAt current } }
              }
            }""";
    private static final String REFRESH = "mutation { refreshSession { accessToken userErrors { code } } }";
    private static final String REVOKE = "mutation R($i: RevokeSessionInput!) { revokeSession(input: $i) { userErrors { field code message } } }";

    @Test
    void liveSessionsAreListedWithTheCurrentOneMarked() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient laptop = signIn(person.email());
        GraphQlClient phone = signIn(person.email());
        assertThat(refresh(person.client())).as("a refresh rotates within the session, making none").isTrue();

        List<JsonNode> seenFromLaptop = sessions(laptop);
        List<JsonNode> seenFromPhone = sessions(phone);

        assertThat(seenFromLaptop).hasSize(3);
        assertThat(seenFromLaptop).filteredOn(s -> s.path("current").asBoolean()).hasSize(1);
        assertThat(seenFromPhone).filteredOn(s -> s.path("current").asBoolean()).hasSize(1);
        assertThat(currentId(laptop)).isNotEqualTo(currentId(phone)).isNotEqualTo(currentId(person.client()));
        for (JsonNode session : seenFromLaptop) {
            assertThat(session.path("userAgent").asText()).startsWith("Java-http-client");
            assertThat(session.path("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(session.path("lastSeenAt").asText()).isGreaterThanOrEqualTo(session.path("createdAt").asText());
            assertThat(session.path("expiresAt").asText()).isGreaterThan(session.path("lastSeenAt").asText());
        }
        JsonNode refreshed = seenFromLaptop.stream().filter(s -> s.path("id").asText().equals(currentId(person.client())))
                .findFirst().orElseThrow();
        assertThat(refreshed.path("lastSeenAt").asText()).as("last seen is the latest rotation")
                .isGreaterThan(refreshed.path("createdAt").asText());
        JsonNode node = laptop.execute("query N($id: ID!) { node(id: $id) { ... on Session { id current } } }",
                Map.of("id", currentId(phone))).data("node");
        assertThat(node.path("id").asText()).isEqualTo(currentId(phone));
    }

    @Test
    void sessionsArePagedNewestSignInFirst() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient second = signIn(person.email());
        GraphQlClient third = signIn(person.email());

        JsonNode firstPage = second.execute(SESSIONS, Map.of("first", 2)).data("sessions");
        JsonNode secondPage = second.execute(SESSIONS, Map.of("first", 2,
                "after", firstPage.path("pageInfo").path("endCursor").asText())).data("sessions");

        assertThat(firstPage.path("totalCount").asInt()).isEqualTo(3);
        assertThat(firstPage.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(ids(firstPage)).containsExactly(currentId(third), currentId(second));
        assertThat(ids(secondPage)).containsExactly(currentId(person.client()));
        assertThat(secondPage.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(second.execute(SESSIONS, Map.of("first", 101)).body().path("errors").get(0).path("message").asText())
                .contains("first must be between 0 and 100");
    }

    @Test
    void aRevokedSessionCanNoLongerRefreshAndTheOthersCarryOn() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient stolenPhone = signIn(person.email());
        String phoneSession = currentId(stolenPhone);

        JsonNode revoked = person.client().execute(REVOKE, Map.of("i", Map.of("id", phoneSession))).data("revokeSession");

        assertThat(revoked.path("userErrors")).isEmpty();
        assertThat(refresh(stolenPhone)).isFalse();
        assertThat(refresh(person.client())).isTrue();
        assertThat(ids(person.client().execute(SESSIONS).data("sessions"))).containsExactly(currentId(person.client()));
        assertThat(person.client().execute(REVOKE, Map.of("i", Map.of("id", phoneSession))).data("revokeSession")
                .path("userErrors").get(0).path("code").asText()).as("an ended session is not found").isEqualTo("NOT_FOUND");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'session_revoked' "
                    + "AND actor_id = ? AND subject_id = ? AND outcome = 'success'", id, id)).isEqualTo(1);
        }
    }

    @Test
    void someoneElsesSessionIsNotFoundAndKeepsWorking() {
        TestAccounts.SignedUp owner = TestAccounts.signUp(server.baseUrl(), "UTC");
        TestAccounts.SignedUp intruder = TestAccounts.signUp(server.baseUrl(), "UTC");
        String ownersSession = currentId(owner.client());

        for (String id : List.of(ownersSession, "not-an-id", currentId(intruder.client()).substring(0, 10))) {
            JsonNode answer = intruder.client().execute(REVOKE, Map.of("i", Map.of("id", id))).data("revokeSession");
            assertThat(answer.path("userErrors").get(0).path("code").asText()).as(id).isEqualTo("NOT_FOUND");
            assertThat(answer.path("userErrors").get(0).path("field").asText()).isEqualTo("id");
        }
        assertThat(intruder.client().execute("query N($id: ID!) { node(id: $id) { id } }", Map.of("id", ownersSession))
                .data("node").isNull()).isTrue();
        assertThat(refresh(owner.client())).isTrue();
        assertThat(sessions(intruder.client())).extracting(s -> s.path("id").asText()).doesNotContain(ownersSession);
    }

    @Test
    void revokingTheOtherSessionsKeepsOnlyThisOne() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient tablet = signIn(person.email());
        GraphQlClient phone = signIn(person.email());

        JsonNode answer = tablet.execute("mutation { revokeOtherSessions { revokedCount userErrors { code } } }")
                .data("revokeOtherSessions");

        assertThat(answer.path("userErrors")).isEmpty();
        assertThat(answer.path("revokedCount").asInt()).isEqualTo(2);
        assertThat(refresh(person.client())).isFalse();
        assertThat(refresh(phone)).isFalse();
        assertThat(refresh(tablet)).isTrue();
        List<JsonNode> left = sessions(tablet);
        assertThat(left).hasSize(1);
        assertThat(left.getFirst().path("current").asBoolean()).isTrue();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT details->>'revokedSessions' FROM audit_events "
                    + "WHERE action = 'other_sessions_revoked' AND subject_id = ?", sql.userId(person.email()))).isEqualTo("2");
        }
    }

    @Test
    void anonymousCallersSeeNoSessions() {
        GraphQlClient anonymous = new GraphQlClient(server.baseUrl());
        assertThat(anonymous.execute(SESSIONS).data("sessions").isNull()).isTrue();
        assertThat(anonymous.execute("mutation { revokeOtherSessions { userErrors { code } } }").data("revokeOtherSessions")
                .path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
    }

    private static GraphQlClient signIn(String email) {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        JsonNode login = client.execute("mutation L($i: LoginInput!) { login(input: $i) { accessToken } }",
                Map.of("i", Map.of("email", email, "password", PASSWORD))).data("login");
        client.useAccessToken(login.path("accessToken").asText());
        return client;
    }

    /** Refreshes with the client's cookie; true when it worked (the client then holds the rotated cookie). */
    private static boolean refresh(GraphQlClient client) {
        JsonNode answer = client.execute(REFRESH).data("refreshSession");
        if (answer.path("accessToken").isTextual()) {
            client.useAccessToken(answer.path("accessToken").asText());
            return true;
        }
        return false;
    }

    private static List<JsonNode> sessions(GraphQlClient client) {
        List<JsonNode> sessions = new ArrayList<>();
        client.execute(SESSIONS, Map.of("first", 100)).data("sessions").path("edges").forEach(e -> sessions.add(e.path("node")));
        return sessions;
    }

    private static String currentId(GraphQlClient client) {
        return sessions(client).stream().filter(s -> s.path("current").asBoolean()).findFirst().orElseThrow()
                .path("id").asText();
    }

    private static List<String> ids(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.path("edges").forEach(e -> ids.add(e.path("node").path("id").asText()));
        return ids;
    }
}
