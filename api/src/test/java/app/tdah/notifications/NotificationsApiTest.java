package app.tdah.notifications;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestServices;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsApiTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String PAGE = "query P($after: String, $unread: Boolean) { notifications(first: 2, after: $after, unreadOnly: $unread) "
            + "{ totalCount unreadCount pageInfo { hasNextPage endCursor } edges { node { id title readAt } } } }";

    private static void notify(String email, String... titles) throws Exception {
        try (Connection c = TestServices.connect(server.jdbcUrl()); Statement s = c.createStatement()) {
            for (int i = 0; i < titles.length; i++) {
                s.execute("INSERT INTO notifications (id, user_id, title, created_at) SELECT gen_random_uuid(), id, '" + titles[i]
                        + "', now() - interval '" + (titles.length - i) + " minutes' FROM users WHERE email = '" + email + "'");
            }
        }
    }

    private static JsonNode page(GraphQlClient client, String after, boolean unreadOnly) {
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("after", after);
        variables.put("unread", unreadOnly);
        return client.execute(PAGE, variables).data("notifications");
    }

    @Test
    void notificationsArePagedNewestFirstAndCanBeMarkedRead() throws Exception {
        TestAccounts.SignedUp ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        TestAccounts.SignedUp bob = TestAccounts.signUp(server.baseUrl(), "UTC");
        notify(ada.email(), "first", "second", "third");
        notify(bob.email(), "for bob");

        JsonNode first = page(ada.client(), null, false);
        assertThat(first.path("totalCount").asInt()).isEqualTo(3);
        assertThat(first.path("unreadCount").asInt()).isEqualTo(3);
        assertThat(first.path("edges").findValuesAsText("title")).containsExactly("third", "second");
        JsonNode second = page(ada.client(), first.path("pageInfo").path("endCursor").asText(), false);
        assertThat(second.path("edges").findValuesAsText("title")).containsExactly("first");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

        String thirdId = first.path("edges").get(0).path("node").path("id").asText();
        String bobsId = page(bob.client(), null, false).path("edges").get(0).path("node").path("id").asText();
        JsonNode marked = ada.client().execute("mutation M($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { unreadCount } }",
                Map.of("i", Map.of("ids", List.of(thirdId, bobsId)))).data("markNotificationsRead");
        assertThat(marked.path("unreadCount").asInt()).isEqualTo(2);
        assertThat(page(bob.client(), null, false).path("unreadCount").asInt()).isEqualTo(1);
        assertThat(page(ada.client(), null, true).path("edges").findValuesAsText("title")).containsExactly("second", "first");

        JsonNode all = ada.client().execute("mutation { markNotificationsRead(input: {}) { unreadCount } }").data("markNotificationsRead");
        assertThat(all.path("unreadCount").asInt()).isZero();
        assertThat(page(bob.client(), null, false).path("unreadCount").asInt()).isEqualTo(1);
    }

    @Test
    void anonymousCallersGetNothing() {
        assertThat(new GraphQlClient(server.baseUrl()).execute("{ notifications { totalCount } }").data("notifications").isNull()).isTrue();
    }
}
