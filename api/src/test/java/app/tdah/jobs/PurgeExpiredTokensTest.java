package app.tdah.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestServices;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The purge job, run by the clustered Quartz scheduler against the real database. */
class PurgeExpiredTokensTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void expiredRefreshTokensArePurgedAndLiveOnesKept() throws Exception {
        TestAccounts.signUpAs(server.baseUrl(), "purge@example.com", "P", "UTC"); // one live session
        try (Connection c = TestServices.connect(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at) "
                    + "SELECT gen_random_uuid(), id, gen_random_uuid(), decode(md5(random()::text), 'hex'), now() - interval '1 day' "
                    + "FROM users");
            assertThat(count(s, "expires_at < now()")).isEqualTo(1);

            server.application().scheduler().triggerNow("purge-expired-tokens");

            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (count(s, "expires_at < now()") > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50); // polling a condition with a deadline, not a fixed wait
            }
            assertThat(count(s, "expires_at < now()")).isZero();
            assertThat(count(s, "expires_at > now()")).isEqualTo(1);
        }
    }

    @Test
    void everyJobRunIsMeasuredOnTheNodeThatRanIt() throws Exception {
        server.application().scheduler().triggerNow("purge-expired-tokens");
        java.util.regex.Pattern runs = java.util.regex.Pattern.compile("jobs_runs_total\\{job=\"purge-expired-tokens\",[^}]*\\} [1-9]");
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!runs.matcher(client.get("/observe/metrics").body()).find()) {
            assertThat(Instant.now()).as("the run is counted within 20 s").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(client.get("/observe/metrics").body()).contains("jobs_duration_seconds_bucket{job=\"purge-expired-tokens\"");
    }

    @Test
    void theSchedulerRunsClusteredOnPostgres() throws Exception {
        try (Connection c = TestServices.connect(server.jdbcUrl()); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'personal-assistant'");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static int count(Statement s, String condition) throws Exception {
        ResultSet rs = s.executeQuery("SELECT count(*) FROM refresh_tokens WHERE " + condition);
        rs.next();
        return rs.getInt(1);
    }
}
