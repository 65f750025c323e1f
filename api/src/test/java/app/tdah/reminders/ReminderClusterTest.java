package app.tdah.reminders;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tdah.testing.TestServices;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three worker nodes, each a separate JVM (as in production: Quartz allows one scheduler of a name per JVM), on one
 * PostgreSQL: 1,000 reminders due within a few seconds are each delivered exactly once, even when one node is killed
 * (SIGKILL) in the middle of the run.
 */
class ReminderClusterTest {

    private static final int REMINDERS = 1_000;
    private static String jdbcUrl;
    private static final List<Process> nodes = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        jdbcUrl = TestServices.createDatabase();
        for (int i = 0; i < 3; i++) {
            nodes.add(startNode(i));
        }
        for (int i = 0; i < 3; i++) {
            waitUntilReady(19_300 + i);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Process node : nodes) {
            node.destroy();
            node.waitFor();
        }
        TestServices.dropDatabase(jdbcUrl);
    }

    private static Process startNode(int index) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "app.tdah.Main")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/cluster-node-" + index + ".log"));
        Map<String, String> env = builder.environment();
        env.put("PA_PORT", Integer.toString(19_300 + index));
        env.put("PA_HOST", "127.0.0.1");
        env.put("PA_ROLES", "worker");
        env.put("PA_DB_URL", jdbcUrl);
        env.put("PA_DB_USER", TestServices.pgUser());
        env.put("PA_DB_PASSWORD", TestServices.pgPassword());
        env.put("PA_REDIS_URL", TestServices.redisUrl());
        env.put("PA_JWT_SECRET", "dGVzdC1vbmx5LWp3dC1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXM=");
        env.put("PA_ENCRYPTION_KEY", "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzISE=");
        return builder.start();
    }

    private static void waitUntilReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the node is still starting
            }
            assertThat(Instant.now()).as("node on port %d ready within 60 s", port).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static long count(Statement s, String query) throws Exception {
        ResultSet rs = s.executeQuery(query);
        rs.next();
        return rs.getLong(1);
    }

    @Test
    void everyReminderIsDeliveredExactlyOnceEvenWhenANodeDies() throws Exception {
        try (Connection c = TestServices.connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, email, password_hash, display_name, time_zone, quiet_start, quiet_end) "
                    + "VALUES (gen_random_uuid(), 'cluster@example.com', 'x', 'C', 'UTC', '00:00', '00:00')");
            s.execute("INSERT INTO tasks (id, user_id, title) SELECT gen_random_uuid(), id, 'clustered' FROM users");
            s.execute("INSERT INTO task_reminders (id, task_id, user_id, remind_at, next_fire_at, channels) "
                    + "SELECT gen_random_uuid(), t.id, t.user_id, f, f, '{IN_APP}' FROM tasks t CROSS JOIN LATERAL "
                    + "(SELECT clock_timestamp() + (g * 8.0 / " + REMINDERS + ") * interval '1 second' AS f FROM generate_series(1, " + REMINDERS + ") g) x");

            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (count(s, "SELECT count(*) FROM reminder_deliveries") < REMINDERS / 4) {
                assertThat(Instant.now()).as("a quarter delivered within 60 s").isBefore(deadline);
                Thread.sleep(50);
            }
            nodes.getFirst().destroyForcibly().waitFor();

            while (count(s, "SELECT count(*) FROM task_reminders WHERE next_fire_at IS NOT NULL") > 0) {
                assertThat(Instant.now()).as("all dispatched within 60 s").isBefore(deadline);
                Thread.sleep(100);
            }
            assertThat(count(s, "SELECT count(*) FROM reminder_deliveries")).isEqualTo(REMINDERS);
            assertThat(count(s, "SELECT count(*) FROM notifications")).isEqualTo(REMINDERS);
            assertThat(count(s, "SELECT count(DISTINCT reminder_id) FROM reminder_deliveries")).isEqualTo(REMINDERS);
            assertThat(count(s, "SELECT count(DISTINCT instance_name) FROM qrtz_scheduler_state")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aWorkerOnlyNodeServesOnlyHealthAndMetrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + (19_300 + 2);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/observe/metrics")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ apiVersion }\"}")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(404);
    }

}
