package app.tdah.admin;

import java.time.Duration;
import java.time.Instant;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin view of jobs and nodes, and job-run retention. */
class SchedulerAdminTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String STATUS = "{ scheduler { jobs { name state nextFireTime lastRun { node succeeded durationMs } } "
            + "nodes { instanceId alive } recentFailures { job } } }";

    private static GraphQlClient admin() {
        return TestAccounts.signUpWithRole(server, "UTC", "admin").client();
    }

    @Test
    void anAdminSeesEveryJobWithItsLastRunAndTheLiveNodes() throws Exception {
        GraphQlClient admin = admin();
        server.application().scheduler().triggerNow("purge-expired-tokens");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode status;
        while ((status = admin.execute(STATUS).data("scheduler")).path("jobs").findValues("lastRun").stream()
                .noneMatch(run -> run.path("succeeded").asBoolean())) {
            assertThat(Instant.now()).as("a recorded run within 20 s").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(status.path("jobs").findValuesAsText("name")).contains("purge-expired-tokens", "dispatch-reminders",
                "count-missed-tasks", "send-mail", "send-daily-digests", "apply-retention");
        assertThat(status.path("jobs").findValues("nextFireTime")).allSatisfy(t -> assertThat(t.isNull()).isFalse());
        assertThat(status.path("nodes")).hasSize(1);
        assertThat(status.path("nodes").get(0).path("alive").asBoolean()).isTrue();
    }

    @Test
    void anyoneElseGetsNothing() {
        GraphQlClient person = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        assertThat(person.execute(STATUS).data("scheduler").isNull()).isTrue();
        assertThat(new GraphQlClient(server.baseUrl()).execute(STATUS).data("scheduler").isNull()).isTrue();
    }

    @Test
    void jobRunsOlderThanTwoWeeksAreDeleted() throws Exception {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("INSERT INTO job_runs (job, node, started_at, duration_ms, succeeded) VALUES ('old', 'n', now() - interval '15 days', 1, true)");
            server.application().scheduler().triggerNow("apply-retention");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (sql.value(Long.class, "SELECT count(*) FROM job_runs WHERE job = 'old'") > 0) {
                assertThat(Instant.now()).as("retention applied within 20 s").isBefore(deadline);
                Thread.sleep(100);
            }
        }
    }
}
