package app.tdah.observe;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.RunningServer;
import app.tdah.testing.TestAccounts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its Redis gone, a node keeps serving people (nothing on the request path needs Redis), reports itself not
 * ready, and is ready again once Redis is back. Uses a Redis of its own, so the machine's stays untouched.
 */
class RedisOutageTest {

    private static int redisPort;
    private static RedisServer redis;
    private static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = startRedis();
        server = RunningServer.start(Map.of("pa.redis.url", "redis://127.0.0.1:" + redisPort));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        if (redis.isActive()) {
            redis.stop();
        }
    }

    private static RedisServer startRedis() throws IOException {
        RedisServer server = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
        server.start();
        return server;
    }

    @Test
    void peopleAreServedWhileRedisIsDownAndReadinessFollowsIt() throws Exception {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        assertThat(client.get("/observe/health/ready").statusCode()).isEqualTo(200);

        redis.stop();
        waitForReadiness(client, 503);
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        assertThat(person.client().execute("{ me { email } }").data("me").path("email").asText()).isEqualTo(person.email());
        assertThat(person.client().execute("mutation { captureTask(input: {text: \"buy milk tomorrow\"}) { task { title } } }")
                .data("captureTask").path("task").path("title").asText()).isEqualTo("buy milk");

        redis = startRedis();
        waitForReadiness(client, 200);
    }

    private static void waitForReadiness(GraphQlClient client, int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpResponse<String> ready;
        while ((ready = client.get("/observe/health/ready")).statusCode() != status) {
            assertThat(Instant.now()).as("readiness %d within 30 s; last: %s", status, ready.body()).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
