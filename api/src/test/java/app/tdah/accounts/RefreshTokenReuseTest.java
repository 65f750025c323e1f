package app.tdah.accounts;

import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A spent refresh token presented after the retry grace is treated as stolen: the whole session family ends. */
class RefreshTokenReuseTest {

    private static final String REFRESH = "mutation { refreshSession { accessToken userErrors { code } } }";

    // No grace: every second presentation is reuse. (Waiting out the default 10 s grace would only slow the test.)
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.auth.refresh.grace.seconds", "0"));

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() {
        GraphQlClient client = TestAccounts.signUpAs(server.baseUrl(), "reuse@example.com", "R", "UTC");
        String spent = client.refreshCookie().orElseThrow();
        assertThat(client.execute(REFRESH).data("refreshSession").path("userErrors")).isEmpty();

        GraphQlClient thief = new GraphQlClient(server.baseUrl());
        thief.useRefreshCookie(spent);
        JsonNode stolen = thief.execute(REFRESH).data("refreshSession");
        assertThat(stolen.path("accessToken").isNull()).isTrue();
        assertThat(stolen.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");

        JsonNode owner = client.execute(REFRESH).data("refreshSession");
        assertThat(owner.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT details->>'revokedTokens' FROM audit_events "
                    + "WHERE action = 'refresh_token_reused' AND outcome = 'denied' AND subject_id = ?",
                    sql.userId("reuse@example.com"))).as("the spent token and the live one").isEqualTo("2");
        }
    }
}
