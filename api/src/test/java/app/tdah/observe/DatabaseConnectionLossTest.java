package app.tdah.observe;

import java.time.Duration;
import java.time.Instant;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a PostgreSQL restart does to its clients, done to this server's database alone: every connection is cut.
 * The web pool and the scheduler reconnect by themselves, without restarting the app.
 */
class DatabaseConnectionLossTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void afterEveryConnectionIsCutTheApiAndTheSchedulerCarryOn() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            long cut = sql.value(Long.class, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
            assertThat(cut).isPositive();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        GraphQlClient client = person.client();
        while (!client.execute("{ me { email } }").data("me").path("email").asText().equals(person.email())) {
            assertThat(Instant.now()).as("the API answers again within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
        client.execute("mutation { createTask(input: {title: \"after the cut\", dueDate: \"2000-01-03\"}) { userErrors { code } } }");
        // The first scheduler call may still meet a connection that was cut (as any client would once after a
        // restart); the scheduler itself carries on, so ask again until it takes the request.
        while (!triggered()) {
            assertThat(Instant.now()).as("the scheduler takes requests again within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            while (sql.value(Long.class, "SELECT count(*) FROM task_misses m JOIN tasks t ON t.id = m.task_id WHERE t.title = 'after the cut'") == 0) {
                assertThat(Instant.now()).as("the scheduler ran a job against the database again within 30 s").isBefore(deadline);
                Thread.sleep(100);
            }
        }
        GraphQlClient probe = new GraphQlClient(server.baseUrl());
        while (probe.get("/observe/health/ready").statusCode() != 200) {
            assertThat(Instant.now()).as("ready again within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean triggered() {
        try {
            server.application().scheduler().triggerNow("count-missed-tasks");
            return true;
        } catch (org.quartz.SchedulerException e) {
            return false;
        }
    }
}
