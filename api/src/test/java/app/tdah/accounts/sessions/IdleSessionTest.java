package app.tdah.accounts.sessions;

import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A session left unused longer than the idle timeout ends, well before its absolute expiry. */
class IdleSessionTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.auth.refresh.idle.days", "14"));

    private static final String REFRESH = "mutation { refreshSession { accessToken userErrors { code } } }";
    private static final String SESSIONS = "{ sessions { totalCount } }";

    @Test
    void aSessionUnusedForFifteenDaysEndsAndOneUsedThirteenDaysAgoGoesOn() {
        TestAccounts.SignedUp idle = TestAccounts.signUp(server.baseUrl(), "UTC");
        TestAccounts.SignedUp active = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient idleDevice = new GraphQlClient(server.baseUrl());
        idleDevice.useRefreshCookie(idle.client().refreshCookie().orElseThrow());
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            // The last rotations were 15 and 13 days ago; sign-in was less than 30 days ago for both.
            age(sql, sql.userId(idle.email()), 15);
            age(sql, sql.userId(active.email()), 13);
        }

        assertThat(idleDevice.execute(REFRESH).data("refreshSession").path("userErrors").path(0).path("code").asText())
                .isEqualTo("NOT_AUTHENTICATED");
        assertThat(idle.client().execute(SESSIONS).data("sessions").isNull()).as("nor do its access tokens work").isTrue();
        assertThat(active.client().execute(SESSIONS).data("sessions").path("totalCount").asInt()).isEqualTo(1);
        assertThat(active.client().execute(REFRESH).data("refreshSession").path("userErrors")).isEmpty();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND used_at IS NULL "
                    + "AND revoked_at IS NULL", sql.userId(idle.email()))).as("nothing was revoked: it lapsed").isEqualTo(1);
        }
    }

    private static void age(TestSql sql, UUID userId, int days) {
        sql.update("UPDATE refresh_tokens SET created_at = now() - make_interval(days => ?) WHERE user_id = ?", days, userId);
    }
}
