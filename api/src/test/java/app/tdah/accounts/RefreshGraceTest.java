package app.tdah.accounts;

import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spent refresh token presented again within the grace (a page reloaded mid-refresh) works once, replacing the
 * successor its browser never received: a session family never has two live tokens, whoever replays the spent one.
 */
class RefreshGraceTest {

    private static final String REFRESH = "mutation { refreshSession { accessToken userErrors { code } } }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.auth.refresh.grace.seconds", "60"));

    @Test
    void aRetryWithinTheGraceReplacesTheFirstSuccessorAndASecondRetryEndsTheSession() {
        GraphQlClient browser = TestAccounts.signUpAs(server.baseUrl(), "grace@example.com", "G", "UTC");
        String spent = browser.refreshCookie().orElseThrow();
        GraphQlClient lostAnswer = new GraphQlClient(server.baseUrl());
        lostAnswer.useRefreshCookie(spent);
        assertThat(lostAnswer.execute(REFRESH).data("refreshSession").path("userErrors")).isEmpty();
        String firstSuccessor = lostAnswer.refreshCookie().orElseThrow();

        // The reloaded page retries with the spent cookie: it works, and the successor it never saw is dead.
        browser.useRefreshCookie(spent);
        assertThat(browser.execute(REFRESH).data("refreshSession").path("userErrors")).isEmpty();
        assertThat(browser.refreshCookie()).isPresent().get().isNotEqualTo(firstSuccessor);
        assertThat(code(lostAnswer.execute(REFRESH))).isEqualTo("NOT_AUTHENTICATED");

        // A second retry of the same spent token is not a reload: it is a copy, and the whole family ends.
        GraphQlClient replay = new GraphQlClient(server.baseUrl());
        replay.useRefreshCookie(spent);
        assertThat(code(replay.execute(REFRESH))).isEqualTo("NOT_AUTHENTICATED");
        assertThat(code(browser.execute(REFRESH))).isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void manyReplaysWithinTheGraceMintAtMostOneToken() {
        GraphQlClient owner = TestAccounts.signUpAs(server.baseUrl(), "fork@example.com", "F", "UTC");
        String spent = owner.refreshCookie().orElseThrow();
        assertThat(owner.execute(REFRESH).data("refreshSession").path("userErrors")).isEmpty();

        int minted = 0;
        for (int i = 0; i < 5; i++) {
            GraphQlClient replay = new GraphQlClient(server.baseUrl());
            replay.useRefreshCookie(spent);
            if (!replay.execute(REFRESH).data("refreshSession").path("accessToken").isNull()) {
                minted++;
            }
        }
        assertThat(minted).isEqualTo(1);
    }

    private static String code(GraphQlClient.Response response) {
        JsonNode payload = response.data("refreshSession");
        return payload.path("userErrors").path(0).path("code").asText();
    }
}
