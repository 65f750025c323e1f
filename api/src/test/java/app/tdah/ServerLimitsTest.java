package app.tdah;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntPredicate;

import app.tdah.testing.RunningServer;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A node serves a bounded number of requests at once; the next one is answered 503 at once instead of piling up. */
class ServerLimitsTest {

    @Test
    void theShippedConfigurationCapsConcurrentRequests() {
        Config config = Config.just(ConfigSources.classpath("application.yaml"));
        assertThat(WebServerConfig.create(config.get("server")).maxConcurrentRequests()).isEqualTo(200);
        assertThat(Main.serverVariables(Map.of("PA_MAX_CONCURRENT_REQUESTS", "50")))
                .containsEntry("server.max-concurrent-requests", "50");
    }

    @Test
    void aRequestBeyondTheCapIsAnswered503UntilOneEnds() throws Exception {
        try (RunningServer server = RunningServer.start(Map.of("server.max-concurrent-requests", "1"))) {
            assertThat(probe(server.port())).isEqualTo(200);

            // A request whose body never comes keeps its handler busy.
            try (Socket slow = new Socket("127.0.0.1", server.port())) {
                OutputStream out = slow.getOutputStream();
                out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(statusEventually(server.port(), status -> status == 503)).isEqualTo(503);
            }
            assertThat(statusEventually(server.port(), status -> status == 200)).isEqualTo(200);
        }
    }

    /** Sends the probe until its status passes, for up to 10 s; returns the last status. */
    private static int statusEventually(int port, IntPredicate wanted) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        int status;
        do {
            status = probe(port);
        } while (!wanted.test(status) && Instant.now().isBefore(deadline));
        return status;
    }

    /**
     * One GET on a connection of its own, closed after the answer: a pooled keep-alive connection would stay open
     * between probes and could hold the one place the slow request is meant to take.
     */
    private static int probe(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /graphql?query=%7BapiVersion%7D HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
